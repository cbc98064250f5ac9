import { describe, expect, it } from 'vitest';
import { makeCore, queryRows, refusedAndUnchanged, TEST_PASSPHRASE } from '../support/core';
import { freshSession, manualClock, ok, refused, signIn } from './scene';

/*
 * A session is what a call carries once someone has signed in. It ends when they lock the app or switch
 * person, after the idle time, and when the app restarts; and nothing else a client sends can stand in for it.
 */

const seconds = (n: number) => n / 60;

describe('a session', () => {
  it.each(['lock', 'switch'] as const)('ends when the person chooses “%s”: the next call is refused as signed out', async (reason) => {
    const t = makeCore();
    const ada = await t.profile('Ada Okoro');
    const session = await t.sessionOf(ada.id);
    const other = await freshSession(t, ada.id);
    expect(await ok(t, session, 'evaluations.list', {})).toEqual([]);
    expect(await ok(t, session, 'session.end', { reason })).toEqual({ ok: true });
    for (const method of ['evaluations.list', 'session.touch'] as const) {
      const error = await refused(t, session, method, {});
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/You are signed out/);
    }
    // Only that session ended: the person's other one, and a new one, work.
    expect(await ok(t, other, 'evaluations.list', {})).toEqual([]);
    const again = await freshSession(t, ada.id);
    expect(again).not.toBe(session);
    expect(await ok(t, again, 'session.touch', {})).toEqual({ idleMinutes: 15 });
  });

  it('is a fresh 256-bit random id at every sign-in', async () => {
    const t = makeCore();
    const ada = await t.profile('Ada Okoro');
    const ids = [await freshSession(t, ada.id), await freshSession(t, ada.id), await t.sessionOf(ada.id)];
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(ids.some((id) => id.includes(ada.id))).toBe(false);
  });
});

