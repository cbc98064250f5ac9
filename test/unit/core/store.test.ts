import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE_NAME } from '../../../electron/core';
import { NewerDatabaseError, SCHEMA_VERSION } from '../../../electron/core/db/migrate';
import { openDatabase } from '../../../electron/core/db/open';
import { contract, type MethodName, type Params, type Result } from '../../../shared/api/contract';
import { DEFAULT_RULES } from '../../../shared/domain/rules';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import { defaultWeights } from '../../../shared/domain/weights';
import {
  auditRows,
  type AuditRow,
  dumpDatabase,
  leadWithEvaluation,
  makeCore,
  queryRows,
  readDatabase,
  refusedAndUnchanged,
  SET_UP_METHODS,
  signInWith,
  TEST_KDF_LOG_N,
  TEST_PASSPHRASE,
  type TestCore,
} from '../support/core';

/*
 * The store is the record of a procurement decision that may be challenged in court, so it is opened
 * for durability (WAL, synchronous = FULL, foreign keys on), refuses data from a newer app, keeps its
 * history tables append-only at the SQL level, and audits every change.
 */

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'capability-store-'));
  tempDirs.push(dir);
  return { dir, file: join(dir, DATABASE_FILE_NAME) };
};

/** A writable second connection on the core's file, as a tool outside the app would have. */
function withWriter<T>(file: string, write: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    return write(db);
  } finally {
    db.close();
  }
}

