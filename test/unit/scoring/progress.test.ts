import { describe, expect, it } from 'vitest';
import { makeCore, refusedAndUnchanged } from '../support/core';
import { CRITERIA_COUNT, GOV_DEV, GOV_MAT, save, scoreEverything, scoringScene } from './scene';

/*
 * Evaluators see their own progress per bidder; the procurement lead and the moderator see who has
 * declared, scored and sealed what — counts and seal times only, never a score or a rationale.
 */

describe('an evaluator’s own progress', () => {
  it('counts scored criteria per bidder and shows where they stand with each', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV }));
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_MAT, score: null, rationale: 'Thinking…' }));
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: 'managing-resources/thriving', score: 1 }));
    expect(await t.call(s.a.id, 'scoring.myProgress', { evaluationId: s.evaluationId })).toEqual([
      { bidderId: s.bidder.id, bidderName: 'Wandle Health Alliance', access: 'clear', scored: 2, criteria: CRITERIA_COUNT, sealedAt: null },
      { bidderId: s.other.id, bidderName: 'Riverside Partnership', access: 'clear', scored: 0, criteria: CRITERIA_COUNT, sealedAt: null },
    ]);
    expect((await t.call(s.c.id, 'scoring.myProgress', { evaluationId: s.evaluationId })).map((p) => p.access)).toEqual(['undeclared', 'undeclared']);
  });

  it('reports the seal time once sealed', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    const { sealedAt } = await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    const [first] = await t.call(s.a.id, 'scoring.myProgress', { evaluationId: s.evaluationId });
    expect(first).toMatchObject({ scored: CRITERIA_COUNT, sealedAt });
  });

  it('is for evaluators only', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    expect((await refusedAndUnchanged(t, s.lead.id, 'scoring.myProgress', { evaluationId: s.evaluationId })).code).toBe('FORBIDDEN');
  });
});

describe('panel progress', () => {
  it('shows the lead every moderator and evaluator × bidder: declared, scored n of N, sealed at', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    const { sealedAt } = await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    await t.call(s.b.id, 'scoring.save', save(s, { criterionId: GOV_DEV, score: 4 }));
    const progress = await t.call(s.lead.id, 'panel.progress', { evaluationId: s.evaluationId });
    const row = (personId: string) => progress.find((p) => p.personId === personId)!;
    expect(progress.map((p) => [p.name, p.role])).toEqual([
      ['Mo Moderator', 'moderator'],
      ['Eva Evaluator', 'evaluator'],
      ['Evan Evaluator', 'evaluator'],
      ['Eve Evaluator', 'evaluator'],
    ]);
    expect(row(s.a.id).bidders).toEqual([
      { bidderId: s.bidder.id, bidderName: 'Wandle Health Alliance', access: 'clear', scored: 12, criteria: 12, sealedAt },
      { bidderId: s.other.id, bidderName: 'Riverside Partnership', access: 'clear', scored: 0, criteria: 12, sealedAt: null },
    ]);
    expect(row(s.b.id).bidders[0]).toMatchObject({ scored: 1, sealedAt: null });
    expect(row(s.c.id).bidders.map((b) => b.access)).toEqual(['undeclared', 'undeclared']);
    expect(row(s.moderator.id).bidders.map((b) => [b.access, b.scored])).toEqual([
      ['clear', 0],
      ['recused', 0],
    ]);
  });

  it('never carries a score or a rationale, to the lead or to a moderator recused from a bidder', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    for (const bidderId of [s.bidder.id, s.other.id]) {
      await t.call(s.b.id, 'scoring.save', { ...save(s, { criterionId: GOV_DEV, rationale: 'B-SECRET-RATIONALE' }), bidderId });
    }
    for (const actor of [s.lead.id, s.moderator.id]) {
      const progress = await t.call(actor, 'panel.progress', { evaluationId: s.evaluationId });
      expect(JSON.stringify(progress)).not.toContain('B-SECRET');
      // The recused moderator still sees counts for the bidder they are recused from: process, not content.
      expect(progress.find((p) => p.personId === s.b.id)!.bidders.map((b) => b.scored)).toEqual([1, 1]);
      for (const person of progress)
        for (const b of person.bidders) expect(Object.keys(b).sort()).toEqual(['access', 'bidderId', 'bidderName', 'criteria', 'scored', 'sealedAt']);
    }
  });

  it('is refused to evaluators', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    expect(await refusedAndUnchanged(t, s.a.id, 'panel.progress', { evaluationId: s.evaluationId })).toEqual({
      code: 'FORBIDDEN',
      message: 'Only the procurement lead or moderator can do this; you are an evaluator.',
    });
  });
});
