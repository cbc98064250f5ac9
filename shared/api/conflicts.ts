import { z } from 'zod';
import { DECLARATION_KINDS, MITIGATION_DECISIONS } from '../domain/conflicts';
import { Id, Name, Timestamp } from './common';
import { method } from './define';

export const DeclarationSchema = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  bidderId: Id,
  memberId: Id.nullable(),
  /** The bidder's name, or the consortium member's organisation. */
  subject: z.string(),
  kind: z.enum(DECLARATION_KINDS),
  description: z.string(),
  declaredAt: Timestamp,
  supersededBy: Id.nullable(),
  mitigations: z.array(
    z.object({ id: Id, decision: z.enum(MITIGATION_DECISIONS), reason: z.string(), decidedAt: Timestamp, decidedBy: z.string() }),
  ),
});
export type Declaration = z.infer<typeof DeclarationSchema>;

export const BidderAccessSchema = z.enum(['undeclared', 'clear', 'recused']);

export const MyBidderDeclarationsSchema = z.object({
  bidderId: Id,
  bidderName: z.string(),
  access: BidderAccessSchema,
  /** One row for the bidder itself (memberId null) and one per current consortium member. */
  subjects: z.array(
    z.object({
      memberId: Id.nullable(),
      subject: z.string(),
      role: z.string(),
      current: DeclarationSchema.nullable(),
    }),
  ),
});
export type MyBidderDeclarations = z.infer<typeof MyBidderDeclarationsSchema>;

export const conflictMethods = {
  /** The acting person's own declarations, per bidder and consortium member, and what they may therefore see. */
  'conflicts.mine': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(MyBidderDeclarationsSchema),
    mutates: false,
  }),
  /** A new declaration; any earlier one for the same bidder or member is superseded, never changed. */
  'conflicts.declare': method({
    params: z
      .object({
        evaluationId: Id,
        bidderId: Id,
        memberId: Id.nullable(),
        kind: z.enum(DECLARATION_KINDS),
        description: z.string().trim().max(2000),
      })
      .strict(),
    result: z.array(MyBidderDeclarationsSchema),
    mutates: true,
  }),
  /** The whole register, superseded declarations included (procurement lead). */
  'conflicts.register': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(DeclarationSchema),
    mutates: false,
  }),
  'conflicts.recordMitigation': method({
    params: z.object({ evaluationId: Id, declarationId: Id, decision: z.enum(MITIGATION_DECISIONS), reason: Name('A reason', 2000) }).strict(),
    result: z.array(DeclarationSchema),
    mutates: true,
  }),
};
