import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { CRITERIA, DEVELOPING_RULE, flagList, GOV_DEV, GOV_MAT, rankingScene, scoreAndSeal } from './scene';

/*
 * Mean aggregation, ties broken by the higher Developing sub-total, a Developing minimum of 2.
 * A point is worth 2 percentage points on a Developing or Maturing criterion and 1 on a Thriving one
 * (see scene.ts), so a bidder scoring s everywhere totals 20 × s.
 *
 *  Wandle: 4 from everyone, except Governance — Maturing where A, B and C give 3, 4, 5 (mean 4).
 *    Per area 10 × 4/5 + 10 × 4/5 + 5 × 4/5 = 8 + 8 + 4 = 20 → total 80; Developing 32 of 40,
 *    Maturing 32 of 40, Thriving 16 of 20.
 *  Beacon: Developing 5, Maturing 3, Thriving 4 from everyone. Per area 10 + 6 + 4 = 20 → total 80;
 *    Developing 40, Maturing 24, Thriving 16. Equal with Wandle: the higher Developing sub-total
 *    (40 against 32) puts Beacon first.
 *  Cedar: 5 from everyone, except Governance — Developing where A, B and C give 1, 2, 2: mean 5/3 →
 *    100 − 10 × (5 − 5/3)/5 = 100 − 20/3 = 93.333…, the highest total, but below 2 on a Developing
 *    criterion: it fails the threshold.
 */
