import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { Outcome } from '../../../shared/api/errors';
import { dumpDatabase, makeCore, queryRows, type DatabaseDump, type TestCore } from '../support/core';
import { readableTexts } from '../scoring/leak-scan';
import { callList, everyCall } from './every-call';
import {
  freshSession,
  GOV_DEV,
  manualClock,
  ok,
  panelWithSecrets,
  RATIONALE,
  REFUSALS,
  send,
  SECRET_RATIONALE,
  SECRETS,
  signIn,
  type ManualClock,
  type SecretsScene,
} from './scene';

/*
 * Issue 13's acceptance test: every method of the contract, called with a forged identity, is refused or
 * acts as the session's person. Evan (evaluator B) has an unsealed score with a secret rationale for Wandle;
 * Eve (evaluator A) and Evan are recused from Riverside, whose response and document are confidential.
 * Someone tries, in five ways, to act as Evan; every answer is examined (files decoded and unzipped), and
 * the database is compared row for row before and after every call.
 */

/** What someone signed out is meant to reach: the sign-in screen, the demo, a pack opened on a new laptop. */
const SIGNED_OUT_METHODS: readonly string[] = [
  'app.info',
  'demo.create',
  'session.profiles',
  'session.assessPassphrase',
  'session.register',
  'session.signIn',
  'session.end',
  'people.list',
  'exchange.stageUpload',
  'exchange.openPack',
];

interface Forgery {
  /** The session id the forged call carries, made just before the call. */
  session(s: SecretsScene, clock: ManualClock): Promise<string | null>;
  /** Whose live session it is ('nobody' when signed out); a call that succeeds must have acted as them. */
  actsAs(s: SecretsScene): string | 'nobody';
  /** When every call must be turned away at the door: the code (and message) expected. */
  turnedAway?: RegExp;
  /** Params as sent (by default the table's, naming Evan wherever a person is named). */
  params?(params: unknown, s: SecretsScene): unknown;
}

const FORGERIES: Record<string, Forgery> = {
  '(a) with no session at all': { session: async () => null, actsAs: () => 'nobody' },
  '(b) with a session id nobody was given': {
    session: async () => randomBytes(32).toString('base64url'),
    actsAs: () => 'nobody',
    turnedAway: /signed out/,
  },
  '(c) with Eve’s session after it locked for idleness': {
    async session(s, clock) {
      const id = await freshSession(s.t, s.a.id);
      clock.advanceMinutes(16);
      return id;
    },
    actsAs: () => 'nobody',
    turnedAway: /Locked after 15 minutes/,
  },
  '(d) with Eve’s own session, naming Evan wherever a person is named': {
    session: async (s) => s.t.sessionOf(s.a.id),
    actsAs: (s) => s.a.id,
  },
  '(e) with Evan’s person id where the session id goes (the old forged actorId)': {
    session: async (s) => s.b.id,
    actsAs: () => 'nobody',
    turnedAway: /signed out/,
  },
  '(f) with Eve’s session and Evan smuggled into the params as actorId': {
    session: async (s) => s.t.sessionOf(s.a.id),
    actsAs: (s) => s.a.id,
    params: (params, s) => ({ ...(params as object), actorId: s.b.id }),
  },
};

/** Rows that name a person, per table, outside the trail of attempts and the audit trail (which name whoever was tried). */
function rowsNaming(dump: DatabaseDump, personId: string): Record<string, string[]> {
  const rows: Record<string, string[]> = {};
  for (const [table, content] of Object.entries(dump.tables)) {
    if (['audit_log', 'sign_in_attempts', 'sqlite_sequence'].includes(table)) continue;
    const naming = content.map((r) => JSON.stringify(r)).filter((r) => r.includes(personId));
    if (naming.length > 0) rows[table] = naming;
  }
  return rows;
}

