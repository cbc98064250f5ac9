import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { createCore, DATABASE_FILE_NAME, type Core } from '../core';
import type { HostToWorker, WorkerStartOptions, WorkerToHost } from './messages';
import { transferablesOf } from './transferables';

/*
 * The core's own thread. It owns the one writer connection and everything slow (SQLite, encryption,
 * workbooks), so the host's thread — the Electron main process or the web host — only routes messages and
 * never waits on the domain.
 */

const port = parentPort;
if (!port) throw new Error('worker-main runs only as a worker thread');
const post = (message: WorkerToHost, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let core: Core | null = null;
try {
  core = createCore({
    ...(workerData as WorkerStartOptions),
    log: (error) => console.error('[core]', error),
    // The host may start listening now: calls wait in this thread's queue until the store is open.
    onFolderHeld: () => post({ type: 'held', databaseFile: join((workerData as WorkerStartOptions).dataDir, DATABASE_FILE_NAME) }),
  });
  post({ type: 'ready' });
} catch (error) {
  post({
    type: 'failed',
    error: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) },
  });
  port.close();
}

const inFlight = new Set<Promise<void>>();
const watches = new Map<number, () => void>();

port.on('message', (message: HostToWorker) => {
  if (!core) return;
  if (message.type === 'close') {
    const closing = core;
    core = null;
    // Calls already asked are answered before the store closes under them.
    void Promise.allSettled(inFlight).then(() => {
      closing.close();
      post({ type: 'closed' });
      port.close();
    });
    return;
  }
  if (message.type === 'watch') {
    const { watchId } = message;
    watches.set(
      watchId,
      core.watchProgress(message.sessionId, (push) => post({ type: 'progress', watchId, push })),
    );
    return;
  }
  if (message.type === 'unwatch') {
    watches.get(message.watchId)?.();
    watches.delete(message.watchId);
    return;
  }
  const { id, sessionId, method, params } = message;
  const call = core.dispatch(sessionId, method, params).then((outcome) => post({ type: 'outcome', id, outcome }, transferablesOf(outcome)));
  inFlight.add(call);
  void call.finally(() => inFlight.delete(call));
});
