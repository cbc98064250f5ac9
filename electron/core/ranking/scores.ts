import { aggregate } from '../../../shared/domain/aggregation';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { activePanel } from '../evaluations/repo';
import { awaitingSeal } from '../moderation/board';
import { currentConsensus, countedScoreValues } from '../moderation/repo';

/**
 * The score that counts per bidder → criterion under the evaluation's aggregation rule, read with the
 * least work: sealed score values only (no rationales, no per-evaluator objects) and current consensus.
 * The same rules as the moderation board: a mean or median counts only once every evaluator has sealed.
 */
export function countingScores(db: Db, evaluationId: string, bidderIds: readonly string[], settings: EvaluationSettings): Map<string, Map<string, number | null>> {
  const { sealers, values } = countedScoreValues(db, evaluationId);
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
