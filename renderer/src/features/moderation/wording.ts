import type { BoardCriterion, SealedScore } from '../../../../shared/api/moderation';
import { usesConsensus, type AggregationRule } from '../../../../shared/domain/rules';
import type { Framework } from '../../../../shared/domain/framework';
import type { Scale } from '../../../../shared/domain/scale';

/** "Governance and leadership — Developing": a criterion by its capability area and stage. */
export function criterionName(framework: Pick<Framework, 'areas' | 'stages'>, c: Pick<BoardCriterion, 'areaId' | 'stageId'>): string {
  const area = framework.areas.find((a) => a.id === c.areaId)?.title ?? c.areaId;
  const stage = framework.stages.find((s) => s.id === c.stageId)?.label ?? c.stageId;
  return `${area} — ${stage}`;
}

/** "3 — Moderate confidence": a score point with its label on the evaluation's scale. */
export function scoreLabel(scale: Scale, value: number): string {
  const point = scale.points.find((p) => p.value === value);
  return point ? `${value} — ${point.label}` : String(value);
}

export const oneDecimal = (n: number): string => n.toFixed(1);

/** Whole numbers as they are; a mean or median to at most two decimal places. */
export const points = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

export const when = (timestamp: string): string => new Date(timestamp).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Why a reason must accompany this consensus, or null when none is needed: the core requires one when the
 * score differs from every evaluator's sealed score, or when it replaces an earlier consensus.
 */
export function reasonNeeded(criterion: Pick<BoardCriterion, 'sealed' | 'consensus'>, score: number | null): string | null {
  const why: string[] = [];
  if (criterion.consensus) why.push('it changes the consensus already recorded');
  if (score !== null && !criterion.sealed.some((s) => s.counted && s.score === score)) why.push('the score differs from every evaluator’s score');
  return why.length > 0 ? `Required because ${why.join(' and ')}.` : null;
}

/** Why a sealed score takes no part in the figures (see SealedScoreSchema.excludedBecause). */
export const NOT_COUNTED: Record<NonNullable<SealedScore['excludedBecause']>, string> = {
  conflict: 'Not counted: this evaluator has declared a conflict of interest with this bidder that no decision permits.',
  'removed-from-panel': 'Not counted: this evaluator was removed from the panel, and the procurement lead decided their sealed scores do not count.',
};

/** Why a recorded decision is to be looked at again (see BoardCriterionSchema.toRevisit). */
export const TO_REVISIT: Record<NonNullable<BoardCriterion['toRevisit']>, string> = {
  'excluded-score': 'To revisit: this was recorded while a sealed score counted that no longer does. Record a new version, or confirm this one stands with a reason.',
  'agreed-score-changed': 'To revisit: the evaluators’ agreed score has changed since it was confirmed. Confirm the agreed scores again, or record a consensus.',
  'score-revised': 'To revisit: an evaluator revised their sealed score in light of a bid addendum after this was recorded. Record a new version, or confirm this one stands with a reason.',
};

/** Where a consensus may be recorded under the declared rule (the core refuses it elsewhere, saying why). */
export const mayRecordConsensus = (rule: AggregationRule, c: Pick<BoardCriterion, 'flagged' | 'toRevisit'>): boolean =>
  usesConsensus(rule) && (rule === 'consensus' || c.flagged || c.toRevisit !== null);

/** The criteria whose agreed score a moderator may confirm in one action (the core's `confirmable`). */
export const confirmableCriteria = (criteria: readonly BoardCriterion[]): BoardCriterion[] =>
  criteria.filter((c) => c.agreed !== null && c.consensus === null && (c.confirmation === null || c.confirmation.score !== c.agreed || c.toRevisit !== null));

