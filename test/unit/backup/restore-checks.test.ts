import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { DATABASE_FILE_NAME } from '../../../electron/core';
import { appendAuditEntry, chainHead, verifyChain } from '../../../electron/core/audit/chain';
import { backupName } from '../../../electron/core/backup/backup-files';
import { Store } from '../../../electron/core/backup/store';
import { SCHEMA_VERSION } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import type { Db } from '../../../electron/core/db/open';

/*
 * A restore replaces the record of a procurement decision, so the backup is checked before anything
 * changes — not empty, a SQLite file, not cut short, intact, a schema this version knows, an audit trail
 * that verifies — and anyone may refuse it (authorise). Until the swap the live database file and its -wal
 * stay byte for byte as they were, and the store keeps answering.
 */

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.splice(0).reverse()) step();
});

/** A real store on a real file in a fresh folder; its clock moves a second per reading, so every backup has its own name. */
function makeStore(dir = mkdtempSync(join(tmpdir(), 'capability-restore-'))) {
  let tick = Date.parse('2026-12-03T09:00:00.000Z');
  const options = {
    databaseFile: join(dir, DATABASE_FILE_NAME),
    backupDir: join(dir, 'backups'),
    keep: 20,
    periodicMs: 0,
    clock: () => new Date((tick += 1000)),
    log: () => {},
  };
  const store = new Store(options);
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanup.push(() => store.close());
  return { store, dir, ...options, reopen: () => new Store(options) };
}

