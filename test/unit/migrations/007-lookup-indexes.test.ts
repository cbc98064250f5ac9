import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { DECLARATION_SUPERSEDED } from './fixtures/version-02';
import { writtenAtVersion7 } from './fixtures/version-07';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { expectEverythingKept, indexColumns, queryPlan, snapshot } from './support/inspect';

const SUCCESSOR = 'SELECT id FROM declarations WHERE supersedes = ?';

describe('migration 7: the "superseded by" lookup of declarations is indexed', () => {
  it('keeps the declarations register of version 6 and finds each declaration’s successor through an index instead of scanning the register', () => {
    const { db } = databaseUsedUpTo(6);
    const before = snapshot(db);
    expect(queryPlan(db, SUCCESSOR, DECLARATION_SUPERSEDED)).toEqual(['SCAN declarations']);

    migrate(db, { to: 7 });

    expect(userVersion(db)).toBe(7);
    expectEverythingKept(db, before);
    expect(indexColumns(db, 'declarations_supersedes')).toEqual(['supersedes']);
    expect(queryPlan(db, SUCCESSOR, DECLARATION_SUPERSEDED).join('\n')).toMatch(
      /^SEARCH declarations USING (COVERING )?INDEX declarations_supersedes \(supersedes=\?\)/,
    );
    expect(db.prepare(SUCCESSOR).all(DECLARATION_SUPERSEDED)).toEqual([{ id: 'declaration-evan-morden-second' }]);

    // Declarations written after the migration are found the same way.
    db.transaction(() => writtenAtVersion7(db)).immediate();
    expect(db.prepare(SUCCESSOR).all('declaration-person-mo-moderator-member-morden-council')).toEqual([
      { id: 'declaration-mo-morden-council-second' },
    ]);
  });
});
