import { describe, expect, it } from 'vitest';
import type { Params } from '../../../shared/api/contract';
import { evaluationWithPanel, makeCore, queryRows, refusedAndUnchanged } from '../support/core';
import { declare, GOV_DEV, GOV_MAT, RATIONALE, save, scoringScene, TC_DEV } from './scene';

/*
 * Eve (evaluator A) scores the Wandle Health Alliance bid criterion by criterion. Each save — typed,
 * autosaved or "save and next" — is kept as history; the core refuses anything that is not a real
 * criterion, a point on the published scale, one of the bidder's documents or one of the criterion's
 * evidence indicators, and then changes nothing at all.
 */

const rowsOf = (file: string) =>
  queryRows<{ evaluator_id: string; criterion_id: string; provenance: string; saved_at: string }>(file, 'SELECT * FROM score_entries ORDER BY seq');

describe('an evaluator saves a score', () => {
  it('keeps every save as history, stamped with who, when and provenance "app"', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const first = await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV, score: 2, rationale: 'Draft' }));
    const second = await t.call(
      s.a.id,
      'scoring.save',
      save(s, {
        criterionId: GOV_DEV,
        score: 3,
        evidenceRefs: [{ documentId: s.document, location: ' p. 4, section 2.1 ' }],
        indicatorMarks: { 'gl-dev-02': 'partly', 'gl-dev-01': 'evidenced' },
      }),
    );
    expect(first).toMatchObject({ criterionId: GOV_DEV, score: 2, rationale: 'Draft', provenance: 'app' });
    expect(second).toMatchObject({ score: 3, evidenceRefs: [{ documentId: s.document, location: 'p. 4, section 2.1' }], provenance: 'app' });
    expect(Date.parse(second.savedAt)).toBeGreaterThanOrEqual(Date.parse(first.savedAt));

    const history = await t.call(s.a.id, 'scoring.history', { evaluationId: s.evaluationId, bidderId: s.bidder.id, criterionId: GOV_DEV });
    expect(history).toEqual([first, second]);
    const mine = await t.call(s.a.id, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(mine).toEqual({ scores: [second], sealedAt: null });

    const rows = rowsOf(t.core.databaseFile);
    expect(rows.map((r) => [r.evaluator_id, r.criterion_id, r.provenance, r.saved_at])).toEqual([
      [s.a.id, GOV_DEV, 'app', first.savedAt],
      [s.a.id, GOV_DEV, 'app', second.savedAt],
    ]);
    expect(queryRows(t.core.databaseFile, `SELECT actor_id, method FROM audit_log WHERE method = 'scoring.save'`)).toEqual([
      { actor_id: s.a.id, method: 'scoring.save' },
      { actor_id: s.a.id, method: 'scoring.save' },
    ]);
  });

  it('adds no history when an autosave repeats the current entry (marks in any order)', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const params = save(s, { criterionId: GOV_DEV, indicatorMarks: { 'gl-dev-01': 'evidenced', 'gl-dev-02': 'partly' } });
    const saved = await t.call(s.a.id, 'scoring.save', params);
    const again = await t.call(s.a.id, 'scoring.save', { ...params, indicatorMarks: { 'gl-dev-02': 'partly', 'gl-dev-01': 'evidenced' } });
    expect(again).toEqual(saved);
    expect(rowsOf(t.core.databaseFile)).toHaveLength(1);
    await t.call(s.a.id, 'scoring.save', { ...params, rationale: `${RATIONALE} More.` });
    expect(rowsOf(t.core.databaseFile)).toHaveLength(2);
  });

  it('accepts a draft without a score, and marks on nested evidence indicators', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const draft = await t.call(
      s.a.id,
      'scoring.save',
      save(s, { criterionId: TC_DEV, score: null, rationale: '', indicatorMarks: { 'tc-dev-01-03': 'not-evidenced', 'tc-dev-01': 'partly' } }),
    );
    expect(draft).toMatchObject({ score: null, rationale: '', indicatorMarks: { 'tc-dev-01': 'partly', 'tc-dev-01-03': 'not-evidenced' } });
  });

  it.each<[string, Partial<Params<'scoring.save'>> & { criterionId: string }, string, string]>([
    ['a score off the scale', { criterionId: GOV_DEV, score: 7 }, 'score', '7 is not a point on the scoring scale (0, 1, 2, 3, 4, 5)'],
    [
      'an unknown criterion',
      { criterionId: 'governance-and-leadership/someday' },
      'criterionId',
      '“governance-and-leadership/someday” is not a criterion',
    ],
    [
      'an indicator of another criterion',
      { criterionId: GOV_DEV, indicatorMarks: { 'gl-mat-01': 'evidenced' } },
      'indicatorMarks.gl-mat-01',
      '“gl-mat-01” is not an evidence indicator of this criterion',
    ],
  ])('refuses %s and changes nothing', async (_what, change, path, message) => {
    const t = makeCore();
    const s = await scoringScene(t);
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV }));
    const error = await refusedAndUnchanged(t, s.a.id, 'scoring.save', save(s, change));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toContain(message);
    expect(error.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('refuses an evidence reference to another bidder’s document, or to no document, and changes nothing', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    for (const documentId of [s.otherDocument, 'no-such-document']) {
      const error = await refusedAndUnchanged(
        t,
        s.a.id,
        'scoring.save',
        save(s, {
          criterionId: GOV_MAT,
          evidenceRefs: [
            { documentId: s.document, location: 'p. 1' },
            { documentId, location: 'p. 2' },
          ],
        }),
      );
      expect(error).toMatchObject({
        code: 'RULE_VIOLATION',
        issues: [{ path: 'evidenceRefs.1.documentId', message: 'an evidence reference cites a document that is not one of this bidder’s documents' }],
      });
    }
  });

  it('refuses anyone but an evaluator: the lead and the moderator do not score', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    expect(await refusedAndUnchanged(t, s.lead.id, 'scoring.save', save(s, { criterionId: GOV_DEV }))).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the evaluator can do this; you are a procurement lead.',
    });
    expect((await refusedAndUnchanged(t, s.moderator.id, 'scoring.save', save(s, { criterionId: GOV_DEV }))).code).toBe('FORBIDDEN');
    expect((await refusedAndUnchanged(t, s.outsider.id, 'scoring.save', save(s, { criterionId: GOV_DEV }))).code).toBe('FORBIDDEN');
  });

  it('refuses an evaluator who has not declared, or who is recused, and changes nothing', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const undeclared = await refusedAndUnchanged(t, s.c.id, 'scoring.save', save(s, { criterionId: GOV_DEV }));
    expect(undeclared).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('Declare any conflicts of interest') });
    expect((await refusedAndUnchanged(t, s.c.id, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.bidder.id })).code).toBe('FORBIDDEN');
    declare(t, s.evaluationId, s.c.id, s.bidder.id, 'actual');
    const recused = await refusedAndUnchanged(t, s.c.id, 'scoring.save', save(s, { criterionId: GOV_DEV }));
    expect(recused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('recused') });
  });

  it('refuses a bidder of another evaluation as not found', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const error = await refusedAndUnchanged(t, s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV, bidderId: 'not-a-bidder-of-this' }));
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'There is no such bidder in this evaluation.' });
  });

  it('refuses scores before the evaluation is open for scoring', async () => {
    const t = makeCore();
    const s = await evaluationWithPanel(t);
    declare(t, s.evaluation.id, s.evaluators[0].id, s.bidder.id);
    const error = await refusedAndUnchanged(t, s.evaluators[0].id, 'scoring.save', {
      evaluationId: s.evaluation.id,
      bidderId: s.bidder.id,
      criterionId: GOV_DEV,
      score: 3,
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: {},
    });
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('not open for scoring yet') });
  });
});
