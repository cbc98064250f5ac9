import { createHash } from 'node:crypto';
import type { Db } from '../db/open';

/*
 * The audit trail is a hash chain: each entry's hash covers the previous entry's hash and the entry's
 * canonical form, so editing or deleting a row outside the app breaks the chain at that row.
 */

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  seq: number;
  at: string;
  actor_id: string | null;
  method: string;
  evaluation_id: string | null;
  detail: string;
}

export const canonical = (e: AuditEntry): string => JSON.stringify([e.seq, e.at, e.actor_id, e.method, e.evaluation_id, e.detail]);

export const entryHash = (prevHash: string, e: AuditEntry): string => createHash('sha256').update(`${prevHash}\n${canonical(e)}`).digest('hex');

export const chainHead = (db: Db): { seq: number; hash: string } =>
  (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS };

/** Appends the entry after the chain's head, linked to it; the caller holds the transaction. */
export function appendAuditEntry(db: Db, entry: AuditEntry): void {
  const head = chainHead(db);
  db.prepare('INSERT INTO audit_log (seq, at, actor_id, method, evaluation_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    entry.seq,
    entry.at,
    entry.actor_id,
    entry.method,
    entry.evaluation_id,
    entry.detail,
    head.hash,
    entryHash(head.hash, entry),
  );
}

export type ChainCheck =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBroken: { seq: number; at: string | null; method: string | null; problem: string } };

/** Walks the whole chain in order; reports the first entry whose link or content does not hold. */
export function verifyChain(db: Db): ChainCheck {
  let prev = GENESIS;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.prepare('SELECT seq, at, actor_id, method, evaluation_id, detail, prev_hash, hash FROM audit_log ORDER BY seq').iterate() as IterableIterator<
    AuditEntry & { prev_hash: string; hash: string }
  >) {
    entries++;
    const broken = (problem: string): ChainCheck => ({ ok: false, entries, firstBroken: { seq: row.seq, at: row.at, method: row.method, problem } });
    if (row.seq !== expectedSeq) return broken(`entries ${expectedSeq}–${row.seq - 1} are missing (deleted)`);
    if (row.prev_hash !== prev) return broken('it does not follow on from the entry before it (an entry was deleted or replaced)');
    if (entryHash(prev, row) !== row.hash) return broken('its content was changed after it was recorded');
    prev = row.hash;
    expectedSeq = row.seq + 1;
  }
  const last = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined;
  if (last && last.seq >= expectedSeq) {
    return { ok: false, entries, firstBroken: { seq: expectedSeq, at: null, method: null, problem: `entries ${expectedSeq}–${last.seq} are missing (deleted)` } };
  }
  return { ok: true, entries, head: prev };
}
