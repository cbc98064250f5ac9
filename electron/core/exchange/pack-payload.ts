import { z } from 'zod';
import { Id, Timestamp } from '../../../shared/api/common';
import { MemberRoleSchema } from '../../../shared/api/evaluations';
import { DECLARATION_KINDS, MITIGATION_DECISIONS } from '../../../shared/domain/conflicts';
import { FrameworkSchema } from '../../../shared/domain/framework';
import { EvaluationSettingsSchema } from '../../../shared/domain/settings';

/*
 * What an evaluator pack carries, decrypted. Rows keep their ids so that the score return maps back onto
 * the moderator's records. There is no score of anyone's in it, and the bid (responses and documents) of
 * a bidder the evaluator has not declared clear against is left out: `bid` is then null.
 */

export const PACK_FORMAT = 'capability-assessment.evaluator-pack';

const Text = (max: number) => z.string().max(max);
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const PersonSchema = z.object({ id: Id, name: Text(200).min(1), createdAt: Timestamp }).strict();

const MemberSchema = z
  .object({
    id: Id,
    organisation: Text(200),
    role: MemberRoleSchema,
    addedAt: Timestamp,
    addedBy: Id,
    removed: z
      .object({ at: Timestamp, by: Id, reason: Text(500) })
      .strict()
      .nullable(),
  })
  .strict();

const DocumentSchema = z
  .object({
    id: Id,
    sha256: Sha256,
    fileName: Text(255),
    mediaType: Text(255),
    size: z.number().int().min(0),
    receivedAt: Timestamp,
    addedBy: Id,
    contentBase64: z.string(),
  })
  .strict();

const ResponseSchema = z.object({ areaId: Text(80), text: Text(100_000), savedAt: Timestamp, savedBy: Id }).strict();

const BidderSchema = z
  .object({
    id: Id,
    name: Text(200),
    reference: Text(80),
    addedAt: Timestamp,
    addedBy: Id,
    members: z.array(MemberSchema).max(50),
    bid: z
      .object({ responses: z.array(ResponseSchema), documents: z.array(DocumentSchema) })
      .strict()
      .nullable(),
  })
  .strict();

const MitigationSchema = z
  .object({ id: Id, decision: z.enum(MITIGATION_DECISIONS), reason: Text(20_000), decidedAt: Timestamp, decidedBy: Id })
  .strict();

export const DeclarationSchema = z
  .object({
    id: Id,
    bidderId: Id,
    memberId: Id.nullable(),
    kind: z.enum(DECLARATION_KINDS),
    description: Text(20_000),
    declaredAt: Timestamp,
    supersedes: Id.nullable(),
  })
  .strict();
export type PackDeclaration = z.infer<typeof DeclarationSchema>;

export const PackPayloadSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(1),
    packId: Id,
    evaluatorId: Id,
    /** 32 random bytes: the key the evaluator's score return is sealed with. */
    returnKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    createdAt: Timestamp,
    createdBy: Id,
    evaluation: z
      .object({
        id: Id,
        name: Text(200),
        reference: Text(80),
        framework: FrameworkSchema,
        createdAt: Timestamp,
        createdBy: Id,
        openedAt: Timestamp,
        openedBy: Id,
      })
      .strict(),
    settings: z.object({ version: z.number().int().min(1), body: EvaluationSettingsSchema, savedAt: Timestamp, savedBy: Id }).strict(),
    /** The evaluator's own panel membership; nobody else's role travels. */
    membership: z.object({ id: Id, addedAt: Timestamp, addedBy: Id }).strict(),
    people: z.array(PersonSchema).max(1000),
    bidders: z.array(BidderSchema).max(500),
    /** The evaluator's own declarations so far, oldest first, with the decisions on them. */
    declarations: z.array(DeclarationSchema.extend({ mitigations: z.array(MitigationSchema) }).strict()).max(10_000),
  })
  .strict();
export type PackPayload = z.infer<typeof PackPayloadSchema>;
export type PackBidder = PackPayload['bidders'][number];
