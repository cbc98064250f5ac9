import { criterionId, listCriteria, type Framework } from './framework';
import { describeThreshold, type Threshold } from './rules';
import { scaleMax, type Scale } from './scale';
import { effectiveWeights, type Weights } from './weights';

type Fw = Pick<Framework, 'areas' | 'stages'>;

/** The score per criterion id that counts for a bidder (consensus, mean or median); null = not yet scored. */
export type CriterionScores = ReadonlyMap<string, number | null>;

export interface ThresholdFailure {
  thresholdId: string;
  criterionId: string;
  score: number;
  minScore: number;
  rule: string;
}

export interface Subtotal {
  id: string;
  /** Weighted points earned, in percentage points of the whole total. */
  points: number;
  /** The most this area or stage could contribute: its share of the total weight. */
  max: number;
}

export interface BidderTotals {
  /** Weighted total as a percentage of the maximum: Σ effective weight × score ÷ scale maximum. */
  total: number;
  byArea: Subtotal[];
  byStage: Subtotal[];
  /** The maturity profile: the score per area × stage, as scored. */
  profile: { areaId: string; stageId: string; score: number | null }[];
  failures: ThresholdFailure[];
  /** False while any criterion has no score yet: the total is then provisional. */
  complete: boolean;
}

export interface TotalsContext {
  framework: Fw;
  scale: Scale;
  weights: Weights;
  thresholds: readonly Threshold[];
}

export const weightedPoints = (weight: number, score: number, max: number): number => (max === 0 ? 0 : (weight * score) / max);

export function thresholdFailures(ctx: TotalsContext, scores: CriterionScores): ThresholdFailure[] {
  const failures: ThresholdFailure[] = [];
  for (const t of ctx.thresholds) {
    for (const c of listCriteria(ctx.framework)) {
      if ((t.areaId !== null && t.areaId !== c.areaId) || (t.stageId !== null && t.stageId !== c.stageId)) continue;
      const score = scores.get(c.id);
      if (score !== null && score !== undefined && score < t.minScore) {
        failures.push({ thresholdId: t.id, criterionId: c.id, score, minScore: t.minScore, rule: describeThreshold(t, ctx.framework) });
      }
    }
  }
  return failures;
}

const failsAt = (ctx: TotalsContext, criterion: { id: string; areaId: string; stageId: string }, score: number): ThresholdFailure[] =>
  ctx.thresholds
    .filter((t) => (t.areaId === null || t.areaId === criterion.areaId) && (t.stageId === null || t.stageId === criterion.stageId) && score < t.minScore)
    .map((t) => ({ thresholdId: t.id, criterionId: criterion.id, score, minScore: t.minScore, rule: describeThreshold(t, ctx.framework) }));

/**
 * The totals after one scored criterion moves from `from` to `to`, derived from the totals before rather
 * than recomputed: sensitivity tries thousands of such moves.
 */
export function withMovedScore(
  ctx: TotalsContext,
  base: BidderTotals,
  criterion: { id: string; areaId: string; stageId: string },
  weight: number,
  from: number,
  to: number,
): BidderTotals {
  const change = weightedPoints(weight, to - from, scaleMax(ctx.scale));
  const adjust = (list: Subtotal[], id: string) => list.map((s) => (s.id === id ? { ...s, points: s.points + change } : s));
  return {
    total: base.total + change,
    byArea: adjust(base.byArea, criterion.areaId),
    byStage: adjust(base.byStage, criterion.stageId),
    profile: base.profile,
    failures: [...base.failures.filter((f) => f.criterionId !== criterion.id), ...failsAt(ctx, criterion, to)],
    complete: base.complete,
  };
}

/**
 * A bidder's weighted totals. With `rankedOn`, the total and sub-totals (points and maxima) add only those
 * criteria (a provisional ranking compares bidders on the criteria scored for all of them); the profile,
 * completeness and threshold failures always cover every score that counts.
 */
export function bidderTotals(ctx: TotalsContext, scores: CriterionScores, rankedOn?: ReadonlySet<string>): BidderTotals {
  const weights = effectiveWeights(ctx.weights);
  const max = scaleMax(ctx.scale);
  const byArea = new Map(ctx.framework.areas.map((a) => [a.id, { id: a.id, points: 0, max: 0 }]));
  const byStage = new Map(ctx.framework.stages.map((s) => [s.id, { id: s.id, points: 0, max: 0 }]));
  const profile: BidderTotals['profile'] = [];
  let total = 0;
  let complete = true;
  for (const area of ctx.framework.areas) {
    for (const stage of ctx.framework.stages) {
      const id = criterionId(area.id, stage.id);
      const weight = weights.get(id) ?? 0;
      const score = scores.get(id) ?? null;
      profile.push({ areaId: area.id, stageId: stage.id, score });
      if (score === null) complete = false;
      if (rankedOn && !rankedOn.has(id)) continue;
      byArea.get(area.id)!.max += weight;
      byStage.get(stage.id)!.max += weight;
      if (score === null) continue;
      const points = weightedPoints(weight, score, max);
      total += points;
      byArea.get(area.id)!.points += points;
      byStage.get(stage.id)!.points += points;
    }
  }
  return { total, byArea: [...byArea.values()], byStage: [...byStage.values()], profile, failures: thresholdFailures(ctx, scores), complete };
}
