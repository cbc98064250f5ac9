import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/api/people';
import { recoveryDispatch } from './backup/recovery';
import { Store } from './backup/store';
import { installBuiltInFrameworks } from './frameworks/built-in';
import { handlers } from './handlers';
import { ProgressRegistry } from './jobs/progress';
import { findPerson } from './people/repo';
import { createDispatch, type Dispatch } from './registry';

export interface CoreOptions {
  dataDir: string;
  appVersion?: string;
  /** Injected in tests for deterministic timestamps. */
  clock?: () => Date;
  log?: (error: unknown) => void;
  /** Rolling backups kept (default 20) and how often to take one while open (default every 15 minutes; 0 = never). */
  backupsToKeep?: number;
  backupEveryMs?: number;
}

export interface Core {
  dispatch: Dispatch;
  dataDir: string;
  databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'capability-assessment.sqlite';
export const BACKUP_DIR_NAME = 'backups';

/** The whole domain behind one function; hosts (Electron IPC, the web host, tests) only carry messages to it. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((error: unknown) => console.error('[core]', error));
  const appVersion = options.appVersion ?? '0.0.0-dev';
  const store = new Store({
    databaseFile,
    backupDir: join(options.dataDir, BACKUP_DIR_NAME),
    keep: options.backupsToKeep ?? 20,
    periodicMs: options.backupEveryMs ?? 15 * 60_000,
    clock,
    log,
  });
  if (!store.recovery) installBuiltInFrameworks(store.db, clock().toISOString());
  const progress = new ProgressRegistry();
  const registryDispatch = createDispatch({
    handlers,
    findPerson: (id) => findPerson(store.db, id),
    makeContext: (actor: Person | null) => ({
      db: store.db,
      actor,
      now: () => clock().toISOString(),
      newId: () => randomUUID(),
      appVersion,
      progress,
      store,
    }),
    backupNow: (reason) => store.backupNow(reason),
    log,
  });
  const dispatch: Dispatch = (actorId, method, params) =>
    store.recovery ? recoveryDispatch(store, appVersion, method, params) : registryDispatch(actorId, method, params);
  return { dispatch, dataDir: options.dataDir, databaseFile, close: () => store.close() };
}
