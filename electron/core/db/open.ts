import Database from 'better-sqlite3';
import { assertNotNewer, migrate } from './migrate';

export type Db = Database.Database;

/**
 * Opens the store with the settings the data-safety rules require: WAL, foreign keys on, and
 * synchronous = FULL so that an acknowledged commit survives power loss, not only a crash.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  try {
    // Refuse a newer database before any pragma below rewrites its header.
    assertNotNewer(db);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