let people = 0;
/** A person and the audit entry that records it, linked into the chain as the app links it, in one transaction. */
function addPerson(db: Db, name: string): void {
  db.transaction(() => {
    const id = `person-${++people}`;
    const at = new Date().toISOString();
    db.prepare('INSERT INTO people (id, name, created_at) VALUES (?, ?, ?)').run(id, name, at);
    const seq = ((db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0) + 1;
    appendAuditEntry(db, { seq, at, actor_id: null, method: 'people.create', evaluation_id: null, detail: JSON.stringify({ name }) });
  }).immediate();
}

const names = (db: Db) => (db.prepare('SELECT name FROM people ORDER BY name').all() as { name: string }[]).map((p) => p.name);
const sha256 = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent');

/** A store with two people and a good backup of them, then a third person added after the backup. */
async function withData() {
  const t = makeStore();
  addPerson(t.store.db, 'Ada Evaluator');
  addPerson(t.store.db, 'Bo Moderator');
  const good = await t.store.backupNow('manual');
  const goodHead = chainHead(t.store.db);
  addPerson(t.store.db, 'Cy Added Later');
  return { ...t, good: good.name, goodHead };
}

/** A new backup file, listed like any other, made from the bytes of another (or from nothing). */
function plantBackup(backupDir: string, content: Buffer, at = '2026-12-01T08:00:00.000Z'): string {
  const name = backupName(new Date(at), 'manual');
  writeFileSync(join(backupDir, name), content);
  return name;
}

/** Changes a planted backup through a raw connection, as a tool outside the app could. */
function editBackup(backupDir: string, name: string, edit: (db: Database.Database) => void): void {
  const db = new Database(join(backupDir, name));
  try {
    edit(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The live state, quiet (everything checkpointed), to compare byte for byte after a refused restore. */
function liveState(t: { store: Store; databaseFile: string; backupDir: string; dir: string }) {
  return {
    db: sha256(t.databaseFile),
    wal: sha256(`${t.databaseFile}-wal`),
    backups: readdirSync(t.backupDir).sort(),
    folder: readdirSync(t.dir)
      .filter((n) => n !== `${DATABASE_FILE_NAME}-shm`)
      .sort(),
  };
}

async function expectRefusedAndUnchanged(t: Awaited<ReturnType<typeof withData>>, name: string, message: RegExp | string) {
  t.store.db.pragma('wal_checkpoint(TRUNCATE)');
  const before = liveState(t);
  const refusal = await t.store.restore(name).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refusal, `restoring ${name}`).toBeInstanceOf(ApiError);
  expect((refusal as ApiError).code).toBe('RULE_VIOLATION');
  expect((refusal as ApiError).message).toContain(`The backup “${name}” cannot be restored`);
  expect((refusal as ApiError).message).toMatch(message);
  expect((refusal as ApiError).message).toContain('Nothing was changed.');
  // Byte for byte as before: the database file, its -wal, the backups, and no temporary copy left behind.
  expect(liveState(t)).toEqual(before);
  // And the store keeps answering, on the same data.
  expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator', 'Cy Added Later']);
  addPerson(t.store.db, `Dee After Refusal ${name}`);
  expect(verifyChain(t.store.db)).toMatchObject({ ok: true });
}

describe('a backup is checked before it may replace the data', () => {
  it('refuses a backup written by a newer version of the app, in NewerDatabaseError’s words', async () => {
    const t = await withData();
    const newer = plantBackup(t.backupDir, readFileSync(join(t.backupDir, t.good)));
    editBackup(t.backupDir, newer, (db) => db.pragma('user_version = 999'));
    await expectRefusedAndUnchanged(
      t,
      newer,
      `it was written by a newer version of the app (schema 999; this version understands up to ${SCHEMA_VERSION})`,
    );
  });

  it('refuses an empty (0-byte) backup', async () => {
    const t = await withData();
    await expectRefusedAndUnchanged(t, plantBackup(t.backupDir, Buffer.alloc(0)), 'the file is empty (0 bytes)');
  });

  it('refuses a backup cut short (its first 4 KB only)', async () => {
    const t = await withData();
    const bytes = readFileSync(join(t.backupDir, t.good));
    expect(bytes.length).toBeGreaterThan(4096 * 4);
    await expectRefusedAndUnchanged(t, plantBackup(t.backupDir, bytes.subarray(0, 4096)), /cut short/);
  });

  it('refuses a backup whose middle pages are scribbled over', async () => {
    const t = await withData();
    const bytes = Buffer.from(readFileSync(join(t.backupDir, t.good)));
    const pageSize = bytes.readUInt16BE(16);
    const pages = bytes.length / pageSize;
    // Flip the first bytes of every page in the middle third: b-tree page headers, cell pointers.
    for (let page = Math.floor(pages / 3); page < Math.floor((2 * pages) / 3); page++) {
      for (let i = 0; i < 32; i++) bytes[page * pageSize + i]! ^= 0xa5;
    }
    await expectRefusedAndUnchanged(t, plantBackup(t.backupDir, bytes), /damaged|integrity check/);
  });

  it('refuses a backup whose audit trail was edited (the chain is broken at that entry)', async () => {
    const t = await withData();
    const edited = plantBackup(t.backupDir, readFileSync(join(t.backupDir, t.good)));
    editBackup(t.backupDir, edited, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare('UPDATE audit_log SET detail = \'{"name":"Someone Else"}\' WHERE seq = 1').run();
    });
    await expectRefusedAndUnchanged(
      t,
      edited,
      /its audit trail does not verify: entry 1 \(people\.create, .*\): its content was changed after it was recorded/,
    );
  });

  it('refuses a SQLite file that is not a backup of this app (no schema version)', async () => {
    const t = await withData();
    const stranger = plantBackup(t.backupDir, Buffer.alloc(0));
    rmSync(join(t.backupDir, stranger));
    editBackup(t.backupDir, stranger, (db) => db.exec('CREATE TABLE notes (text TEXT)'));
    await expectRefusedAndUnchanged(t, stranger, 'it is not a backup of this app');
  });

  it('refuses a name that is not one of the backups', async () => {
    const t = await withData();
    await expect(t.store.restore('backup-20200101T000000000Z-manual.sqlite')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('restoring a good backup', () => {
  it('brings the data back, keeps what it replaced as a before-restore backup, and returns both chain heads', async () => {
    const t = await withData();
    const live = chainHead(t.store.db);
    const outcome = await t.store.restore(t.good);
    expect(outcome).toEqual({
      restoredFrom: t.good,
      savedCurrentAs: expect.stringMatching(/^backup-\d{8}T\d{9}Z-before-restore\.sqlite$/),
      rolledBack: live,
      restored: t.goodHead,
    });
    expect(outcome.rolledBack.seq).toBe(3);
    expect(outcome.restored.seq).toBe(2);
    // Nothing was written to the restored data before the caller could record the rollback.
    expect(chainHead(t.store.db)).toEqual(outcome.restored);
    expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator']);
    expect(verifyChain(t.store.db)).toMatchObject({ ok: true });
    expect(readdirSync(t.dir).filter((n) => n.includes('.restore-'))).toEqual([]);
    // What was replaced comes back too: nothing is lost.
    const back = await t.store.restore(outcome.savedCurrentAs);
    expect(back.restored).toEqual(live);
    expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator', 'Cy Added Later']);
  });

  it('keeps in the before-restore copy a write made while that copy was being taken', async () => {
    const t = await withData();
    const restoring = t.store.restore(t.good);
    addPerson(t.store.db, 'Eve Wrote Meanwhile'); // after the checks, while the current data is being backed up
    const outcome = await restoring;
    expect(outcome.rolledBack.seq).toBe(4);
    expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator']);
    await t.store.restore(outcome.savedCurrentAs);
    expect(names(t.store.db)).toContain('Eve Wrote Meanwhile');
  });

  it('lets a backup under way finish before the swap, so it is whole and restorable', async () => {
    const t = await withData();
    // Enough data that an online backup takes many steps (100 pages each), with the event loop between them.
    t.store.db.exec('CREATE TABLE ballast (b BLOB)');
    t.store.db.prepare('INSERT INTO ballast (b) VALUES (?)').run(Buffer.alloc(8 * 1024 * 1024, 7));
    const restoring = t.store.restore(t.good); // its own copy of the current data starts first…
    const underWay = t.store.backupNow('manual'); // …and a manual backup starts while it is being taken
    const outcome = await restoring;
    const taken = await underWay;
    expect(outcome.restored.seq).toBe(2);
    const again = await t.store.restore(taken.name);
    expect(again.restored.seq).toBe(3);
    expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator', 'Cy Added Later']);
  });

  it('shows authorise the checked backup, read-only; if authorise refuses, nothing changes', async () => {
    const t = await withData();
    t.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = liveState(t);
    const seen: string[][] = [];
    const refusal = new ApiError('FORBIDDEN', 'Only the installation administrator of that backup can restore it.');
    await expect(
      t.store.restore(t.good, {
        authorise: async (candidate) => {
          seen.push(names(candidate));
          expect(() => candidate.prepare("INSERT INTO people (id, name, created_at) VALUES ('x', 'x', 'x')").run()).toThrow(
            /readonly|read-only|query_only/i,
          );
          await new Promise((r) => setTimeout(r, 10));
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(seen).toEqual([['Ada Evaluator', 'Bo Moderator']]);
    expect(liveState(t)).toEqual(before);
    expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator', 'Cy Added Later']);
    // A synchronous refusal too.
    await expect(
      t.store.restore(t.good, {
        authorise: () => {
          throw refusal;
        },
      }),
    ).rejects.toBe(refusal);
    expect(liveState(t)).toEqual(before);
    // And when authorise agrees, the restore goes ahead.
    const outcome = await t.store.restore(t.good, { authorise: () => undefined });
    expect(outcome.restored.seq).toBe(2);
  });

  it('restores a backup from before the audit chain existed (schema 4): no chain to verify, migrated on open', async () => {
    const t = await withData();
    const old = plantBackup(t.backupDir, Buffer.alloc(0));
    rmSync(join(t.backupDir, old));
    editBackup(t.backupDir, old, (db) => {
      db.pragma('journal_mode = WAL');
      MIGRATIONS.slice(0, 4).forEach((m, i) => {
        m.up(db);
        db.pragma(`user_version = ${i + 1}`);
      });
      db.prepare("INSERT INTO people (id, name, created_at) VALUES ('p-old', 'Old Timer', '2026-01-01T00:00:00.000Z')").run();
    });
    const outcome = await t.store.restore(old);
    expect(names(t.store.db)).toEqual(['Old Timer']);
    expect(t.store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(outcome.restored).toEqual(chainHead(t.store.db));
  });

  it('puts the data back as it was when a backup passes its checks but cannot be opened, and keeps answering', async () => {
    const t = await withData();
    // A schema-4 backup whose migration to 5 will fail (the trigger migration 5 replaces is missing).
    const broken = plantBackup(t.backupDir, Buffer.alloc(0));
    rmSync(join(t.backupDir, broken));
    editBackup(t.backupDir, broken, (db) => {
      db.pragma('journal_mode = WAL');
      MIGRATIONS.slice(0, 4).forEach((m, i) => {
        m.up(db);
        db.pragma(`user_version = ${i + 1}`);
      });
      db.exec('DROP TRIGGER audit_log_no_update');
    });
    const failure = await t.store.restore(broken).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).message).toContain(`The backup “${broken}” passed its checks but could not be opened`);
    expect((failure as ApiError).message).toContain('the data as it was before the restore has been put back');
    expect(t.store.recovery).toBeNull();
    expect(names(t.store.db)).toEqual(['Ada Evaluator', 'Bo Moderator', 'Cy Added Later']);
    expect(verifyChain(t.store.db)).toMatchObject({ ok: true, entries: 3 });
    expect(readdirSync(t.dir).filter((n) => n.includes('.restore-'))).toEqual([]);
  });

  it('in recovery, sets the damaged file aside and restores; the rolled-back head is read from the damaged file if it can be', async () => {
    const t = await withData();
    t.store.close();
    const fd = openSync(t.databaseFile, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
    closeSync(fd);
    const damaged = t.reopen();
    cleanup.push(() => damaged.close());
    expect(damaged.recovery).not.toBeNull();
    const outcome = await damaged.restore(t.good);
    expect(outcome.savedCurrentAs).toMatch(/^damaged-backup-.*-set-aside\.sqlite$/);
    expect(existsSync(join(t.backupDir, outcome.savedCurrentAs))).toBe(true);
    expect(outcome.rolledBack).toEqual({ seq: 0, hash: '' }); // its header is gone: nothing could be read
    expect(outcome.restored).toEqual(t.goodHead);
    expect(damaged.recovery).toBeNull();
    expect(names(damaged.db)).toEqual(['Ada Evaluator', 'Bo Moderator']);
  });

  it('removes the private copy an interrupted restore left behind when the store next opens', async () => {
    const t = await withData();
    t.store.close();
    const leftover = `${t.databaseFile}.restore-0123456789ab.tmp`;
    copyFileSync(join(t.backupDir, t.good), leftover);
    const again = t.reopen();
    cleanup.push(() => again.close());
    expect(existsSync(leftover)).toBe(false);
    expect(names(again.db)).toEqual(['Ada Evaluator', 'Bo Moderator', 'Cy Added Later']);
  });
});
