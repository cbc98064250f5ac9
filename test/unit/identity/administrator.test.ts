import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../shared/api/contract';
import {
  auditRows,
  dumpDatabase,
  evaluationWithPanel,
  makeCore,
  queryRows,
  refusedAndUnchanged,
  TEST_PASSPHRASE,
  type TestCore,
} from '../support/core';
import { readableTexts } from '../scoring/leak-scan';
import { callList } from './every-call';
import {
  ALL_CRITERIA,
  ANOTHER_STRONG,
  declareAll,
  freshSession,
  GOV_DEV,
  ok,
  panelWithSecrets,
  RATIONALE,
  refused,
  signIn,
  STRONG,
  type SecretsScene,
} from './scene';

/*
 * The installation administrator (whoever added the first profile here) alone keeps the backups, sees the
 * accounts, resets a forgotten passphrase, hands the role on and sets the idle time. A reset lets the person
 * back in without letting anyone read what they had not yet sealed.
 */

const backupsIn = (t: TestCore) => readdirSync(join(t.dataDir, 'backups')).filter((n) => n.startsWith('backup-'));

/** Every administration call, aimed at real people and a real backup so that only the caller's role can stop it. */
async function administrationCalls(t: TestCore, s: Awaited<ReturnType<typeof evaluationWithPanel>>): Promise<[MethodName, unknown][]> {
  const [backup] = await t.call(s.lead.id, 'backup.list', {});
  return [
    ['backup.list', {}],
    ['backup.create', {}],
    ['backup.restore', { name: backup!.name }],
    ['admin.accounts', {}],
    ['admin.resetPassphrase', { personId: s.evaluators[0].id, passphrase: STRONG }],
    ['admin.handOver', { personId: s.moderator.id, reason: 'Going on leave' }],
    ['admin.setIdleMinutes', { minutes: 30 }],
  ];
}

describe('only the installation administrator', () => {
  const roles = ['moderator', 'evaluator', 'someone not on any panel'] as const;
  it.each(roles)('refuses the %s every administration call, and changes nothing', async (role) => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    const who = { moderator: s.moderator, evaluator: s.evaluators[1], 'someone not on any panel': s.outsider }[role];
    const backups = backupsIn(t);
    for (const [method, params] of await administrationCalls(t, s)) {
      const error = await refusedAndUnchanged(t, who.id, method, params);
      expect(error, method).toMatchObject({ code: 'FORBIDDEN', message: 'Only the installation administrator can do this.' });
    }
    expect(backupsIn(t)).toEqual(backups);
    // Their sessions were not ended by a restore, nor anyone's by a reset.
    expect(await t.call(s.evaluators[0].id, 'evaluations.list', {})).toHaveLength(1);
  });

  it('refuses every administration call signed out, and changes nothing', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    for (const [method, params] of await administrationCalls(t, s)) {
      expect((await refusedAndUnchanged(t, null, method, params)).code, method).toBe('UNAUTHENTICATED');
    }
  });

  it('lists and takes backups, and sees every account', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    const made = await t.call(s.lead.id, 'backup.create', {});
    expect((await t.call(s.lead.id, 'backup.list', {})).map((b) => b.name)).toContain(made.name);
    const panellist = await t.call(s.lead.id, 'people.create', { name: 'Pat Panel' });
    const accounts = await t.call(s.lead.id, 'admin.accounts', {});
    expect(accounts.idleMinutes).toBe(15);
    const byName = new Map(accounts.people.map((p) => [p.name, p]));
    expect(byName.get('Lee Lead')).toMatchObject({
      administrator: true,
      canSignIn: true,
      demo: false,
      resetPending: false,
      failedSinceLastSignIn: 0,
    });
    expect(byName.get('Eve Evaluator')).toMatchObject({ administrator: false, canSignIn: true });
    expect(byName.get('Pat Panel')).toMatchObject({ id: panellist.id, canSignIn: false, lastSignInAt: null });
  });

  it('restores a backup, and everyone signed in signs in again against the restored record', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    const backup = await t.call(s.lead.id, 'backup.create', {});
    await t.call(s.lead.id, 'people.create', { name: 'Added After The Backup' });
    const sessions = [await t.sessionOf(s.lead.id), await t.sessionOf(s.moderator.id)];
    await t.call(s.lead.id, 'backup.restore', { name: backup.name });
    for (const session of sessions) expect((await refused(t, session, 'evaluations.list', {})).code).toBe('UNAUTHENTICATED');
    const again = await freshSession(t, s.lead.id);
    expect((await ok(t, again, 'people.list', {})).map((p) => p.name)).not.toContain('Added After The Backup');
  });
});

