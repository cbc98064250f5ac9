import Database from 'better-sqlite3';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { chainHead } from '../audit/chain';
import { CorruptDatabaseError, openDatabase, type Db } from '../db/open';
import { backupName, copyQuiescent, listBackups, onlineBackup, pruneBackups, type BackupInfo } from './backup-files';
import { fsyncFile, openCandidate, removeSideFiles, restoreTempFile, restoreTempPrefix } from './check-backup';

export interface StoreOptions {
  databaseFile: string;
  backupDir: string;
  /** How many rolling backups (at open, periodic, manual) to keep. */
  keep: number;
  /** How often to back up while open; 0 turns periodic backups off. */
  periodicMs: number;
  /** Protected copies (before a restore, an import or a migration; damaged data set aside) are pruned only when older than this (default 365 days), never the newest of each kind. */
  protectedMaxAgeDays?: number;
  clock(): Date;
  log(error: unknown): void;
}

/** The head of an audit chain: its last entry's sequence number and hash. */
export interface ChainHeadRef {
  seq: number;
  hash: string;
}

export interface RestoreOptions {
  /**
   * Called with a (read-only) connection to the checked backup before anything changes; throwing refuses
   * the restore and leaves everything as it was. Recovery mode uses it to check the administrator's
   * passphrase against the backup's own record.
   */
  authorise?(candidate: Db): void | Promise<void>;
}

export interface RestoreOutcome {
  restoredFrom: string;
  savedCurrentAs: string;
  /** The audit chain head of the data that was replaced ({ seq: 0, hash: '' } when a damaged file could not be read). */
  rolledBack: ChainHeadRef;
  /** The audit chain head of the restored data, before anything new was written to it. */
  restored: ChainHeadRef;
}

/** How many times the copy of the current data is retaken when writes arrived while it was being made. */
const QUIET_COPY_ATTEMPTS = 5;

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}

/** Rows changed through this connection since it opened: unchanged across an await means nothing was written meanwhile. */
const totalChanges = (db: Db): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

/** The chain head of a damaged file, if it can be read at all. */
function headOfDamaged(file: string): ChainHeadRef {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return chainHead(db);
    } finally {
      db.close();
    }
  } catch {
    return { seq: 0, hash: '' };
  }
}

/**
 * Owns the one writer connection and its safety net: rolling backups at open, before migrations and
 * imports, periodically, and on demand; an integrity check at every open; and restoring a chosen backup
 * (checked first; the current state is backed up first). When the file fails its check the store is in
 * recovery: only listing and restoring backups work.
 */
export class Store {
  private current: Db | null = null;
  private problem: string | null = null;
  private restoring = false;
  /** Online backups under way (backupNow), which a restore lets finish before it closes the connection. */
  private readonly backingUp = new Set<Promise<unknown>>();
  private readonly timer: NodeJS.Timeout | null;

  constructor(private readonly options: StoreOptions) {
    this.removeRestoreLeftovers();
    this.open();
    this.timer =
      options.periodicMs > 0
        ? setInterval(() => void this.backupNow('periodic').catch((error: unknown) => options.log(error)), options.periodicMs).unref()
        : null;
  }

  get db(): Db {
    if (!this.current) throw new ApiError('RULE_VIOLATION', `The data file needs recovery first (${this.problem}). Restore a backup.`);
    return this.current;
  }

  get recovery(): { problem: string } | null {
    return this.problem === null ? null : { problem: this.problem };
  }

  backups(): BackupInfo[] {
    return listBackups(this.options.backupDir);
  }

  private name(reason: string): string {
    return backupName(this.options.clock(), reason);
  }

  private prune(): void {
    pruneBackups(this.options.backupDir, this.options.keep, { now: this.options.clock(), protectedMaxAgeDays: this.options.protectedMaxAgeDays });
  }

  private open(): void {
    const { databaseFile, backupDir } = this.options;
    try {
      this.current = openDatabase(databaseFile, {
        beforeMigrations: (db) => copyQuiescent(db, databaseFile, backupDir, this.name('before-migration')),
      });
      this.problem = null;
      copyQuiescent(this.current, databaseFile, backupDir, this.name('at-open'));
      this.prune();
    } catch (error) {
      if (!(error instanceof CorruptDatabaseError)) throw error;
      this.current = null;
      this.problem = error.problem;
    }
  }

