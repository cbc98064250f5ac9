import type { HandlerContext } from '../context';
import { currentEntries, insertEntry, insertSeal } from '../scoring/repo';
import type { SheetReading } from './read-entries';

/**
 * Records a checked sheet as the evaluator's own saves (provenance 'excel-import'), inside the import's
 * transaction. Like an autosave, a row equal to the current entry adds no history; evidence references
 * and indicator marks, which a score sheet does not carry, are kept from the current entry. Seals last:
 * nothing may be written for a sealed bidder.
 */
export function applySheet(ctx: HandlerContext, evaluationId: string, evaluatorId: string, reading: SheetReading, at: string): string | null {
  const { bidderId } = reading.sheet;
  const current = new Map(currentEntries(ctx.db, evaluatorId, bidderId).map((e) => [e.criterionId, e]));
  for (const { criterionId, score, rationale } of reading.entries) {
    const saved = current.get(criterionId);
    if (saved && saved.score === score && saved.rationale === rationale) continue;
    insertEntry(ctx.db, {
      evaluationId,
      bidderId,
      evaluatorId,
      entry: {
        criterionId,
        score,
        rationale,
        evidenceRefs: saved?.evidenceRefs ?? [],
        indicatorMarks: saved?.indicatorMarks ?? {},
        provenance: 'excel-import',
        savedAt: at,
      },
    });
  }
  if (!reading.seal) return null;
  insertSeal(ctx.db, { evaluationId, bidderId, evaluatorId, at });
  return at;
}
