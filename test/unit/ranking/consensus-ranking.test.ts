import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { CRITERIA, flagList, GOV_DEV, GOV_MAT, MR_THR, rankingScene, recordConsensus, scoreAndSeal, TC_MAT, type RankingScene } from './scene';
import type { TestCore } from '../support/core';

/*
 * Consensus aggregation (the default), equal totals left as ties. Two bidders are scored: every
 * evaluator seals A 3, B 4, C 2 on every criterion (mean 3 — not what counts here). A point is worth
 * 2 percentage points on a Developing or Maturing criterion and 1 on a Thriving one (see scene.ts).
 *
 *  Wandle consensus: 3 everywhere → 20 × 3 = 60.
 *  Beacon consensus: 3 everywhere, except 4 on Governance — Maturing (+2) and 2 on Transformation —
 *    Maturing (−2) → 60: a tie with Wandle.
 */
async function sealedByEveryone(t: TestCore, s: RankingScene) {
  const [a, b, c] = s.evaluators;
  for (const bidder of [s.wandle, s.beacon]) {
    await scoreAndSeal(t, s, a.id, bidder, { default: 3 });
    await scoreAndSeal(t, s, b.id, bidder, { default: 4 });
    await scoreAndSeal(t, s, c.id, bidder, { default: 2 });
  }
}

