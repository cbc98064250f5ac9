import { auditKindOf, type auditMethods, type AuditEntryDto, type AuditKind } from '../../../shared/api/audit';
import { panel } from '../authorisation';
import type { HandlersFor } from '../registry';
import { verifyChain } from './chain';
import { rollbacksOf } from './rollbacks';

interface Row {
  seq: number;
  at: string;
  actor_name: string | null;
  method: string;
  bidder_name: string | null;
  detail: string;
  hash: string;
}

export const auditHandlers: HandlersFor<typeof auditMethods> = {
  'audit.verify': { auth: panel('lead', 'moderator'), run: (ctx, { evaluationId }) => ({ ...verifyChain(ctx.db), rollbacks: rollbacksOf(ctx.db, evaluationId) }) },
  'audit.list': {
    auth: panel('lead'),
    run(ctx, { evaluationId, personId, bidderId, kind, before, limit }) {
      const rows = ctx.db
        .prepare(
          `SELECT a.seq, a.at, p.name AS actor_name, a.method, b.name AS bidder_name, a.detail, a.hash
           FROM audit_log a
           LEFT JOIN people p ON p.id = a.actor_id
           LEFT JOIN bidders b ON b.id = json_extract(a.detail, '$.bidderId')
           WHERE a.evaluation_id = ?
             AND (? IS NULL OR a.actor_id = ?)
             AND (? IS NULL OR json_extract(a.detail, '$.bidderId') = ?)
             AND (? IS NULL OR a.seq < ?)
           ORDER BY a.seq DESC`,
        )
        .iterate(evaluationId, personId ?? null, personId ?? null, bidderId ?? null, bidderId ?? null, before ?? null, before ?? null) as IterableIterator<Row>;
      const entries: AuditEntryDto[] = [];
      let more = false;
      for (const r of rows) {
        const k: AuditKind = auditKindOf(r.method);
        if (kind && k !== kind) continue;
        if (entries.length === limit) {
          more = true;
          break;
        }
        entries.push({ seq: r.seq, at: r.at, actorName: r.actor_name, method: r.method, kind: k, bidderName: r.bidder_name, detail: r.detail, hash: r.hash });
      }
      return { entries, more };
    },
  },
};
