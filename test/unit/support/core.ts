import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import { appMethods } from '../../../shared/api/app';
import type { MethodName, Params, Result } from '../../../shared/api/contract';
import { evaluationMethods } from '../../../shared/api/evaluations';
import { frameworkMethods } from '../../../shared/api/frameworks';
import { peopleMethods } from '../../../shared/api/people';
import type { ApiErrorShape } from '../../../shared/api/errors';
import { createCore, type Core } from '../../../electron/core';
import type { AuditEntry } from '../../../electron/core/audit/chain';

const open: { core: Core; dir: string }[] = [];
afterEach(() => {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls as a person and expects success. */
  call<M extends MethodName>(actorId: string | null, method: M, params: Params<M>): Promise<Result<M>>;
  /** Calls and expects a structured error. */
  fail(actorId: string | null, method: string, params: unknown): Promise<ApiErrorShape>;
  reopen(): TestCore;
}

/** A real core on a real SQLite file in a fresh temporary folder: no mocks. */
export function makeCore(dataDir = mkdtempSync(join(tmpdir(), 'capability-test-'))): TestCore {
  const core = createCore({ dataDir, log: () => {} });
  open.push({ core, dir: dataDir });
  const self: TestCore = {
    core,
    dataDir,
    async call(actorId, method, params) {
      const outcome = await core.dispatch(actorId, method, params);
      if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.result as never;
    },
    async fail(actorId, method, params) {
      const outcome = await core.dispatch(actorId, method, params);
      if (outcome.ok) throw new Error(`${method} unexpectedly succeeded`);
      return outcome.error;
    },
    reopen() {
      const i = open.findIndex((o) => o.core === core);
      open.splice(i, 1);
      core.close();
      return makeCore(dataDir);
    },
  };
  return self;
}

/** A procurement lead with an evaluation on the Merton framework, plus people to put on the panel. */
export async function leadWithEvaluation(t: TestCore) {
  const lead = await t.call(null, 'people.create', { name: 'Lee Lead' });
  const frameworks = await t.call(lead.id, 'frameworks.list', {});
  const evaluation = await t.call(lead.id, 'evaluations.create', {
    name: 'Community services 2026',
    reference: 'CS-26',
    frameworkId: frameworks[0]!.id,
  });
  return { lead, evaluation, frameworkId: frameworks[0]!.id };
}

/* ------------------------------------------------------------------------------------------------
 * Looking inside the store. A second, read-only connection on the core's own file (WAL lets it read
 * while the core holds its connection), so tests see exactly what is on disk and never write to it.
 * --------------------------------------------------------------------------------------------- */

/** Runs `read` on a fresh read-only connection to the database file and closes it again. */
export function readDatabase<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Rows of one query, read through a fresh read-only connection. */
export function queryRows<T = Record<string, unknown>>(file: string, sql: string, ...params: unknown[]): T[] {
  return readDatabase(file, (db) => db.prepare(sql).all(...params) as T[]);
}

export interface DatabaseDump {
  userVersion: number;
  /** Every table (including sqlite_master and sqlite_sequence), its rows ordered by every column. */
  tables: Record<string, unknown[]>;
}

/** The whole content of the database, in a stable order, for before/after comparison. */
export function dumpDatabase(file: string): DatabaseDump {
  return readDatabase(file, (db) => {
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const tables: Record<string, unknown[]> = {};
    for (const name of ['sqlite_master', ...names]) {
      const columns = (db.prepare(`SELECT COUNT(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n || 5;
      const orderBy = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      tables[name] = db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY ${orderBy}`).all();
    }
    return { userVersion: db.pragma('user_version', { simple: true }) as number, tables };
  });
}

/** An audit_log row as stored. */
export type AuditRow = AuditEntry;

export const auditRows = (t: TestCore): AuditRow[] => queryRows<AuditRow>(t.core.databaseFile, 'SELECT * FROM audit_log ORDER BY seq');

/**
 * Expects the call to be refused and the database to be exactly as it was, row for row, with no new
 * audit entry. Returns the structured error for the test to examine.
 */
export async function refusedAndUnchanged(t: TestCore, actorId: string | null, method: string, params: unknown): Promise<ApiErrorShape> {
  const before = dumpDatabase(t.core.databaseFile);
  const error = await t.fail(actorId, method, params);
  const after = dumpDatabase(t.core.databaseFile);
  expect(after.tables.audit_log).toHaveLength(before.tables.audit_log?.length ?? -1);
  expect(after).toStrictEqual(before);
  return error;
}

/** A lead's evaluation with a full panel, one consortium bidder and someone who is not on the panel. */
export async function evaluationWithPanel(t: TestCore) {
  const { lead, evaluation, frameworkId } = await leadWithEvaluation(t);
  const person = (name: string) => t.call(null, 'people.create', { name });
  const moderator = await person('Mo Moderator');
  const evaluators = [await person('Eve Evaluator'), await person('Evan Evaluator'), await person('Eva Evaluator')] as const;
  const outsider = await person('Olu Outsider');
  await t.call(lead.id, 'panel.add', { evaluationId: evaluation.id, personId: moderator.id, role: 'moderator' });
  for (const e of evaluators) await t.call(lead.id, 'panel.add', { evaluationId: evaluation.id, personId: e.id, role: 'evaluator' });
  const withBidder = await t.call(lead.id, 'bidders.add', {
    evaluationId: evaluation.id,
    name: 'Wandle Health Alliance',
    reference: 'BID-001',
    members: [
      { organisation: 'Wandle Valley NHS Trust', role: 'lead' },
      { organisation: 'Mitcham Carers Network', role: 'partner' },
    ],
  });
  const bidder = withBidder.bidders[0]!;
  const partner = bidder.members.find((m) => m.role === 'partner')!;
  return { lead, moderator, evaluators, outsider, evaluation, frameworkId, bidder, partner };
}

/** Methods that belong to a later stage than set-up (opening scoring ends set-up); tested with that stage. */
const BEYOND_SET_UP: readonly string[] = ['evaluations.openScoring'];

/** Every method of the set-up stage: profiles, the framework library, evaluations, panel and bidders. */
export const SET_UP_METHODS = (Object.keys({ ...appMethods, ...peopleMethods, ...frameworkMethods, ...evaluationMethods }) as MethodName[]).filter(
  (m) => !BEYOND_SET_UP.includes(m),
);
