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
/** The ISO time a name's stamp stands for. */
const takenAtOf = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

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
      return { name, reason: match[2]!, takenAt: takenAtOf(match[1]!), bytes: statSync(join(dir, name)).size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Kinds that roll: only the newest `keep` of them together are kept. Every other kind is protected. */
export const ROLLING_REASONS: ReadonlySet<string> = new Set(['at-open', 'periodic', 'manual']);

/** Data set aside by a restore in recovery mode: `damaged-backup-<stamp>-set-aside.sqlite` (and its `-wal`, if it had one). */
const DAMAGED = /^damaged-backup-(\d{8}T\d{6}\d{3}Z)-[a-z0-9-]+\.sqlite$/;

export interface PruneOptions {
  /** Now, for the age of protected copies (default: the clock's now). */
  now?: Date;
  /** Protected copies (before-restore, before-import, before-migration, damaged set-asides…) older than this many days go, except the newest of each kind. Default 365. */
  protectedMaxAgeDays?: number;
}

export const DEFAULT_PROTECTED_MAX_AGE_DAYS = 365;

/**
 * Rolling backups (at open, periodic, manual): the newest `keep` stay, older ones go. Protected copies — the
 * state just before a restore, an import or a migration, and damaged data set aside — are never pruned by
 * count: only by age, and never the newest of each kind. (Backups are copies; the record itself is never touched.)
 */
export function pruneBackups(dir: string, keep: number, options: PruneOptions = {}): void {
  const all = listBackups(dir);
  for (const old of all.filter((b) => ROLLING_REASONS.has(b.reason)).slice(Math.max(0, keep))) rmSync(join(dir, old.name), { force: true });

  const cutoff = (options.now ?? new Date()).getTime() - (options.protectedMaxAgeDays ?? DEFAULT_PROTECTED_MAX_AGE_DAYS) * 86_400_000;
  const protectedCopies: { name: string; kind: string; takenAt: string }[] = all
    .filter((b) => !ROLLING_REASONS.has(b.reason))
    .map((b) => ({ name: b.name, kind: b.reason, takenAt: b.takenAt }));
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no folder, nothing set aside
  }
  for (const name of names) {
    const match = DAMAGED.exec(name);
    if (match) protectedCopies.push({ name, kind: 'damaged', takenAt: takenAtOf(match[1]!) });
  }
  const byKind = new Map<string, { name: string; takenAt: string }[]>();
  for (const copy of protectedCopies) byKind.set(copy.kind, [...(byKind.get(copy.kind) ?? []), copy]);
  for (const copies of byKind.values()) {
    copies.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    for (const old of copies.slice(1)) {
      if (Date.parse(old.takenAt) >= cutoff) continue;
      rmSync(join(dir, old.name), { force: true });
      rmSync(join(dir, `${old.name}-wal`), { force: true });
    }
  }
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