describe('handing the administration over', () => {
  it('moves the role at once, and is on the record', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    await t.call(s.lead.id, 'admin.handOver', { personId: s.moderator.id, reason: 'Lee moves to another department' });
    // The moderator's session, opened before, administers now; the lead's no longer does.
    expect((await t.call(s.moderator.id, 'admin.accounts', {})).people.find((p) => p.administrator)?.id).toBe(s.moderator.id);
    expect((await refusedAndUnchanged(t, s.lead.id, 'admin.accounts', {})).code).toBe('FORBIDDEN');
    expect((await ok(t, null, 'session.profiles', {})).filter((p) => p.administrator).map((p) => p.id)).toEqual([s.moderator.id]);
    expect(await signIn(t, s.moderator.id)).toMatchObject({ signedIn: true, administrator: true });
    expect(await signIn(t, s.lead.id)).toMatchObject({ signedIn: true, administrator: false });
    const entry = auditRows(t).find((r) => r.method === 'admin.handOver')!;
    expect(entry.actor_id).toBe(s.lead.id);
    expect(JSON.parse(entry.detail)).toEqual({ personId: s.moderator.id, reason: 'Lee moves to another department' });
    expect(queryRows(t.core.databaseFile, 'SELECT person_id, granted_by, reason FROM administrators ORDER BY seq').at(-1)).toEqual({
      person_id: s.moderator.id,
      granted_by: s.lead.id,
      reason: 'Lee moves to another department',
    });
  });

  it('refuses to hand it to a demo profile, to someone without a passphrase here, or to oneself', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    const demo = await ok(t, null, 'demo.create', {});
    const panellist = await t.call(s.lead.id, 'people.create', { name: 'Pat Panel' });
    for (const [personId, message] of [
      [demo.leadPersonId, /demo profile/],
      [panellist.id, /no passphrase here/],
      [s.lead.id, /already administer/],
    ] as const) {
      const error = await refusedAndUnchanged(t, s.lead.id, 'admin.handOver', { personId, reason: 'Handing over' });
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.message).toMatch(message);
    }
  });
});

/** Evaluator C (Eva) of the secrets scene sealed Riverside before the reset, and has drafts for Wandle that she has not sealed. */
const EVA_DRAFT = 'EVA-PRE-RESET-DRAFT-5d1e';
const EVA_SEALED = 'EVA-SEALED-BEFORE-RESET-5d1e';

async function evaWithDraftsAndASeal(t: TestCore) {
  const s = await panelWithSecrets(t);
  await declareAll(t, s.evaluationId, s.c.id);
  const score = (bidderId: string, criterionId: string, rationale: string, value = 4) =>
    t.call(s.c.id, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId,
      criterionId,
      score: value,
      rationale,
      evidenceRefs: [],
      indicatorMarks: {},
    });
  for (const criterionId of ALL_CRITERIA) await score(s.riverside.id, criterionId, `${EVA_SEALED} ${RATIONALE}`, 2);
  await t.call(s.c.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.riverside.id });
  for (const criterionId of ALL_CRITERIA) await score(s.wandle.id, criterionId, `${EVA_DRAFT} ${RATIONALE}`);
  return { ...s, score };
}

/** The administrator resets Eva's passphrase; Eva (or whoever was given it) signs in with it and chooses a new one. */
async function resetAndTakeOver(t: TestCore, s: SecretsScene) {
  const reset = await t.call(s.lead.id, 'admin.resetPassphrase', { personId: s.c.id, passphrase: STRONG });
  const answer = await signIn(t, s.c.id, STRONG);
  if (!answer.signedIn) throw new Error(answer.message);
  await ok(t, answer.sessionId, 'session.changePassphrase', { currentPassphrase: STRONG, newPassphrase: ANOTHER_STRONG });
  return { reset, session: answer.sessionId };
}

/** Every method of the contract, called with this session; the calls that answered with something of Eva's drafts. */
async function leaksOfDrafts(t: TestCore, s: SecretsScene, sessionId: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const [method, params] of callList(s, s.outsider)) {
    if (readableTexts(await t.core.dispatch(sessionId, method, params)).some((text) => text.includes(EVA_DRAFT))) leaks.push(method);
  }
  return leaks;
}

