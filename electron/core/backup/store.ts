import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { CorruptDatabaseError, openDatabase, type Db } from '../db/open';
import { backupName, copyQuiescent, listBackups, onlineBackup, pruneBackups, type BackupInfo } from './backup-files';

export interface StoreOptions {
  databaseFile: string;
  backupDir: string;
  /** How many rolling backups to keep. */
  keep: number;
  /** How often to back up while open; 0 turns periodic backups off. */
  periodicMs: number;
  clock(): Date;
  log(error: unknown): void;
}

/**
 * Owns the one writer connection and its safety net: rolling backups at open, before migrations and
 * imports, periodically, and on demand; an integrity check at every open; and restoring a chosen backup
 * (the current state is backed up first). When the file fails its check the store is in recovery: only
 * listing and restoring backups work.
 */
export class Store {
  private current: Db | null = null;
  private problem: string | null = null;
  private readonly timer: NodeJS.Timeout | null;

  constructor(private readonly options: StoreOptions) {
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

  private open(): void {
    const { databaseFile, backupDir, keep } = this.options;
    try {
      this.current = openDatabase(databaseFile, { beforeMigrations: (db) => copyQuiescent(db, databaseFile, backupDir, this.name('before-migration')) });
      this.problem = null;
      copyQuiescent(this.current, databaseFile, backupDir, this.name('at-open'));
      pruneBackups(backupDir, keep);
    } catch (error) {
      if (!(error instanceof CorruptDatabaseError)) throw error;
      this.current = null;
      this.problem = error.problem;
    }
  }

  /** A consistent copy through SQLite's online backup API while the app keeps working. */
  async backupNow(reason: string): Promise<BackupInfo> {
    const name = this.name(reason);
    await onlineBackup(this.db, this.options.backupDir, name);
    pruneBackups(this.options.backupDir, this.options.keep);
    return this.backups().find((b) => b.name === name) ?? { name, reason, takenAt: this.options.clock().toISOString(), bytes: 0 };
  }

  /** Replaces the data with a chosen backup, keeping what was there as a backup (or, if damaged, set aside). */
  async restore(name: string): Promise<{ restoredFrom: string; savedCurrentAs: string }> {
    const chosen = this.backups().find((b) => b.name === name);
    if (!chosen) throw new ApiError('NOT_FOUND', `There is no backup called “${name}”.`);
    const { databaseFile, backupDir } = this.options;
    let savedCurrentAs: string;
    if (this.current) {
      savedCurrentAs = this.name('before-restore');
      await onlineBackup(this.current, backupDir, savedCurrentAs);
      this.current.close();
      this.current = null;
    } else {
      savedCurrentAs = `damaged-${this.name('set-aside')}`;
      copyFileSync(databaseFile, join(backupDir, savedCurrentAs));
    }
    copyFileSync(join(backupDir, chosen.name), databaseFile);
    for (const suffix of ['-wal', '-shm']) if (existsSync(databaseFile + suffix)) rmSync(databaseFile + suffix);
    this.open();
    if (!this.current) throw new ApiError('RULE_VIOLATION', `That backup is damaged too (${this.problem}); choose an older one.`);
    return { restoredFrom: chosen.name, savedCurrentAs };
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.current?.close();
    this.current = null;
  }
}
