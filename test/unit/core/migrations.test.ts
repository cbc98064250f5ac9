import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE_NAME } from '../../../electron/core';
import { migrate, NewerDatabaseError, SCHEMA_VERSION } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { openDatabase } from '../../../electron/core/db/open';
import type { MethodName, Params, Result } from '../../../shared/api/contract';
import { queryRows } from '../support/core';
import { EVALUATION, EVALUATORS, finalScore, LEAD, MORDEN, WANDLE } from '../migrations/fixtures/cast';
import { WRITTEN_AT_VERSION } from '../migrations/fixtures/history';
import { CHOSEN_PASSPHRASE } from '../migrations/fixtures/version-09';
import { databaseUsedUpTo } from '../migrations/support/historic-database';

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
  migrate(db, { to: version });
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
      expect(
        queryRows(core.databaseFile, `SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('declarations', 'score_entries', 'seals')`),
      ).toHaveLength(3);
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

describe('a database used by every earlier version of the app', () => {
  it('opens in today’s app: the lead signs in and sees the scores sealed and the consensus recorded before the upgrades, and the audit trail verifies', async () => {
    const { db, dataDir } = databaseUsedUpTo(WRITTEN_AT_VERSION.length, DATABASE_FILE_NAME);
    const entriesBefore = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    db.close();

    const core = createCore({ dataDir, log: () => {} });
    try {
      const signIn = await core.dispatch(null, 'session.signIn', { personId: LEAD, passphrase: CHOSEN_PASSPHRASE });
      if (!signIn.ok) throw new Error(signIn.error.message);
      const signedIn = signIn.result as Result<'session.signIn'>;
      if (!signedIn.signedIn) throw new Error(signedIn.message);
      const call = async <M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> => {
        const outcome = await core.dispatch(signedIn.sessionId, method, params);
        if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message}`);
        return outcome.result as Result<M>;
      };

      const board = await call('moderation.board', { evaluationId: EVALUATION });
      const wandle = board.bidders.find((b) => b.bidderId === WANDLE)!;
      const morden = board.bidders.find((b) => b.bidderId === MORDEN)!;
      for (const [b, bidder] of [wandle, morden].entries()) {
        bidder.criteria.forEach((criterion, c) =>
          expect(new Map(criterion.sealed.map((s) => [s.evaluatorId, s.score]))).toEqual(new Map(EVALUATORS.map((e, i) => [e, finalScore(i, b, c)]))),
        );
      }
      expect(wandle.criteria[0]).toMatchObject({ consensus: { score: 3 }, versions: 2 });

      // The ranking is computed from them (its shape is the ranking's own tests' business).
      const ranking = await call('ranking.get', { evaluationId: EVALUATION });
      expect(ranking.aggregation).toBe('consensus');
      expect(JSON.stringify(ranking)).toContain(WANDLE);
      expect(JSON.stringify(ranking)).toContain(MORDEN);

      const chain = await call('audit.verify', { evaluationId: EVALUATION });
      expect(chain.ok).toBe(true);
      expect(chain.entries).toBeGreaterThanOrEqual(entriesBefore);
    } finally {
      core.close();
    }
  });
});

describe('migrating to a given version (for tests of each migration)', () => {
  it('stops at the version asked for, and refuses to go back or beyond the newest, changing nothing', () => {
    const db = new Database(':memory:');
    migrate(db, { to: 3 });
    const tables = () => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(tables()).toContain('consensus_versions');
    expect(tables()).not.toContain('score_sheets');
    const before = tables();

    expect(() => migrate(db, { to: 2 })).toThrow('Cannot migrate from schema 3 to 2: migrations only go forward');
    expect(() => migrate(db, { to: SCHEMA_VERSION + 1 })).toThrow(`up to ${SCHEMA_VERSION}`);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    expect(tables()).toEqual(before);
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
