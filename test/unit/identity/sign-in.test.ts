import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { dumpDatabase, makeCore, queryRows, refusedAndUnchanged, TEST_KDF_LOG_N, type TestCore } from '../support/core';
import { ANOTHER_STRONG, manualClock, ok, refused, register, signIn, STRONG } from './scene';

/*
 * Adding a profile at the sign-in screen and signing in as it: who administers the installation, which
 * passphrases are refused, what wrong passphrases cost, and that a passphrase is only ever kept as a hash.
 */

async function registered(t: TestCore, name: string, passphrase = STRONG) {
  const outcome = await register(t, name, passphrase);
  if (!outcome.ok) throw new Error(`adding ${name} failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result;
}

const attempts = (t: TestCore, personId: string) =>
  queryRows<{ outcome: string; at: string }>(
    t.core.databaseFile,
    'SELECT outcome, at FROM sign_in_attempts WHERE person_id = ? ORDER BY seq',
    personId,
  ).map((r) => r.outcome);

describe('adding a profile', () => {
  it('makes the first profile added here the installation administrator, and not the next one', async () => {
    const t = makeCore();
    expect(await ok(t, null, 'app.info', {})).toMatchObject({ firstRun: true, hasAdministrator: false });
    const ada = await registered(t, 'Ada Okoro');
    expect(ada).toMatchObject({ administrator: true, mustChangePassphrase: false, person: { name: 'Ada Okoro' } });
    const bea = await registered(t, 'Bea Mensah', ANOTHER_STRONG);
    expect(bea.administrator).toBe(false);
    expect(await ok(t, null, 'app.info', {})).toMatchObject({ firstRun: false, hasAdministrator: true });
    const profiles = await ok(t, null, 'session.profiles', {});
    expect(profiles.map((p) => [p.name, p.administrator, p.canSignIn, p.demo])).toEqual([
      ['Ada Okoro', true, true, false],
      ['Bea Mensah', false, true, false],
    ]);
    // Registering signs in: each answer carries a working session of its own person.
    expect((await ok(t, ada.sessionId, 'admin.accounts', {})).people).toHaveLength(2);
    expect((await refused(t, bea.sessionId, 'admin.accounts', {})).code).toBe('FORBIDDEN');
  });

  it('never makes a demo profile the administrator, even on a new installation', async () => {
    const t = makeCore();
    const demo = await ok(t, null, 'demo.create', {});
    expect(demo.profiles).toHaveLength(5);
    expect(await ok(t, null, 'app.info', {})).toMatchObject({ hasAdministrator: false });
    for (const profile of demo.profiles) {
      const answer = await signIn(t, profile.personId, profile.passphrase);
      expect(answer, `${profile.name} signs in with the passphrase shown`).toMatchObject({ signedIn: true, administrator: false });
      if (answer.signedIn) expect((await refused(t, answer.sessionId, 'backup.list', {})).code).toBe('FORBIDDEN');
    }
    expect((await ok(t, null, 'session.profiles', {})).every((p) => p.demo && !p.administrator)).toBe(true);
    // The first real profile still becomes the administrator.
    expect((await registered(t, 'Ada Okoro')).administrator).toBe(true);
  });

  it.each([
    ['only spaces', '            ', /only spaces/],
    ['one character repeated', 'aaaaaaaaaaaa', /more than a few different characters/],
    ['a run of digits', '123456789012', /too easy to guess/],
    ['too short', 'Tr0ub4dor&3', /at least 12 characters/],
    ['the person’s own name', 'Margaret Thompson', /name/i],
    ['the person’s own name in lower case', 'margaret thompson', /name/i],
  ])('refuses a weak passphrase (%s) with a clear message, and changes nothing', async (_why, passphrase, message) => {
    const t = makeCore();
    await t.profile('Lee Lead');
    const error = await refusedAndUnchanged(t, null, 'session.register', { name: 'Margaret Thompson', passphrase });
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toMatch(message);
    expect(error.issues?.[0]?.path).toBe('passphrase');
    // The screen's live check gives the same verdict before anyone presses "Add".
    expect(await ok(t, null, 'session.assessPassphrase', { passphrase, name: 'Margaret Thompson' })).toMatchObject({
      acceptable: false,
      message: error.message,
    });
  });

  it('refuses a name already taken, whatever its case, and changes nothing', async () => {
    const t = makeCore();
    await registered(t, 'Ada Okoro');
    const error = await refusedAndUnchanged(t, null, 'session.register', { name: 'ADA OKORO', passphrase: ANOTHER_STRONG });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('There is already a profile called “Ada Okoro”');
  });
});

describe('signing in', () => {
  it('does not sign in with a wrong passphrase: it says so, and the attempt is recorded', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const ada = await registered(t, 'Ada Okoro');
    const answer = await signIn(t, ada.person.id, ANOTHER_STRONG);
    expect(answer).toEqual({ signedIn: false, message: 'That passphrase is not right for Ada Okoro.', retryAfterSeconds: 0 });
    expect(attempts(t, ada.person.id)).toEqual(['signed-in', 'wrong-passphrase']);
  });

  it('refuses a profile that is not here, and tells a profile without a passphrase how to get one', async () => {
    const t = makeCore();
    const ada = await registered(t, 'Ada Okoro');
    expect((await refused(t, null, 'session.signIn', { personId: 'no-such-person', passphrase: STRONG })).code).toBe('NOT_FOUND');
    const panellist = await ok(t, ada.sessionId, 'people.create', { name: 'Pat Panel' });
    const answer = await signIn(t, panellist.id, STRONG);
    expect(answer.signedIn).toBe(false);
    if (!answer.signedIn) expect(answer.message).toMatch(/Pat Panel has no passphrase on this computer yet/);
  });

  it('after three wrong passphrases makes the next attempt wait, even with the right passphrase, until the clock moves on', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const ada = await registered(t, 'Ada Okoro');
    const id = ada.person.id;
    expect((await signIn(t, id, 'wrong passphrase one')).signedIn).toBe(false);
    expect((await signIn(t, id, 'wrong passphrase two')).signedIn).toBe(false);
    expect(await signIn(t, id, 'wrong passphrase three')).toEqual({
      signedIn: false,
      message: 'That passphrase is not right for Ada Okoro. Wait 2 seconds before trying again.',
      retryAfterSeconds: 2,
    });
    expect(await signIn(t, id, STRONG)).toEqual({
      signedIn: false,
      message: 'Too many wrong passphrases for Ada Okoro. Wait 2 seconds, then try again.',
      retryAfterSeconds: 2,
    });
    clock.advanceSeconds(1);
    expect(await signIn(t, id, STRONG)).toMatchObject({ signedIn: false, retryAfterSeconds: 1 });
    clock.advanceSeconds(1);
    expect(await signIn(t, id, STRONG)).toMatchObject({ signedIn: true, failedAttemptsSinceLastSignIn: 3 });
    expect(attempts(t, id)).toEqual(['signed-in', 'wrong-passphrase', 'wrong-passphrase', 'wrong-passphrase', 'too-soon', 'too-soon', 'signed-in']);
  });

  it('makes each further wrong passphrase double the wait, and a good sign-in starts the count again', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const id = (await registered(t, 'Ada Okoro')).person.id;
    for (let i = 0; i < 3; i++) await signIn(t, id, `wrong passphrase ${i}`);
    clock.advanceSeconds(2);
    expect(await signIn(t, id, 'wrong passphrase 3')).toMatchObject({ signedIn: false, retryAfterSeconds: 4 });
    clock.advanceSeconds(4);
    expect(await signIn(t, id, 'wrong passphrase 4')).toMatchObject({ signedIn: false, retryAfterSeconds: 8 });
    clock.advanceSeconds(8);
    expect(await signIn(t, id, STRONG)).toMatchObject({ signedIn: true, failedAttemptsSinceLastSignIn: 5 });
    for (let i = 0; i < 2; i++) await signIn(t, id, `wrong again ${i}`);
    expect(await signIn(t, id, 'wrong again 2')).toMatchObject({ signedIn: false, retryAfterSeconds: 2 });
  });

  it('reports the wrong passphrases tried since the last sign-in on the next good one, and none on the one after', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const ada = await registered(t, 'Ada Okoro');
    const registeredAt = queryRows<{ at: string }>(t.core.databaseFile, 'SELECT at FROM sign_in_attempts WHERE person_id = ?', ada.person.id)[0]!.at;
    clock.advanceMinutes(60);
    await signIn(t, ada.person.id, 'someone guessing');
    await signIn(t, ada.person.id, 'someone guessing again');
    const next = await signIn(t, ada.person.id, STRONG);
    expect(next).toMatchObject({ signedIn: true, failedAttemptsSinceLastSignIn: 2, lastSignInAt: registeredAt });
    const after = await signIn(t, ada.person.id, STRONG);
    expect(after).toMatchObject({ signedIn: true, failedAttemptsSinceLastSignIn: 0 });
    if (next.signedIn && after.signedIn) expect(after.lastSignInAt! > next.lastSignInAt!).toBe(true);
  });
});

describe('a passphrase is only ever kept as a hash', () => {
  const rawFiles = (t: TestCore) => [t.core.databaseFile, `${t.core.databaseFile}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f));

  it('is never stored in clear anywhere in the database, nor in the audit trail', async () => {
    const t = makeCore();
    const chosen = 'saffron glacier tuba marmalade';
    const changed = 'pelican orchard velvet thirty';
    const mistyped = 'saffron glacier tuba marmalad';
    const reset = 'anchor meadow quilt ferry';
    const admin = await t.profile('Lee Lead');
    const ada = await registered(t, 'Ada Okoro', chosen);
    await signIn(t, ada.person.id, mistyped);
    await ok(t, ada.sessionId, 'session.changePassphrase', { currentPassphrase: chosen, newPassphrase: changed });
    await t.call(admin.id, 'admin.resetPassphrase', { personId: ada.person.id, passphrase: reset });
    const dump = JSON.stringify(dumpDatabase(t.core.databaseFile));
    for (const passphrase of [chosen, changed, mistyped, reset]) {
      expect(dump, `the database holds “${passphrase}”`).not.toContain(passphrase);
      for (const bytes of rawFiles(t)) expect(bytes.includes(Buffer.from(passphrase)), `a file holds “${passphrase}”`).toBe(false);
    }
    const audited = queryRows<{ method: string; detail: string }>(
      t.core.databaseFile,
      `SELECT method, detail FROM audit_log WHERE method IN ('session.register', 'session.signIn', 'session.changePassphrase', 'admin.resetPassphrase') AND evaluation_id IS NULL`,
    );
    expect(audited.map((r) => r.method)).toEqual(
      expect.arrayContaining(['session.register', 'session.signIn', 'session.changePassphrase', 'admin.resetPassphrase']),
    );
    for (const row of audited) expect(row.detail, row.method).toContain('[not recorded]');
  });

  it('stores scrypt with the cost the core was given, a salt of its own, and a 32-byte hash', async () => {
    const t = makeCore(undefined, { profileKdfLogN: 11 });
    const ada = await registered(t, 'Ada Okoro');
    const bea = await registered(t, 'Bea Mensah');
    const rows = queryRows<{ person_id: string; kdf: string; log_n: number; r: number; p: number; salt: string; hash: string; kind: string }>(
      t.core.databaseFile,
      'SELECT * FROM credentials ORDER BY seq',
    );
    expect(rows.map((r) => [r.person_id, r.kdf, r.log_n, r.r, r.p, r.kind])).toEqual([
      [ada.person.id, 'scrypt', 11, 8, 1, 'chosen'],
      [bea.person.id, 'scrypt', 11, 8, 1, 'chosen'],
    ]);
    expect(rows.map((r) => Buffer.from(r.salt, 'base64').length)).toEqual([16, 16]);
    expect(rows.map((r) => Buffer.from(r.hash, 'base64').length)).toEqual([32, 32]);
    // The same passphrase, salted differently, hashes differently.
    expect(rows[0]!.salt).not.toBe(rows[1]!.salt);
    expect(rows[0]!.hash).not.toBe(rows[1]!.hash);
    // The test helper's own profiles use the cheap test cost.
    const cheap = makeCore();
    const lee = await cheap.profile('Lee Lead');
    expect(queryRows<{ log_n: number }>(cheap.core.databaseFile, 'SELECT log_n FROM credentials WHERE person_id = ?', lee.id)).toEqual([
      { log_n: TEST_KDF_LOG_N },
    ]);
  });

  it('stores OWASP’s cost (log N = 17) when the core is not told otherwise, as the hosts do', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'capability-kdf-'));
    const core = createCore({ dataDir, log: () => {} });
    try {
      const outcome = await core.dispatch(null, 'session.register', { name: 'Ada Okoro', passphrase: STRONG });
      expect(outcome.ok).toBe(true);
      expect(queryRows(core.databaseFile, 'SELECT kdf, log_n, r, p FROM credentials')).toEqual([{ kdf: 'scrypt', log_n: 17, r: 8, p: 1 }]);
    } finally {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
