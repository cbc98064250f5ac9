import { z } from 'zod';
import { COUNTING_BASES } from '../domain/counting';
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
  /** Why the score does not count: a conflict declared since, or its evaluator removed with their scores. */
  excludedBecause: z.enum(['conflict', 'removed-from-panel']).nullable(),
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
  /** The current confirmation of the agreed score, if any. */
  confirmation: z.object({ score: z.number(), note: z.string(), confirmedAt: Timestamp, confirmedBy: z.string() }).nullable(),
  /** The score the evaluators agree on, where they do (not flagged, every evaluator sealed): what a moderator may confirm. */
  agreed: z.number().nullable(),
  /** The score that counts under the evaluation's aggregation rule (shared/domain/counting.ts); null while missing. */
  aggregated: z.number().nullable(),
  /** Why it is that score, or why there is none yet. */
  basis: z.enum(COUNTING_BASES),
  /** A consensus is recorded but the rule does not count it here (the criterion is not flagged). */
  consensusSetAside: z.boolean(),
  /** A recorded decision to look at again: made while a now-excluded score counted, or the agreed score has changed. */
  toRevisit: z.enum(['excluded-score', 'agreed-score-changed', 'score-revised']).nullable(),
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
  /**
   * Confirms, for one bidder, the evaluators' agreed score on every criterion where they agree (not flagged,
   * every evaluator sealed, no consensus recorded): one action, recorded per criterion with who and when.
   */
  'moderation.confirmAgreed': method({
    params: z
      .object({
        evaluationId: Id,
        bidderId: Id,
        note: z.string().trim().min(1, 'a note saying how the panel reviewed the agreed scores is required').max(MAX_NOTE_CHARS),
      })
      .strict(),
    result: z.object({ confirmed: z.number().int(), bidder: BoardBidderSchema }),
    mutates: true,
  }),
  'moderation.history': method({
    params: z.object({ evaluationId: Id, bidderId: Id, criterionId: z.string().min(1).max(200) }).strict(),
    result: z.array(ConsensusVersionSchema),
    mutates: false,
  }),
};