describe('ranking by moderated consensus', () => {
  it('is provisional while a consensus is missing, leaves equal totals tied, and follows a new consensus version', async () => {
    const t = makeCore();
    const s = await rankingScene(t, { aggregation: 'consensus', tieBreak: { kind: 'leave-as-tie' } });
    // Cedar is not scored in this story: the ranking still shows it, with nothing counted yet.
    await sealedByEveryone(t, s);
    const get = () => t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });

    // Sealed scores alone count for nothing under consensus (every criterion is flagged: 2, 3 and 4): no
    // bidder has a score that counts, so none is ranked — never on zeros — and each is listed as not yet ranked.
    let r = await get();
    expect(r.provisional).toBe(true);
    expect(r.ranked).toEqual([]);
    expect(r.notYetRanked.map((x) => x.name).sort()).toEqual(['Beacon Care Partnership', 'Cedar Community Health', 'Wandle Health Alliance']);
    expect(r.missing.filter((m) => m.bidderId === s.wandle.id).every((m) => m.basis === 'awaiting-consensus')).toBe(true);

    for (const c of CRITERIA) await recordConsensus(t, s, s.wandle, c, 3);
    const beacon = (c: string) => (c === GOV_MAT ? 4 : c === TC_MAT ? 2 : 3);
    for (const c of CRITERIA.filter((x) => x !== MR_THR)) await recordConsensus(t, s, s.beacon, c, beacon(c));

    // Beacon's Managing resources — Thriving has no consensus yet. The provisional ranking compares both on
    // the 11 criteria that count for both, leaving that one out for Wandle too: 60 − 5 × 3/5 = 57 each.
    r = await get();
    expect(r.provisional).toBe(true);
    expect(r.rankedOn).toEqual(CRITERIA.filter((c) => c !== MR_THR));
    expect(r.missing.filter((m) => m.bidderId === s.beacon.id)).toEqual([{ bidderId: s.beacon.id, criterionId: MR_THR, basis: 'awaiting-consensus' }]);
    const row = (name: string) => [...r.ranked, ...r.failed].find((x) => x.name === name)!;
    expect(row('Wandle Health Alliance')).toMatchObject({ total: expect.closeTo(57, 9), complete: true, rank: 1, tied: true });
    expect(row('Beacon Care Partnership')).toMatchObject({ total: expect.closeTo(57, 9), complete: false, rank: 1, tied: true });
    expect(row('Beacon Care Partnership').profile.find((p) => p.areaId === 'managing-resources' && p.stageId === 'thriving')!.score).toBeNull();

    await recordConsensus(t, s, s.beacon, MR_THR, 3);
    // Cedar, still unscored, keeps the results provisional; the two scored bidders tie at 60.
    r = await get();
    expect(r.provisional).toBe(true);
    expect(r.tieBreakRule).toBe('Equal totals are left as ties');
    expect(r.ranked.slice(0, 2).map((x) => [x.name, x.rank, x.tied, x.tieBrokenBy, x.total])).toEqual([
      ['Beacon Care Partnership', 1, true, null, expect.closeTo(60, 9)],
      ['Wandle Health Alliance', 1, true, null, expect.closeTo(60, 9)],
    ]);
    // The consensus counts, not the mean of 3, 4 and 2.
    expect(row('Beacon Care Partnership').profile.find((p) => p.areaId === 'governance-and-leadership' && p.stageId === 'maturing')!.score).toBe(4);
    expect(r.ranked).toHaveLength(2);
    expect(r.notYetRanked).toEqual([{ bidderId: s.cedar.id, name: 'Cedar Community Health' }]);

    // A new consensus version, never an overwrite: Beacon's Governance — Maturing 4 → 5 adds 2 → 62.
    await recordConsensus(t, s, s.beacon, GOV_MAT, 5);
    r = await get();
    expect(r.ranked.slice(0, 2).map((x) => [x.name, x.rank, x.tied, x.total])).toEqual([
      ['Beacon Care Partnership', 1, false, expect.closeTo(62, 9)],
      ['Wandle Health Alliance', 2, false, expect.closeTo(60, 9)],
    ]);
  });

  it('names the moderated criteria that decide the order of the top two', async () => {
    const t = makeCore();
    const s = await rankingScene(t, { aggregation: 'consensus', tieBreak: { kind: 'leave-as-tie' } });
    // Cedar is scored 2 everywhere: far behind, and on the Developing minimum.
    await sealedByEveryone(t, s);
    for (const e of s.evaluators) await scoreAndSeal(t, s, e.id, s.cedar, { default: 2 });
    for (const c of CRITERIA) {
      await recordConsensus(t, s, s.wandle, c, 3);
      await recordConsensus(t, s, s.beacon, c, c === GOV_MAT ? 5 : c === TC_MAT ? 2 : 3);
      await recordConsensus(t, s, s.cedar, c, 2);
    }
    const r = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });
    expect(r.provisional).toBe(false);
    expect(r.ranked.map((x) => [x.name, x.rank, x.total])).toEqual([
      ['Beacon Care Partnership', 1, expect.closeTo(62, 9)],
      ['Wandle Health Alliance', 2, expect.closeTo(60, 9)],
      ['Cedar Community Health', 3, expect.closeTo(40, 9)],
    ]);

    /*
     * Beacon 62, Wandle 60, Cedar 40 (2 everywhere: 20 × 2).
     *  Wandle +1 on a Developing or Maturing criterion (+2 → 62) ties Beacon: the top two change.
     *    +1 on Thriving (+1 → 61) does not; −1 leaves Wandle second.
     *  Beacon −1 on a Developing or Maturing criterion (−2 → 60) ties Wandle: the top two change.
     *    −1 on Thriving (61) does not. (Transformation — Maturing at 2 may go to 1: Maturing has no minimum.)
     *  Cedar: −1 on a Developing criterion (2 → 1) fails the Developing minimum: Cedar leaves the
     *    ranking — a rank changes, not the top two. Its other moves stay far behind.
     */
    const names = { [s.wandle.id]: 'Wandle', [s.beacon.id]: 'Beacon', [s.cedar.id]: 'Cedar' };
    const decisive = CRITERIA.filter((c) => !c.endsWith('/thriving'));
    expect(flagList(r.sensitivity, names)).toEqual(
      [
        ...decisive.map((c) => `Wandle ${c} +1 top-two`),
        ...decisive.map((c) => `Beacon ${c} -1 top-two`),
        ...CRITERIA.filter((c) => c.endsWith('/developing')).map((c) => `Cedar ${c} -1`),
      ].sort(),
    );
    expect(r.sensitivity.find((f) => f.bidderId === s.wandle.id && f.criterionId === GOV_DEV && f.to > f.from)).toEqual({
      bidderId: s.wandle.id,
      criterionId: GOV_DEV,
      from: 3,
      to: 4,
      evaluatorMove: null,
      totalChange: 2,
      changesTopTwo: true,
      crossesThreshold: null,
      changesAnyRank: true,
      effect: 'Beacon Care Partnership and Wandle Health Alliance tied first (now Beacon Care Partnership first, Wandle Health Alliance second)',
    });
    // Cedar's one step down on a Developing criterion crosses the minimum: reported as such, not as a change at the top.
    expect(r.sensitivity.find((f) => f.bidderId === s.cedar.id && f.criterionId === GOV_DEV)).toMatchObject({
      changesTopTwo: false,
      crossesThreshold: 'fails',
      effect: expect.stringMatching(/^Cedar Community Health would fail: /),
    });
    expect(r.margins).toEqual({ firstOverSecond: expect.closeTo(2, 9), secondOverThird: expect.closeTo(20, 9) });
  });
});