describe('ranking by the mean of the sealed scores', () => {
  it('totals, sub-totals, a tie broken by the declared rule and a threshold failure reported apart', async () => {
    const t = makeCore();
    const s = await rankingScene(t, { aggregation: 'mean', tieBreak: { kind: 'stage-subtotal', stageId: 'developing' } });
    const [a, b, c] = s.evaluators;
    await scoreAndSeal(t, s, a.id, s.wandle, { default: 4, [GOV_MAT]: 3 });
    await scoreAndSeal(t, s, b.id, s.wandle, { default: 4 });
    await scoreAndSeal(t, s, c.id, s.wandle, { default: 4, [GOV_MAT]: 5 });
    for (const e of [a, b, c]) await scoreAndSeal(t, s, e.id, s.beacon, { default: 4, developing: 5, maturing: 3 });

    // Nobody has sealed Cedar yet: it has no score on any criterion, so the results are provisional and
    // Cedar is listed as not yet ranked (never ranked on zeros).
    let r = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });
    expect(r.provisional).toBe(true);
    expect(r.ranked.find((x) => x.bidderId === s.cedar.id)).toBeUndefined();
    expect(r.notYetRanked).toEqual([{ bidderId: s.cedar.id, name: 'Cedar Community Health' }]);

    // A and B seal Cedar; C saves the same scores but does not seal. A mean of only some of the panel is
    // not the panel's score, so Cedar still has none: still provisional, and C's unsealed 2 never shows.
    await scoreAndSeal(t, s, a.id, s.cedar, { default: 5, [GOV_DEV]: 1 });
    await scoreAndSeal(t, s, b.id, s.cedar, { default: 5, [GOV_DEV]: 2 });
    await scoreAndSeal(t, s, c.id, s.cedar, { default: 5, [GOV_DEV]: 2 }, false);
    r = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });
    expect(r.provisional).toBe(true);
    expect(r.notYetRanked.map((x) => x.bidderId)).toEqual([s.cedar.id]);
    expect(r.missing.filter((m) => m.bidderId === s.cedar.id).every((m) => m.basis === 'awaiting-seals')).toBe(true);

    await t.call(c.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.cedar.id });
    r = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });

    expect(r.aggregation).toBe('mean');
    expect(r.tieBreakRule).toBe('Equal totals are ordered by the higher Developing sub-total');
    expect(r.provisional).toBe(false);
    const tieBrokenBy = 'Equal totals are ordered by the higher Developing sub-total';
    expect(r.ranked.map((x) => [x.name, x.rank, x.tied, x.tieBrokenBy, x.total])).toEqual([
      ['Beacon Care Partnership', 1, false, tieBrokenBy, expect.closeTo(80, 9)],
      ['Wandle Health Alliance', 2, false, tieBrokenBy, expect.closeTo(80, 9)],
    ]);
    const [beacon, wandle] = r.ranked;
    expect(beacon!.byStage).toEqual([
      { id: 'developing', points: expect.closeTo(40, 9), max: 40 },
      { id: 'maturing', points: expect.closeTo(24, 9), max: 40 },
      { id: 'thriving', points: expect.closeTo(16, 9), max: 20 },
    ]);
    expect(wandle!.byStage.map((x) => x.points)).toEqual([expect.closeTo(32, 9), expect.closeTo(32, 9), expect.closeTo(16, 9)]);
    expect(wandle!.byArea.map((x) => [x.points, x.max])).toEqual(Array(4).fill([expect.closeTo(20, 9), 25]));
    // The maturity profile holds the mean: 3, 4 and 5 on Governance — Maturing make 4.
    expect(wandle!.profile.find((p) => p.areaId === 'governance-and-leadership' && p.stageId === 'maturing')!.score).toBe(4);

    // Cedar has the highest total, but fails the Developing minimum: listed apart, with the rule, never dropped.
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatchObject({ name: 'Cedar Community Health', rank: null, total: expect.closeTo(100 - 20 / 3, 9), complete: true });
    expect(r.failed[0]!.failures).toEqual([
      { thresholdId: 'developing-min-2', criterionId: GOV_DEV, score: expect.closeTo(5 / 3, 9), minScore: 2, rule: DEVELOPING_RULE },
    ]);
  });

  it('flags the criteria whose one-point move would change the order', async () => {
    const t = makeCore();
    const s = await rankingScene(t, { aggregation: 'mean', tieBreak: { kind: 'stage-subtotal', stageId: 'developing' } });
    for (const e of s.evaluators) {
      await scoreAndSeal(t, s, e.id, s.wandle, { default: 4 });
      await scoreAndSeal(t, s, e.id, s.beacon, { default: 4, developing: 5, maturing: 3 });
    }
    await scoreAndSeal(t, s, s.evaluators[0].id, s.cedar, { default: 5, [GOV_DEV]: 1 });
    await scoreAndSeal(t, s, s.evaluators[1].id, s.cedar, { default: 5, [GOV_DEV]: 2 });
    await scoreAndSeal(t, s, s.evaluators[2].id, s.cedar, { default: 5, [GOV_DEV]: 2 });
    const r = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });

    /*
     * A mean moves as it would if one evaluator's sealed score moved one step of the scale: ±1/3.
     * Beacon leads Wandle on the tie-break at 80 each.
     *  Wandle, one evaluator +1 anywhere (mean +1/3, at least +1/3 point): Wandle overtakes → the top two
     *    change. −1: nothing changes.
     *  Beacon, one evaluator −1 anywhere: Wandle overtakes → the top two change. +1: nothing changes
     *    (and Developing 5 cannot go up).
     *  Cedar Governance — Developing 1, 2, 2: the 1 moving to 2 makes the mean 2, no longer below the
     *    minimum, so Cedar (94) comes first (a 2 moving to 3 gives the same mean: one move). Cedar's other
     *    moves change nothing: it still fails on that criterion.
     */
    const names = { [s.wandle.id]: 'Wandle', [s.beacon.id]: 'Beacon', [s.cedar.id]: 'Cedar' };
    expect(flagList(r.sensitivity, names)).toEqual(
      [...CRITERIA.map((c) => `Wandle ${c} +1 top-two`), ...CRITERIA.map((c) => `Beacon ${c} -1 top-two`), `Cedar ${GOV_DEV} +1 top-two`].sort(),
    );
    expect(r.sensitivity.every((f) => f.changesAnyRank)).toBe(true);
    expect(r.sensitivity.find((f) => f.bidderId === s.cedar.id)).toMatchObject({
      from: expect.closeTo(5 / 3, 9),
      to: 2,
      evaluatorMove: { from: 1, to: 2 },
      crossesThreshold: 'passes',
      changesTopTwo: true,
      effect: 'Cedar Community Health would meet every threshold; Cedar Community Health first, Beacon Care Partnership second (now Beacon Care Partnership first, Wandle Health Alliance second)',
    });
    expect(r.sensitivity.find((f) => f.bidderId === s.wandle.id && f.criterionId === GOV_DEV)).toMatchObject({ from: 4, to: expect.closeTo(13 / 3, 9), evaluatorMove: { from: 4, to: 5 } });
  });
});
