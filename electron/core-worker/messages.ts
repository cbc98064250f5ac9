import type { Outcome } from '../../shared/api/errors';
import type { ProgressPush } from '../../shared/api/progress';
import type { CoreOptions } from '../core';

/** What the host hands the worker at start: the core's options that can cross a thread (no functions). */
export type WorkerStartOptions = Pick<CoreOptions, 'dataDir' | 'appVersion' | 'holderName' | 'backupsToKeep' | 'backupEveryMs' | 'profileKdfLogN'>;

export type HostToWorker =
  | { type: 'call'; id: number; sessionId: string | null; method: string; params: unknown }
  | { type: 'watch'; watchId: number; sessionId: string }
  | { type: 'unwatch'; watchId: number }
  | { type: 'close' };

export type WorkerToHost =
  | { type: 'held'; databaseFile: string }
  | { type: 'ready' }
  | { type: 'failed'; error: { name: string; message: string } }
  | { type: 'outcome'; id: number; outcome: Outcome<unknown> }
  | { type: 'progress'; watchId: number; push: ProgressPush }
  | { type: 'closed' };
