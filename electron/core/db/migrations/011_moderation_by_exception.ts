import { appendOnly } from './append-only';
import type { Migration } from './index';

export const moderationByException: Migration = {
  name: 'confirmed agreed scores, the counted scores behind each consensus, decisions on a removed evaluator’s scores, and indexes for who sealed and the latest mitigation',
  up(db) {
    db.exec(`
      -- Whose sealed scores counted when a consensus was recorded (JSON array of evaluator ids): a consensus
      -- recorded with a score that no longer counts is to be revisited. Earlier versions are given every
      -- evaluator who had sealed the bidder by then, which is what the board showed the panel.
      ALTER TABLE consensus_versions ADD COLUMN counted_evaluators TEXT;
    `);
    db.exec(`
      DROP TRIGGER consensus_versions_no_update;
      UPDATE consensus_versions SET counted_evaluators = (
        SELECT json_group_array(s.evaluator_id) FROM seals s
        WHERE s.bidder_id = consensus_versions.bidder_id AND s.sealed_at <= consensus_versions.recorded_at);
      CREATE TRIGGER consensus_versions_no_update BEFORE UPDATE ON consensus_versions BEGIN SELECT RAISE(ABORT, 'consensus_versions is append-only'); END;

      -- A moderator's confirmation that the evaluators' agreed score stands for a criterion that is not flagged.
      CREATE TABLE agreed_confirmations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        criterion_id TEXT NOT NULL,
        score REAL NOT NULL,
        counted_evaluators TEXT NOT NULL,
        note TEXT NOT NULL,
        confirmed_at TEXT NOT NULL,
        confirmed_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX agreed_confirmations_latest ON agreed_confirmations(evaluation_id, bidder_id, criterion_id, seq);
      ${appendOnly('agreed_confirmations')}

      -- The procurement lead's decision, on removing an evaluator who had sealed, whether their sealed scores count.
      CREATE TABLE panel_score_decisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        evaluator_id TEXT NOT NULL REFERENCES people(id),
        scores_count INTEGER NOT NULL CHECK (scores_count IN (0, 1)),
        reason TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX panel_score_decisions_by_evaluation ON panel_score_decisions(evaluation_id, evaluator_id, seq);
      ${appendOnly('panel_score_decisions')}

      -- Who has sealed, per evaluation: every read of the scores that count starts here.
      CREATE INDEX seals_by_evaluation ON seals(evaluation_id, bidder_id, evaluator_id);
      -- The latest decision on a declared conflict, read for every declaration when recusals are worked out.
      CREATE INDEX mitigations_latest ON mitigations(declaration_id, seq);
    `);
  },
};
