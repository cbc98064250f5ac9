import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendAuditEntry, GENESIS, verifyChain } from '../../../electron/core/audit/chain';
import { migrate } from '../../../electron/core/db/migrate';
import { at } from './fixtures/cast';
import { writtenAtVersion5 } from './fixtures/version-05';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { count, expectAppendOnly, expectEverythingKept, snapshot } from './support/inspect';

interface Linked {
  seq: number;
  prev_hash: string;
  hash: string;
}
const links = (db: Database.Database) => db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as Linked[];

describe('migration 5: the audit trail becomes a hash chain', () => {
  it('links every entry versions 1–4 wrote, in order, into a chain that verifies, without changing a word of them', () => {
    const { db } = databaseUsedUpTo(4);
    const entries = count(db, 'audit_log');
    expect(entries).toBeGreaterThan(30);
    const before = snapshot(db);

    migrate(db, { to: 5 });

    expect(userVersion(db)).toBe(5);
    expectEverythingKept(db, before);
    const chain = links(db);
    expect(chain[0]!.prev_hash).toBe(GENESIS);
    chain.slice(1).forEach((link, i) => expect(link.prev_hash).toBe(chain[i]!.hash));
    expect(new Set(chain.map((l) => l.hash)).size).toBe(entries);
    expect(verifyChain(db)).toEqual({ ok: true, entries, head: chain.at(-1)!.hash });
    expectAppendOnly(db, 'audit_log');

    // Version 5 goes on appending after the relinked entries.
    db.transaction(() => writtenAtVersion5(db)).immediate();
    expect(links(db)[entries]!.prev_hash).toBe(chain.at(-1)!.hash);
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: count(db, 'audit_log') });
  });

  it('makes an entry written before the chain existed, and edited afterwards outside the app, show as broken, by its number', () => {
    const { db } = databaseUsedUpTo(5);
    // Someone with the file and a SQLite shell removes the guard and rewrites who added the second bidder.
    db.exec('DROP TRIGGER audit_log_no_update');
    const edited = db.prepare(`SELECT seq FROM audit_log WHERE method = 'bidders.add' ORDER BY seq DESC LIMIT 1`).get() as { seq: number };
    db.prepare(`UPDATE audit_log SET actor_id = NULL WHERE seq = ?`).run(edited.seq);

    expect(verifyChain(db)).toMatchObject({
      ok: false,
      firstBroken: { seq: edited.seq, method: 'bidders.add', problem: 'its content was changed after it was recorded' },
    });
  });

  it('turns an audit trail that never had an entry into an empty chain, which the first entry then starts from', () => {
    const db = new Database(':memory:');
    migrate(db, { to: 4 });

    migrate(db, { to: 5 });

    expect(verifyChain(db)).toEqual({ ok: true, entries: 0, head: GENESIS });
    appendAuditEntry(db, { seq: 1, at: at(5, 0), actor_id: null, method: 'people.create', evaluation_id: null, detail: '{}' });
    expect(links(db)[0]!.prev_hash).toBe(GENESIS);
    expect(verifyChain(db)).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses a version 4 database whose audit trail lost its no-delete guard outside the app, and leaves it exactly as it was', () => {
    const { db } = databaseUsedUpTo(4);
    db.exec('DROP TRIGGER audit_log_no_delete');
    const before = snapshot(db);

    // The migration gets as far as dropping the no-update guard before it fails: that too must be undone.
    expect(() => migrate(db)).toThrow('no such trigger: audit_log_no_delete');

    expect(userVersion(db)).toBe(4);
    expect(snapshot(db)).toEqual(before);
    expect(() => db.prepare('UPDATE audit_log SET detail = detail').run()).toThrow('audit_log is append-only');
  });
});