  /** open(), but whatever goes wrong leaves the store answering (in recovery, saying why) rather than throwing. */
  private reopen(): void {
    try {
      this.open();
    } catch (error) {
      this.current?.close();
      this.current = null;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  /** A restore interrupted by a crash leaves its private copy behind; the data folder is ours (locked), so nobody else's. */
  private removeRestoreLeftovers(): void {
    const prefix = basename(restoreTempPrefix(this.options.databaseFile));
    const dir = dirname(this.options.databaseFile);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  }

  /** A consistent copy through SQLite's online backup API while the app keeps working. */
  async backupNow(reason: string): Promise<BackupInfo> {
    const name = this.name(reason);
    const taking = onlineBackup(this.db, this.options.backupDir, name);
    this.backingUp.add(taking);
    try {
      await taking;
    } catch (error) {
      // A copy cut off half-way (the connection closed under it) must not be listed as a backup.
      rmSync(join(this.options.backupDir, name), { force: true });
      throw error;
    } finally {
      this.backingUp.delete(taking);
    }
    this.prune();
    return this.backups().find((b) => b.name === name) ?? { name, reason, takenAt: this.options.clock().toISOString(), bytes: 0 };
  }

  /**
   * Replaces the data with a chosen backup. The backup is checked first on a private copy (not empty, a
   * SQLite file, intact, a schema this version knows, an audit chain that verifies) and `authorise` is asked;
   * until the swap the live file and its -wal are untouched, so any refusal changes nothing. Then the current
   * data is backed up (`before-restore`; in recovery the damaged file is set aside), the checked copy is
   * renamed into place, and the store reopens. Returns the chain heads on both sides, so the caller can
   * record the rollback in the restored trail; nothing is written to the restored data before it returns.
   */
  async restore(name: string, options: RestoreOptions = {}): Promise<RestoreOutcome> {
    const chosen = this.backups().find((b) => b.name === name);
    if (!chosen) throw new ApiError('NOT_FOUND', `There is no backup called “${name}”.`);
    if (this.restoring) throw new ApiError('RULE_VIOLATION', 'Another restore is under way; wait for it to finish.');
    this.restoring = true;
    const { databaseFile, backupDir } = this.options;
    let candidate: ReturnType<typeof openCandidate> | null = null;
    try {
      candidate = openCandidate(join(backupDir, chosen.name), chosen.name, databaseFile);
      if (options.authorise) await options.authorise(candidate.db);
      candidate.seal();

      let savedCurrentAs: string;
      let rolledBack: ChainHeadRef;
      const live = this.current;
      if (live) {
        savedCurrentAs = this.name('before-restore');
        await this.quietCopy(live, savedCurrentAs);
        // From here to the return everything is synchronous: nothing can be written in between.
        rolledBack = chainHead(live);
      } else {
        rolledBack = headOfDamaged(databaseFile);
        savedCurrentAs = this.setAsideDamaged();
      }

      this.swapIn(candidate.file);
      candidate = null; // renamed into place: it is the database now
      this.reopen();
      if (!this.current) {
        const problem = this.problem;
        this.putBack(savedCurrentAs);
        throw new ApiError(
          'RULE_VIOLATION',
          `The backup “${chosen.name}” passed its checks but could not be opened (${problem}); the data as it was before the restore has been put back.`,
        );
      }
      return { restoredFrom: chosen.name, savedCurrentAs, rolledBack, restored: chainHead(this.current) };
    } finally {
      candidate?.discard();
      this.restoring = false;
    }
  }

  /**
   * The current data as a backup, taken online; retaken if anything was written (or another backup started)
   * while it was being made, so that the copy holds every acknowledged write up to the swap that follows it
   * synchronously, and no backup is under way when the connection closes.
   */
  private async quietCopy(live: Db, name: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Backups under way on this connection finish first: the swap would cut them off half-way.
      await Promise.allSettled([...this.backingUp]);
      const before = totalChanges(live);
      await onlineBackup(live, this.options.backupDir, name);
      if (this.current !== live) throw new ApiError('RULE_VIOLATION', 'The app was closing, so nothing was restored.');
      if (totalChanges(live) === before && this.backingUp.size === 0) return;
      if (attempt >= QUIET_COPY_ATTEMPTS) {
        rmSync(join(this.options.backupDir, name), { force: true });
        throw new ApiError(
          'RULE_VIOLATION',
          'The data kept changing while it was being backed up before the restore, so nothing was restored. Try again.',
        );
      }
    }
  }

  /** Recovery: the damaged file (and its -wal) copied aside, for whoever investigates; never pruned by count. */
  private setAsideDamaged(): string {
    const { databaseFile, backupDir } = this.options;
    const name = `damaged-${this.name('set-aside')}`;
    mkdirSync(backupDir, { recursive: true });
    if (existsSync(databaseFile)) copyFileSync(databaseFile, join(backupDir, name));
    if (existsSync(`${databaseFile}-wal`)) copyFileSync(`${databaseFile}-wal`, join(backupDir, `${name}-wal`));
    return name;
  }

  /**
   * Puts a checked, fsynced file in place of the database: the live connection is checkpointed and closed,
   * the old -wal/-shm removed (everything they held is in the main file and in the copy taken before), and
   * the file renamed over the database in one atomic step, the folder fsynced after.
   */
  private swapIn(file: string): void {
    const { databaseFile } = this.options;
    if (this.current) {
      try {
        this.current.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        this.current.close();
        this.current = null;
      }
    }
    removeSideFiles(databaseFile);
    renameSync(file, databaseFile);
    fsyncDir(dirname(databaseFile));
  }

  /** After a failed swap: the data as it was before the restore goes back the same way, and the store reopens on it. */
  private putBack(savedAs: string): void {
    const { databaseFile, backupDir } = this.options;
    const file = restoreTempFile(databaseFile);
    try {
      copyFileSync(join(backupDir, savedAs), file);
      fsyncFile(file);
      this.swapIn(file);
      const wal = join(backupDir, `${savedAs}-wal`);
      if (existsSync(wal)) copyFileSync(wal, `${databaseFile}-wal`);
    } catch (error) {
      rmSync(file, { force: true });
      this.options.log(error);
    }
    this.reopen();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.current?.close();
    this.current = null;
  }
}