describe('how the database is opened', () => {
  it('keeps the core’s database in WAL mode', async () => {
    const t = makeCore();
    await leadWithEvaluation(t);
    expect(readDatabase(t.core.databaseFile, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
  });

  it('turns on synchronous = FULL (2) and foreign keys for its connection', () => {
    const { file } = tempFile();
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // Foreign keys are enforced, not merely declared: a panel membership for nobody is refused.
      expect(() =>
        db
          .prepare(
            `INSERT INTO panel_memberships (id, evaluation_id, person_id, role, added_at, added_by) VALUES ('m1', 'e1', 'p1', 'lead', 'now', 'p1')`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      db.close();
    }
  });

  it('records the schema version in PRAGMA user_version, the same the app reports', async () => {
    const t = makeCore();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
    expect(readDatabase(t.core.databaseFile, (db) => db.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
    expect((await t.call(null, 'app.info', {})).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('creates the set-up tables on a new file and installs the built-in Merton framework once', () => {
    const t = makeCore();
    const tables = queryRows<{ name: string }>(
      t.core.databaseFile,
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    );
    expect(tables.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'audit_log',
        'bidders',
        'consortium_members',
        'evaluation_settings',
        'evaluations',
        'framework_revisions',
        'frameworks',
        'panel_memberships',
        'people',
      ]),
    );
    const reopened = t.reopen();
    expect(queryRows(reopened.core.databaseFile, 'SELECT framework_id, revision FROM framework_revisions')).toEqual([
      { framework_id: 'builtin-merton-ics-2020', revision: 1 },
    ]);
  });

  it('opens an existing database again without migrating or changing it', async () => {
    const t = makeCore();
    await leadWithEvaluation(t);
    const before = dumpDatabase(t.core.databaseFile);
    const reopened = t.reopen();
    expect(dumpDatabase(reopened.core.databaseFile)).toStrictEqual(before);
  });
});

describe('a database written by a newer version of the app', () => {
  /** A database this app made, then marked as if a later version had migrated it further. */
  async function newerDatabase() {
    const { dir, file } = tempFile();
    const core = createCore({ dataDir: dir, log: () => {}, profileKdfLogN: TEST_KDF_LOG_N });
    const lead = await core.dispatch(null, 'session.register', { name: 'Lee Lead', passphrase: TEST_PASSPHRASE });
    expect(lead.ok).toBe(true);
    core.close();
    withWriter(file, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    return { dir, file };
  }

  it('is refused with NewerDatabaseError that says nothing was changed', async () => {
    const { file } = await newerDatabase();
    let error: unknown;
    try {
      openDatabase(file).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewerDatabaseError);
    expect((error as Error).message).toContain(`schema ${SCHEMA_VERSION + 1}; this version understands up to ${SCHEMA_VERSION}`);
    expect((error as Error).message).toContain('nothing was changed');
  });

  it('is left byte for byte as it was, whether opened directly or by the core', async () => {
    const { dir, file } = await newerDatabase();
    const bytes = readFileSync(file);
    const content = dumpDatabase(file);
    expect(() => openDatabase(file)).toThrow(NewerDatabaseError);
    expect(() => createCore({ dataDir: dir, log: () => {} })).toThrow(NewerDatabaseError);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(dumpDatabase(file)).toStrictEqual(content);
    expect(content.userVersion).toBe(SCHEMA_VERSION + 1);
    expect(content.tables.people).toHaveLength(1);
  });
});

describe('history tables are append-only in SQL itself', () => {
  async function filled() {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    await t.call(lead.id, 'evaluations.saveRules', { evaluationId: evaluation.id, rules: { ...DEFAULT_RULES, aggregation: 'mean' } });
    return { t, evaluationId: evaluation.id };
  }

  it.each([
    ['audit_log', `UPDATE audit_log SET method = 'nothing.happened'`, `DELETE FROM audit_log`],
    ['evaluation_settings', `UPDATE evaluation_settings SET body = '{}'`, `DELETE FROM evaluation_settings WHERE version = 1`],
    ['framework_revisions', `UPDATE framework_revisions SET body = '{}'`, `DELETE FROM framework_revisions`],
  ])('%s refuses UPDATE and DELETE, even from outside the app', async (table, update, del) => {
    const { t } = await filled();
    const before = dumpDatabase(t.core.databaseFile);
    expect(before.tables[table]?.length).toBeGreaterThan(0);
    withWriter(t.core.databaseFile, (db) => {
      expect(() => db.exec(update)).toThrow(`${table} is append-only`);
      expect(() => db.exec(del)).toThrow(`${table} is append-only`);
    });
    expect(dumpDatabase(t.core.databaseFile)).toStrictEqual(before);
  });

  it('refuses to change an evaluation’s frozen framework, while its name may change', async () => {
    const { t, evaluationId } = await filled();
    withWriter(t.core.databaseFile, (db) => {
      expect(() => db.prepare(`UPDATE evaluations SET framework_body = '{}' WHERE id = ?`).run(evaluationId)).toThrow(
        "an evaluation's framework is frozen",
      );
      expect(db.prepare(`UPDATE evaluations SET name = 'Renamed outside' WHERE id = ?`).run(evaluationId).changes).toBe(1);
    });
  });
});

describe('a change is all or nothing', () => {
  it('is not made at all when its audit entry cannot be written', async () => {
    const t = makeCore();
    const { lead, evaluation, frameworkId } = await leadWithEvaluation(t);
    const alice = await t.profile('Alice Jones');
    const framework = (await t.call(lead.id, 'frameworks.get', { frameworkId })).framework;
    // Simulate the audit write failing (say, the disk filling up) after the change itself was written.
    withWriter(t.core.databaseFile, (db) =>
      db.exec(`CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'simulated audit failure'); END;`),
    );
    const evaluationId = evaluation.id;
    for (const [method, params] of [
      ['session.register', { name: 'Nia Newcomer', passphrase: TEST_PASSPHRASE }],
      ['people.create', { name: 'Nia Newcomer' }],
      ['frameworks.duplicate', { frameworkId, name: 'Merton (local)' }],
      ['evaluations.create', { name: 'Second lot', reference: 'CS-27', frameworkId }],
      ['evaluations.saveWeights', { evaluationId, weights: defaultWeights(framework) }],
      ['panel.add', { evaluationId, personId: alice.id, role: 'evaluator' }],
      ['bidders.add', { evaluationId, name: 'Wandle Alliance', reference: 'B1', members: [{ organisation: 'Wandle Trust', role: 'lead' }] }],
      ['demo.create', {}],
    ] as const) {
      const error = await refusedAndUnchanged(t, method === 'session.register' || method === 'demo.create' ? null : lead.id, method, params);
      expect({ method, ...error }).toEqual({ method, code: 'INTERNAL', message: 'Something went wrong inside the app; nothing was changed.' });
    }
  });
});

describe('the audit trail', () => {
  interface Check {
    actor: string | null;
    method: MethodName;
    params: unknown;
    /** The evaluation the row should name, or null for changes outside any evaluation. */
    evaluationId: string | null;
    added: AuditRow[];
  }

  /** One of every kind of change a user can make during set-up, in a realistic order, with the audit rows each added. */
  async function everyChange(t: TestCore): Promise<Check[]> {
    const checks: Check[] = [];
    async function change<M extends MethodName>(actor: string | null, method: M, params: Params<M>, evaluationOf?: (r: Result<M>) => string | null) {
      const before = auditRows(t).length;
      const result = await t.call(actor, method, params);
      const evaluationId = evaluationOf ? evaluationOf(result) : ((params as { evaluationId?: string }).evaluationId ?? null);
      checks.push({ actor, method, params, evaluationId, added: auditRows(t).slice(before) });
      return result;
    }

    const { person: lead } = await change(null, 'session.register', { name: 'Lee Lead', passphrase: TEST_PASSPHRASE });
    await signInWith(t, lead.id); // the session register started is the page's; the test signs in for its own calls
    const alice = await change(lead.id, 'people.create', { name: 'Alice Jones' });
    const frameworkId = 'builtin-merton-ics-2020';
    const { json } = await t.call(lead.id, 'frameworks.export', { frameworkId });
    await change(lead.id, 'frameworks.import', { json });
    const copy = await change(lead.id, 'frameworks.duplicate', { frameworkId, name: 'Merton (local)' });
    const framework = (await t.call(lead.id, 'frameworks.get', { frameworkId: copy.id })).framework;
    await change(lead.id, 'frameworks.saveRevision', { frameworkId: copy.id, basedOnRevision: 1, framework: { ...framework, name: 'Merton v2' } });
    const evaluation = await change(lead.id, 'evaluations.create', { name: 'Community services 2026', reference: 'CS-26', frameworkId }, (r) => r.id);
    const evaluationId = evaluation.id;
    await change(lead.id, 'evaluations.saveDetails', { evaluationId, name: 'Community services 2026/27', reference: 'CS-26B' });
    await change(lead.id, 'evaluations.saveScale', { evaluationId, scale: DEFAULT_SCALE });
    await change(lead.id, 'evaluations.saveWeights', { evaluationId, weights: defaultWeights(framework) });
    await change(lead.id, 'evaluations.saveThresholds', {
      evaluationId,
      thresholds: [{ id: 'dev-2', areaId: null, stageId: 'developing', minScore: 2 }],
    });
    await change(lead.id, 'evaluations.saveRules', { evaluationId, rules: { ...DEFAULT_RULES, aggregation: 'median' } });
    await change(lead.id, 'panel.add', { evaluationId, personId: alice.id, role: 'evaluator' });
    await change(lead.id, 'panel.remove', { evaluationId, personId: alice.id, reason: 'Declared a conflict' });
    const withBidder = await change(lead.id, 'bidders.add', {
      evaluationId,
      name: 'Wandle Alliance',
      reference: 'BID-001',
      members: [{ organisation: 'Wandle Trust', role: 'lead' }],
    });
    const bidderId = withBidder.bidders[0]!.id;
    const withPartner = await change(lead.id, 'bidders.addMember', {
      evaluationId,
      bidderId,
      member: { organisation: 'Mitcham Carers', role: 'partner' },
    });
    const partnerId = withPartner.bidders[0]!.members.find((m) => m.role === 'partner')!.id;
    await change(lead.id, 'bidders.removeMember', { evaluationId, bidderId, memberId: partnerId, reason: 'Left the consortium' });
    await change(null, 'demo.create', {}, (r) => r.evaluationId);
    return checks;
  }

  it('covers every set-up method that changes anything', async () => {
    const t = makeCore();
    const checks = await everyChange(t);
    // Adding one's own profile (session.register) is where set-up starts.
    const mutating = [...SET_UP_METHODS.filter((m) => contract[m].mutates), 'session.register'];
    expect([...new Set(checks.map((c) => c.method))].sort()).toEqual(mutating.sort());
  });

  it('appends exactly one row per change, naming who did it, which method, and the evaluation', async () => {
    const t = makeCore();
    const checks = await everyChange(t);
    let seq = 0;
    for (const { actor, method, added, evaluationId } of checks) {
      expect({ method, rows: added.length }).toEqual({ method, rows: 1 });
      const row = added[0]!;
      expect({ actor_id: row.actor_id, method: row.method, evaluation_id: row.evaluation_id }).toEqual({
        actor_id: actor,
        method,
        evaluation_id: evaluationId,
      });
      expect(row.seq).toBeGreaterThan(seq);
      seq = row.seq;
      expect(Number.isNaN(Date.parse(row.at))).toBe(false);
    }
  });

  it('keeps what was asked for in the row’s detail', async () => {
    const t = makeCore();
    const checks = await everyChange(t);
    const removal = checks.find((c) => c.method === 'panel.remove')!;
    expect(JSON.parse(removal.added[0]!.detail)).toEqual(removal.params);
    const first = checks[0]!;
    // …but never a passphrase.
    expect(JSON.parse(first.added[0]!.detail)).toEqual({ name: 'Lee Lead', passphrase: '[not recorded]' });
  });

  it('adds nothing for calls that only read', async () => {
    const t = makeCore();
    const { lead, evaluation, frameworkId } = await leadWithEvaluation(t);
    const before = auditRows(t);
    await t.call(lead.id, 'evaluations.get', { evaluationId: evaluation.id });
    await t.call(lead.id, 'evaluations.list', {});
    await t.call(lead.id, 'frameworks.list', {});
    await t.call(lead.id, 'frameworks.get', { frameworkId });
    await t.call(lead.id, 'frameworks.export', { frameworkId });
    await t.call(null, 'people.list', {});
    await t.call(null, 'app.info', {});
    expect(auditRows(t)).toEqual(before);
    expect(before.map((r) => r.method)).toEqual(['session.register', 'evaluations.create']);
  });
});
