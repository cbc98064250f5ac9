import type { Rollback } from '../../../shared/api/audit';
import type { HandlerContext } from '../context';
import type { Db } from '../db/open';
import { recordAudit } from './record';

export const ROLLBACK_METHOD = 'backup.rollback';

export interface RollbackRecord {
  backup: string;
  byName: string;
  rolledBack: { seq: number; hash: string };
  restored: { seq: number; hash: string };
}

/**
 * After a restore, every evaluation's trail (and the installation's) says that the record went back to an
 * earlier state, naming the chain head that was rolled back and the one restored. The restored data may
 * not know the administrator who restored it, so the entry names them rather than pointing at a profile.
 */
export function recordRollback(ctx: HandlerContext, record: RollbackRecord): void {
  const evaluations = ctx.db.prepare('SELECT id FROM evaluations ORDER BY created_at').all() as { id: string }[];
  const asRecorded = { ...ctx, actor: null };
  recordAudit(asRecorded, ROLLBACK_METHOD, record, null);
  for (const { id } of evaluations) recordAudit(asRecorded, ROLLBACK_METHOD, { evaluationId: id, ...record }, null);
}

export function rollbacksOf(db: Db, evaluationId: string): Rollback[] {
  const rows = db.prepare('SELECT seq, at, detail FROM audit_log WHERE method = ? AND evaluation_id = ? ORDER BY seq').all(ROLLBACK_METHOD, evaluationId) as {
    seq: number;
    at: string;
    detail: string;
  }[];
  return rows.map((r) => {
    const d = JSON.parse(r.detail) as RollbackRecord;
    return { seq: r.seq, at: r.at, byName: d.byName ?? null, backup: d.backup, rolledBack: d.rolledBack, restored: d.restored };
  });
}
