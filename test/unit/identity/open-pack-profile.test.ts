import { describe, expect, it } from 'vitest';
import { dumpDatabase, evaluationWithPanel, makeCore, queryRows, TEST_KDF_LOG_N, type TestCore } from '../support/core';
import { ANOTHER_STRONG, ok, refused, register, signIn, STRONG } from './scene';

/*
 * Eve takes her evaluator pack to her own laptop. Opening it there, signed out, with a passphrase of her
 * choosing, makes her profile and signs her in; after that, the pack is hers to open only when signed in
 * as her.
 */

const PACK_PASSPHRASE = 'correct horse battery staple';

/** The office installation: the lead's evaluation open for scoring, and Eve's pack made by the lead. */
async function evesPack() {
  const office = makeCore();
  const s = await evaluationWithPanel(office);
  await office.call(s.lead.id, 'evaluations.openScoring', { evaluationId: s.evaluation.id });
  const eve = s.evaluators[0];
  const pack = await office.call(s.lead.id, 'exchange.exportPack', {
    evaluationId: s.evaluation.id,
    evaluatorId: eve.id,
    passphrase: PACK_PASSPHRASE,
  });
  return { ...s, eve, file: { content: pack.content } };
}

const openSignedOut = (laptop: TestCore, file: { content: Uint8Array }, profilePassphrase?: string) =>
  laptop.core.dispatch(null, 'exchange.openPack', {
    passphrase: PACK_PASSPHRASE,
    file,
    ...(profilePassphrase === undefined ? {} : { profilePassphrase }),
  });

/** A refused call that leaves the laptop's database as it was. */
async function refusedUnchanged(laptop: TestCore, sessionId: string | null, params: unknown) {
  const before = dumpDatabase(laptop.core.databaseFile);
  const error = await refused(laptop, sessionId, 'exchange.openPack', params);
  expect(dumpDatabase(laptop.core.databaseFile)).toStrictEqual(before);
  return error;
}

describe('opening an evaluator pack on a new laptop', { timeout: 120_000 }, () => {
  it('signed out, with a passphrase Eve chooses, makes her profile, her the administrator, and signs her in', async () => {
    const s = await evesPack();
    const laptop = makeCore();
    expect(await ok(laptop, null, 'app.info', {})).toMatchObject({ firstRun: true, hasAdministrator: false });
    const outcome = await openSignedOut(laptop, s.file, STRONG);
    if (!outcome.ok) throw new Error(`${outcome.error.code} ${outcome.error.message}`);
    const opened = outcome.result as {
      outcome: string;
      evaluatorId: string;
      session: { sessionId: string; person: { id: string }; administrator: boolean; mustChangePassphrase: boolean } | null;
    };
    expect(opened).toMatchObject({ outcome: 'opened', evaluatorId: s.eve.id });
    expect(opened.session).toMatchObject({ person: { id: s.eve.id }, administrator: true, mustChangePassphrase: false });

    // The session works, as Eve and as the administrator of this laptop.
    const session = opened.session!.sessionId;
    expect((await ok(laptop, session, 'evaluations.list', {})).map((e) => e.id)).toEqual([s.evaluation.id]);
    expect((await ok(laptop, session, 'admin.accounts', {})).people.filter((p) => p.administrator).map((p) => p.id)).toEqual([s.eve.id]);
    // Only Eve can sign in here; the rest of the panel came with the pack as names.
    const profiles = await ok(laptop, null, 'session.profiles', {});
    expect(profiles.filter((p) => p.canSignIn).map((p) => p.id)).toEqual([s.eve.id]);
    expect(await signIn(laptop, s.eve.id, STRONG)).toMatchObject({ signedIn: true, administrator: true });
    expect(queryRows(laptop.core.databaseFile, 'SELECT person_id, log_n, kind FROM credentials')).toEqual([
      { person_id: s.eve.id, log_n: TEST_KDF_LOG_N, kind: 'chosen' },
    ]);
    const dump = JSON.stringify(dumpDatabase(laptop.core.databaseFile));
    expect(dump).not.toContain(STRONG);
    expect(dump).not.toContain(PACK_PASSPHRASE);
  });

  it('signed out a second time is refused: Eve’s profile has a passphrase now, and keeps it', async () => {
    const s = await evesPack();
    const laptop = makeCore();
    expect((await openSignedOut(laptop, s.file, STRONG)).ok).toBe(true);
    const error = await refusedUnchanged(laptop, null, { passphrase: PACK_PASSPHRASE, file: s.file, profilePassphrase: ANOTHER_STRONG });
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/already has a profile here\. Sign in as Eve Evaluator/) });
    expect(await signIn(laptop, s.eve.id, ANOTHER_STRONG)).toMatchObject({ signedIn: false });
    expect(await signIn(laptop, s.eve.id, STRONG)).toMatchObject({ signedIn: true });
  });

  it('signed in as someone else is refused, and Eve may still open it signed out without becoming administrator', async () => {
    const s = await evesPack();
    const laptop = makeCore();
    const ian = await register(laptop, 'Ian Support', ANOTHER_STRONG);
    if (!ian.ok) throw new Error(ian.error.message);
    const error = await refusedUnchanged(laptop, ian.result.sessionId, { passphrase: PACK_PASSPHRASE, file: s.file });
    expect(error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/This pack is for Eve Evaluator\. Sign in as Eve Evaluator/) });
    // Nor may someone else choose Eve's passphrase while signed in.
    expect(
      (await refusedUnchanged(laptop, ian.result.sessionId, { passphrase: PACK_PASSPHRASE, file: s.file, profilePassphrase: STRONG })).code,
    ).toBe('FORBIDDEN');

    const outcome = await openSignedOut(laptop, s.file, STRONG);
    expect(outcome.ok && outcome.result).toMatchObject({ outcome: 'opened', session: { person: { id: s.eve.id }, administrator: false } });
  });

  it('signed out, needs a passphrase for the profile, and a strong one', async () => {
    const s = await evesPack();
    const laptop = makeCore();
    expect(await refusedUnchanged(laptop, null, { passphrase: PACK_PASSPHRASE, file: s.file })).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'profilePassphrase' }],
    });
    expect(await refusedUnchanged(laptop, null, { passphrase: PACK_PASSPHRASE, file: s.file, profilePassphrase: '123456789012' })).toMatchObject({
      code: 'RULE_VIOLATION',
      issues: [{ path: 'profilePassphrase' }],
    });
    // And the pack's own passphrase must be right before anything else.
    expect(await refusedUnchanged(laptop, null, { passphrase: 'not the pack passphrase', file: s.file, profilePassphrase: STRONG })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/The passphrase is wrong/),
    });
    expect(await ok(laptop, null, 'app.info', {})).toMatchObject({ firstRun: true, hasAdministrator: false });
  });

  it('signed in as Eve, opens again without making anything new', async () => {
    const s = await evesPack();
    const laptop = makeCore();
    const first = await openSignedOut(laptop, s.file, STRONG);
    if (!first.ok) throw new Error(first.error.message);
    const session = (first.result as { session: { sessionId: string } }).session.sessionId;
    const again = await ok(laptop, session, 'exchange.openPack', { passphrase: PACK_PASSPHRASE, file: s.file });
    expect(again).toMatchObject({ outcome: 'already-open', evaluatorId: s.eve.id, session: null });
    expect(queryRows(laptop.core.databaseFile, 'SELECT person_id FROM credentials')).toHaveLength(1);
  });
});
