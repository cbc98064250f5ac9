import { z } from 'zod';
import { AGGREGATION_RULES } from '../domain/rules';
import { Id, Timestamp } from './common';
import { method } from './define';
import { EvidenceRefSchema } from './scoring';

export const MAX_NOTE_CHARS = 20_000;

export const SealedScoreSchema = z.object({
  evaluatorId: Id,
  evaluatorName: z.string(),
  score: z.number().int(),
  rationale: z.string(),
  evidenceRefs: z.array(EvidenceRefSchema),
  sealedAt: Timestamp,
  /**
   * False while the evaluator has a conflict of interest with this bidder, declared after sealing, that no
   * decision of the procurement lead permits: the score stays on the record but takes no part in the
   * spread, the flag or the score that counts.
   */
  counted: z.boolean(),
});
export type SealedScore = z.infer<typeof SealedScoreSchema>;

export const ConsensusVersionSchema = z.object({
  id: Id,
  score: z.number().int(),
  internalNote: z.string(),
  bidderExplanation: z.string(),
  reason: z.string(),
  recordedAt: Timestamp,
  recordedBy: z.string(),
});
export type ConsensusVersion = z.infer<typeof ConsensusVersionSchema>;

export const BoardCriterionSchema = z.object({
  criterionId: z.string(),
  areaId: z.string(),
  stageId: z.string(),
  sealed: z.array(SealedScoreSchema),
  spread: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  flagged: z.boolean(),
  /** The current consensus (latest version), if any. */
  consensus: ConsensusVersionSchema.nullable(),
  versions: z.number().int(),
  /** The score that counts under the evaluation's aggregation rule. */
  aggregated: z.number().nullable(),
});
export type BoardCriterion = z.infer<typeof BoardCriterionSchema>;

export const BoardBidderSchema = z.object({
  bidderId: Id,
  bidderName: z.string(),
  /** False while an evaluator who may score this bidder has not sealed: consensus waits for every seal. */
  allSealed: z.boolean(),
  awaiting: z.array(z.string()),
  criteria: z.array(BoardCriterionSchema),
});
export type BoardBidder = z.infer<typeof BoardBidderSchema>;

export const moderationMethods = {
  /** Every evaluator's sealed score and rationale side by side, per criterion; bidders the caller may not see are only named. */
  'moderation.board': method({
    params: z
      .object({
        evaluationId: Id,
        bidderId: Id.optional(),
        /** Counts and flags only, without the sealed scores themselves: what the overview of every bidder needs. */
        summary: z.boolean().optional(),
      })
      .strict(),
    result: z.object({
      aggregation: z.enum(AGGREGATION_RULES),
      tolerance: z.number().int(),
      bidders: z.array(BoardBidderSchema),
      /** Bidders the caller may not see: recused by a conflict, or not yet declared against. */
      unavailableBidders: z.array(z.object({ bidderId: Id, bidderName: z.string(), reason: z.enum(['recused', 'undeclared']) })),
    }),
    mutates: false,
  }),
  /** A new consensus version: never overwrites the earlier one. */
  'moderation.record': method({
    params: z
      .object({
        evaluationId: Id,
        bidderId: Id,
        criterionId: z.string().min(1).max(200),
        score: z.number().int(),
        internalNote: z.string().trim().min(1, 'a moderation note summarising the discussion is required').max(MAX_NOTE_CHARS),
        bidderExplanation: z.string().trim().min(1, 'a bidder-facing explanation citing the bid is required').max(MAX_NOTE_CHARS),
        reason: z.string().trim().max(MAX_NOTE_CHARS),
      })
      .strict(),
    result: BoardCriterionSchema,
    mutates: true,
  }),
  'moderation.history': method({
    params: z.object({ evaluationId: Id, bidderId: Id, criterionId: z.string().min(1).max(200) }).strict(),
    result: z.array(ConsensusVersionSchema),
    mutates: false,
  }),
};
