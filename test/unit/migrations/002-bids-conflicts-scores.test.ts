import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { at, BIDDERS, CRITERIA, EVALUATION, EVALUATORS, LEAD, PEOPLE, WANDLE } from './fixtures/cast';
import { writtenAtVersion2 } from './fixtures/version-02';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { count, expectAppendOnly, expectEverythingKept, indexColumns, snapshot } from './support/inspect';

const NEW_TABLES = ['blobs', 'documents', 'responses', 'declarations', 'mitigations', 'score_entries', 'seals', 'status_changes'];

describe('migration 2: bids, conflict-of-interest declarations, scores and seals', () => {
  it('keeps a set-up evaluation of version 1 and gives it append-only bids, declarations, scores and seals', () => {
    const { db } = databaseUsedUpTo(1);
    const before = snapshot(db);

    migrate(db, { to: 2 });

    expect(userVersion(db)).toBe(2);
    expectEverythingKept(db, before);
    expect(count(db, 'people')).toBe(PEOPLE.length);
    expect(count(db, 'bidders', `evaluation_id = '${EVALUATION}'`)).toBe(BIDDERS.length);
    expect(indexColumns(db, 'score_entries_latest')).toEqual(['evaluator_id', 'bidder_id', 'criterion_id', 'seq']);
    expect(indexColumns(db, 'declarations_by_person')).toEqual(['evaluation_id', 'person_id', 'bidder_id', 'seq']);
    expect(indexColumns(db, 'responses_latest')).toEqual(['bidder_id', 'area_id', 'seq']);

    // Version 2 uses them on the bidders and people version 1 recorded.
    db.transaction(() => writtenAtVersion2(db)).immediate();
    for (const table of NEW_TABLES) expectAppendOnly(db, table);
  });

  it('refuses any further score from an evaluator who has sealed the bidder', () => {
    const { db } = databaseUsedUpTo(2);
    const sealed = count(db, 'score_entries', `evaluator_id = '${EVALUATORS[0]}' AND bidder_id = '${WANDLE}'`);
    expect(() =>
      db
        .prepare(
          `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at)
           VALUES (?, ?, ?, ?, 5, 'A late change of mind.', '[]', '{}', 'app', ?)`,
        )
        .run(EVALUATION, WANDLE, EVALUATORS[0], CRITERIA[0], at(2, 59)),
    ).toThrow('these scores are sealed');
    expect(count(db, 'score_entries', `evaluator_id = '${EVALUATORS[0]}' AND bidder_id = '${WANDLE}'`)).toBe(sealed);
  });

  it('holds each evidence document once, checked by its SHA-256, and refuses a document of an unknown bidder', () => {
    const { db } = databaseUsedUpTo(2);
    const data = Buffer.from('an appendix');
    expect(() => db.prepare('INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run('not a hash', data.length, data)).toThrow(
      /CHECK constraint/,
    );
    const sha = createHash('sha256').update(data).digest('hex');
    db.prepare('INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)').run(sha, data.length, data);
    expect(() =>
      db
        .prepare('INSERT INTO documents (id, bidder_id, sha256, file_name, media_type, size, received_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run('document-of-nobody', 'bidder-who-never-bid', sha, 'Appendix.pdf', 'application/pdf', data.length, at(2, 0), LEAD),
    ).toThrow(/FOREIGN KEY constraint/);
  });
});