describe('resetting a forgotten passphrase', { timeout: 120_000 }, () => {
  it('ends the person’s sessions; the reset passphrase signs in, but only to choose a new one', async () => {
    const t = makeCore();
    const s = await panelWithSecrets(t);
    const evans = await t.sessionOf(s.b.id);
    const reset = await t.call(s.lead.id, 'admin.resetPassphrase', { personId: s.b.id, passphrase: STRONG });
    expect(reset).toEqual({ withheldDrafts: 12, evaluations: 1 });
    expect((await refused(t, evans, 'evaluations.list', {})).code).toBe('UNAUTHENTICATED');
    expect(await signIn(t, s.b.id, TEST_PASSPHRASE)).toMatchObject({ signedIn: false });
    const answer = await signIn(t, s.b.id, STRONG);
    expect(answer).toMatchObject({ signedIn: true, mustChangePassphrase: true });
    if (!answer.signedIn) return;
    expect((await t.call(s.lead.id, 'admin.accounts', {})).people.find((p) => p.id === s.b.id)?.resetPending).toBe(true);

    const allowed = ['app.info', 'session.profiles', 'session.assessPassphrase', 'session.touch'];
    const notRefused: string[] = [];
    for (const [method, params] of callList(s, s.outsider)) {
      if (method === 'session.changePassphrase' || method === 'session.end') continue;
      const before = dumpDatabase(t.core.databaseFile);
      const outcome = await t.core.dispatch(answer.sessionId, method, params);
      if (allowed.includes(method)) {
        expect(outcome.ok, method).toBe(true);
        continue;
      }
      if (outcome.ok || outcome.error.code !== 'FORBIDDEN' || !/Choose a new passphrase first/.test(outcome.error.message)) notRefused.push(method);
      expect(dumpDatabase(t.core.databaseFile), method).toStrictEqual(before);
    }
    expect(notRefused, 'methods a session with a reset passphrase could still call').toEqual([]);

    // Choosing a new one: the current passphrase must be right and the new one strong and different.
    const change = (currentPassphrase: string, newPassphrase: string) =>
      refused(t, answer.sessionId, 'session.changePassphrase', { currentPassphrase, newPassphrase });
    expect(await change(TEST_PASSPHRASE, ANOTHER_STRONG)).toMatchObject({ code: 'RULE_VIOLATION', message: 'Your current passphrase is not right.' });
    expect(await change(STRONG, STRONG)).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(await change(STRONG, 'aaaaaaaaaaaa')).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(await ok(t, answer.sessionId, 'session.changePassphrase', { currentPassphrase: STRONG, newPassphrase: ANOTHER_STRONG })).toEqual({
      ok: true,
    });
    expect(await ok(t, answer.sessionId, 'evaluations.list', {})).toHaveLength(1);
    expect((await t.call(s.lead.id, 'admin.accounts', {})).people.find((p) => p.id === s.b.id)?.resetPending).toBe(false);
    expect(await signIn(t, s.b.id, STRONG)).toMatchObject({ signedIn: false });
    expect(await signIn(t, s.b.id, ANOTHER_STRONG)).toMatchObject({ signedIn: true, mustChangePassphrase: false });
  });

  it('is refused for an unknown profile, for a weak passphrase, and for the administrator’s own', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    expect((await refusedAndUnchanged(t, s.lead.id, 'admin.resetPassphrase', { personId: 'no-such-person', passphrase: STRONG })).code).toBe(
      'NOT_FOUND',
    );
    expect((await refusedAndUnchanged(t, s.lead.id, 'admin.resetPassphrase', { personId: s.moderator.id, passphrase: '123456789012' })).code).toBe(
      'RULE_VIOLATION',
    );
    expect((await refusedAndUnchanged(t, s.lead.id, 'admin.resetPassphrase', { personId: s.lead.id, passphrase: STRONG })).code).toBe(
      'RULE_VIOLATION',
    );
  });

  it('is on the audit trail of every evaluation the person sits on, and of no other', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    const eve = s.evaluators[0];
    const second = await t.call(s.lead.id, 'evaluations.create', { name: 'Adult social care 2026', reference: 'ASC-26', frameworkId: s.frameworkId });
    await t.call(s.lead.id, 'panel.add', { evaluationId: second.id, personId: eve.id, role: 'moderator' });
    const elsewhere = await t.call(s.moderator.id, 'evaluations.create', { name: 'Without Eve', reference: 'W-1', frameworkId: s.frameworkId });
    const result = await t.call(s.lead.id, 'admin.resetPassphrase', { personId: eve.id, passphrase: STRONG });
    expect(result.evaluations).toBe(2);
    const rows = auditRows(t).filter((r) => r.method === 'admin.resetPassphrase' && r.evaluation_id !== null);
    expect(rows.map((r) => r.evaluation_id).sort()).toEqual([s.evaluation.id, second.id].sort());
    expect(rows.every((r) => JSON.parse(r.detail).personId === eve.id)).toBe(true);
    expect(auditRows(t).some((r) => r.evaluation_id === elsewhere.id && r.method === 'admin.resetPassphrase')).toBe(false);
    // The procurement lead sees it in the evaluation's own audit view, and the chain still verifies.
    const listed = await t.call(s.lead.id, 'audit.list', { evaluationId: s.evaluation.id, limit: 500 });
    expect(listed.entries.map((e) => e.method)).toContain('admin.resetPassphrase');
    expect(await t.call(s.lead.id, 'audit.verify', { evaluationId: s.evaluation.id })).toMatchObject({ ok: true });
  });
});

