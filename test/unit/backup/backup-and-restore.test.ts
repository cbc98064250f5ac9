import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { makeCore, signInWith, TEST_PASSPHRASE, withDemoPassphrases } from '../support/core';

const backupsIn = (dataDir: string) => readdirSync(join(dataDir, 'backups')).filter((n) => n.startsWith('backup-'));

describe('rolling backups', () => {
  it('are taken at open and on demand, listed newest first, and only the configured number is kept', async () => {
    const t = makeCore();
    const lead = await t.profile('Pat Lead');
    expect((await t.call(lead.id, 'backup.list', {})).map((b) => b.reason)).toEqual(['at-open']);
    const made = await t.call(lead.id, 'backup.create', {});
    expect(made.reason).toBe('manual');
    const list = await t.call(lead.id, 'backup.list', {});
    expect(list[0]!.name).toBe(made.name);
    t.core.close();
    const small = createCore({ dataDir: t.dataDir, log: () => {}, backupsToKeep: 2 });
    small.close();
    expect(backupsIn(t.dataDir)).toHaveLength(2);
  });
});

describe('restoring a backup', () => {
  it('brings back the data as it was, keeps the current state as a backup first, and records the restore', async () => {
    const t = makeCore();
    const lead = await t.profile('Pat Lead');
    const before = await t.call(lead.id, 'backup.create', {});
    await t.call(lead.id, 'people.create', { name: 'Added After The Backup' });
    const outcome = await t.call(lead.id, 'backup.restore', { name: before.name });
    expect(outcome.restoredFrom).toBe(before.name);
    expect(outcome.savedCurrentAs).toMatch(/before-restore/);
    expect((await t.call(null, 'people.list', {})).map((p) => p.name)).toEqual(['Pat Lead']);
    // A restore signs everyone out; the administrator signs in again, against the restored record.
    expect(await t.fail(lead.id, 'backup.list', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    await signInWith(t, lead.id);
    // The state that was replaced can itself be restored: nothing is lost.
    await t.call(lead.id, 'backup.restore', { name: outcome.savedCurrentAs });
    expect((await t.call(null, 'people.list', {})).map((p) => p.name)).toEqual(['Added After The Backup', 'Pat Lead']);
  });

  it('refuses a name that is not one of the backups', async () => {
    const t = makeCore();
    const lead = await t.profile('Pat Lead');
    expect(await t.fail(lead.id, 'backup.restore', { name: '../capability-assessment.sqlite' })).toMatchObject({ code: 'INVALID_PARAMS' });
    expect(await t.fail(lead.id, 'backup.restore', { name: 'backup-20200101T000000000Z-manual.sqlite' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('a damaged data file', () => {
  it('is caught by the integrity check at open, offers only recovery, and the newest good backup brings the data back', async () => {
    const t = makeCore();
    const admin = await t.profile('Pat Admin');
    const demo = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
    const leadPassphrase = demo.profiles.find((p) => p.personId === demo.leadPersonId)!.passphrase;
    await t.call(admin.id, 'backup.create', {});
    t.core.close();
    // Scribble over the file's header and first pages, as a failing disk might.
    const fd = openSync(t.core.databaseFile, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, 0);
    closeSync(fd);

    const damaged = createCore({ dataDir: t.dataDir, log: () => {} });
    try {
      const info = await damaged.dispatch(null, 'app.info', {});
      expect(info).toMatchObject({ ok: true, result: { recovery: { problem: expect.any(String) } } });
      const refusal = { ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('Restore the newest good backup') } };
      // Nobody can sign in against a damaged file, nor do anything else.
      expect(await damaged.dispatch(null, 'session.signIn', { personId: demo.leadPersonId, passphrase: leadPassphrase })).toMatchObject(refusal);
      expect(await damaged.dispatch(null, 'evaluations.list', {})).toMatchObject(refusal);
      const backups = await damaged.dispatch(null, 'backup.list', {});
      if (!backups.ok) throw new Error('no backups');
      const newest = (backups.result as { name: string }[])[0]!;
      // The backup's administrator signs for the restore.
      const restored = await damaged.dispatch(null, 'backup.restore', { name: newest.name, administrator: { name: admin.name, passphrase: TEST_PASSPHRASE } });
      expect(restored).toMatchObject({ ok: true, result: { savedCurrentAs: expect.stringMatching(/^damaged-/) } });
      expect(await damaged.dispatch(null, 'app.info', {})).toMatchObject({ ok: true, result: { recovery: null } });
      const signedIn = await damaged.dispatch(null, 'session.signIn', { personId: demo.leadPersonId, passphrase: leadPassphrase });
      if (!signedIn.ok || !(signedIn.result as { signedIn: boolean }).signedIn) throw new Error('the lead cannot sign in after the restore');
      const list = await damaged.dispatch((signedIn.result as { sessionId: string }).sessionId, 'evaluations.list', {});
      expect(list).toMatchObject({ ok: true, result: [{ id: demo.evaluationId }] });
    } finally {
      damaged.close();
    }
  });
});

describe('imports', () => {
  it('take a backup first, so a bad import can be undone', async () => {
    const t = makeCore();
    const admin = await t.profile('Pat Admin');
    const { evaluationId, leadPersonId } = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
    const detail = await t.call(leadPersonId, 'evaluations.openScoring', { evaluationId });
    const evaluator = detail.panel.find((m) => m.role === 'evaluator')!;
    for (const bidder of await t.call(evaluator.personId, 'conflicts.mine', { evaluationId })) {
      for (const s of bidder.subjects) {
        await t.call(evaluator.personId, 'conflicts.declare', { evaluationId, bidderId: bidder.bidderId, memberId: s.memberId, kind: 'none', description: '' });
      }
    }
    const sheet = await t.call(leadPersonId, 'scoreSheets.generate', { evaluationId, evaluatorId: evaluator.personId });
    await t.call(leadPersonId, 'scoreSheets.import', { evaluationId, evaluatorId: evaluator.personId, content: sheet.content }).catch(() => undefined);
    // The installation administrator, who alone restores, finds it listed.
    expect((await t.call(admin.id, 'backup.list', {})).map((b) => b.reason)).toContain('before-import');
  });
});
