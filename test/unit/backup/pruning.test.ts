import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../electron/core';
import { backupName, pruneBackups } from '../../../electron/core/backup/backup-files';
import { Store } from '../../../electron/core/backup/store';

/*
 * Rolling backups (at open, periodic, manual) keep only the newest `keep`. The copies taken just before a
 * restore, an import or a migration, and damaged data set aside, are what someone may need to undo a
 * mistake months later: they are never pruned by count, only by age (a year by default), and never the
 * newest of each kind.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'capability-prune-'));
  dirs.push(dir);
  return dir;
};

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-03T09:00:00.000Z');
const daysAgo = (days: number, ms = 0) => new Date(NOW - days * DAY + ms);

/** A backup file named as the app names them (its content does not matter to pruning). */
const plant = (dir: string, at: Date, reason: string) => {
  const name = backupName(at, reason);
  writeFileSync(join(dir, name), 'x');
  return name;
};
const plantDamaged = (dir: string, at: Date) => {
  const name = `damaged-${backupName(at, 'set-aside')}`;
  writeFileSync(join(dir, name), 'x');
  writeFileSync(join(dir, `${name}-wal`), 'x');
  return name;
};
const files = (dir: string) => readdirSync(dir).sort();

describe('pruning backups', () => {
  it('21 manual backups through a real store do not remove a before-restore copy; only the newest 20 manual ones stay', async () => {
    const dir = tempDir();
    let tick = NOW;
    const store = new Store({
      databaseFile: join(dir, DATABASE_FILE_NAME),
      backupDir: join(dir, 'backups'),
      keep: 20,
      periodicMs: 0,
      clock: () => new Date((tick += 1000)),
      log: () => {},
    });
    try {
      const first = await store.backupNow('manual');
      // A restore of that backup leaves the current data as a before-restore copy (and an at-open backup).
      const { savedCurrentAs } = await store.restore(first.name);
      const manual: string[] = [];
      for (let i = 0; i < 21; i++) manual.push((await store.backupNow('manual')).name);
      const left = store.backups();
      expect(left.map((b) => b.name)).toContain(savedCurrentAs);
      const rolling = left.filter((b) => ['at-open', 'periodic', 'manual'].includes(b.reason));
      expect(rolling).toHaveLength(20);
      expect(rolling.map((b) => b.name)).toEqual(manual.slice(1).reverse());
    } finally {
      store.close();
    }
  });

  it('keeps every protected copy younger than the age limit, however many there are', () => {
    const dir = tempDir();
    const protectedOnes = [
      ...Array.from({ length: 30 }, (_, i) => plant(dir, daysAgo(300, i), 'before-import')),
      ...Array.from({ length: 25 }, (_, i) => plant(dir, daysAgo(200, i), 'before-restore')),
      plant(dir, daysAgo(100), 'before-migration'),
      plantDamaged(dir, daysAgo(50)),
    ];
    const manual = Array.from({ length: 5 }, (_, i) => plant(dir, daysAgo(1, i), 'manual'));
    pruneBackups(dir, 2, { now: new Date(NOW) });
    const left = files(dir);
    for (const name of protectedOnes) expect(left).toContain(name);
    expect(left.filter((n) => n.endsWith('-manual.sqlite'))).toEqual(manual.slice(3));
  });

  it('removes an old protected copy only when a newer one of its kind exists', () => {
    const dir = tempDir();
    // Each kind alone and old: kept, as the newest of its kind.
    const loneRestore = plant(dir, daysAgo(800), 'before-restore');
    const loneMigration = plant(dir, daysAgo(700), 'before-migration');
    const loneDamaged = plantDamaged(dir, daysAgo(600));
    // Old imports with a newer import: the old ones go; the newest stays even though it is old too.
    const oldImports = [plant(dir, daysAgo(900), 'before-import'), plant(dir, daysAgo(500), 'before-import')];
    const newestImport = plant(dir, daysAgo(400), 'before-import');
    pruneBackups(dir, 20, { now: new Date(NOW) });
    expect(files(dir)).toEqual([loneDamaged, `${loneDamaged}-wal`, ...[loneMigration, loneRestore, newestImport].sort()].sort());
    for (const gone of oldImports) expect(files(dir)).not.toContain(gone);

    // A newer before-restore copy and a newer damaged set-aside: now the old ones of those kinds go too.
    const newerRestore = plant(dir, daysAgo(3), 'before-restore');
    const newerDamaged = plantDamaged(dir, daysAgo(2));
    pruneBackups(dir, 20, { now: new Date(NOW) });
    const left = files(dir);
    expect(left).not.toContain(loneRestore);
    expect(left).not.toContain(loneDamaged);
    expect(left).not.toContain(`${loneDamaged}-wal`);
    expect(left).toEqual([newerDamaged, `${newerDamaged}-wal`, ...[loneMigration, newestImport, newerRestore].sort()].sort());
  });

  it('takes the age limit as an option (default 365 days)', () => {
    const dir = tempDir();
    const older = plant(dir, daysAgo(40), 'before-restore');
    const newer = plant(dir, daysAgo(10), 'before-restore');
    pruneBackups(dir, 20, { now: new Date(NOW) });
    expect(files(dir)).toEqual([older, newer].sort());
    pruneBackups(dir, 20, { now: new Date(NOW), protectedMaxAgeDays: 30 });
    expect(files(dir)).toEqual([newer]);
  });
});