/** Any session handed out in an answer, and whose it is. */
function sessionsIn(value: unknown): { personId: string }[] {
  if (Array.isArray(value)) return value.flatMap(sessionsIn);
  if (!value || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  const here =
    typeof v.sessionId === 'string' && v.person && typeof v.person === 'object' ? [{ personId: String((v.person as { id: unknown }).id) }] : [];
  return [...here, ...Object.values(v).flatMap(sessionsIn)];
}

interface Findings {
  leaks: string[];
  notARefusal: string[];
  changedWhenRefused: string[];
  notTurnedAway: string[];
  answeredSignedOut: string[];
  auditedAsSomeoneElse: string[];
  touchedEvansRecords: string[];
  sessionForEvan: string[];
  answered: string[];
}

async function sweep(t: TestCore, s: SecretsScene, clock: ManualClock, forgery: Forgery): Promise<Findings> {
  const f: Findings = {
    leaks: [],
    notARefusal: [],
    changedWhenRefused: [],
    notTurnedAway: [],
    answeredSignedOut: [],
    auditedAsSomeoneElse: [],
    touchedEvansRecords: [],
    sessionForEvan: [],
    answered: [],
  };
  const actor = forgery.actsAs(s);
  for (const [method, tableParams] of callList(s, s.b)) {
    const params = forgery.params ? forgery.params(tableParams, s) : tableParams;
    const sessionId = await forgery.session(s, clock);
    const before = dumpDatabase(t.core.databaseFile);
    const outcome: Outcome<unknown> = await t.core.dispatch(sessionId, method, params);
    const after = dumpDatabase(t.core.databaseFile);
    const label = `${method} ${JSON.stringify(params).slice(0, 80)}`;

    if (readableTexts(outcome).some((text) => SECRETS.some((secret) => text.includes(secret)))) f.leaks.push(label);
    if (!outcome.ok) {
      if (!(REFUSALS as readonly string[]).includes(outcome.error.code))
        f.notARefusal.push(`${label}: ${outcome.error.code} ${outcome.error.message}`);
      if (JSON.stringify(after) !== JSON.stringify(before)) f.changedWhenRefused.push(label);
      if (forgery.turnedAway && !(outcome.error.code === 'UNAUTHENTICATED' && forgery.turnedAway.test(outcome.error.message)))
        f.notTurnedAway.push(`${label}: ${outcome.error.code} ${outcome.error.message}`);
      // Signed out, anything beyond the sign-in screen is refused for want of a session, before anything else is looked at.
      if (actor === 'nobody' && !SIGNED_OUT_METHODS.includes(method) && outcome.error.code !== 'UNAUTHENTICATED')
        f.notTurnedAway.push(`${label}: ${outcome.error.code} ${outcome.error.message}`);
      continue;
    }
    f.answered.push(method);
    if (forgery.turnedAway) f.notTurnedAway.push(`${label}: answered`);
    if (actor === 'nobody' && !SIGNED_OUT_METHODS.includes(method)) f.answeredSignedOut.push(label);
    const newAudit = (after.tables.audit_log ?? []).slice((before.tables.audit_log ?? []).length) as { actor_id: string | null }[];
    for (const row of newAudit) if (row.actor_id !== (actor === 'nobody' ? null : actor)) f.auditedAsSomeoneElse.push(`${label}: by ${row.actor_id}`);
    if (JSON.stringify(rowsNaming(after, s.b.id)) !== JSON.stringify(rowsNaming(before, s.b.id))) f.touchedEvansRecords.push(label);
    if (sessionsIn(outcome.result).some((x) => x.personId === s.b.id)) f.sessionForEvan.push(label);
    if (method === 'session.signIn' && (outcome.result as { signedIn: boolean }).signedIn) f.sessionForEvan.push(label);
  }
  return f;
}

describe('every method of the contract, called with a forged identity, is refused or acts as the session’s person', { timeout: 120_000 }, () => {
  it('has a call of every method of the contract', async () => {
    const t = makeCore();
    const s = await panelWithSecrets(t);
    const table = everyCall(s, s.b) as Record<string, unknown[]>;
    const missing = Object.keys(contract).filter((m) => (table[m] ?? []).length === 0);
    expect(missing, 'add a call of each new method to every-call.ts so that forged identities are tried on it').toEqual([]);
  });

  it('would notice a call that reached Evan’s scores or the recused bid (Evan’s own session and the lead’s, as controls)', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const s = await panelWithSecrets(t);
    const asEvan = await sweep(t, s, clock, { session: async () => t.sessionOf(s.b.id), actsAs: () => s.b.id });
    expect(asEvan.leaks).toEqual(expect.arrayContaining([expect.stringMatching(/^scoring\.mine/), expect.stringMatching(/^scoring\.history/)]));
    expect(asEvan.touchedEvansRecords).toEqual(expect.arrayContaining([expect.stringMatching(/^scoring\.save/)]));
    const asLead = await sweep(t, s, clock, { session: async () => t.sessionOf(s.lead.id), actsAs: () => s.b.id });
    expect(asLead.leaks).toEqual(expect.arrayContaining([expect.stringMatching(/^submissions\.get/), expect.stringMatching(/^documents\.content/)]));
    expect(asLead.auditedAsSomeoneElse.length).toBeGreaterThan(0);
  });

  it.each(Object.keys(FORGERIES))('called %s', async (name) => {
    const forgery = FORGERIES[name]!;
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const s = await panelWithSecrets(t);
    const evansScoresBefore = queryRows(t.core.databaseFile, 'SELECT * FROM score_entries WHERE evaluator_id = ? ORDER BY seq', s.b.id);
    expect(evansScoresBefore).toHaveLength(12);

    const f = await sweep(t, s, clock, forgery);

    expect(f.leaks, 'answers carrying Evan’s unsealed rationale or Riverside’s recused bid').toEqual([]);
    expect(f.notARefusal, 'failures that are not refusals').toEqual([]);
    expect(f.changedWhenRefused, 'refused calls that changed the database').toEqual([]);
    expect(f.notTurnedAway, 'calls not turned away at the door').toEqual([]);
    expect(f.answeredSignedOut, 'calls answered without a session that need one').toEqual([]);
    expect(f.auditedAsSomeoneElse, 'audit entries not by the session’s person').toEqual([]);
    expect(f.touchedEvansRecords, 'calls that changed records naming Evan').toEqual([]);
    expect(f.sessionForEvan, 'answers handing out a session as Evan').toEqual([]);
    expect(queryRows(t.core.databaseFile, 'SELECT * FROM score_entries WHERE evaluator_id = ? ORDER BY seq', s.b.id)).toEqual(evansScoresBefore);

    if (forgery.turnedAway) expect(f.answered).toEqual([]);
    if (forgery.actsAs(s) === 'nobody' && !forgery.turnedAway) {
      // The sweep reached the sign-in screen, and nothing else.
      expect(f.answered).toEqual(expect.arrayContaining(['app.info', 'session.profiles', 'session.signIn']));
    }
    if (forgery.actsAs(s) === s.a.id && !forgery.params) {
      // Eve's session reached what Eve may do, and did it as Eve: her own score, her own new passphrase.
      expect(f.answered).toEqual(
        expect.arrayContaining(['scoring.mine', 'scoring.history', 'scoring.save', 'scoring.myProgress', 'session.changePassphrase']),
      );
      const saved = queryRows<{ evaluator_id: string; score: number }>(
        t.core.databaseFile,
        'SELECT evaluator_id, score FROM score_entries WHERE seq > (SELECT MAX(seq) FROM score_entries WHERE evaluator_id = ?)',
        s.b.id,
      );
      expect(saved).toEqual([{ evaluator_id: s.a.id, score: 1 }]);
      const credentials = queryRows<{ person_id: string }>(
        t.core.databaseFile,
        'SELECT person_id FROM credentials WHERE person_id IN (?, ?) ORDER BY seq',
        s.a.id,
        s.b.id,
      );
      expect(credentials.filter((c) => c.person_id === s.b.id)).toHaveLength(1);
      expect(credentials.filter((c) => c.person_id === s.a.id)).toHaveLength(2);
    }
  });
});

