import { appendOnly } from './append-only';
import type { Migration } from './index';

export const exchange: Migration = {
  name: 'evaluator packs and score returns: packs issued, revoked and installed, returns imported',
  up(db) {
    db.exec(`
      -- At the moderator's installation: every pack made, with the key its score returns are sealed with.
      CREATE TABLE packs (
        id TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        return_key BLOB NOT NULL CHECK (length(return_key) = 32),
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        bytes INTEGER NOT NULL,
        -- What went in: {"withheld": [bidder ids], "documents": n}
        contents TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX packs_by_evaluation ON packs(evaluation_id, created_at);
      ${appendOnly('packs')}

      CREATE TABLE pack_revocations (
        pack_id TEXT PRIMARY KEY REFERENCES packs(id),
        reason TEXT NOT NULL,
        revoked_at TEXT NOT NULL,
        revoked_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      ${appendOnly('pack_revocations')}

      -- At the evaluator's installation: the packs opened here; the latest one keys the score return.
      CREATE TABLE pack_installs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        pack_id TEXT NOT NULL UNIQUE,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        return_key BLOB NOT NULL CHECK (length(return_key) = 32),
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        pack_created_at TEXT NOT NULL,
        issued_by TEXT NOT NULL REFERENCES people(id),
        installed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pack_installs_by_evaluation ON pack_installs(evaluation_id, seq);
      ${appendOnly('pack_installs')}

      -- At the moderator's installation: every score-return file accepted, by its SHA-256.
      CREATE TABLE return_imports (
        id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL REFERENCES packs(id),
        file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
        exported_at TEXT NOT NULL,
        declarations_added INTEGER NOT NULL,
        score_entries_added INTEGER NOT NULL,
        seals_added INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL REFERENCES people(id),
        UNIQUE (pack_id, file_sha256)
      ) STRICT;
      ${appendOnly('return_imports')}
    `);
  },
};
