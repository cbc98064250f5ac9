import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/api/people';
import { recoveryDispatch } from './backup/recovery';
import { acquireDataFolderLock } from './lock/data-folder-lock';
import { Store } from './backup/store';
import { installBuiltInFrameworks } from './frameworks/built-in';
import { handlers } from './handlers';
import { PROFILE_KDF } from './identity/passphrase-hash';
import { DEFAULT_IDLE_MINUTES, idleMinutes } from './identity/repo';
import { Sessions, type Session } from './identity/sessions';
import { ProgressRegistry } from './jobs/progress';
import { ApiError } from '../../shared/api/errors';
import type { ProgressPush } from '../../shared/api/progress';
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
  /** Who holds the data folder while this core is open, as the next copy is told: "the web host", "the desktop app". */
  holderName?: string;
  /**
   * scrypt cost (log2 N) for new profile passphrases. OWASP's 17 unless a test lowers it to keep hundreds of
   * sign-ins fast; every stored hash keeps its own parameters, so verification never depends on this.
   */
  profileKdfLogN?: number;
  /** Told as soon as the data folder is held, before the (slower) integrity check, migrations and at-open backup. */
  onFolderHeld?: () => void;
}

export interface Core {
  dispatch: Dispatch;
  /**
   * Pushes the progress of the signed-in person's own long work (exports, imports) to a window, until the
   * returned function is called or the session ends. A session that is not open hears one `refused`.
   */
  watchProgress(sessionId: string, listener: (push: ProgressPush) => void): () => void;
  dataDir: string;
  databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'capability-assessment.sqlite';
export const BACKUP_DIR_NAME = 'backups';
export { DataFolderLockedError } from './lock/data-folder-lock';

/** The whole domain behind one function; hosts (Electron IPC, the web host, tests) only carry messages to it. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((error: unknown) => console.error('[core]', error));
  const appVersion = options.appVersion ?? '0.0.0-dev';
  // One host per data folder, held until close() and across restores (DataFolderLockedError otherwise).
  const lock = acquireDataFolderLock(options.dataDir, { holder: options.holderName ?? 'the app', log });
  options.onFolderHeld?.();
  const store = lock.releaseIfThrows((storeOptions) => new Store(storeOptions), {
    databaseFile,
    backupDir: join(options.dataDir, BACKUP_DIR_NAME),
    keep: options.backupsToKeep ?? 20,
    periodicMs: options.backupEveryMs ?? 15 * 60_000,
    clock,
    log,
  });
  if (!store.recovery) installBuiltInFrameworks(store.db, clock().toISOString());
  const progress = new ProgressRegistry();
  const sessions = new Sessions(clock, store.recovery ? DEFAULT_IDLE_MINUTES : idleMinutes(store.db));
  const registryDispatch = createDispatch({
    handlers,
    sessions,
    findPerson: (id) => findPerson(store.db, id),
    makeContext: (actor: Person | null, session: Session | null) => ({
      db: store.db,
      actor,
      now: () => clock().toISOString(),
      newId: () => randomUUID(),
      appVersion,
      progress,
      store,
      session,
      sessions,
      profileKdfLogN: options.profileKdfLogN ?? PROFILE_KDF.logN,
    }),
    backupNow: (reason) => store.backupNow(reason),
    log,
  });
  const close = () => {
    store.close();
    lock.release();
  };
  const dispatch: Dispatch = (sessionId, method, params) =>
    store.recovery ? recoveryDispatch({ store, sessions, appVersion, clock, progress }, method, params) : registryDispatch(sessionId, method, params);
  const watchProgress: Core['watchProgress'] = (sessionId, listener) => {
    try {
      sessions.resolve(sessionId);
    } catch (error) {
      listener({
        kind: 'refused',
        error: error instanceof ApiError ? error.toJSON() : { code: 'INTERNAL', message: 'Progress cannot be followed.' },
      });
      return () => {};
    }
    return progress.subscribe(({ ownerId, ...update }) => {
      if (sessions.peek(sessionId)?.personId === ownerId) listener({ kind: 'progress', update });
    });
  };
  return { dispatch, watchProgress, dataDir: options.dataDir, databaseFile, close };
}
