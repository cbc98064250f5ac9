import { aggregate } from '../../../shared/domain/aggregation';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { activePanel } from '../evaluations/repo';
import { awaitingSeal } from '../moderation/board';
import { currentConsensus } from '../moderation/repo';

/**
 * The score that counts per bidder → criterion under the evaluation's aggregation rule, read with the
 * least work: sealed score values only (no rationales, no per-evaluator objects) and current consensus.
 * The same rules as the moderation board: a mean or median counts only once every evaluator has sealed.
 */
export function countingScores(db: Db, evaluationId: string, bidderIds: readonly string[], settings: EvaluationSettings): Map<string, Map<string, number | null>> {
  const values = new Map<string, Map<string, number[]>>();
  const sealers = new Map<string, Set<string>>();
  const rows = db
    .prepare(
      `SELECT s.bidder_id AS bidderId, s.evaluator_id AS evaluatorId, e.criterion_id AS criterionId, e.score
       FROM seals s
       JOIN score_entries e ON e.bidder_id = s.bidder_id AND e.evaluator_id = s.evaluator_id
        AND e.seq = (SELECT MAX(x.seq) FROM score_entries x
                     WHERE x.bidder_id = e.bidder_id AND x.evaluator_id = e.evaluator_id AND x.criterion_id = e.criterion_id)
       WHERE s.evaluation_id = ?`,
    )
    .all(evaluationId) as { bidderId: string; evaluatorId: string; criterionId: string; score: number | null }[];
  for (const r of rows) {
    if (!sealers.has(r.bidderId)) sealers.set(r.bidderId, new Set());
    sealers.get(r.bidderId)!.add(r.evaluatorId);
    if (r.score === null) continue;
    const byCriterion = values.get(r.bidderId) ?? new Map<string, number[]>();
    values.set(r.bidderId, byCriterion);
    byCriterion.set(r.criterionId, [...(byCriterion.get(r.criterionId) ?? []), r.score]);
  }
  const consensus = currentConsensus(db, evaluationId);
  const evaluators = activePanel(db, evaluationId).filter((m) => m.role === 'evaluator');
  const result = new Map<string, Map<string, number | null>>();
  for (const bidderId of bidderIds) {
    const sealed = sealers.get(bidderId) ?? new Set<string>();
    const allSealed = sealed.size > 0 && awaitingSeal(db, evaluationId, evaluators, bidderId, sealed).length === 0;
    const byCriterion = new Map<string, number | null>();
    for (const [criterionId, list] of values.get(bidderId) ?? []) {
      byCriterion.set(criterionId, aggregate(settings.rules.aggregation, allSealed ? list : [], consensus.get(bidderId)?.get(criterionId)?.current.score ?? null));
    }
    for (const [criterionId, c] of consensus.get(bidderId) ?? []) {
      if (!byCriterion.has(criterionId)) byCriterion.set(criterionId, aggregate(settings.rules.aggregation, [], c.current.score));
    }
    result.set(bidderId, byCriterion);
  }
  return result;
}
