import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';
import { processIsGone } from './process-alive';

/*
 * One host per data folder. Two copies of the app writing the same database would each be safe at the SQL
 * level, but a restore swaps the database file underneath everyone, and the second copy would go on
 * writing to the file it had open. So whoever creates the core takes an exclusive lock on the folder
 * (proper-lockfile: an atomic mkdir whose mtime the holder keeps fresh) and says who it is in a small
 * holder file, so that the next one can tell the user which process to close.
 */

export const LOCK_FILE_NAME = 'capability-assessment.lock';
export const HOLDER_FILE_NAME = 'lock-holder.json';

export interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Who holds it, in words: "the web host", "the desktop app". */
  holder: string;
}

export interface DataFolderLock {
  readonly dataDir: string;
  readonly holder: LockHolder;
  /** Lets go of the folder (synchronously); calling it again does nothing. */
  release(): void;
  /** Returns `open(arg)`; if that throws, lets go of the folder before passing the error on. */
  releaseIfThrows<A, T>(open: (arg: A) => T, arg: A): T;
}

export interface LockOptions {
  /** Who is taking the lock, in words that finish "in use by …". */
  holder: string;
  log?: (error: unknown) => void;
  /** A lock not refreshed for this long may be taken over (default 15 s); it is refreshed every `updateMs` (default 5 s). */
  staleMs?: number;
  updateMs?: number;
  now?: () => Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localTime = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly heldBy: LockHolder | null,
  ) {
    const who = heldBy
      ? `${heldBy.holder} (process ${heldBy.pid}${heldBy.hostname === hostname() ? '' : ` on ${heldBy.hostname}`}, started ${localTime(heldBy.startedAt)})`
      : 'another copy of the app';
    super(`The data folder ${dataDir} is in use by ${who}. Close that first; only one copy of the app may use a data folder at a time.`);
    this.name = 'DataFolderLockedError';
  }
}

/** The holder file, or null when it is missing or unreadable. */
export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, HOLDER_FILE_NAME), 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return {
      pid: parsed.pid,
      hostname: parsed.hostname,
      startedAt: String(parsed.startedAt ?? ''),
      holder: String(parsed.holder ?? 'another copy of the app'),
    };
  } catch {
    return null;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the rename is still atomic.
  }
}

/** Write to a private temporary file, fsync, rename over the holder file: a reader sees the old or the new, never half. */
function writeHolder(dataDir: string, holder: LockHolder): void {
  const target = join(dataDir, HOLDER_FILE_NAME);
  const temp = `${target}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(holder, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
  fsyncDir(dataDir);
}

const inode = (path: string): number | null => {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
};

const sameHolder = (a: LockHolder | null, b: LockHolder | null) =>
  a !== null && b !== null && a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;

/**
 * Takes the data folder for this process or throws DataFolderLockedError naming who has it. A lock left by a
 * process on this machine that no longer exists (killed with SIGKILL, a crash) is removed at once rather than
 * waited out; one left by a process elsewhere (a shared folder) is taken over only once it is stale.
 */
export function acquireDataFolderLock(dataDir: string, options: LockOptions): DataFolderLock {
  const dir = resolve(dataDir);
  const lockFile = join(dir, LOCK_FILE_NAME);
  const log = options.log ?? ((error: unknown) => console.error('[lock]', error));
  const lockOptions = {
    realpath: false,
    lockfilePath: lockFile,
    stale: options.staleMs ?? 15_000,
    update: options.updateMs ?? 5_000,
    onCompromised: (error: Error) =>
      log(new Error(`The lock on the data folder ${dir} was lost (${error.message}); another copy of the app may now open it.`, { cause: error })),
  };
  const take = (): (() => void) => {
    try {
      return lockfile.lockSync(dir, lockOptions);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataFolderLockedError(dir, readLockHolder(dir));
      throw error;
    }
  };

  let unlock: () => void;
  try {
    unlock = take();
  } catch (error) {
    if (!(error instanceof DataFolderLockedError)) throw error;
    const held = error.heldBy;
    const lockInode = inode(lockFile);
    const leftByTheDead = held !== null && held.hostname === hostname() && held.pid !== process.pid && processIsGone(held.pid);
    if (!leftByTheDead) throw error;
    // Look again just before removing it: if someone else took the lock meanwhile, it is theirs.
    if (!sameHolder(readLockHolder(dir), held) || inode(lockFile) !== lockInode) throw new DataFolderLockedError(dir, readLockHolder(dir));
    try {
      rmdirSync(lockFile);
    } catch (removal) {
      if ((removal as NodeJS.ErrnoException).code !== 'ENOENT') throw removal;
    }
    unlock = take();
  }

  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    holder: options.holder,
  };
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    // The holder file first: once the lock is gone the next holder may already be writing its own.
    if (sameHolder(readLockHolder(dir), holder)) rmSync(join(dir, HOLDER_FILE_NAME), { force: true });
    try {
      unlock();
    } catch (error) {
      // ERELEASED: the lock was already lost (and reported through onCompromised).
      if ((error as NodeJS.ErrnoException).code !== 'ERELEASED') log(error);
    }
  };
  try {
    writeHolder(dir, holder);
  } catch (error) {
    release();
    throw error;
  }
  return {
    dataDir: dir,
    holder,
    release,
    releaseIfThrows<A, T>(open: (arg: A) => T, arg: A): T {
      try {
        return open(arg);
      } catch (error) {
        release();
        throw error;
      }
    },
  };
}
