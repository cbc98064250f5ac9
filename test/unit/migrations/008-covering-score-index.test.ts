import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { EVALUATORS, CRITERIA, MORDEN, WANDLE } from './fixtures/cast';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { count, expectEverythingKept, indexColumns, namesOf, queryPlan, snapshot } from './support/inspect';

const LATEST_SCORE = 'SELECT score FROM score_entries WHERE evaluator_id = ? AND bidder_id = ? AND criterion_id = ? ORDER BY seq DESC LIMIT 1';

describe('migration 8: the latest score is read from a covering index', () => {
  it('keeps every score entry of version 7 and reads the latest score per criterion from the index alone, not the rows with their rationales', () => {
    const { db } = databaseUsedUpTo(7);
    const before = snapshot(db);
    const latest = db.prepare(LATEST_SCORE).get(EVALUATORS[2], MORDEN, CRITERIA[5]);
    expect(queryPlan(db, LATEST_SCORE, EVALUATORS[2], MORDEN, CRITERIA[5]).join('\n')).toMatch(/USING INDEX score_entries_latest \(/);

    migrate(db, { to: 8 });

    expect(userVersion(db)).toBe(8);
    expectEverythingKept(db, before);
    expect(namesOf(db, 'index')).not.toContain('score_entries_latest');
    expect(indexColumns(db, 'score_entries_latest_score')).toEqual(['evaluator_id', 'bidder_id', 'criterion_id', 'seq', 'score']);
    expect(queryPlan(db, LATEST_SCORE, EVALUATORS[2], MORDEN, CRITERIA[5])).toEqual([
      'SEARCH score_entries USING COVERING INDEX score_entries_latest_score (evaluator_id=? AND bidder_id=? AND criterion_id=?)',
    ]);
    expect(db.prepare(LATEST_SCORE).get(EVALUATORS[2], MORDEN, CRITERIA[5])).toEqual(latest);
  });

  it('still refuses a score from an evaluator who has sealed, and keeps score entries append-only', () => {
    const { db } = databaseUsedUpTo(8);
    const entries = count(db, 'score_entries');
    expect(() =>
      db
        .prepare(
          `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at)
           SELECT evaluation_id, bidder_id, evaluator_id, criterion_id, 0, 'Changed after sealing.', '[]', '{}', 'app', saved_at FROM score_entries WHERE bidder_id = ? LIMIT 1`,
        )
        .run(WANDLE),
    ).toThrow('these scores are sealed');
    expect(() => db.prepare('DELETE FROM score_entries').run()).toThrow('score_entries is append-only');
    expect(count(db, 'score_entries')).toBe(entries);
  });

  it('refuses a version 7 database that lost the index it replaces outside the app, leaving no half-made index behind', () => {
    const { db } = databaseUsedUpTo(7);
    db.exec('DROP INDEX score_entries_latest');
    const before = snapshot(db);

    expect(() => migrate(db)).toThrow('no such index: score_entries_latest');

    expect(userVersion(db)).toBe(7);
    expect(snapshot(db)).toEqual(before);
    expect(namesOf(db, 'index')).not.toContain('score_entries_latest_score');
  });
});