describe('a reset gives nobody access to the person’s unsealed scores', { timeout: 120_000 }, () => {
  it('withholds the drafts saved before it, from everyone and the person too, while the scores sealed before it stand', async () => {
    const t = makeCore();
    const s = await evaWithDraftsAndASeal(t);
    const ref = { evaluationId: s.evaluationId, bidderId: s.wandle.id };
    // Before the reset, Eva sees her own drafts (so the checks below can fail).
    expect(JSON.stringify(await t.call(s.c.id, 'scoring.mine', ref))).toContain(EVA_DRAFT);

    const { reset, session } = await resetAndTakeOver(t, s);
    expect(reset.withheldDrafts).toBe(12);
    expect(await ok(t, session, 'scoring.mine', ref)).toEqual({ scores: [], sealedAt: null });
    for (const criterionId of ALL_CRITERIA) expect(await ok(t, session, 'scoring.history', { ...ref, criterionId }), criterionId).toEqual([]);
    const mine = await ok(t, session, 'scoring.myProgress', { evaluationId: s.evaluationId });
    expect(mine.find((p) => p.bidderId === s.wandle.id)).toMatchObject({ scored: 0, sealedAt: null });
    expect(mine.find((p) => p.bidderId === s.riverside.id)).toMatchObject({ scored: 12, sealedAt: expect.any(String) });
    const panel = await t.call(s.lead.id, 'panel.progress', { evaluationId: s.evaluationId });
    expect(panel.find((m) => m.personId === s.c.id)?.bidders.find((b) => b.bidderId === s.wandle.id)).toMatchObject({ scored: 0 });

    // Riverside, sealed before the reset, is on the moderator's board with Eva's scores.
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.riverside.id });
    const criteria = board.bidders[0]!.criteria;
    expect(criteria).toHaveLength(12);
    for (const criterion of criteria) {
      expect(
        criterion.sealed.find((x) => x.evaluatorId === s.c.id),
        criterion.criterionId,
      ).toMatchObject({ score: 2, rationale: expect.stringContaining(EVA_SEALED) });
    }

    // No method of the contract shows the drafts to Eva, the moderator or the lead.
    expect(await leaksOfDrafts(t, s, session), 'as Eva').toEqual([]);
    expect(await leaksOfDrafts(t, s, await freshSession(t, s.moderator.id)), 'as the moderator').toEqual([]);
    expect(await leaksOfDrafts(t, s, await freshSession(t, s.lead.id)), 'as the lead').toEqual([]);
  });

  it('and keeps them withheld once the person scores the bidder afresh and seals', async () => {
    const t = makeCore();
    const s = await evaWithDraftsAndASeal(t);
    const { session } = await resetAndTakeOver(t, s);
    const ref = { evaluationId: s.evaluationId, bidderId: s.wandle.id };
    const afresh = 'Scored afresh after the reset: the board papers show quarterly reviews.';
    for (const criterionId of ALL_CRITERIA) {
      await ok(t, session, 'scoring.save', { ...ref, criterionId, score: 1, rationale: afresh, evidenceRefs: [], indicatorMarks: {} });
    }
    expect((await ok(t, session, 'scoring.mine', ref)).scores.map((e) => e.rationale)).toEqual(ALL_CRITERIA.map(() => afresh));
    await ok(t, session, 'scoring.seal', ref);

    // Soft: each way the drafts could come back is reported on its own.
    expect.soft((await ok(t, session, 'scoring.history', { ...ref, criterionId: GOV_DEV })).map((e) => e.rationale)).toEqual([afresh]);
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.wandle.id });
    expect
      .soft(board.bidders[0]!.criteria.find((c) => c.criterionId === GOV_DEV)?.sealed.find((x) => x.evaluatorId === s.c.id))
      .toMatchObject({ score: 1, rationale: afresh });
    expect.soft(await leaksOfDrafts(t, s, session), 'as Eva').toEqual([]);
    expect.soft(await leaksOfDrafts(t, s, await freshSession(t, s.moderator.id)), 'as the moderator').toEqual([]);
    expect.soft(await leaksOfDrafts(t, s, await freshSession(t, s.lead.id)), 'as the lead').toEqual([]);
  });
});
