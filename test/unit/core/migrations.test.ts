import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE_NAME } from '../../../electron/core';
import { NewerDatabaseError, SCHEMA_VERSION } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open';
import { queryRows } from '../support/core';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'capability-migrate-'));
  dirs.push(d);
  return d;
};

/** Builds a database exactly as the app at schema version `version` left it. */
function databaseAtVersion(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  MIGRATIONS.slice(0, version).forEach((m, i) => {
    m.up(db);
    db.pragma(`user_version = ${i + 1}`);
  });
  return db;
}

describe('upgrading a database written by an earlier version of the app', () => {
  it('upgrades a version 1 database to the current schema and keeps everything it held', async () => {
    const dir = tempDir();
    const db = databaseAtVersion(join(dir, DATABASE_FILE_NAME), 1);
    db.prepare(`INSERT INTO people (id, name, created_at) VALUES ('person-0001', 'Pat Lead', '2026-01-01T00:00:00.000Z')`).run();
    db.close();

    const core = createCore({ dataDir: dir, log: () => {} });
    try {
      const info = await core.dispatch(null, 'app.info', {});
      expect(info).toMatchObject({ ok: true, result: { schemaVersion: SCHEMA_VERSION, firstRun: false } });
      const people = await core.dispatch(null, 'people.list', {});
      expect(people).toMatchObject({ ok: true, result: [{ id: 'person-0001', name: 'Pat Lead' }] });
      // The tables migration 2 adds are there and usable.
      expect(queryRows(core.databaseFile, `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('declarations', 'score_entries', 'seals')`)).toHaveLength(3);
    } finally {
      core.close();
    }
    expect(queryRows<{ user_version: number }>(join(dir, DATABASE_FILE_NAME), 'PRAGMA user_version')[0]!.user_version).toBe(SCHEMA_VERSION);
  });

  it('applies every migration in order from an empty file, each recorded in user_version', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, DATABASE_FILE_NAME));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});

describe('a database from a newer version of the app', () => {
  it('is refused before anything rewrites it, even when it is not in WAL mode', () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE_NAME);
    const newer = new Database(file);
    newer.pragma('journal_mode = DELETE');
    newer.exec('CREATE TABLE from_the_future (x INTEGER)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const before = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
