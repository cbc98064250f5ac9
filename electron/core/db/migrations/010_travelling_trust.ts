import { randomBytes } from 'node:crypto';
import { appendOnly } from './append-only';
import type { Migration } from './index';

export const travellingTrust: Migration = {
  name: 'installation secrets (pack signing key, audit MAC key) and the pack signer pinned per evaluation',
  up(db) {
    db.exec(`
      -- Secrets this installation made for itself, created once (here) and never changed:
      -- 'pack-signing-key' (Ed25519 secret key that signs every pack made here) and 'audit-mac-key'
      -- (the HMAC key under which unsealed score saves are recorded in the audit trail). No method returns
      -- them; whoever can read this file can read the scores themselves, so they add no new exposure.
      CREATE TABLE installation_secrets (
        name TEXT PRIMARY KEY CHECK (name IN ('pack-signing-key', 'audit-mac-key')),
        value BLOB NOT NULL CHECK (length(value) = 32),
        created_at TEXT NOT NULL
      ) STRICT;
      ${appendOnly('installation_secrets')}

      -- On an evaluator's installation: the public key that signed the first pack of an evaluation opened
      -- here. Every later pack for that evaluation must be signed by the same key.
      CREATE TABLE pack_signers (
        evaluation_id TEXT PRIMARY KEY REFERENCES evaluations(id),
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        first_pack_id TEXT NOT NULL,
        pinned_at TEXT NOT NULL,
        pinned_by TEXT NOT NULL REFERENCES people(id)
      ) STRICT;
      ${appendOnly('pack_signers')}
    `);
    const add = db.prepare('INSERT INTO installation_secrets (name, value, created_at) VALUES (?, ?, ?)');
    for (const name of ['pack-signing-key', 'audit-mac-key']) add.run(name, randomBytes(32), new Date().toISOString());
  },
};
