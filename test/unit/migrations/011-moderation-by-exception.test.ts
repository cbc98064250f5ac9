import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../electron/core/audit/chain';
import { migrate } from '../../../electron/core/db/migrate';
import { at, CRITERIA, EVALUATION, EVALUATORS, LEAD, MODERATOR, MORDEN, WANDLE } from './fixtures/cast';
import { writtenAtVersion11 } from './fixtures/version-11';
import { databaseUsedUpTo, userVersion } from './support/historic-database';
import { expectAppendOnly, expectEverythingKept, indexColumns, queryPlan, snapshot } from './support/inspect';

const countedOf = (db: ReturnType<typeof databaseUsedUpTo>['db']) =>
  db.prepare('SELECT id, counted_evaluators FROM consensus_versions ORDER BY seq').all() as { id: string; counted_evaluators: string }[];

describe('migration 11: moderation by exception, the scores behind each consensus, and decisions on a removed evaluator’s scores', () => {
  it('keeps a version 10 database and gives each earlier consensus version the evaluators who had sealed by then', () => {
    const { db } = databaseUsedUpTo(10);
    const before = snapshot(db);

    migrate(db, { to: 11 });

    expect(userVersion(db)).toBe(11);
    expectEverythingKept(db, before);
    expect(verifyChain(db).ok).toBe(true);
    // Wandle was sealed by all three in version 2, before any consensus; Morden's consensus (version 8)
    // came after Eva sealed it through her score sheet in version 5.
    const counted = countedOf(db);
    expect(counted.length).toBeGreaterThan(0);
    for (const row of counted) expect(JSON.parse(row.counted_evaluators).sort(), row.id).toEqual([...EVALUATORS].sort());
    expectAppendOnly(db, 'consensus_versions');
  });

  it('gives a consensus recorded before anyone sealed an empty list, never a guess', () => {
    const { db } = databaseUsedUpTo(10);
    const trigger = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'consensus_versions_no_update'").get() as { sql: string }).sql;
    db.exec('DROP TRIGGER consensus_versions_no_update');
    db.prepare("UPDATE consensus_versions SET recorded_at = ? WHERE id = 'consensus-wandle-c0-v1'").run(at(1, 0));
    db.exec(trigger);
    migrate(db, { to: 11 });
    expect(countedOf(db).find((r) => r.id === 'consensus-wandle-c0-v1')!.counted_evaluators).toBe('[]');
  });

  it('keeps confirmations and the lead’s decisions on removed evaluators append-only, and checks what they hold', () => {
    const { db } = databaseUsedUpTo(10);
    migrate(db, { to: 11 });
    db.transaction(() => writtenAtVersion11(db)).immediate();
    expect(verifyChain(db).ok).toBe(true);
    expectAppendOnly(db, 'agreed_confirmations');
    const decide = db.prepare('INSERT INTO panel_score_decisions (evaluation_id, evaluator_id, scores_count, reason, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)');
    decide.run(EVALUATION, EVALUATORS[2], 0, 'Left the council.', at(11, 1), LEAD);
    expectAppendOnly(db, 'panel_score_decisions');
    expect(() => decide.run(EVALUATION, EVALUATORS[2], 2, 'Maybe', at(11, 2), LEAD)).toThrow(/CHECK constraint/);
    expect(() => decide.run(EVALUATION, 'person-nobody', 1, 'Unknown', at(11, 2), LEAD)).toThrow(/FOREIGN KEY constraint/);
    const confirm = db.prepare(
      `INSERT INTO agreed_confirmations (id, evaluation_id, bidder_id, criterion_id, score, counted_evaluators, note, confirmed_at, confirmed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    expect(() => confirm.run('confirmation-morden-c4', EVALUATION, MORDEN, CRITERIA[4]!, 3, '[]', 'Again', at(11, 3), MODERATOR)).toThrow(/UNIQUE constraint/);
    expect(() => confirm.run('confirmation-x', EVALUATION, 'bidder-nobody', CRITERIA[4]!, 3, '[]', 'x', at(11, 3), MODERATOR)).toThrow(/FOREIGN KEY constraint/);
  });

  it('reads who sealed, per evaluation, and the latest mitigation per declaration, from their new indexes', () => {
    const { db } = databaseUsedUpTo(10);
    migrate(db, { to: 11 });
    expect(indexColumns(db, 'seals_by_evaluation')).toEqual(['evaluation_id', 'bidder_id', 'evaluator_id']);
    expect(queryPlan(db, 'SELECT bidder_id, evaluator_id FROM seals WHERE evaluation_id = ?', EVALUATION)).toEqual([
      'SEARCH seals USING COVERING INDEX seals_by_evaluation (evaluation_id=?)',
    ]);
    expect(queryPlan(db, 'SELECT decision FROM mitigations WHERE declaration_id = ? ORDER BY seq DESC LIMIT 1', 'x').join('\n')).toMatch(/SEARCH mitigations USING INDEX mitigations_latest/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM seals WHERE evaluation_id = ? AND bidder_id = ?').get(EVALUATION, WANDLE)).toEqual({ n: 3 });
  });
});
