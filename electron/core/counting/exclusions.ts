import type { ExclusionReason } from '../../../shared/domain/conflicts';
import { recusalKey, recusals } from '../conflicts/access';
import type { Db } from '../db/open';

/** "evaluatorId bidderId" → why that evaluator's sealed scores for the bidder take no part in the results. */
export type Exclusions = ReadonlyMap<string, ExclusionReason>;

/**
 * The evaluators who left the panel with the procurement lead's decision that their sealed scores do not
 * count (the latest decision on each, while they are off the panel).
 */
export function removedWithoutScores(db: Db, evaluationId: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT d.evaluator_id FROM panel_score_decisions d
       WHERE d.evaluation_id = ? AND d.scores_count = 0
         AND d.seq = (SELECT MAX(x.seq) FROM panel_score_decisions x WHERE x.evaluation_id = d.evaluation_id AND x.evaluator_id = d.evaluator_id)
         AND NOT EXISTS (SELECT 1 FROM panel_memberships m WHERE m.evaluation_id = d.evaluation_id AND m.person_id = d.evaluator_id AND m.ended_at IS NULL)`,
    )
    .raw()
    .all(evaluationId) as [string][];
  return new Set(rows.map(([id]) => id));
}

/**
 * Every sealed score that does not count, for the whole evaluation in one read: an evaluator recused by a
 * conflict with the bidder (the conflict rule of `accessTo`), or removed from the panel with their scores.
 */
export function exclusions(db: Db, evaluationId: string): Exclusions {
  const result = new Map<string, ExclusionReason>();
  const removed = removedWithoutScores(db, evaluationId);
  if (removed.size > 0) {
    const seals = db.prepare('SELECT evaluator_id, bidder_id FROM seals WHERE evaluation_id = ?').raw().all(evaluationId) as [string, string][];
    for (const [evaluatorId, bidderId] of seals) if (removed.has(evaluatorId)) result.set(recusalKey(evaluatorId, bidderId), 'removed-from-panel');
  }
  for (const key of recusals(db, evaluationId)) if (!result.has(key)) result.set(key, 'conflict');
  return result;
}

export { recusalKey as exclusionKey };
