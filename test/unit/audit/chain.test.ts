import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeCore, withDemoPassphrases, type TestCore } from '../support/core';

/** Tampering as someone with the SQLite file and a database tool would: the app's own triggers removed first. */
function tamper(t: TestCore, sql: string) {
  const db = new Database(t.core.databaseFile);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.exec(sql);
  } finally {
    db.close();
  }
}

/** The chain: 1 demo.create, 2 the demo lead signing in, 3–4 evaluations.saveDetails, 5 evaluations.saveRules. */
async function demoWithHistory() {
  const t = makeCore();
  const demo = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
  const detail = await t.call(demo.leadPersonId, 'evaluations.get', { evaluationId: demo.evaluationId });
  await t.call(demo.leadPersonId, 'evaluations.saveDetails', { evaluationId: demo.evaluationId, name: 'Renamed once', reference: 'R-1' });
  await t.call(demo.leadPersonId, 'evaluations.saveDetails', { evaluationId: demo.evaluationId, name: 'Renamed twice', reference: 'R-2' });
  await t.call(demo.leadPersonId, 'evaluations.saveRules', { evaluationId: demo.evaluationId, rules: { ...detail.settings.rules, spreadTolerance: 3 } });
  return { t, ...demo };
}

describe('the audit trail is a hash chain', () => {
  it('verifies when nothing has been touched', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    expect(await t.call(leadPersonId, 'audit.verify', { evaluationId })).toMatchObject({ ok: true, entries: 5 });
  });

  it('names the first broken entry when a row was edited outside the app', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    tamper(t, `UPDATE audit_log SET detail = replace(detail, 'Renamed once', 'Renamed quietly') WHERE seq = 3`);
    expect(await t.call(leadPersonId, 'audit.verify', { evaluationId })).toEqual({
      ok: false,
      entries: 3,
      firstBroken: { seq: 3, at: expect.any(String), method: 'evaluations.saveDetails', problem: 'its content was changed after it was recorded' },
      rollbacks: [],
    });
  });

  it('names the first broken entry when a row was deleted outside the app', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    tamper(t, 'DELETE FROM audit_log WHERE seq = 3');
    expect(await t.call(leadPersonId, 'audit.verify', { evaluationId })).toMatchObject({
      ok: false,
      firstBroken: { seq: 4, problem: 'entries 3–3 are missing (deleted)' },
    });
  });

  it('notices when the newest entries were deleted', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    tamper(t, 'DELETE FROM audit_log WHERE seq >= 4');
    expect(await t.call(leadPersonId, 'audit.verify', { evaluationId })).toMatchObject({ ok: false, firstBroken: { seq: 4, problem: 'entries 4–5 are missing (deleted)' } });
  });

  it('notices an entry rewritten with a fresh hash that no longer links to the one before', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    tamper(t, `UPDATE audit_log SET prev_hash = '${'f'.repeat(64)}' WHERE seq = 4`);
    expect(await t.call(leadPersonId, 'audit.verify', { evaluationId })).toMatchObject({ ok: false, firstBroken: { seq: 4 } });
  });

  it('keeps secrets out of the record and names large content by its hash', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    const file = await t.call(leadPersonId, 'export.scoresCsv', { evaluationId });
    const { entries } = await t.call(leadPersonId, 'audit.list', { evaluationId, kind: 'exports' });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).not.toContain(file.csv.slice(0, 40));
    expect(JSON.parse(entries[0]!.detail).produced.csv.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists entries for the audit view, filtered by person, bidder and kind, newest first', async () => {
    const { t, evaluationId, leadPersonId } = await demoWithHistory();
    const all = await t.call(leadPersonId, 'audit.list', { evaluationId });
    expect(all.entries.map((e) => e.method)).toEqual(['evaluations.saveRules', 'evaluations.saveDetails', 'evaluations.saveDetails', 'demo.create']);
    expect((await t.call(leadPersonId, 'audit.list', { evaluationId, kind: 'set-up' })).entries).toHaveLength(3);
    const paged = await t.call(leadPersonId, 'audit.list', { evaluationId, limit: 2 });
    expect([paged.entries.length, paged.more]).toEqual([2, true]);
    const rest = await t.call(leadPersonId, 'audit.list', { evaluationId, before: paged.entries[1]!.seq });
    expect(rest.entries.map((e) => e.seq)).toEqual([3, 1]);
  });
});
