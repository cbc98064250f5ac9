import { z } from 'zod';
import { INDICATOR_MARKS } from '../domain/scoring';
import { Id, Timestamp } from './common';
import { method } from './define';
import { BidAddendumSchema, MAX_ADDENDUM_REASON_CHARS } from './submissions';

export const MAX_RATIONALE_CHARS = 20_000;

export const EvidenceRefSchema = z
  .object({ documentId: Id, location: z.string().trim().max(200) })
  .strict();
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

export const ScoreEntrySchema = z.object({
  criterionId: z.string(),
  score: z.number().int().nullable(),
  rationale: z.string(),
  evidenceRefs: z.array(EvidenceRefSchema),
  indicatorMarks: z.record(z.string(), z.enum(INDICATOR_MARKS)),
  provenance: z.enum(['app', 'excel-import', 'score-return']),
  savedAt: Timestamp,
  /** A sealed score revised in light of an addendum to the bid: which one, and why the score changed. Absent or null otherwise. */
  revision: z.object({ addendumId: Id, reason: z.string() }).nullable().optional(),
});
export type ScoreEntry = z.infer<typeof ScoreEntrySchema>;

/** An addendum to the bid as one evaluator is told of it, with what they have done about it. */
export const AddendumNoticeSchema = BidAddendumSchema.extend({
  /** When they recorded "reviewed — no change" for it. */
  reviewedAt: Timestamp.nullable(),
  /** The criteria whose sealed score they revised citing it. */
  revisedCriteria: z.array(z.string()),
});
export type AddendumNotice = z.infer<typeof AddendumNoticeSchema>;

const BidderRef = { evaluationId: Id, bidderId: Id };

const ScoreContent = {
  criterionId: z.string().min(1).max(200),
  score: z.number().int().nullable(),
  rationale: z.string().max(MAX_RATIONALE_CHARS),
  evidenceRefs: z.array(EvidenceRefSchema).max(50),
  indicatorMarks: z.record(z.string().max(80), z.enum(INDICATOR_MARKS)),
};

export const BidderProgressSchema = z.object({
  bidderId: Id,
  bidderName: z.string(),
  access: z.enum(['undeclared', 'clear', 'recused']),
  scored: z.number().int(),
  criteria: z.number().int(),
  sealedAt: Timestamp.nullable(),
});
export type BidderProgress = z.infer<typeof BidderProgressSchema>;

export const scoringMethods = {
  /** The evaluator's own current scores for one bidder — never anyone else's. */
  'scoring.mine': method({
    params: z.object(BidderRef).strict(),
    result: z.object({ scores: z.array(ScoreEntrySchema), sealedAt: Timestamp.nullable() }),
    mutates: false,
  }),
  /** Saves (or autosaves) one criterion; each save is kept as history. Refused once sealed. */
  'scoring.save': method({
    params: z.object({ ...BidderRef, ...ScoreContent }).strict(),
    result: ScoreEntrySchema,
    mutates: true,
  }),
  'scoring.history': method({
    params: z.object({ ...BidderRef, criterionId: z.string().min(1).max(200) }).strict(),
    result: z.array(ScoreEntrySchema),
    mutates: false,
  }),
  /** Fixes all of the evaluator's scores for the bidder: every criterion scored with a rationale. */
  'scoring.seal': method({
    params: z.object(BidderRef).strict(),
    result: z.object({ sealedAt: Timestamp }),
    mutates: true,
  }),
  /**
   * The addenda to the bid made since the evaluator sealed it (or, unsealed, since they started scoring it): "changed since
   * you sealed". Empty before they start. `since` says which moment they are counted from.
   */
  'scoring.addenda': method({
    params: z.object(BidderRef).strict(),
    result: z.object({ since: z.enum(['sealed', 'started']).nullable(), sinceAt: Timestamp.nullable(), addenda: z.array(AddendumNoticeSchema) }),
    mutates: false,
  }),
  /**
   * A sealed evaluator's deliberate revision of one criterion in light of an addendum made after they sealed: a new score
   * with its rationale, citing the addendum, with the reason. It becomes their sealed score at once.
   */
  'scoring.revise': method({
    params: z
      .object({
        ...BidderRef,
        ...ScoreContent,
        score: z.number().int(),
        addendumId: Id,
        reason: z.string().trim().min(1, 'say why the addendum changes your score').max(MAX_ADDENDUM_REASON_CHARS),
      })
      .strict(),
    result: ScoreEntrySchema,
    mutates: true,
  }),
  /** "Reviewed — no change": the evaluator has read an addendum and their scores stand; the notice goes. */
  'scoring.reviewAddendum': method({
    params: z.object({ ...BidderRef, addendumId: Id }).strict(),
    result: z.object({ addendumId: Id, reviewedAt: Timestamp }),
    mutates: true,
  }),
  /** The evaluator's own progress per bidder. */
  'scoring.myProgress': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(BidderProgressSchema),
    mutates: false,
  }),
  /** Who has declared, scored and sealed what — counts only, never unsealed scores (lead and moderator). */
  'panel.progress': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(
      z.object({
        personId: Id,
        name: z.string(),
        role: z.enum(['moderator', 'evaluator']),
        bidders: z.array(BidderProgressSchema),
      }),
    ),
    mutates: false,
  }),
};
