import { describe, expect, it } from 'vitest';
import { makeCore, readDatabase } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';
import { captureStatements } from './support/capture-statements';
import { describePlans, explain, stepsOn } from './support/query-plans';

const NEVER_SCANNED = ['score_entries', 'seals', 'consensus_versions'];
/** The latest sealed score values, and when a criterion's score was last revised after a bid addendum: neither reads a rationale. */
const COVERING_SCORE_INDEXES = ['score_entries_latest_score', 'score_entries_revisions'];

/*
 * The ranking and the moderation overview are the reads a moderation meeting repeats (README: Performance).
 * Whatever SQL they come to run, each statement is explained with the parameters it ran with.
 */
describe('the ranking and the moderation overview read through their indexes', () => {
  it('never scan scores, seals or consensus in full, and group sealed score values from the covering index alone', async () => {
    const t = makeCore();
    const s = await scoredDemo(t);
    const readBoth = async () => {
      await t.call(s.leadId, 'ranking.get', { evaluationId: s.evaluationId });
      await t.call(s.moderatorId, 'moderation.board', { evaluationId: s.evaluationId, summary: true });
    };
    const beforeConflict = await captureStatements(readBoth);
    // A conflict declared after sealing takes that evaluator's scores out of the count: the statements change.
    await t.call(s.evaluators[0]!.personId, 'conflicts.declare', {
      evaluationId: s.evaluationId,
      bidderId: s.bidders[1]!.id,
      memberId: null,
      kind: 'actual',
      description: 'I was a trustee of the lead organisation until last year.',
    });
    const afterConflict = await captureStatements(readBoth);

    const statements = readDatabase(t.core.databaseFile, (db) => explain(db, [...beforeConflict, ...afterConflict]));
    const plans = describePlans(statements);

    const fullScans = NEVER_SCANNED.flatMap((table) =>
      stepsOn(statements, table).filter(({ step }) => step.startsWith('SCAN ') && !step.includes(' USING COVERING INDEX ')),
    );
    expect(
      fullScans.map(({ step, statement }) => `${step}   in   ${statement.sql.replace(/\s+/g, ' ').trim().slice(0, 120)}`),
      `full scans, in these plans:\n\n${plans}`,
    ).toEqual([]);

    const scoreReads = stepsOn(statements, 'score_entries');
    expect(scoreReads.length, `no statement read score_entries:\n\n${plans}`).toBeGreaterThan(0);
    expect(
      scoreReads.filter(({ step }) => !COVERING_SCORE_INDEXES.some((index) => step.includes(`USING COVERING INDEX ${index}`))).map(({ step }) => step),
      `score_entries read other than from its covering index (rows carry rationales):\n\n${plans}`,
    ).toEqual([]);
    const grouping = scoreReads.filter(({ statement }) => /\bGROUP BY\b/i.test(statement.sql));
    expect(grouping.length, `no statement groups sealed scores in SQLite:\n\n${plans}`).toBeGreaterThan(0);
  });
});
