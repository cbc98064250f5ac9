import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DataFolderLockedError } from '../../../electron/core';
import { startCoreWorker, type CoreWorker } from '../../../electron/core-worker/start-core-worker';
import { ensureBuiltHost } from '../scoring/built-host';

/* Both hosts run the core on its own thread: the host's thread only routes messages and keeps answering. */

const built = ensureBuiltHost();
if (!built.ok) throw new Error(built.reason);
const SCRIPT = resolve(import.meta.dirname, '../../../out/main/core-worker.js');

const folders: string[] = [];
const workers: CoreWorker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capability-worker-'));
  folders.push(dir);
  return dir;
}

async function start(dataDir = newFolder()): Promise<CoreWorker> {
  const worker = await startCoreWorker({ script: SCRIPT, dataDir, appVersion: '9.9.9-test', holderName: 'the worker test', profileKdfLogN: 10 });
  workers.push(worker);
  return worker;
}

/** The longest the host's thread stood still while `work` ran (a 5 ms timer that could not fire), and how long the work took. */
async function hostStallDuring(work: () => Promise<unknown>): Promise<{ longestMs: number; ms: number }> {
  let last = performance.now();
  let longestMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  await new Promise((done) => setTimeout(done, 10));
  clearInterval(timer);
  return { longestMs, ms };
}

/** A demo evaluation, made in one transaction: synchronous work for whoever runs the core. */
const aDemo = (dispatch: CoreWorker['dispatch']) => async () => expect(await dispatch(null, 'demo.create', {})).toMatchObject({ ok: true });

describe('the core on its own thread', () => {
  it('answers through the worker as it does in process, with the version the host gave it', async () => {
    const worker = await start();
    const outcome = await worker.dispatch(null, 'app.info', {});
    expect(outcome).toMatchObject({ ok: true, result: { version: '9.9.9-test' } });
    expect(await worker.dispatch(null, 'no.such.method', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('keeps the host thread free while the core does a long piece of work (a demo evaluation, one transaction)', async () => {
    const worker = await start();
    const throughWorker = await hostStallDuring(aDemo(worker.dispatch));
    // In process, the same call holds the host's thread for its whole transaction: compare the two.
    const inProcess = createCore({ dataDir: newFolder(), profileKdfLogN: 10, backupEveryMs: 0 });
    const inHost = await hostStallDuring(aDemo(inProcess.dispatch));
    inProcess.close();
    expect(throughWorker.longestMs).toBeLessThan(inHost.longestMs);
    expect(throughWorker.longestMs).toBeLessThan(throughWorker.ms / 2);
  });

  it('tells a second host who holds the data folder, and the folder opens again once the first has closed', async () => {
    const dataDir = newFolder();
    const first = await start(dataDir);
    const refused = await start(dataDir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataFolderLockedError);
    expect((refused as Error).message).toMatch(/in use by the worker test/);
    await first.close();
    const second = await start(dataDir);
    expect(await second.dispatch(null, 'app.info', {})).toMatchObject({ ok: true });
  });

  it('answers every call already asked before it closes, and refuses calls after', async () => {
    const worker = await start();
    const asked = worker.dispatch(null, 'demo.create', {});
    const closed = worker.close();
    expect(await asked).toMatchObject({ ok: true });
    await closed;
    expect(await worker.dispatch(null, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });

  it('carries progress across the thread, telling a page whose session is not open why it hears nothing', async () => {
    const worker = await start();
    const heard = await new Promise((resolve) => worker.watchProgress('c'.repeat(43), resolve));
    expect(heard).toEqual({ kind: 'refused', error: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
  });

  it('refuses a call it cannot carry to the core with a clear error, and goes on answering', async () => {
    const worker = await start();
    expect(await worker.dispatch(null, 'app.info', { bad: () => 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    expect(await worker.dispatch(null, 'app.info', {})).toMatchObject({ ok: true });
  });
});