describe('the idle lock', () => {
  it('refuses a call after the idle time, and the session is gone for good', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const ada = await t.profile('Ada Okoro');
    const session = await t.sessionOf(ada.id);
    clock.advanceMinutes(15 + seconds(1));
    const locked = await refused(t, session, 'evaluations.list', {});
    expect(locked).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Locked after 15 minutes without activity. Sign in again to carry on.' });
    // Gone, not merely late: even a clock set back within the idle time does not bring it back.
    clock.advanceMinutes(-14);
    expect(await refused(t, session, 'session.touch', {})).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/You are signed out/),
    });
  });

  it('keeps a session alive while the person works: a call just before the idle time resets it', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const ada = await t.profile('Ada Okoro');
    const session = await t.sessionOf(ada.id);
    clock.advanceMinutes(15 - seconds(1));
    expect(await ok(t, session, 'evaluations.list', {})).toEqual([]);
    clock.advanceMinutes(15 - seconds(1));
    expect(await ok(t, session, 'frameworks.list', {})).not.toHaveLength(0);
    clock.advanceMinutes(15 + seconds(1));
    expect((await refused(t, session, 'evaluations.list', {})).code).toBe('UNAUTHENTICATED');
  });

  it('keeps a session alive while the person only reads or types, through session.touch', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const ada = await t.profile('Ada Okoro');
    const session = await t.sessionOf(ada.id);
    for (let i = 0; i < 4; i++) {
      clock.advanceMinutes(14);
      expect(await ok(t, session, 'session.touch', {})).toEqual({ idleMinutes: 15 });
    }
    // 56 minutes after signing in, still open.
    expect(await ok(t, session, 'evaluations.list', {})).toEqual([]);
  });

  it('is what the administrator sets, for the sessions already open too, and outlives a restart', async () => {
    const clock = manualClock();
    const t = makeCore(undefined, { clock: clock.clock });
    const admin = await t.profile('Ada Okoro');
    const bea = await t.profile('Bea Mensah');
    const beas = await t.sessionOf(bea.id);
    expect(await t.call(admin.id, 'admin.setIdleMinutes', { minutes: 5 })).toEqual({ idleMinutes: 5 });
    expect(await ok(t, beas, 'session.touch', {})).toEqual({ idleMinutes: 5 });
    expect(await t.call(admin.id, 'admin.accounts', {})).toMatchObject({ idleMinutes: 5 });
    expect(await ok(t, null, 'session.signIn', { personId: bea.id, passphrase: TEST_PASSPHRASE })).toMatchObject({ signedIn: true, idleMinutes: 5 });
    expect(queryRows(t.core.databaseFile, 'SELECT idle_minutes, saved_by FROM installation_settings')).toEqual([
      { idle_minutes: 5, saved_by: admin.id },
    ]);

    clock.advanceMinutes(5 - seconds(1));
    expect(await ok(t, beas, 'evaluations.list', {})).toEqual([]);
    clock.advanceMinutes(5 + seconds(1));
    expect(await refused(t, beas, 'evaluations.list', {})).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/^Locked after 5 minutes/),
    });

    const after = t.reopen();
    const session = await freshSession(after, bea.id);
    expect(await ok(after, session, 'session.touch', {})).toEqual({ idleMinutes: 5 });
    clock.advanceMinutes(6);
    expect((await refused(after, session, 'session.touch', {})).code).toBe('UNAUTHENTICATED');
  });

  it('after a restore, is the idle time of the restored record, as it will be after a restart', async () => {
    const t = makeCore();
    const admin = await t.profile('Ada Okoro');
    const backup = await t.call(admin.id, 'backup.create', {});
    await t.call(admin.id, 'admin.setIdleMinutes', { minutes: 5 });
    await t.call(admin.id, 'backup.restore', { name: backup.name });
    const session = await freshSession(t, admin.id);
    expect((await ok(t, session, 'admin.accounts', {})).idleMinutes).toBe(15);
    expect(await ok(t, session, 'session.touch', {}), 'the idle time sessions are locked after').toEqual({ idleMinutes: 15 });
    expect(await signIn(t, admin.id), 'the idle time a new session is told').toMatchObject({ signedIn: true, idleMinutes: 15 });
  });

  it('can be changed by the administrator only, and only to between 1 and 240 minutes', async () => {
    const t = makeCore();
    const admin = await t.profile('Ada Okoro');
    const bea = await t.profile('Bea Mensah');
    expect((await refusedAndUnchanged(t, bea.id, 'admin.setIdleMinutes', { minutes: 60 })).code).toBe('FORBIDDEN');
    expect((await refusedAndUnchanged(t, null, 'admin.setIdleMinutes', { minutes: 60 })).code).toBe('UNAUTHENTICATED');
    for (const minutes of [0, 241, 2.5])
      expect((await refusedAndUnchanged(t, admin.id, 'admin.setIdleMinutes', { minutes })).code).toBe('INVALID_PARAMS');
    expect(await ok(t, await t.sessionOf(bea.id), 'session.touch', {})).toEqual({ idleMinutes: 15 });
  });
});

describe('sessions belong to one running core', () => {
  it('refuses, after a restart, a session opened before it', async () => {
    const t = makeCore();
    const ada = await t.profile('Ada Okoro');
    const before = await t.sessionOf(ada.id);
    const after = t.reopen();
    const error = await refused(after, before, 'evaluations.list', {});
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringMatching(/the app restarted/) });
    // The person signs in again against the same record.
    const session = await freshSession(after, ada.id);
    expect(await ok(after, session, 'session.profiles', {})).toEqual([expect.objectContaining({ id: ada.id, administrator: true })]);
  });

  it('refuses a session of another installation', async () => {
    const mine = makeCore();
    const theirs = makeCore();
    const ada = await mine.profile('Ada Okoro');
    await theirs.profile('Ada Okoro');
    const error = await refused(theirs, await mine.sessionOf(ada.id), 'evaluations.list', {});
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
