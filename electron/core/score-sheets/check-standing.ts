import type { DraftScore } from '../../../shared/domain/scoring';
import type { HandlerContext } from '../context';
import { maySave, standingOf, type Refusal } from '../scoring/may-save';
import { currentEntries } from '../scoring/repo';
import { COL, sealCell } from './layout';
import { atCell, onSheet, type Problem } from './problems';
import type { SheetEntry, SheetReading } from './read-entries';
import type { ScoreSheetRecord } from './repo';
import { when } from './sheet-content';

/**
 * What may have changed in the app since the sheet was generated, judged by the one rule of who may write a
 * score (scoring/may-save.ts), as the app's own save and seal are: the evaluator must still be clear for the
 * bidder and not have sealed it (sealed scores never change), each filled row must be a save the app would
 * take, and a seal must cover every criterion. Nor may any criterion the sheet fills have been saved
 * differently in the app after the sheet was made — else one of the two would be lost — and a rationale
 * without a score may not clear a score given in the app.
 *
 * Rows with a problem already found in reading the sheet (`flagged`, by cell) are not judged again, and a
 * seal is judged only on a sheet read without problems: each problem is reported once, in the sheet's words.
 */
export function checkStanding(
  ctx: HandlerContext,
  record: ScoreSheetRecord,
  evaluatorName: string,
  reading: SheetReading,
  flagged: ReadonlySet<string> = new Set(),
): Problem[] {
  const { sheet } = reading;
  const standing = standingOf(ctx.db, record.evaluationId, record.evaluatorId);
  const cellPath = (cell: string) => `${sheet.sheetName}!${cell}`;
  const rationaleCell = (entry: SheetEntry) => `${COL.rationale}${entry.cell.slice(COL.score.length)}`;

  const whole = maySave(standing, sheet.bidderId, { kind: 'save' });
  if (!whole.ok) return [bidderProblem(whole, sheet.sheetName, sealCell(sheet), evaluatorName)];

  const saved = new Map(currentEntries(ctx.db, record.evaluatorId, sheet.bidderId).map((e) => [e.criterionId, e]));
  const problems: Problem[] = [];
  for (const entry of reading.entries) {
    if (flagged.has(cellPath(entry.cell)) || flagged.has(cellPath(rationaleCell(entry)))) continue;
    const inApp = saved.get(entry.criterionId);
    if (entry.score === null && inApp?.score != null) {
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
    // As recorded (apply-import.ts): the sheet's score and rationale, with the evidence and marks already there.
    const verdict = maySave(standing, sheet.bidderId, {
      kind: 'save',
      draft: {
        criterionId: entry.criterionId,
        score: entry.score,
        rationale: entry.rationale,
        evidenceRefs: inApp?.evidenceRefs ?? [],
        indicatorMarks: inApp?.indicatorMarks ?? {},
      },
    });
    if (!verdict.ok) {
      for (const issue of verdict.issues) {
        problems.push(atCell(sheet.sheetName, issue.path === 'rationale' ? rationaleCell(entry) : entry.cell, issue.message));
      }
      continue;
    }
    if (!inApp || inApp.provenance === 'excel-import' || inApp.savedAt <= record.generatedAt) continue;
    if (inApp.score === entry.score && inApp.rationale === entry.rationale) continue;
    problems.push(
      atCell(
        sheet.sheetName,
        entry.cell,
        `${evaluatorName} saved this criterion in the app on ${when(inApp.savedAt)}, after this score sheet was generated; generate a new score sheet so that neither is lost`,
      ),
    );
  }

  if (reading.seal && problems.length === 0 && ![...flagged].some((p) => p === sheet.sheetName || p.startsWith(`${sheet.sheetName}!`))) {
    // Judged over the entries as they would be with the sheet recorded.
    const current = new Map<string, DraftScore>(saved);
    for (const { criterionId, score, rationale } of reading.entries) current.set(criterionId, { criterionId, score, rationale });
    const verdict = maySave({ ...standing, currentEntries: () => [...current.values()] }, sheet.bidderId, { kind: 'seal' });
    if (!verdict.ok) {
      problems.push(
        atCell(
          sheet.sheetName,
          sealCell(sheet),
          verdict.rule === 'incomplete'
            ? `Seal is Yes, but ${verdict.blockers.map((b) => b.message).join('; ')}`
            : bidderProblem(verdict, sheet.sheetName, sealCell(sheet), evaluatorName).message,
        ),
      );
    }
  }
  return problems;
}

/** A refusal of the whole sheet (its bidder), in the sheet's words. */
function bidderProblem(r: Refusal, sheetName: string, seal: string, evaluatorName: string): Problem {
  switch (r.rule) {
    case 'recused':
      return onSheet(sheetName, `${evaluatorName} is now recused from this bidder, so none of this sheet can be imported`);
    case 'undeclared':
      return onSheet(
        sheetName,
        `${evaluatorName} must first declare against this bidder and each of its consortium members (the bidder’s members may have changed)`,
      );
    case 'sealed':
      return atCell(
        sheetName,
        seal,
        `${evaluatorName} sealed the scores for this bidder on ${when(r.sealedAt!)}; sealed scores cannot be changed by anyone`,
      );
    case 'not-on-panel':
      return onSheet(sheetName, `${evaluatorName} is not an evaluator on this evaluation’s panel`);
    case 'no-such-bidder':
      return onSheet(sheetName, 'this bidder is not in this evaluation');
    case 'not-open':
      return onSheet(sheetName, 'the evaluation is not open for scoring');
    case 'does-not-fit':
    case 'incomplete':
      return onSheet(sheetName, r.issues.map((i) => i.message).join('; '));
  }
}
