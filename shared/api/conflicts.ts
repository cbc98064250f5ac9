import { z } from 'zod';
import { DECLARATION_KINDS, MITIGATION_DECISIONS } from '../domain/conflicts';
import { Id, Name, Timestamp } from './common';
import { method } from './define';
import { MEMBER_ROLES } from './evaluations';

export const MitigationSchema = z.object({
  id: Id,
  decision: z.enum(MITIGATION_DECISIONS),
  reason: z.string(),
  decidedAt: Timestamp,
  decidedBy: z.string(),
});
export type Mitigation = z.infer<typeof MitigationSchema>;

export const DeclarationSchema = z.object({
  id: Id,
  personId: Id,
  personName: z.string(),
  bidderId: Id,
  bidderName: z.string(),
  memberId: Id.nullable(),
  /** The bidder's name, or the consortium member's organisation. */
  subject: z.string(),
  /** The member's role in the bid; null when the declaration is about the bidder itself. */
  memberRole: z.enum(MEMBER_ROLES).nullable(),
  /** When the member was removed from the bid, if it has been (the declaration stays on the register). */
  memberRemovedAt: Timestamp.nullable(),
  kind: z.enum(DECLARATION_KINDS),
  description: z.string(),
  declaredAt: Timestamp,
  supersededBy: Id.nullable(),
  /** The procurement lead's decisions on this declaration, oldest first; the last one counts. */
  mitigations: z.array(MitigationSchema),
});
export type Declaration = z.infer<typeof DeclarationSchema>;

export const BidderAccessSchema = z.enum(['undeclared', 'clear', 'recused']);

/** What a declaration row is about: the bidder itself, or a member in its role. */
export const SUBJECT_ROLES = ['bidder', ...MEMBER_ROLES] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export const MyBidderDeclarationsSchema = z.object({
  bidderId: Id,
  bidderName: z.string(),
  access: BidderAccessSchema,
  /** One row for the bidder itself (memberId null) and one per current consortium member. */
  subjects: z.array(
    z.object({
      memberId: Id.nullable(),
      subject: z.string(),
      role: z.enum(SUBJECT_ROLES),
      current: DeclarationSchema.nullable(),
    }),
  ),
  /** Every declaration the person has made about this bidder, newest first, superseded ones included. */
  history: z.array(DeclarationSchema),
});
export type MyBidderDeclarations = z.infer<typeof MyBidderDeclarationsSchema>;

export const conflictMethods = {
  /** The acting person's own declarations, per bidder and consortium member, and what they may therefore see. */
  'conflicts.mine': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(MyBidderDeclarationsSchema),
    mutates: false,
  }),
  /**
   * A new declaration about a bidder or one of its current consortium members; the earlier one for the same
   * subject is superseded, never changed. A conflict needs a description, and so does withdrawing one.
   */
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
  /** The whole register, oldest first, superseded declarations and every decision included (procurement lead). */
  'conflicts.register': method({
    params: z.object({ evaluationId: Id }).strict(),
    result: z.array(DeclarationSchema),
    mutates: false,
  }),
  /** The procurement lead's decision on someone's current conflict declaration; appended, the latest counts. */
  'conflicts.recordMitigation': method({
    params: z.object({ evaluationId: Id, declarationId: Id, decision: z.enum(MITIGATION_DECISIONS), reason: Name('A reason', 2000) }).strict(),
    result: z.array(DeclarationSchema),
    mutates: true,
  }),
};
