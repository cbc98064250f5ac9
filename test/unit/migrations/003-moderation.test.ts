import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { at, CRITERIA, EVALUATION, MODERATOR, WANDLE } from './fixtures/cast';
import { writtenAtVersion3 } from './fixtures/version-03';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { count, expectAppendOnly, expectEverythingKept, indexColumns, queryPlan, snapshot } from './support/inspect';

describe('migration 3: moderated (consensus) scores, versioned', () => {
  it('keeps every sealed score of version 2 and adds consensus versions that are never edited', () => {
    const { db } = databaseUsedUpTo(2);
    const before = snapshot(db);
    const sealedScores = count(db, 'score_entries');

    migrate(db, { to: 3 });

    expect(userVersion(db)).toBe(3);
    expectEverythingKept(db, before);
    expect(count(db, 'score_entries')).toBe(sealedScores);
    expect(indexColumns(db, 'consensus_latest')).toEqual(['evaluation_id', 'bidder_id', 'criterion_id', 'seq']);

    db.transaction(() => writtenAtVersion3(db)).immediate();
    expectAppendOnly(db, 'consensus_versions');
    // The current consensus per criterion is the latest version, found through the index.
    const latest = `SELECT score FROM consensus_versions WHERE evaluation_id = ? AND bidder_id = ? AND criterion_id = ? ORDER BY seq DESC LIMIT 1`;
    expect(db.prepare(latest).get(EVALUATION, WANDLE, CRITERIA[0])).toEqual({ score: 3 });
    expect(queryPlan(db, latest, EVALUATION, WANDLE, CRITERIA[0]).join('\n')).toMatch(/SEARCH consensus_versions USING INDEX consensus_latest/);
  });

  it('refuses a consensus version superseding one that does not exist', () => {
    const { db } = databaseUsedUpTo(3);
    expect(() =>
      db
        .prepare(
          `INSERT INTO consensus_versions (id, evaluation_id, bidder_id, criterion_id, score, internal_note, bidder_explanation, reason, recorded_at, recorded_by, supersedes)
           VALUES ('consensus-orphan', ?, ?, ?, 4, '', '', 'Changed.', ?, ?, 'consensus-never-recorded')`,
        )
        .run(EVALUATION, WANDLE, CRITERIA[0], at(3, 30), MODERATOR),
    ).toThrow(/FOREIGN KEY constraint/);
  });
});
