import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { TEST_KDF_LOG_N, TEST_PASSPHRASE } from '../support/core';
import { ensureBuiltHost, startBuiltHost, type BuiltHost } from '../scoring/built-host';

/*
 * Crash safety: the real host process makes acknowledged writes and is killed with SIGKILL at a random
 * moment, twenty times over the same data folder. After every kill, every write it acknowledged is there,
 * the database passes its integrity check, and the audit chain verifies.
 */
const built = ensureBuiltHost();
const dataDir = mkdtempSync(join(tmpdir(), 'capability-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** One call over HTTP as the renderer makes it: the outcome, or null when the host did not answer. */
async function call(host: BuiltHost, sessionId: string | null, method: string, params: unknown): Promise<{ status: number; body: unknown } | null> {
  try {
    const response = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ sessionId, params }),
    });
    return { status: response.status, body: await response.json() };
  } catch {
    return null;
  }
}

async function createPerson(host: BuiltHost, sessionId: string, name: string): Promise<boolean> {
  return (await call(host, sessionId, 'people.create', { name }))?.status === 200;
}

/** Signs in over HTTP (each host process starts with no sessions). */
async function signIn(host: BuiltHost, personId: string, passphrase: string): Promise<string> {
  const answer = await call(host, null, 'session.signIn', { personId, passphrase });
  const outcome = answer?.body as { ok: boolean; result?: { signedIn: boolean; sessionId?: string } } | undefined;
  if (!outcome?.ok || !outcome.result?.signedIn) throw new Error(`signing in failed: ${JSON.stringify(answer)}`);
  return outcome.result.sessionId!;
}

/** Signs in on an in-process core, for the checks between rounds. */
async function signInHere(core: Core, personId: string, passphrase: string): Promise<string> {
  const outcome = await core.dispatch(null, 'session.signIn', { personId, passphrase });
  const result = outcome.ok ? (outcome.result as { signedIn: boolean; sessionId?: string }) : null;
  if (!result?.signedIn) throw new Error(`signing in failed: ${JSON.stringify(outcome)}`);
  return result.sessionId!;
}

/**
 * The person the writers act as, added before the first round. Their passphrase hash is made at the tests'
 * low scrypt cost (each hash keeps its own parameters), so the host checks it quickly at every start.
 */
async function addWriter(): Promise<string> {
  const core = createCore({ dataDir, log: () => {}, backupEveryMs: 0, profileKdfLogN: TEST_KDF_LOG_N });
  try {
    const outcome = await core.dispatch(null, 'session.register', { name: 'Wren Writer', passphrase: TEST_PASSPHRASE });
    if (!outcome.ok) throw new Error(`adding the writer failed: ${outcome.error.message}`);
    return (outcome.result as { person: { id: string } }).person.id;
  } finally {
    core.close();
  }
}

describe.skipIf(!built.ok && !process.env.CI)('a host killed mid-write', () => {
  it('loses no acknowledged write in 20 rounds of SIGKILL at random moments', async () => {
    const acknowledged: string[] = [];
    let demo: { evaluationId: string; leadPersonId: string; leadPassphrase: string } | null = null;
    const writerId = await addWriter();
    for (let round = 1; round <= 20; round++) {
      const host = await startBuiltHost(dataDir);
      const exited = new Promise((resolve) => host.child.once('exit', resolve));
      const session = await signIn(host, writerId, TEST_PASSPHRASE);
      let stop = false;
      const writers = [0, 1, 2].map(async (w) => {
        for (let i = 0; !stop; i++) {
          const name = `Round ${round} writer ${w} write ${i}`;
          if (await createPerson(host, session, name)) acknowledged.push(name);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.floor(Math.random() * 300)));
      host.child.kill('SIGKILL');
      stop = true;
      await exited;
      await Promise.all(writers);

      const core = createCore({ dataDir, log: () => {}, backupEveryMs: 0, profileKdfLogN: TEST_KDF_LOG_N });
      try {
        const info = await core.dispatch(null, 'app.info', {});
        expect(info, `round ${round}: integrity`).toMatchObject({ ok: true, result: { recovery: null } });
        const people = await core.dispatch(null, 'people.list', {});
        if (!people.ok) throw new Error('people.list failed');
        const names = new Set((people.result as { name: string; id: string }[]).map((p) => p.name));
        const lost = acknowledged.filter((n) => !names.has(n));
        expect(lost, `round ${round}: acknowledged writes lost`).toEqual([]);
        // An evaluation to verify the (whole-database) audit chain through.
        if (!demo) {
          const created = await core.dispatch(null, 'demo.create', {});
          if (!created.ok) throw new Error('demo.create failed');
          const result = created.result as { evaluationId: string; leadPersonId: string; profiles: { personId: string; passphrase: string }[] };
          const leadPassphrase = result.profiles.find((p) => p.personId === result.leadPersonId)!.passphrase;
          demo = { evaluationId: result.evaluationId, leadPersonId: result.leadPersonId, leadPassphrase };
        }
        const lead = await signInHere(core, demo.leadPersonId, demo.leadPassphrase);
        expect(await core.dispatch(lead, 'audit.verify', { evaluationId: demo.evaluationId }), `round ${round}: audit chain`).toMatchObject({
          ok: true,
          result: { ok: true },
        });
      } finally {
        core.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThan(20);
  }, 240_000);
});
