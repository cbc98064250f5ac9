import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core';
import { ensureBuiltHost, startBuiltHost, type BuiltHost } from '../scoring/built-host';

/*
 * Crash safety: the real host process makes acknowledged writes and is killed with SIGKILL at a random
 * moment, twenty times over the same data folder. After every kill, every write it acknowledged is there,
 * the database passes its integrity check, and the audit chain verifies.
 */
const built = ensureBuiltHost();
const dataDir = mkdtempSync(join(tmpdir(), 'capability-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function createPerson(host: BuiltHost, name: string): Promise<boolean> {
  try {
    const response = await fetch(`${host.origin}/api/people.create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ actorId: null, params: { name } }),
    });
    return response.status === 200;
  } catch {
    return false;
  }
}

describe.skipIf(!built.ok && !process.env.CI)('a host killed mid-write', () => {
  it('loses no acknowledged write in 20 rounds of SIGKILL at random moments', async () => {
    const acknowledged: string[] = [];
    let demo: { evaluationId: string; leadPersonId: string } | null = null;
    for (let round = 1; round <= 20; round++) {
      const host = await startBuiltHost(dataDir);
      const exited = new Promise((resolve) => host.child.once('exit', resolve));
      let stop = false;
      const writers = [0, 1, 2].map(async (w) => {
        for (let i = 0; !stop; i++) {
          const name = `Round ${round} writer ${w} write ${i}`;
          if (await createPerson(host, name)) acknowledged.push(name);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 40 + Math.floor(Math.random() * 300)));
      host.child.kill('SIGKILL');
      stop = true;
      await exited;
      await Promise.all(writers);

      const core = createCore({ dataDir, log: () => {}, backupEveryMs: 0 });
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
          demo = created.result as { evaluationId: string; leadPersonId: string };
        }
        expect(await core.dispatch(demo.leadPersonId, 'audit.verify', { evaluationId: demo.evaluationId }), `round ${round}: audit chain`).toMatchObject({
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
