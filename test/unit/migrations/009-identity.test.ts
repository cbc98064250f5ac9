import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/audit/chain';
import { migrate } from '../../../electron/core/db/migrate';
import { at, DEMO_PEOPLE, LEAD } from './fixtures/cast';
import { writtenAtVersion9 } from './fixtures/version-09';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { expectAppendOnly, expectEverythingKept, snapshot } from './support/inspect';

const NEW_TABLES = ['credentials', 'administrators', 'sign_in_attempts', 'passphrase_resets', 'installation_settings', 'demo_people'];

describe('migration 9: signed-in profiles', () => {
  it('keeps a version 8 database and knows the demo’s profiles by their " (demo)" names, and no one else', () => {
    const { db } = databaseUsedUpTo(8);
    const before = snapshot(db);

    migrate(db, { to: 9 });

    expect(userVersion(db)).toBe(9);
    expectEverythingKept(db, before);
    expect(verifyChain(db).ok).toBe(true);
    const demo = (db.prepare('SELECT person_id FROM demo_people ORDER BY person_id').all() as { person_id: string }[]).map((r) => r.person_id);
    expect(demo).toEqual([...DEMO_PEOPLE].sort());
  });

  it('keeps passphrases, the administrator, sign-in attempts, resets and installation settings append-only', () => {
    const { db } = databaseUsedUpTo(8);
    migrate(db, { to: 9 });
    db.transaction(() => writtenAtVersion9(db)).immediate();
    for (const table of NEW_TABLES) expectAppendOnly(db, table);
    expect(verifyChain(db).ok).toBe(true);
  });

  it('refuses a passphrase hash of another kind or too cheap, and an idle time out of range', () => {
    const { db } = databaseUsedUpTo(9);
    const credential = db.prepare(
      `INSERT INTO credentials (person_id, kdf, log_n, r, p, salt, hash, kind, set_at, set_by) VALUES (?, ?, ?, 8, 1, 's', 'h', 'chosen', ?, ?)`,
    );
    expect(() => credential.run(LEAD, 'md5', 14, at(9, 40), LEAD)).toThrow(/CHECK constraint/);
    expect(() => credential.run(LEAD, 'scrypt', 4, at(9, 40), LEAD)).toThrow(/CHECK constraint/);
    const idle = db.prepare('INSERT INTO installation_settings (idle_minutes, saved_at, saved_by) VALUES (?, ?, ?)');
    expect(() => idle.run(0, at(9, 41), LEAD)).toThrow(/CHECK constraint/);
    expect(() => idle.run(241, at(9, 41), LEAD)).toThrow(/CHECK constraint/);
  });
});
