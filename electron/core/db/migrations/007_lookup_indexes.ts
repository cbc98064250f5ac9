import type { Migration } from './index';

export const lookupIndexes: Migration = {
  name: 'index the "superseded by" lookup of declarations',
  up(db) {
    // listDeclarations finds each declaration's successor; without this it scanned the whole register per row.
    db.exec('CREATE INDEX declarations_supersedes ON declarations(supersedes)');
  },
};
