import type { Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { checkSheets } from './check-sheets';
import { fixedCells, type SheetLayout } from './layout';
import { atCell, normalise, onSheet, quote } from './problems';
import { cellOf, shown, type WorkbookSnapshot } from './read-workbook';

/** A moved or deleted row changes every cell below it: the first few are listed, the rest counted. */
const LISTED_PER_SHEET = 5;

/**
 * Holds the workbook to the structure that was generated: the same sheets, each its own bidder's and in its
 * place (check-sheets.ts), and on each bidder sheet the same headings and criterion rows, cell for cell.
 * Returns the problems and the bidder sheets that are there and are their bidder's, which are all read for
 * scores too, so that one pass lists every problem (nothing is recorded unless there are none).
 */
export function checkStructure(
  file: WorkbookSnapshot,
  layout: readonly SheetLayout[],
  framework: Framework,
  settings: EvaluationSettings,
  bidderNames: ReadonlyMap<string, string>,
) {
  const { problems, bound } = checkSheets(file, layout, bidderNames);
  for (const sheet of bound) {
    const snapshot = file.sheets.find((s) => s.name === sheet.sheetName)!;
    let changed = 0;
    for (const [address, text] of fixedCells(framework, settings.scale, settings.rules.rationaleMinLength, sheet)) {
      const found = shown(cellOf(snapshot, address));
      if (normalise(found) === normalise(text)) continue;
      if (++changed <= LISTED_PER_SHEET) {
        problems.push(
          atCell(
            sheet.sheetName,
            address,
            `expected ${quote(text)} but found ${found ? quote(found) : 'nothing'}: criterion rows and headings must not be changed, moved or deleted`,
          ),
        );
      }
    }
    if (changed > LISTED_PER_SHEET)
      problems.push(
        onSheet(
          sheet.sheetName,
          `${changed - LISTED_PER_SHEET} more cells of its criterion rows or headings differ from the score sheet that was generated`,
        ),
      );
  }
  return { problems, present: bound };
}
