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

export interface MigrateOptions {
  /** Stop at this schema version instead of the newest: tests build a database as an earlier app left it. */
  to?: number;
}

/** Applies, in order and each in its own transaction, every migration newer than PRAGMA user_version (up to `to`). */
export function migrate(db: Database.Database, { to = SCHEMA_VERSION }: MigrateOptions = {}): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  if (!Number.isInteger(to) || to < current || to > SCHEMA_VERSION) {
    throw new RangeError(`Cannot migrate from schema ${current} to ${to}: migrations only go forward, up to ${SCHEMA_VERSION}.`);
  }
  MIGRATIONS.slice(current, to).forEach((migration, i) => {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${current + i + 1}`);
    }).immediate();
  });
}
