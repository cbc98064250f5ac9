import { appendOnly } from './append-only';
import type { Migration } from './index';

export const identity: Migration = {
  name: 'signed-in profiles: passphrases, the installation administrator, sign-in attempts, passphrase resets, installation settings',
  up(db) {
    db.exec(`
      -- Every passphrase a person has had, newest last; the latest row is the one that signs in.
      -- Only a hash is kept (scrypt, with its parameters on the row so they can be raised later).
      CREATE TABLE credentials (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL REFERENCES people(id),
        kdf TEXT NOT NULL CHECK (kdf = 'scrypt'),
        log_n INTEGER NOT NULL CHECK (log_n BETWEEN 10 AND 20),
        r INTEGER NOT NULL CHECK (r BETWEEN 1 AND 32),
        p INTEGER NOT NULL CHECK (p BETWEEN 1 AND 16),
        salt TEXT NOT NULL,
        hash TEXT NOT NULL,
        -- 'chosen' by the person; 'reset' set by the administrator, to be replaced at the next sign-in.
        kind TEXT NOT NULL CHECK (kind IN ('chosen', 'reset')),
        set_at TEXT NOT NULL,
        set_by TEXT REFERENCES people(id)
      ) STRICT;
      CREATE INDEX credentials_latest ON credentials(person_id, seq);
      ${appendOnly('credentials')}

      -- Who administers this installation: the latest row. The first profile added here (not a demo one)
      -- is the first administrator; handing the role on adds a row.
      CREATE TABLE administrators (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL REFERENCES people(id),
        since TEXT NOT NULL,
        granted_by TEXT REFERENCES people(id),
        reason TEXT NOT NULL
      ) STRICT;
      ${appendOnly('administrators')}

      -- Every sign-in attempt, so wrong passphrases are slowed down and the person is told of them.
      CREATE TABLE sign_in_attempts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL REFERENCES people(id),
        at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('signed-in', 'wrong-passphrase', 'too-soon'))
      ) STRICT;
      CREATE INDEX sign_in_attempts_person ON sign_in_attempts(person_id, seq);
      ${appendOnly('sign_in_attempts')}

      -- A reset withholds the person's unsealed drafts saved up to this score entry (from everyone,
      -- the person included): whoever knows the reset passphrase learns nothing they had written.
      CREATE TABLE passphrase_resets (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        person_id TEXT NOT NULL REFERENCES people(id),
        reset_at TEXT NOT NULL,
        reset_by TEXT NOT NULL REFERENCES people(id),
        withheld_up_to INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX passphrase_resets_person ON passphrase_resets(person_id, withheld_up_to);
      ${appendOnly('passphrase_resets')}

      -- Installation settings, one versioned document per save (the latest row counts).
      CREATE TABLE installation_settings (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        idle_minutes INTEGER NOT NULL CHECK (idle_minutes BETWEEN 1 AND 240),
        saved_at TEXT NOT NULL,
        saved_by TEXT REFERENCES people(id)
      ) STRICT;
      ${appendOnly('installation_settings')}

      -- Profiles the demo made: they never administer the installation.
      CREATE TABLE demo_people (person_id TEXT PRIMARY KEY REFERENCES people(id)) STRICT;
      ${appendOnly('demo_people')}
    `);
    // Installations from before signed-in profiles: the demo's people are known by their names.
    db.exec(`INSERT INTO demo_people (person_id) SELECT id FROM people WHERE name LIKE '% (demo)'`);
  },
};
