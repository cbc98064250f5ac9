import { entryHash, GENESIS, type AuditEntry } from '../../audit/chain';
import { appendOnly } from './append-only';
import type { Migration } from './index';

export const auditChain: Migration = {
  name: 'audit trail as a hash chain',
  up(db) {
    db.exec(`
      DROP TRIGGER audit_log_no_update;
      DROP TRIGGER audit_log_no_delete;
      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
    `);
    // Link the entries written before the chain existed, in order, once.
    let prev = GENESIS;
    const link = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of db.prepare('SELECT seq, at, actor_id, method, evaluation_id, detail FROM audit_log ORDER BY seq').all() as AuditEntry[]) {
      const hash = entryHash(prev, row);
      link.run(prev, hash, row.seq);
      prev = hash;
    }
    db.exec(appendOnly('audit_log'));
  },
};
