import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/audit/chain';
import { migrate } from '../../../electron/core/db/migrate';
import { at, CRITERIA, EVALUATION, EVALUATORS, LEAD, MERTON, MORDEN, WANDLE } from './fixtures/cast';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { count, expectAppendOnly, expectEverythingKept, snapshot } from './support/inspect';

type Db = ReturnType<typeof databaseUsedUpTo>['db'];

const addendum = (db: Db, id: string, bidderId: string, madeAt: string) =>
  db.prepare('INSERT INTO bid_addenda (id, evaluation_id, bidder_id, reason, made_at, made_by) VALUES (?, ?, ?, ?, ?, ?)').run(id, EVALUATION, bidderId, 'Clarification 1 corrected the figures.', madeAt, LEAD);

/** A score after Eva sealed Wandle (in version 2), citing an addendum or not. */
const scoreAfterSeal = (db: Db, addendumId: string | null, reason: string | null, score: number | null = 4) =>
  db
    .prepare(
      `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at, addendum_id, revision_reason)
       VALUES (?, ?, ?, ?, ?, 'Revised in light of the addendum: the corrected figures evidence the plan.', '[]', '{}', 'app', ?, ?, ?)`,
    )
    .run(EVALUATION, WANDLE, EVALUATORS[2], CRITERIA[0]!, score, at(12, 5), addendumId, reason);

describe('migration 12: bid addenda, and sealed scores revised in light of one', () => {
  it('keeps a version 11 database, and still refuses any plain score after a seal', () => {
    const { db } = databaseUsedUpTo(11);
    const before = snapshot(db);

    migrate(db, { to: 12 });

    expect(userVersion(db)).toBe(12);
    expectEverythingKept(db, before);
    expect(verifyChain(db).ok).toBe(true);
    expect(count(db, 'score_entries', 'addendum_id IS NOT NULL OR revision_reason IS NOT NULL')).toBe(0);
    expect(() => scoreAfterSeal(db, null, null)).toThrow('these scores are sealed');
  });

  it('allows after a seal only a revision citing an addendum of the same bidder made after that seal, with a reason and a score', () => {
    const { db } = databaseUsedUpTo(11);
    migrate(db, { to: 12 });
    addendum(db, 'addendum-before-seal', WANDLE, at(1, 0));
    addendum(db, 'addendum-morden', MORDEN, at(12, 0));
    addendum(db, 'addendum-wandle', WANDLE, at(12, 0));
    const entries = count(db, 'score_entries');

    expect(() => scoreAfterSeal(db, 'addendum-before-seal', 'It changes the plan.')).toThrow('these scores are sealed');
    expect(() => scoreAfterSeal(db, 'addendum-morden', 'It changes the plan.')).toThrow('these scores are sealed');
    expect(() => scoreAfterSeal(db, 'addendum-wandle', null)).toThrow(/a revision revises a sealed score/);
    expect(() => scoreAfterSeal(db, 'addendum-wandle', '  ')).toThrow(/a revision revises a sealed score/);
    expect(() => scoreAfterSeal(db, 'addendum-wandle', 'It changes the plan.', null)).toThrow(/a revision revises a sealed score/);
    expect(count(db, 'score_entries')).toBe(entries);

    scoreAfterSeal(db, 'addendum-wandle', 'The corrected figures evidence the plan.');
    expect(count(db, 'score_entries')).toBe(entries + 1);
    expectAppendOnly(db, 'bid_addenda');
  });

  it('lets an addendum change only its own bidder’s bid, and records reviews once, append-only', () => {
    const { db } = databaseUsedUpTo(11);
    migrate(db, { to: 12 });
    addendum(db, 'addendum-wandle', WANDLE, at(12, 0));
    const respond = db.prepare('INSERT INTO responses (bidder_id, area_id, text, saved_at, saved_by, addendum_id) VALUES (?, ?, ?, ?, ?, ?)');
    expect(() => respond.run(MORDEN, MERTON.areas[0]!.id, 'Not Wandle’s to change.', at(12, 1), LEAD, 'addendum-wandle')).toThrow('an addendum changes only its own bidder');
    respond.run(WANDLE, MERTON.areas[0]!.id, 'Corrected by addendum 2.', at(12, 1), LEAD, 'addendum-wandle');
    expect(() =>
      db.prepare("INSERT INTO bid_addenda (id, evaluation_id, bidder_id, reason, made_at, made_by) VALUES ('addendum-no-reason', ?, ?, ' ', ?, ?)").run(EVALUATION, WANDLE, at(12, 2), LEAD),
    ).toThrow(/CHECK constraint/);
    const review = db.prepare('INSERT INTO addendum_reviews (addendum_id, evaluator_id, reviewed_at) VALUES (?, ?, ?)');
    review.run('addendum-wandle', EVALUATORS[0], at(12, 3));
    expect(() => review.run('addendum-wandle', EVALUATORS[0], at(12, 4))).toThrow(/UNIQUE constraint/);
    expectAppendOnly(db, 'addendum_reviews');
  });
});
