import type { Db } from '../db/open';

export type SecretName = 'pack-signing-key' | 'audit-mac-key';

/** One of the installation's own secrets (made by migration 10); never returned by any method. */
export function installationSecret(db: Db, name: SecretName): Uint8Array {
  const row = db.prepare('SELECT value FROM installation_secrets WHERE name = ?').get(name) as { value: Buffer } | undefined;
  if (!row) throw new Error(`the installation secret ${name} is missing`);
  return new Uint8Array(row.value);
}
