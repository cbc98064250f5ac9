import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { WRITTEN_AT_VERSION } from './fixtures/history';

const testFiles = readdirSync(__dirname).filter((f) => f.endsWith('.test.ts'));
const number = (version: number) => String(version).padStart(3, '0');

describe('every migration is tested from the version before it, with data', () => {
  it('has a test file NNN-….test.ts for each migration after the first', () => {
    const untested = MIGRATIONS.map((m, i) => ({ version: i + 1, name: m.name }))
      .slice(1)
      .filter(({ version }) => !testFiles.some((f) => f.startsWith(`${number(version)}-`)))
      .map(
        ({ version, name }) =>
          `migration ${version} (${name}): add test/unit/migrations/${number(version)}-….test.ts, starting from databaseUsedUpTo(${version - 1})`,
      );
    expect(untested).toEqual([]);
  });

  it('knows what the app wrote at every version a migration starts from', () => {
    const missing = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1)
      .filter((version) => !WRITTEN_AT_VERSION[version - 1])
      .map((version) => `version ${version}: add fixtures/version-${String(version).padStart(2, '0')}.ts to WRITTEN_AT_VERSION`);
    expect(missing).toEqual([]);
  });
});
