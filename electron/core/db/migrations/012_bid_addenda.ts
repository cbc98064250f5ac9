import { appendOnly } from './append-only';
import type { Migration } from './index';

export const bidAddenda: Migration = {
  name: 'bid addenda: corrections of a fixed bid with their reason, sealed scores revised in light of one, and reviews with no change',
  up(db) {
    db.exec(`
      -- A correction of a bid after it was fixed (an evaluator had scored it, or a pack carried it): why, who, when.
      -- What it changed are the responses and documents rows that name it.
      CREATE TABLE bid_addenda (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX bid_addenda_by_bidder ON bid_addenda(bidder_id, seq);
      ${appendOnly('bid_addenda')}

      ALTER TABLE responses ADD COLUMN addendum_id TEXT REFERENCES bid_addenda(id);
      ALTER TABLE documents ADD COLUMN addendum_id TEXT REFERENCES bid_addenda(id);
      CREATE INDEX responses_by_addendum ON responses(addendum_id) WHERE addendum_id IS NOT NULL;
      CREATE INDEX documents_by_addendum ON documents(addendum_id) WHERE addendum_id IS NOT NULL;
      CREATE TRIGGER responses_addendum_of_bidder BEFORE INSERT ON responses
        WHEN NEW.addendum_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bid_addenda WHERE id = NEW.addendum_id AND bidder_id = NEW.bidder_id)
        BEGIN SELECT RAISE(ABORT, 'an addendum changes only its own bidder''s bid'); END;
      CREATE TRIGGER documents_addendum_of_bidder BEFORE INSERT ON documents
        WHEN NEW.addendum_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bid_addenda WHERE id = NEW.addendum_id AND bidder_id = NEW.bidder_id)
        BEGIN SELECT RAISE(ABORT, 'an addendum changes only its own bidder''s bid'); END;

      -- A sealed score revised in light of an addendum: the addendum it cites and why the score changed.
      ALTER TABLE score_entries ADD COLUMN addendum_id TEXT REFERENCES bid_addenda(id);
      ALTER TABLE score_entries ADD COLUMN revision_reason TEXT;
      -- When each criterion's sealed score was last revised: a consensus or confirmation older than that is to revisit.
      CREATE INDEX score_entries_revisions ON score_entries(evaluation_id, bidder_id, criterion_id, saved_at, addendum_id) WHERE addendum_id IS NOT NULL;

      -- An evaluator's "reviewed, no change" for an addendum: their scores stand, and the notice goes.
      CREATE TABLE addendum_reviews (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        addendum_id TEXT NOT NULL REFERENCES bid_addenda(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        reviewed_at TEXT NOT NULL,
        UNIQUE (addendum_id, evaluator_id)
      ) STRICT;
      ${appendOnly('addendum_reviews')}
    `);
    // Defence in depth, replacing migration 2's trigger: after a seal, the one score that may still be added is
    // a revision citing an addendum of the same bidder made after that seal, with a reason.
    db.exec(`
      DROP TRIGGER score_entries_after_seal;
      CREATE TRIGGER score_entries_after_seal BEFORE INSERT ON score_entries
        WHEN EXISTS (SELECT 1 FROM seals WHERE bidder_id = NEW.bidder_id AND evaluator_id = NEW.evaluator_id)
         AND NOT EXISTS (SELECT 1 FROM bid_addenda a JOIN seals s ON s.bidder_id = a.bidder_id AND s.evaluator_id = NEW.evaluator_id
                         WHERE a.id = NEW.addendum_id AND a.bidder_id = NEW.bidder_id AND a.made_at > s.sealed_at)
        BEGIN SELECT RAISE(ABORT, 'these scores are sealed'); END;
      CREATE TRIGGER score_entries_revision BEFORE INSERT ON score_entries
        WHEN (NEW.addendum_id IS NULL) <> (NEW.revision_reason IS NULL)
          OR (NEW.addendum_id IS NOT NULL AND (length(trim(NEW.revision_reason)) = 0 OR NEW.score IS NULL
              OR NOT EXISTS (SELECT 1 FROM seals WHERE bidder_id = NEW.bidder_id AND evaluator_id = NEW.evaluator_id)))
        BEGIN SELECT RAISE(ABORT, 'a revision revises a sealed score, citing an addendum, with a score and a reason'); END;
    `);
  },
};
