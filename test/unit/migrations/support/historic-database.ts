import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { migrate } from '../../../../electron/core/db/migrate';
import { WRITTEN_AT_VERSION } from '../fixtures/history';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export interface HistoricDatabase {
  db: Database.Database;
  dataDir: string;
  file: string;
}

/**
 * A data folder whose database was used by every version of the app up to `version` and never upgraded
 * beyond it: each version's migration applied in turn, then what that version wrote (fixtures/), each in
 * one transaction, with the pragmas the app opens it with. `fileName` lets a core open the folder.
 */
export function databaseUsedUpTo(version: number, fileName = 'historic.sqlite'): HistoricDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'capability-historic-'));
  dirs.push(dataDir);
  const file = join(dataDir, fileName);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  for (let v = 1; v <= version; v++) {
    migrate(db, { to: v });
    const write = WRITTEN_AT_VERSION[v - 1];
    if (!write)
      throw new Error(
        `no fixture says what the app wrote at schema version ${v}: add fixtures/version-${String(v).padStart(2, '0')}.ts to WRITTEN_AT_VERSION`,
      );
    db.transaction(() => write(db)).immediate();
  }
  return { db, dataDir, file };
}

export const userVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;
