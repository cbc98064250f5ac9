import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  constructor(found: number) {
    super(
      `This data was written by a newer version of the app (schema ${found}; this version understands up to ${SCHEMA_VERSION}). ` +
        'Install the newer version to open it; nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export function assertNotNewer(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
}

/** Applies, in order and each in its own transaction, every migration newer than PRAGMA user_version. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  MIGRATIONS.slice(current).forEach((migration, i) => {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${current + i + 1}`);
    }).immediate();
  });
}
