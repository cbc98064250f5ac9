import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { ApiError } from '../../../shared/api/errors';
import { verifyChain } from '../audit/chain';
import { SCHEMA_VERSION } from '../db/migrate';
import type { Db } from '../db/open';

/*
 * Before a backup may replace the data it is checked on a private copy next to the database file (the copy
 * that, once it passes, is renamed into place): the live file and its -wal are not touched until the swap.
 * Backups are WAL-mode files, which SQLite will not open read-only without their -shm, hence a copy we may
 * open normally (and then only read: query_only).
 */

export interface Candidate {
  /** The private copy, `<database>.restore-<random>.tmp`. */
  readonly file: string;
  /** A connection to it (query_only) while it is being checked and authorised; null once closed. */
  readonly db: Db;
  /** Closes the connection (removing the -wal/-shm it made) and fsyncs the copy, ready to be renamed into place. */
  seal(): void;
  /** Closes it and removes the copy: nothing of it is left. */
  discard(): void;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Everything this prefix matches in the data folder is a leftover of an interrupted restore. */
export const restoreTempPrefix = (databaseFile: string) => `${databaseFile}.restore-`;
export const restoreTempFile = (databaseFile: string) => `${restoreTempPrefix(databaseFile)}${randomBytes(6).toString('hex')}.tmp`;

const refuse = (name: string, problem: string) =>
  new ApiError('RULE_VIOLATION', `The backup “${name}” cannot be restored: ${problem} Nothing was changed.`);

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function removeSideFiles(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

/** The fixed-size part of the file that can be judged without SQLite: not empty, a SQLite header, not cut short. */
function checkHeader(source: string, name: string): void {
  const size = statSync(source).size;
  if (size === 0) throw refuse(name, 'the file is empty (0 bytes).');
  const header = Buffer.alloc(100);
  const fd = openSync(source, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw refuse(name, 'it is not a SQLite database file (it is damaged or was cut short).');
  }
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65_536 : raw;
  const changeCounter = header.readUInt32BE(24);
  const pages = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  // The in-header size is only meaningful when it was written with the current change counter.
  if (pages > 0 && validFor === changeCounter && size < pages * pageSize) {
    throw refuse(name, `the file was cut short (${size} bytes of the ${pages * pageSize} its header promises).`);
  }
}

const damaged = (name: string, error: unknown) => refuse(name, `it is damaged (${error instanceof Error ? error.message : String(error)}).`);

/** What the copy must be before anyone may restore it; throws a RULE_VIOLATION naming the backup and the problem. */
function checkContent(db: Db, name: string): void {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw damaged(name, error);
  }
  if (version === 0) throw refuse(name, 'it is not a backup of this app (it has no schema version).');
  if (version > SCHEMA_VERSION) {
    // NewerDatabaseError's words, for a backup rather than the data being opened.
    throw refuse(
      name,
      `it was written by a newer version of the app (schema ${version}; this version understands up to ${SCHEMA_VERSION}). Install the newer version to restore it.`,
    );
  }
  let problems: string[];
  try {
    problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
  } catch (error) {
    throw damaged(name, error);
  }
  if (problems.length > 0) throw refuse(name, `it fails its integrity check (${problems.slice(0, 3).join('; ')}).`);
  // The hash chain exists from migration 5 on; an older backup has no chain to verify (it is linked when migrated).
  const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('audit_log')").all() as { name: string }[]).map((c) => c.name));
  if (columns.has('hash') && columns.has('prev_hash')) {
    let chain: ReturnType<typeof verifyChain>;
    try {
      chain = verifyChain(db);
    } catch (error) {
      throw damaged(name, error);
    }
    if (!chain.ok) {
      const { seq, at, method, problem } = chain.firstBroken;
      const which = at && method ? `entry ${seq} (${method}, ${at})` : `entry ${seq}`;
      throw refuse(name, `its audit trail does not verify: ${which}: ${problem}.`);
    }
  }
}

/**
 * Copies the chosen backup to a private file next to the database and checks it: not empty, a SQLite
 * header, not cut short, integrity_check ok, a schema version this app knows (1…SCHEMA_VERSION), an audit
 * chain that verifies. On any refusal the copy is removed and the live data was never touched.
 */
export function openCandidate(source: string, name: string, databaseFile: string): Candidate {
  checkHeader(source, name);
  const file = restoreTempFile(databaseFile);
  let db: Db | null = null;
  const close = () => {
    if (!db) return;
    try {
      db.close();
    } finally {
      db = null;
      removeSideFiles(file);
    }
  };
  const discard = () => {
    try {
      close();
    } finally {
      rmSync(file, { force: true });
    }
  };
  try {
    copyFileSync(source, file);
    try {
      db = new Database(file, { fileMustExist: true });
      db.pragma('query_only = ON');
    } catch (error) {
      throw damaged(name, error);
    }
    checkContent(db, name);
  } catch (error) {
    discard();
    throw error;
  }
  const opened = db;
  return {
    file,
    db: opened,
    seal() {
      close();
      fsyncFile(file);
    },
    discard,
  };
}
