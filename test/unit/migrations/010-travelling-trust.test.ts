import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/audit/chain';
import { migrate } from '../../../electron/core/db/migrate';
import { at, EVALUATORS } from './fixtures/cast';
import { INSTALLED_PACK } from './fixtures/version-06';
import { writtenAtVersion10 } from './fixtures/version-10';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { expectAppendOnly, expectEverythingKept, snapshot } from './support/inspect';

interface Secret {
  name: string;
  value: Buffer;
  created_at: string;
}
const secretsOf = (db: ReturnType<typeof databaseUsedUpTo>['db']) =>
  db.prepare('SELECT name, value, created_at FROM installation_secrets ORDER BY name').all() as Secret[];

describe('migration 10: installation secrets and the pack signer pinned per evaluation', () => {
  it('keeps a version 9 database and makes this installation its own pack-signing key and audit MAC key, once, never to change', () => {
    const { db } = databaseUsedUpTo(9);
    const before = snapshot(db);
    const started = new Date().toISOString();

    migrate(db, { to: 10 });

    expect(userVersion(db)).toBe(10);
    expectEverythingKept(db, before);
    expect(verifyChain(db).ok).toBe(true);
    const secrets = secretsOf(db);
    expect(secrets.map((s) => s.name)).toEqual(['audit-mac-key', 'pack-signing-key']);
    for (const s of secrets) {
      expect(s.value).toHaveLength(32);
      expect(s.created_at >= started && s.created_at <= new Date().toISOString()).toBe(true);
    }
    expect(secrets[0]!.value.equals(secrets[1]!.value)).toBe(false);
    expectAppendOnly(db, 'installation_secrets');
    expect(() =>
      db.prepare('INSERT INTO installation_secrets (name, value, created_at) VALUES (?, ?, ?)').run('pack-signing-key', randomBytes(32), at(10, 1)),
    ).toThrow(/UNIQUE constraint/);
    expect(() =>
      db.prepare('INSERT INTO installation_secrets (name, value, created_at) VALUES (?, ?, ?)').run('backup-key', randomBytes(32), at(10, 1)),
    ).toThrow(/CHECK constraint/);
  });

  it('gives two installations upgraded from the same version different secrets', () => {
    const [one, two] = [databaseUsedUpTo(9).db, databaseUsedUpTo(9).db];
    migrate(one, { to: 10 });
    migrate(two, { to: 10 });
    const [a, b] = [secretsOf(one), secretsOf(two)];
    a.forEach((secret, i) => expect(secret.value.equals(b[i]!.value)).toBe(false));
  });

  it('pins the signer of an evaluation once: the pin is never edited, and a second pin for the evaluation is refused', () => {
    const { db } = databaseUsedUpTo(9);
    migrate(db, { to: 10 });
    db.transaction(() => writtenAtVersion10(db)).immediate();
    expectAppendOnly(db, 'pack_signers');
    const pin = db.prepare('INSERT INTO pack_signers (evaluation_id, public_key, first_pack_id, pinned_at, pinned_by) VALUES (?, ?, ?, ?, ?)');
    expect(() => pin.run('evaluation-community-2026', randomBytes(32), INSTALLED_PACK, at(10, 2), EVALUATORS[0])).toThrow(/UNIQUE constraint/);
    expect(() => pin.run('evaluation-never-made', randomBytes(32), INSTALLED_PACK, at(10, 2), EVALUATORS[0])).toThrow(/FOREIGN KEY constraint/);
    expect(() => pin.run('evaluation-never-made', randomBytes(31), INSTALLED_PACK, at(10, 2), EVALUATORS[0])).toThrow(/CHECK constraint/);
  });
});
