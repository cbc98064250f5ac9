import { accessTo } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { currentEntries, sealedAt } from '../scoring/repo';
import { sealCell } from './layout';
import { atCell, onSheet, type Problem } from './problems';
import type { SheetReading } from './read-entries';
import type { ScoreSheetRecord } from './repo';
import { when } from './sheet-content';

/**
 * What may have changed in the app since the sheet was generated: the evaluator must still be clear for
 * the bidder and not have sealed it (sealed scores never change), and no criterion the sheet fills may
 * have been saved differently in the app after the sheet was made — else one of the two would be lost.
 * Nor may a rationale without a score clear a score given in the app.
 */
export function checkStanding(ctx: HandlerContext, record: ScoreSheetRecord, evaluatorName: string, reading: SheetReading): Problem[] {
  const { sheet } = reading;
  const { evaluationId, evaluatorId } = record;
  const access = accessTo(ctx.db, evaluationId, evaluatorId, sheet.bidderId);
  if (access === 'recused')
    return [onSheet(sheet.sheetName, `${evaluatorName} is now recused from this bidder, so none of this sheet can be imported`)];
  if (access === 'undeclared') {
    return [
      onSheet(
        sheet.sheetName,
        `${evaluatorName} must first declare against this bidder and each of its consortium members (the bidder’s members may have changed)`,
      ),
    ];
  }
  const sealed = sealedAt(ctx.db, evaluatorId, sheet.bidderId);
  if (sealed) {
    return [
      atCell(
        sheet.sheetName,
        sealCell(sheet),
        `${evaluatorName} sealed the scores for this bidder on ${when(sealed)}; sealed scores cannot be changed by anyone`,
      ),
    ];
  }
  const current = new Map(currentEntries(ctx.db, evaluatorId, sheet.bidderId).map((e) => [e.criterionId, e]));
  const problems: Problem[] = [];
  for (const entry of reading.entries) {
    const saved = current.get(entry.criterionId);
    if (entry.score === null && saved?.score != null) {
      // Sheets are blank, so a rationale alone would silently clear a score the evaluator gave in the app.
      problems.push(
        atCell(
          sheet.sheetName,
          entry.cell,
          'a rationale without a score, but there is a score for this criterion in the app: enter the score here too',
        ),
      );
      continue;
    }
    if (!saved || saved.provenance === 'excel-import' || saved.savedAt <= record.generatedAt) continue;
    if (saved.score === entry.score && saved.rationale === entry.rationale) continue;
    problems.push(
      atCell(
        sheet.sheetName,
        entry.cell,
        `${evaluatorName} saved this criterion in the app on ${when(saved.savedAt)}, after this score sheet was generated; generate a new score sheet so that neither is lost`,
      ),
    );
  }
  return problems;
}
