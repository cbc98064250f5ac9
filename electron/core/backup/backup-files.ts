import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open';

export interface BackupInfo {
  name: string;
  reason: string;
  takenAt: string;
  bytes: number;
}

const NAME = /^backup-(\d{8}T\d{6}\d{3}Z)-([a-z0-9-]+)\.sqlite$/;
const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '');

export function backupName(at: Date, reason: string): string {
  return `backup-${stamp(at)}-${reason.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'manual'}.sqlite`;
}

/** Newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .map(({ name, match }) => {
      const s = match[1]!;
      const takenAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
      return { name, reason: match[2]!, takenAt, bytes: statSync(join(dir, name)).size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` backups and deletes the rest (backups are copies; the record itself is never touched). */
export function pruneBackups(dir: string, keep: number): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(join(dir, old.name), { force: true });
}

/**
 * A consistent copy of a database this process holds the only connection to: everything is checkpointed
 * into the main file first, so the file alone is the whole database.
 */
export function copyQuiescent(db: Db, file: string, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  db.pragma('wal_checkpoint(TRUNCATE)');
  const target = join(dir, name);
  copyFileSync(file, target);
  return target;
}

/** SQLite's online backup API: a consistent copy while the app keeps working. */
export async function onlineBackup(db: Db, dir: string, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  await db.backup(target);
  return target;
}
