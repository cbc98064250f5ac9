import { z } from 'zod';
import { Id, Timestamp } from './common';
import { method } from './define';

export const AUDIT_KINDS = ['set-up', 'panel', 'bidders', 'bids', 'conflicts', 'scoring', 'moderation', 'exports', 'exchange', 'installation', 'other'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Which kind of work a contract method is, for filtering the audit view. */
export function auditKindOf(methodName: string): AuditKind {
  const [area] = methodName.split('.');
  switch (area) {
    case 'evaluations':
    case 'frameworks':
      return 'set-up';
    case 'panel':
      return 'panel';
    case 'bidders':
      return 'bidders';
    case 'submissions':
    case 'documents':
      return 'bids';
    case 'conflicts':
      return 'conflicts';
    case 'scoring':
    case 'scoreSheets':
      return 'scoring';
    case 'moderation':
      return 'moderation';
    case 'export':
      return 'exports';
    case 'backup':
    case 'admin':
    case 'session':
      return 'installation';
    case 'exchange':
      return 'exchange';
    default:
      return 'other';
  }
}

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: Timestamp,
  actorName: z.string().nullable(),
  method: z.string(),
  kind: z.enum(AUDIT_KINDS),
  bidderName: z.string().nullable(),
  detail: z.string(),
  hash: z.string(),
});
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;

/** A restore of a backup: the record was rolled back to an earlier state here. */
export const RollbackSchema = z.object({
  seq: z.number().int(),
  at: Timestamp,
  byName: z.string().nullable(),
  backup: z.string(),
  rolledBack: z.object({ seq: z.number().int(), hash: z.string() }),
  restored: z.object({ seq: z.number().int(), hash: z.string() }),
});
export type Rollback = z.infer<typeof RollbackSchema>;

export const ChainCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int(), head: z.string(), rollbacks: z.array(RollbackSchema) }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int(),
    firstBroken: z.object({ seq: z.number().int(), at: z.string().nullable(), method: z.string().nullable(), problem: z.string() }),
    rollbacks: z.array(RollbackSchema),
  }),
]);

export const auditMethods = {
  /** Checks the whole hash chain; says which entry is the first that was edited or deleted outside the app. */
  'audit.verify': method({ params: z.object({ evaluationId: Id }).strict(), result: ChainCheckSchema, mutates: false }),
  'audit.list': method({
    params: z
      .object({
        evaluationId: Id,
        personId: Id.optional(),
        bidderId: Id.optional(),
        kind: z.enum(AUDIT_KINDS).optional(),
        /** Entries before this sequence number (for paging back); newest first. */
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    result: z.object({ entries: z.array(AuditEntrySchema), more: z.boolean() }),
    mutates: false,
  }),
};
