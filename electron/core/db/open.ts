import Database from 'better-sqlite3';
import { SCHEMA_VERSION, assertNotNewer, migrate } from './migrate';

export type Db = Database.Database;

export class CorruptDatabaseError extends Error {
  constructor(readonly problem: string) {
    super(`The data file failed its integrity check: ${problem}`);
    this.name = 'CorruptDatabaseError';
  }
}

export interface OpenOptions {
  /** Called with the database when migrations are about to run (after the integrity check), e.g. to back it up. */
  beforeMigrations?(db: Db): void;
}

/**
 * Every SQL text in the core is a constant, so each is prepared once per connection and reused: preparing
 * was a third of the time of a bulk score import. No caller changes a statement's mode (pluck/raw/expand).
 */
function cachingStatements(db: Db): Db {
  const cache = new Map<string, Database.Statement>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
  return db;
}

/** PRAGMA integrity_check; a file that is not a database at all counts as corrupt too. */
function assertIntact(db: Db): void {
  let rows: { integrity_check: string }[];
  try {
    rows = db.pragma('integrity_check') as { integrity_check: string }[];
  } catch (error) {
    throw new CorruptDatabaseError(error instanceof Error ? error.message : String(error));
  }
  const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw new CorruptDatabaseError(problems.slice(0, 3).join('; '));
}

/**
 * Opens the store with the settings the data-safety rules require: WAL, foreign keys on, and
 * synchronous = FULL so that an acknowledged commit survives power loss, not only a crash; checks its
 * integrity, then applies pending migrations.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = cachingStatements(new Database(file));
  try {
    // Refuse a newer database before any pragma below rewrites its header.
    try {
      assertNotNewer(db);
    } catch (error) {
      if (error instanceof Error && /not a database|malformed|corrupt/i.test(error.message)) throw new CorruptDatabaseError(error.message);
      throw error;
    }
    assertIntact(db);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL mode (got ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < SCHEMA_VERSION) options.beforeMigrations?.(db);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
