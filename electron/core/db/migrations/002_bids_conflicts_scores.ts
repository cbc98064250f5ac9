import type { Migration } from './index';
import { appendOnly } from './append-only';

export const bidsConflictsScores: Migration = {
  name: 'submissions, evidence documents, conflict-of-interest declarations, scores and seals',
  up(db) {
    db.exec(`
      -- Evidence documents are stored once per content (SHA-256), inside the database.
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
      ${appendOnly('blobs')}

      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES people(id),
        UNIQUE (bidder_id, sha256)
      ) STRICT;
      ${appendOnly('documents')}

      -- A bidder's response text per capability area; each save is a new version.
      CREATE TABLE responses (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        area_id TEXT NOT NULL,
        text TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX responses_latest ON responses(bidder_id, area_id, seq);
      ${appendOnly('responses')}

      -- Conflict-of-interest declarations: never edited, only superseded by a later one.
      CREATE TABLE declarations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        member_id TEXT REFERENCES consortium_members(id),
        kind TEXT NOT NULL CHECK (kind IN ('none', 'actual', 'perceived', 'potential')),
        description TEXT NOT NULL,
        declared_at TEXT NOT NULL,
        supersedes TEXT REFERENCES declarations(id)
      ) STRICT;
      CREATE INDEX declarations_by_person ON declarations(evaluation_id, person_id, bidder_id, seq);
      ${appendOnly('declarations')}

      CREATE TABLE mitigations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        declaration_id TEXT NOT NULL REFERENCES declarations(id),
        decision TEXT NOT NULL CHECK (decision IN ('recused', 'permitted')),
        reason TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      ${appendOnly('mitigations')}

      -- Every save of an individual score is a new row; the latest per criterion is the current one.
      CREATE TABLE score_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        criterion_id TEXT NOT NULL,
        score INTEGER,
        rationale TEXT NOT NULL,
        evidence_refs TEXT NOT NULL,
        indicator_marks TEXT NOT NULL,
        provenance TEXT NOT NULL CHECK (provenance IN ('app', 'excel-import', 'score-return')),
        saved_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX score_entries_latest ON score_entries(evaluator_id, bidder_id, criterion_id, seq);
      ${appendOnly('score_entries')}

      CREATE TABLE seals (
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        sealed_at TEXT NOT NULL,
        PRIMARY KEY (bidder_id, evaluator_id)
      ) STRICT;
      ${appendOnly('seals')}

      -- Defence in depth: whatever the code above does, a sealed evaluator's scores cannot change.
      CREATE TRIGGER score_entries_after_seal BEFORE INSERT ON score_entries
        WHEN EXISTS (SELECT 1 FROM seals WHERE bidder_id = NEW.bidder_id AND evaluator_id = NEW.evaluator_id)
        BEGIN SELECT RAISE(ABORT, 'these scores are sealed'); END;

      -- When the evaluation opened for scoring (its published set-up is then fixed).
      CREATE TABLE status_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        status TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      ${appendOnly('status_changes')}
    `);
  },
};
