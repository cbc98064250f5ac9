import { z } from 'zod';
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
  delta: z.union([z.literal(1), z.literal(-1)]),
  changesTopTwo: z.boolean(),
  changesAnyRank: z.boolean(),
});

export const RankingResultSchema = z.object({
  aggregation: z.enum(AGGREGATION_RULES),
  tieBreakRule: z.string(),
  /** True while any bidder lacks a score on some criterion: the order may still change. */
  provisional: z.boolean(),
  ranked: z.array(RankedRowSchema),
  failed: z.array(RankedRowSchema),
  sensitivity: z.array(SensitivityFlagSchema),
});
export type RankingResult = z.infer<typeof RankingResultSchema>;

export const rankingMethods = {
  /** Ranked results by weighted total, with sub-totals, maturity profiles, threshold failures, ties and sensitivity. */
  'ranking.get': method({ params: z.object({ evaluationId: Id }).strict(), result: RankingResultSchema, mutates: false }),
};
