import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { at, EVALUATION, EVALUATORS, LEAD } from './fixtures/cast';
import { writtenAtVersion4 } from './fixtures/version-04';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { expectAppendOnly, expectEverythingKept, indexColumns, snapshot } from './support/inspect';

describe('migration 4: the record of every generated Excel score sheet', () => {
  it('keeps a moderated evaluation of version 3 and records score sheets that are never edited', () => {
    const { db } = databaseUsedUpTo(3);
    const before = snapshot(db);

    migrate(db, { to: 4 });

    expect(userVersion(db)).toBe(4);
    expectEverythingKept(db, before);
    expect(indexColumns(db, 'score_sheets_by_evaluator')).toEqual(['evaluation_id', 'evaluator_id']);
    db.transaction(() => writtenAtVersion4(db)).immediate();
    expectAppendOnly(db, 'score_sheets');
  });

  it('refuses a score sheet whose fingerprint or check key is not a SHA-256-sized value', () => {
    const { db } = databaseUsedUpTo(4);
    const add = db.prepare(
      `INSERT INTO score_sheets (id, evaluation_id, evaluator_id, layout, fingerprint, mac_key, generated_at, generated_by) VALUES (?, ?, ?, '{}', ?, ?, ?, ?)`,
    );
    const hex64 = 'a'.repeat(64);
    expect(() => add.run('score-sheet-short-print', EVALUATION, EVALUATORS[0], 'abc', hex64, at(4, 9), LEAD)).toThrow(/CHECK constraint/);
    expect(() => add.run('score-sheet-short-key', EVALUATION, EVALUATORS[0], hex64, 'abc', at(4, 9), LEAD)).toThrow(/CHECK constraint/);
  });
});
