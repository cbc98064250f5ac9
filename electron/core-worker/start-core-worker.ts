import { Worker } from 'node:worker_threads';
import type { ApiErrorShape, Outcome } from '../../shared/api/errors';
import type { ProgressPush } from '../../shared/api/progress';
import type { Core } from '../core';
import type { Dispatch } from '../core/registry';
import { DataFolderLockedError } from '../core/lock/data-folder-lock';
import type { HostToWorker, WorkerStartOptions, WorkerToHost } from './messages';

export interface CoreWorkerOptions extends WorkerStartOptions {
  /** The built worker script (out/main/core-worker.js beside the host's own bundle). */
  script: string | URL;
  execArgv?: string[];
  /** Called once if the core's thread stops on its own (a crash): the host tells the user and ends. */
  onStopped?(reason: string): void;
}

export interface CoreWorker {
  dispatch: Dispatch;
  watchProgress: Core['watchProgress'];
  dataDir: string;
  databaseFile: string;
  close(): Promise<void>;
}

const STOPPED_ERROR: ApiErrorShape = {
  code: 'UNAVAILABLE',
  message: 'The app’s core has stopped, so nothing more can be saved. Close the app and start it again; what was saved is safe.',
};
const STOPPED: Outcome<never> = { ok: false, error: STOPPED_ERROR };

/** Thrown when the core could not open; a folder in use keeps its own error so the host can say who holds it. */
function startupError(error: { name: string; message: string }): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.name === 'DataFolderLockedError') Object.setPrototypeOf(rebuilt, DataFolderLockedError.prototype);
  return rebuilt;
}

/**
 * Starts the core on its own thread and resolves as soon as it holds the data folder (or rejects with why it
 * could not), so the host can listen while the store opens; calls asked meanwhile wait in the worker's queue. Calls are matched to answers by number; if the thread stops, every waiting and later call is
 * answered UNAVAILABLE rather than left hanging.
 */
export function startCoreWorker(options: CoreWorkerOptions): Promise<CoreWorker> {
  const { script, execArgv, onStopped, ...startOptions } = options;
  const worker = new Worker(script, { workerData: startOptions satisfies WorkerStartOptions, execArgv });
  const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  const watchers = new Map<number, (push: ProgressPush) => void>();
  let nextId = 1;
  let stopped = false;
  let closing: Promise<void> | null = null;
  const send = (message: HostToWorker) => worker.postMessage(message);

  const stop = (reason: string) => {
    if (stopped) return;
    stopped = true;
    for (const answer of pending.values()) answer(STOPPED);
    pending.clear();
    if (!closing) onStopped?.(reason);
  };

  return new Promise<CoreWorker>((resolve, reject) => {
    let started = false;
    worker.on('message', (message: WorkerToHost) => {
      switch (message.type) {
        case 'held':
          started = true;
          resolve({ dispatch, watchProgress, dataDir: startOptions.dataDir, databaseFile: message.databaseFile, close });
          return;
        case 'ready':
          return;
        case 'failed':
          if (started) {
            // The folder was held but the store would not open: the host already listens, so it is told and ends.
            console.error('[core-worker] the store could not be opened:', message.error.message);
            stop(message.error.message);
          } else {
            stopped = true;
            reject(startupError(message.error));
          }
          return;
        case 'outcome': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          answer?.(message.outcome);
          return;
        }
        case 'progress':
          watchers.get(message.watchId)?.(message.push);
          return;
        case 'closed':
          stop('closed');
      }
    });
    worker.on('error', (error) => {
      console.error('[core-worker]', error);
      if (!started) reject(error);
      stop(error.message);
    });
    worker.on('exit', (code) => {
      if (!started && !stopped) reject(new Error(`The app’s core stopped while starting (exit code ${code}).`));
      stop(`exit code ${code}`);
    });
  });

  function dispatch(sessionId: string | null, method: string, params: unknown): Promise<Outcome<unknown>> {
    if (stopped) return Promise.resolve(STOPPED);
    const id = nextId++;
    return new Promise((answer) => {
      pending.set(id, answer);
      try {
        send({ type: 'call', id, sessionId, method, params });
      } catch (error) {
        // Something structured clone cannot carry (a function, a symbol): the same answer as any malformed request.
        pending.delete(id);
        answer({
          ok: false,
          error: { code: 'INVALID_PARAMS', message: `Malformed request: ${error instanceof Error ? error.message : String(error)}` },
        });
      }
    });
  }

  function watchProgress(sessionId: string, listener: (push: ProgressPush) => void): () => void {
    if (stopped) {
      listener({ kind: 'refused', error: STOPPED_ERROR });
      return () => {};
    }
    const watchId = nextId++;
    watchers.set(watchId, listener);
    send({ type: 'watch', watchId, sessionId });
    return () => {
      if (!watchers.delete(watchId) || stopped) return;
      send({ type: 'unwatch', watchId });
    };
  }

  /** Lets the core finish what it was asked, close the store and release the folder; resolves when the thread has ended. */
  function close(): Promise<void> {
    closing ??= new Promise<void>((done) => {
      if (stopped) return done();
      worker.once('exit', () => done());
      send({ type: 'close' });
    });
    return closing;
  }
}
