import { appendOnly } from './append-only';
import type { Migration } from './index';

export const initialSchema: Migration = {
  name: 'initial schema: people, frameworks, evaluations, settings, panel, bidders, audit',
  up(db) {
    db.exec(`
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE frameworks (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        built_in INTEGER NOT NULL CHECK (built_in IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES people(id)
      ) STRICT;
      CREATE UNIQUE INDEX frameworks_builtin_key ON frameworks(key) WHERE built_in = 1;

      CREATE TABLE framework_revisions (
        framework_id TEXT NOT NULL REFERENCES frameworks(id),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        body TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT REFERENCES people(id),
        PRIMARY KEY (framework_id, revision)
      ) STRICT;
      ${appendOnly('framework_revisions')}

      CREATE TABLE evaluations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        reference TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('setup', 'scoring')),
        framework_body TEXT NOT NULL,
        framework_source_id TEXT REFERENCES frameworks(id),
        framework_source_revision INTEGER,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE TRIGGER evaluations_framework_frozen BEFORE UPDATE OF framework_body ON evaluations
        BEGIN SELECT RAISE(ABORT, 'an evaluation''s framework is frozen'); END;

      CREATE TABLE evaluation_settings (
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        version INTEGER NOT NULL CHECK (version >= 1),
        body TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES people(id),
        PRIMARY KEY (evaluation_id, version)
      ) STRICT;
      ${appendOnly('evaluation_settings')}

      CREATE TABLE panel_memberships (
        id TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        person_id TEXT NOT NULL REFERENCES people(id),
        role TEXT NOT NULL CHECK (role IN ('lead', 'moderator', 'evaluator')),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES people(id),
        ended_at TEXT,
        ended_by TEXT REFERENCES people(id),
        end_reason TEXT
      ) STRICT;
      CREATE UNIQUE INDEX panel_one_active_role ON panel_memberships(evaluation_id, person_id) WHERE ended_at IS NULL;

      CREATE TABLE bidders (
        id TEXT PRIMARY KEY,
        evaluation_id TEXT NOT NULL REFERENCES evaluations(id),
        name TEXT NOT NULL,
        reference TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      CREATE INDEX bidders_by_evaluation ON bidders(evaluation_id);

      CREATE TABLE consortium_members (
        id TEXT PRIMARY KEY,
        bidder_id TEXT NOT NULL REFERENCES bidders(id),
        organisation TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('lead', 'partner', 'subcontractor')),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL REFERENCES people(id),
        removed_at TEXT,
        removed_by TEXT REFERENCES people(id),
        removal_reason TEXT
      ) STRICT;
      CREATE INDEX consortium_members_by_bidder ON consortium_members(bidder_id);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT REFERENCES people(id),
        method TEXT NOT NULL,
        evaluation_id TEXT REFERENCES evaluations(id),
        detail TEXT NOT NULL
      ) STRICT;
      ${appendOnly('audit_log')}
    `);
  },
};
