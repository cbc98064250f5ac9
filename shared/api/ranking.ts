import { z } from 'zod';
import { COUNTING_BASES } from '../domain/counting';
import { AGGREGATION_RULES } from '../domain/rules';
import { Id } from './common';
import { method } from './define';

const SubtotalSchema = z.object({ id: z.string(), points: z.number(), max: z.number() });

export const RankedRowSchema = z.object({
  bidderId: Id,
  name: z.string(),
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  tieBrokenBy: z.string().nullable(),
  total: z.number(),
  complete: z.boolean(),
  byArea: z.array(SubtotalSchema),
  byStage: z.array(SubtotalSchema),
  profile: z.array(z.object({ areaId: z.string(), stageId: z.string(), score: z.number().nullable() })),
  failures: z.array(z.object({ thresholdId: z.string(), criterionId: z.string(), score: z.number(), minScore: z.number(), rule: z.string() })),
});
export type RankedRow = z.infer<typeof RankedRowSchema>;

export const SensitivityFlagSchema = z.object({
  bidderId: Id,
  criterionId: z.string(),
  from: z.number(),
  to: z.number(),
  evaluatorMove: z.object({ from: z.number(), to: z.number() }).nullable(),
  totalChange: z.number(),
  changesTopTwo: z.boolean(),
  crossesThreshold: z.enum(['fails', 'passes']).nullable(),
  changesAnyRank: z.boolean(),
  effect: z.string(),
});
export type SensitivityFlag = z.infer<typeof SensitivityFlagSchema>;

/** A criterion of a bidder without a score that counts yet, and why (shared/domain/counting.ts). */
export const MissingScoreSchema = z.object({ bidderId: Id, criterionId: z.string(), basis: z.enum(COUNTING_BASES) });
/** A moderation decision to look at again before the results are final. */
export const RevisitSchema = z.object({ bidderId: Id, criterionId: z.string(), reason: z.enum(['excluded-score', 'agreed-score-changed', 'score-revised']) });

export const RankingResultSchema = z.object({
  aggregation: z.enum(AGGREGATION_RULES),
  tieBreakRule: z.string(),
  /** True while any bidder lacks a score that counts on some criterion, or a decision is to be revisited: the order may still change. */
  provisional: z.boolean(),
  /**
   * The criteria the totals are computed over: every criterion once the ranking is complete; while it is
   * provisional, only those with a score that counts for every bidder, so that no missing score counts as 0.
   */
  rankedOn: z.array(z.string()),
  /** Bidders without a single score that counts yet: listed, never ranked (a ranking on nothing would rank them on zeros). */
  notYetRanked: z.array(z.object({ bidderId: Id, name: z.string() })),
  /** Every criterion still without a score that counts, with why. */
  missing: z.array(MissingScoreSchema),
  /** Moderation decisions made while a now-excluded score counted, or whose agreed score has changed. */
  toRevisit: z.array(RevisitSchema),
  /** Agreed scores (not flagged) a moderator has yet to confirm, under a rule that counts them anyway. */
  unconfirmed: z.number().int(),
  /** Lead of first over second and second over third, in percentage points. */
  margins: z.object({ firstOverSecond: z.number().nullable(), secondOverThird: z.number().nullable() }),
  ranked: z.array(RankedRowSchema),
  failed: z.array(RankedRowSchema),
  sensitivity: z.array(SensitivityFlagSchema),
});
export type RankingResult = z.infer<typeof RankingResultSchema>;

export const rankingMethods = {
  /** Ranked results by weighted total, with sub-totals, maturity profiles, threshold failures, ties and sensitivity. */
  'ranking.get': method({ params: z.object({ evaluationId: Id }).strict(), result: RankingResultSchema, mutates: false }),
};
