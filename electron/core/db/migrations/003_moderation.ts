import { appendOnly } from './append-only';
import type { Migration } from './index';

export const moderation: Migration = {
  name: 'moderated (consensus) scores, versioned',
  up(db) {
    db.exec(`
      -- Every consensus a moderator records is a new version; the latest per criterion is current.
      CREATE TABLE consensus_versions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        criterion_id TEXT NOT NULL,
        score INTEGER NOT NULL,
        internal_note TEXT NOT NULL,
        bidder_explanation TEXT NOT NULL,
        reason TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL REFERENCES people(id),
        supersedes TEXT REFERENCES consensus_versions(id)
      ) STRICT;
      CREATE INDEX consensus_latest ON consensus_versions(evaluation_id, bidder_id, criterion_id, seq);
      ${appendOnly('consensus_versions')}
    `);
  },
};
