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
import type { ApiErrorShape, Outcome } from '../../../shared/api/errors';
import type { Person } from '../../../shared/api/people';
import { createCore, type Core, type CoreOptions } from '../../../electron/core';
import type { AuditEntry } from '../../../electron/core/audit/chain';

const open: { core: Core; dir: string }[] = [];
afterEach(() => {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Every profile the tests add signs in with this passphrase. */
export const TEST_PASSPHRASE = 'plum orbit canal forty';
/**
 * scrypt cost for test profiles: 2^10 instead of OWASP's 2^17, so hundreds of sign-ins take milliseconds.
 * Each stored hash keeps its own parameters; a test of its own checks the hosts' default.
 */
export const TEST_KDF_LOG_N = 10;

export interface TestCore {
  core: Core;
  dataDir: string;
  /**
   * Calls as a person and expects success. The person is signed in through the contract (session.signIn
   * with TEST_PASSPHRASE) the first time they act; the call then carries only their session.
   */
  call<M extends MethodName>(actorId: string | null, method: M, params: Params<M>): Promise<Result<M>>;
  /** Calls and expects a structured error. */
  fail(actorId: string | null, method: string, params: unknown): Promise<ApiErrorShape>;
  /** The raw outcome of a call as a person (signed in as above) or signed out (null). */
  dispatchAs(actorId: string | null, method: string, params: unknown): Promise<Outcome<unknown>>;
  /** Adds a profile with TEST_PASSPHRASE (session.register), signed in. */
  profile(name: string): Promise<Person>;
  /** The session a person's calls carry (signing them in if they are not). */
  sessionOf(personId: string): Promise<string>;
  reopen(): TestCore;
}

/** A real core on a real SQLite file in a fresh temporary folder: no mocks. */
export function makeCore(dataDir = mkdtempSync(join(tmpdir(), 'capability-test-')), options: Partial<CoreOptions> = {}): TestCore {
  const core = createCore({ dataDir, log: () => {}, profileKdfLogN: TEST_KDF_LOG_N, ...options });
  open.push({ core, dir: dataDir });
  const sessions = new Map<string, string>();
  const sessionOf = async (personId: string): Promise<string> => {
    const known = sessions.get(personId);
    if (known) return known;
    const outcome = await core.dispatch(null, 'session.signIn', { personId, passphrase: TEST_PASSPHRASE });
    if (!outcome.ok) throw new Error(`signing in ${personId} failed: ${outcome.error.code} ${outcome.error.message}`);
    const result = outcome.result as Result<'session.signIn'>;
    if (!result.signedIn) throw new Error(`signing in ${personId} refused: ${result.message}`);
    sessions.set(personId, result.sessionId);
    return result.sessionId;
  };
  const dispatchAs = async (actorId: string | null, method: string, params: unknown) =>
    core.dispatch(actorId === null ? null : await sessionOf(actorId), method, params);
  const self: TestCore = {
    core,
    dataDir,
    dispatchAs,
    sessionOf,
    async call(actorId, method, params) {
      const outcome = await dispatchAs(actorId, method, params);
      if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
      return outcome.result as never;
    },
    async fail(actorId, method, params) {
      const outcome = await dispatchAs(actorId, method, params);
      if (outcome.ok) throw new Error(`${method} unexpectedly succeeded`);
      return outcome.error;
    },
    async profile(name) {
      const outcome = await core.dispatch(null, 'session.register', { name, passphrase: TEST_PASSPHRASE });
      if (!outcome.ok) throw new Error(`adding ${name} failed: ${outcome.error.code} ${outcome.error.message}`);
      const info = outcome.result as Result<'session.register'>;
      sessions.set(info.person.id, info.sessionId);
      return info.person;
    },
    reopen() {
      const i = open.findIndex((o) => o.core === core);
      open.splice(i, 1);
      core.close();
      return makeCore(dataDir, options);
    },
  };
  return self;
}

/** A procurement lead with an evaluation on the Merton framework, plus people to put on the panel. */
export async function leadWithEvaluation(t: TestCore) {
  const lead = await t.profile('Lee Lead');
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
  const person = (name: string) => t.profile(name);
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

/* ------------------------------------------------------------------------------------------------
 * People who sign in with a passphrase other than TEST_PASSPHRASE (the demo's profiles), and people
 * signed in afresh after their session ended. Appended: makeCore's own session map stays as it is; a
 * TestCore handed to these helpers consults their passphrases and sessions first.
 * --------------------------------------------------------------------------------------------- */

interface OwnSignIns {
  /** Passphrases to sign in with, by person, instead of TEST_PASSPHRASE. */
  passphrases: Map<string, string>;
  /** Sessions started here, by person; they take precedence over makeCore's. */
  sessions: Map<string, string>;
}
const ownSignIns = new WeakMap<TestCore, OwnSignIns>();

async function signInNow(t: TestCore, personId: string, passphrase: string): Promise<string> {
  const outcome = await t.core.dispatch(null, 'session.signIn', { personId, passphrase });
  if (!outcome.ok) throw new Error(`signing in ${personId} failed: ${outcome.error.code} ${outcome.error.message}`);
  const result = outcome.result as Result<'session.signIn'>;
  if (!result.signedIn) throw new Error(`signing in ${personId} refused: ${result.message}`);
  return result.sessionId;
}

/** Makes t's calls look up the passphrases and sessions registered here before falling back to makeCore's. */
function adopt(t: TestCore): OwnSignIns {
  const known = ownSignIns.get(t);
  if (known) return known;
  const own: OwnSignIns = { passphrases: new Map(), sessions: new Map() };
  ownSignIns.set(t, own);
  const fallback = t.sessionOf;
  t.sessionOf = async (personId) => {
    const session = own.sessions.get(personId);
    if (session) return session;
    const passphrase = own.passphrases.get(personId);
    if (passphrase === undefined) return fallback(personId);
    const started = await signInNow(t, personId, passphrase);
    own.sessions.set(personId, started);
    return started;
  };
  t.dispatchAs = async (actorId, method, params) => t.core.dispatch(actorId === null ? null : await t.sessionOf(actorId), method, params);
  t.call = (async (actorId: string | null, method: string, params: unknown) => {
    const outcome = await t.dispatchAs(actorId, method, params);
    if (!outcome.ok) throw new Error(`${method} failed: ${outcome.error.code} ${outcome.error.message}`);
    return outcome.result;
  }) as TestCore['call'];
  t.fail = async (actorId, method, params) => {
    const outcome = await t.dispatchAs(actorId, method, params);
    if (outcome.ok) throw new Error(`${method} unexpectedly succeeded`);
    return outcome.error;
  };
  return own;
}

/**
 * The demo's profiles sign in with the passphrases demo.create showed (random, one per profile): after this,
 * `t.call(demoPersonId, ...)` signs them in with their own passphrase the first time they act. Returns `demo`.
 */
export function withDemoPassphrases<D extends { profiles: readonly { personId: string; passphrase: string }[] }>(t: TestCore, demo: D): D {
  const own = adopt(t);
  for (const { personId, passphrase } of demo.profiles) own.passphrases.set(personId, passphrase);
  return demo;
}

/**
 * Signs a person in now through session.signIn (with the passphrase given, else the one known for them, else
 * TEST_PASSPHRASE), and has their later calls carry this new session: for a person whose earlier session
 * ended (session.end, a restore).
 */
export async function signInWith(t: TestCore, personId: string, passphrase?: string): Promise<string> {
  const own = adopt(t);
  const session = await signInNow(t, personId, passphrase ?? own.passphrases.get(personId) ?? TEST_PASSPHRASE);
  own.sessions.set(personId, session);
  return session;
}

/** Drops the session a test kept for a person (after session.end): their next call signs them in again. */
export function forget(t: TestCore, personId: string): void {
  const own = adopt(t);
  own.sessions.delete(personId);
  if (!own.passphrases.has(personId)) own.passphrases.set(personId, TEST_PASSPHRASE);
}

/** Has a person's later calls carry a session the core handed out elsewhere (exchange.openPack making their profile). */
export function keepSession(t: TestCore, personId: string, sessionId: string): void {
  adopt(t).sessions.set(personId, sessionId);
}
