import type { Migration } from './index';

export const coveringScoreIndex: Migration = {
  name: 'let the latest-score lookup read the score from the index',
  up(db) {
    // The ranking and the moderation overview read every sealed evaluator's latest score per criterion;
    // with the score in the index they never touch the table rows, which carry ~500-character rationales.
    // The new index has the old one's columns first, so every lookup that used the old one can use it.
    db.exec(`
      CREATE INDEX score_entries_latest_score ON score_entries(evaluator_id, bidder_id, criterion_id, seq, score);
      DROP INDEX score_entries_latest;
    `);
  },
};
