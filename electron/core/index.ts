import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Person } from '../../shared/api/people';
import { openDatabase, type Db } from './db/open';
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
}

export interface Core {
  dispatch: Dispatch;
  dataDir: string;
  databaseFile: string;
  close(): void;
}

export const DATABASE_FILE_NAME = 'capability-assessment.sqlite';

/** The whole domain behind one function; hosts (Electron IPC, the web host, tests) only carry messages to it. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = join(options.dataDir, DATABASE_FILE_NAME);
  const db: Db = openDatabase(databaseFile);
  const clock = options.clock ?? (() => new Date());
  const progress = new ProgressRegistry();
  installBuiltInFrameworks(db, clock().toISOString());
  const dispatch = createDispatch({
    handlers,
    findPerson: (id) => findPerson(db, id),
    makeContext: (actor: Person | null) => ({
      db,
      actor,
      now: () => clock().toISOString(),
      newId: () => randomUUID(),
      appVersion: options.appVersion ?? '0.0.0-dev',
      progress,
    }),
    log: options.log ?? ((error) => console.error('[core]', error)),
  });
  return { dispatch, dataDir: options.dataDir, databaseFile, close: () => db.close() };
}
