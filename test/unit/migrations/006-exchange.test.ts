import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/audit/chain';
import { migrate } from '../../../electron/core/db/migrate';
import { at, EVALUATION, EVALUATORS, LEAD } from './fixtures/cast';
import { REVOKED_PACK, writtenAtVersion6 } from './fixtures/version-06';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { expectAppendOnly, expectEverythingKept, indexColumns, snapshot } from './support/inspect';

const NEW_TABLES = ['packs', 'pack_revocations', 'pack_installs', 'return_imports'];

describe('migration 6: evaluator packs and score returns', () => {
  it('keeps a version 5 database, its audit chain intact, and records packs, revocations, installs and returns that are never edited', () => {
    const { db } = databaseUsedUpTo(5);
    const before = snapshot(db);

    migrate(db, { to: 6 });

    expect(userVersion(db)).toBe(6);
    expectEverythingKept(db, before);
    expect(verifyChain(db).ok).toBe(true);
    expect(indexColumns(db, 'packs_by_evaluation')).toEqual(['evaluation_id', 'created_at']);
    expect(indexColumns(db, 'pack_installs_by_evaluation')).toEqual(['evaluation_id', 'seq']);
    db.transaction(() => writtenAtVersion6(db)).immediate();
    for (const table of NEW_TABLES) expectAppendOnly(db, table);
    expect(verifyChain(db).ok).toBe(true);
  });

  it('refuses a pack whose return key is not 32 bytes, and a second revocation of the same pack', () => {
    const { db } = databaseUsedUpTo(6);
    expect(() =>
      db
        .prepare(
          'INSERT INTO packs (id, evaluation_id, evaluator_id, return_key, file_sha256, bytes, contents, created_at, created_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)',
        )
        .run('pack-short-key', EVALUATION, EVALUATORS[0], randomBytes(16), 'f'.repeat(64), '{"withheld":[],"documents":0}', at(6, 30), LEAD),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare('INSERT INTO pack_revocations (pack_id, reason, revoked_at, revoked_by) VALUES (?, ?, ?, ?)')
        .run(REVOKED_PACK, 'Revoked again.', at(6, 31), LEAD),
    ).toThrow(/UNIQUE constraint/);
  });
});
