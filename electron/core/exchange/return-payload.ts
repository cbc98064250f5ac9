import { z } from 'zod';
import { ApiError } from '../../../shared/api/errors';
import { Id, Timestamp } from '../../../shared/api/common';
import { EvidenceRefSchema, MAX_RATIONALE_CHARS } from '../../../shared/api/scoring';
import { INDICATOR_MARKS } from '../../../shared/domain/scoring';
import { DeclarationSchema } from './pack-payload';

/*
 * What a score return carries, decrypted: everything one evaluator wrote on their own laptop about one
 * evaluation — every declaration, every saved score (the whole history, oldest first) and every seal.
 */

export const RETURN_FORMAT = 'capability-assessment.score-return';

export const ReturnEntrySchema = z
  .object({
    bidderId: Id,
    criterionId: z.string().min(1).max(200),
    score: z.number().int().nullable(),
    rationale: z.string().max(MAX_RATIONALE_CHARS),
    evidenceRefs: z.array(EvidenceRefSchema).max(50),
    indicatorMarks: z.record(z.string().max(80), z.enum(INDICATOR_MARKS)),
    savedAt: Timestamp,
  })
  .strict();
export type ReturnEntry = z.infer<typeof ReturnEntrySchema>;

export const ReturnPayloadSchema = z
  .object({
    format: z.literal(RETURN_FORMAT),
    version: z.literal(1),
    packId: Id,
    evaluationId: Id,
    evaluatorId: Id,
    exportedAt: Timestamp,
    declarations: z.array(DeclarationSchema).max(10_000),
    scoreEntries: z.array(ReturnEntrySchema).max(200_000),
    seals: z.array(z.object({ bidderId: Id, sealedAt: Timestamp }).strict()).max(500),
  })
  .strict();
export type ReturnPayload = z.infer<typeof ReturnPayloadSchema>;

/** A score return refused whole, with what is wrong in it (the first ten, and how many more). Nothing of it is written. */
export function refuseReturn(issues: readonly string[]): never {
  const distinct = [...new Set(issues)];
  const shown = distinct.slice(0, 10);
  throw new ApiError(
    'RULE_VIOLATION',
    `The score return was not imported: ${shown.join('; ')}${distinct.length > shown.length ? `; and ${distinct.length - shown.length} more` : ''}.`,
    shown.map((message) => ({ path: 'file', message })),
  );
}
