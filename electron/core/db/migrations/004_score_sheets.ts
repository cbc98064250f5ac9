import { appendOnly } from './append-only';
import type { Migration } from './index';

export const scoreSheets: Migration = {
  name: 'Excel score sheets: the server-side record of every generated sheet',
  up(db) {
    db.exec(`
      -- One row per generated score sheet. An import must match one of these: same evaluation and
      -- evaluator, the same structure (fingerprint over sheet names, bidder ids and criterion ids) and
      -- a metadata check value (HMAC) made with this row's key, which never leaves the database.
      CREATE TABLE score_sheets (
        id TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        layout TEXT NOT NULL,
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        mac_key TEXT NOT NULL CHECK (length(mac_key) = 64),
        generated_at TEXT NOT NULL,
        generated_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX score_sheets_by_evaluator ON score_sheets(evaluation_id, evaluator_id);
      ${appendOnly('score_sheets')}
    `);
  },
};