describe('nobody signed out can take over a profile already in use', () => {
  it('making the demo again does not hand out passphrases that open a demo evaluator’s unsealed scores', async () => {
    const t = makeCore();
    const demo = await ok(t, null, 'demo.create', {});
    const passphraseOf = (role: string) => demo.profiles.find((p) => p.role === role)!;
    const lead = await freshSession(t, passphraseOf('procurement lead').personId, passphraseOf('procurement lead').passphrase);
    const evaluation = await ok(t, lead, 'evaluations.openScoring', { evaluationId: demo.evaluationId });
    const ben = demo.profiles.find((p) => p.name.startsWith('Ben Carter'))!;
    const bens = await freshSession(t, ben.personId, ben.passphrase);
    for (const bidder of await ok(t, bens, 'conflicts.mine', { evaluationId: demo.evaluationId })) {
      for (const subject of bidder.subjects) {
        await ok(t, bens, 'conflicts.declare', {
          evaluationId: demo.evaluationId,
          bidderId: bidder.bidderId,
          memberId: subject.memberId,
          kind: 'none',
          description: '',
        });
      }
    }
    const ref = { evaluationId: demo.evaluationId, bidderId: evaluation.bidders[0]!.id };
    await ok(t, bens, 'scoring.save', {
      ...ref,
      criterionId: GOV_DEV,
      score: 4,
      rationale: `${SECRET_RATIONALE} ${RATIONALE}`,
      evidenceRefs: [],
      indicatorMarks: {},
    });

    // Someone at the sign-in screen makes the demo again, and is shown a passphrase for every demo profile.
    // (Refusing to make it again would do as well as withholding Ben's drafts.)
    const again = await send(t, null, 'demo.create', {});
    const shown = again.ok ? again.result.profiles.find((p) => p.personId === ben.personId) : undefined;
    const answer = shown ? await signIn(t, shown.personId, shown.passphrase) : null;
    if (answer?.signedIn) {
      const leaks: string[] = [];
      for (const [method, params] of [
        ['scoring.mine', ref],
        ['scoring.history', { ...ref, criterionId: GOV_DEV }],
      ] as const) {
        const outcome = await t.core.dispatch(answer.sessionId, method, params);
        expect(outcome.ok, method).toBe(true);
        if (readableTexts(outcome).some((text) => text.includes(SECRET_RATIONALE))) leaks.push(method);
      }
      expect(leaks, 'Ben’s unsealed rationale, read with a passphrase handed to someone signed out').toEqual([]);
    }
  });
});
