import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import { BIDDER_ID_CELL, BIDDER_NAME_CELL, INSTRUCTIONS, META, workbookSheetNames, type SheetLayout } from './layout';
import { atCell, normalise, onSheet, quote, type Problem } from './problems';
import { cellOf, shown, type SheetSnapshot, type WorkbookSnapshot } from './read-workbook';

const MOVED = 'sheets may not be renamed or reordered';
const EDITED = 'the bidder’s name and id must not be changed';

/**
 * Holds the workbook's sheets to the ones generated (record.layout): none added or removed, and each bidder
 * sheet still the same bidder's — its name, the bidder's name and id in its locked cells, and its place
 * all agreeing — since exceljs cannot lock a workbook's structure and two swapped tab names would otherwise
 * import one bidder's scores as another's. Returns the problems and the bidder sheets found to be what they
 * claim, which alone are read for scores.
 */
export function checkSheets(file: WorkbookSnapshot, layout: readonly SheetLayout[], bidderNames: ReadonlyMap<string, string>) {
  const problems: Problem[] = [];
  const expected = workbookSheetNames(layout);
  const actual = file.sheets.map((s) => s.name);
  const byBidder = new Map(layout.map((s) => [s.bidderId, s]));
  const bidderName = (s: SheetLayout) => quote(bidderNames.get(s.bidderId) ?? s.sheetName);
  const holds = (holder: SheetLayout) =>
    `this sheet holds the scores of bidder ${bidderName(holder)}, whose sheet was generated as ${quote(holder.sheetName)}: ${MOVED}`;

  const renamed = new Set<string>();
  for (const snapshot of file.sheets) {
    if (expected.includes(snapshot.name)) continue;
    const holder = byBidder.get(idIn(snapshot));
    if (holder && !actual.includes(holder.sheetName)) {
      renamed.add(holder.sheetName);
      problems.push(atCell(snapshot.name, BIDDER_ID_CELL, holds(holder)));
    } else {
      problems.push(onSheet(snapshot.name, 'this sheet is not part of the score sheet that was generated: sheets must not be added or renamed'));
    }
  }
  for (const name of expected)
    if (!actual.includes(name) && !renamed.has(name)) problems.push(onSheet(name, 'this sheet is missing: sheets must not be renamed or deleted'));

  const bound: SheetLayout[] = [];
  for (const sheet of layout) {
    const snapshot = file.sheets.find((s) => s.name === sheet.sheetName);
    if (!snapshot) continue;
    const id = idIn(snapshot);
    const name = normalise(shown(cellOf(snapshot, BIDDER_NAME_CELL)));
    const ownName = normalise(safe(bidderNames.get(sheet.bidderId) ?? ''));
    const holder = byBidder.get(id);
    if (id === sheet.bidderId && name === ownName) bound.push(sheet);
    else if (id === sheet.bidderId) {
      problems.push(
        atCell(sheet.sheetName, BIDDER_NAME_CELL, `expected ${bidderName(sheet)} but found ${name ? quote(name) : 'nothing'}: ${EDITED}`),
      );
    } else if (holder && name !== ownName) problems.push(atCell(sheet.sheetName, BIDDER_ID_CELL, holds(holder)));
    else {
      problems.push(
        atCell(sheet.sheetName, BIDDER_ID_CELL, `expected the id of bidder ${bidderName(sheet)} but found ${id ? quote(id) : 'nothing'}: ${EDITED}`),
      );
    }
  }

  // Sheets are compared by place only when the same ones are all there; a sheet that is not its bidder's is reported above.
  if (expected.length === actual.length && expected.every((name) => actual.includes(name))) {
    const placed = new Set([INSTRUCTIONS, META, ...bound.map((s) => s.sheetName)]);
    actual.forEach((name, i) => {
      if (name === expected[i] || !placed.has(name)) return;
      problems.push(
        onSheet(name, `this sheet has been moved to position ${i + 1}; it was generated at position ${expected.indexOf(name) + 1}: ${MOVED}`),
      );
    });
  }
  return { problems, bound };
}

const idIn = (sheet: SheetSnapshot) => shown(cellOf(sheet, BIDDER_ID_CELL)).trim();
