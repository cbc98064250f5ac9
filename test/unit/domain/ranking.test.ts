import { describe, expect, it } from 'vitest';
import { aggregate, isFlagged, mean, median, spread, standardDeviation } from '../../../shared/domain/aggregation';
import type { Framework } from '../../../shared/domain/framework';
import { rankBidders, type BidderScores, type RankingContext } from '../../../shared/domain/ranking';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import { sensitivity } from '../../../shared/domain/sensitivity';
import { bidderTotals } from '../../../shared/domain/totals';

/*
 * A worked example, computed by hand.
 * Two capability areas (A, B) × two stages (dev, mat); scale 0–5.
 * Weights: A 60% (dev 50%, mat 50%), B 40% (dev 75%, mat 25%)
 *   → effective: A/dev 30%, A/mat 30%, B/dev 30%, B/mat 10%.
 * Weighted points = effective weight × score ÷ 5.
 */
const framework: Pick<Framework, 'areas' | 'stages'> = {
  stages: [
    { id: 'dev', label: 'Developing', horizon: '' },
    { id: 'mat', label: 'Maturing', horizon: '' },
  ],
  areas: [
    { id: 'a', title: 'Area A', questions: [], indicators: { dev: [], mat: [] } },
    { id: 'b', title: 'Area B', questions: [], indicators: { dev: [], mat: [] } },
  ],
};
const ctx: RankingContext = {
  framework,
  scale: DEFAULT_SCALE,
  weights: {
    areas: [
      { areaId: 'a', weight: 60, stages: [{ stageId: 'dev', weight: 50 }, { stageId: 'mat', weight: 50 }] },
      { areaId: 'b', weight: 40, stages: [{ stageId: 'dev', weight: 75 }, { stageId: 'mat', weight: 25 }] },
    ],
  },
  thresholds: [{ id: 'dev-min-2', areaId: null, stageId: 'dev', minScore: 2 }],
  tieBreak: { kind: 'leave-as-tie' },
};
const bidder = (name: string, [aDev, aMat, bDev, bMat]: (number | null)[]): BidderScores => ({
  bidderId: name.toLowerCase(),
  name,
  scores: new Map([
    ['a/dev', aDev!],
    ['a/mat', aMat!],
    ['b/dev', bDev!],
    ['b/mat', bMat!],
  ]),
});
// X: 30×4/5 + 30×3/5 + 30×5/5 + 10×2/5 = 24 + 18 + 30 + 4 = 76
const X = bidder('X', [4, 3, 5, 2]);
// Y: 30 + 30 + 12 + 10 = 82 (its B/dev 2 is not *below* the minimum of 2)
const Y = bidder('Y', [5, 5, 2, 5]);
// Z: 18 + 24 + 24 + 8 = 74
const Z = bidder('Z', [3, 4, 4, 4]);
// W: 6 + 30 + 30 + 10 = 76, but A/dev 1 is below the Developing minimum of 2
const W = bidder('W', [1, 5, 5, 5]);
// X2: 30 + 12 + 30 + 4 = 76, the same total as X, with a Developing sub-total of 60 against X's 54
const X2 = bidder('X2', [5, 2, 5, 2]);

describe('weighted totals', () => {
  it('are the sum of effective weight × score ÷ scale maximum, with sub-totals per area and stage', () => {
    const t = bidderTotals(ctx, X.scores);
    expect(t.total).toBeCloseTo(76, 10);
    expect(t.byArea).toEqual([
      { id: 'a', points: expect.closeTo(42, 10), max: 60 },
      { id: 'b', points: expect.closeTo(34, 10), max: 40 },
    ]);
    expect(t.byStage).toEqual([
      { id: 'dev', points: expect.closeTo(54, 10), max: 60 },
      { id: 'mat', points: expect.closeTo(22, 10), max: 40 },
    ]);
    expect(t.profile).toEqual([
      { areaId: 'a', stageId: 'dev', score: 4 },
      { areaId: 'a', stageId: 'mat', score: 3 },
      { areaId: 'b', stageId: 'dev', score: 5 },
      { areaId: 'b', stageId: 'mat', score: 2 },
    ]);
    expect(t.complete).toBe(true);
  });

  it('are provisional while a criterion has no score yet', () => {
    const t = bidderTotals(ctx, bidder('P', [4, null, 5, 2]).scores);
    expect(t.total).toBeCloseTo(58, 10);
    expect(t.complete).toBe(false);
  });
});

describe('minimum thresholds', () => {
  it('report which criterion failed which rule', () => {
    expect(bidderTotals(ctx, W.scores).failures).toEqual([
      { thresholdId: 'dev-min-2', criterionId: 'a/dev', score: 1, minScore: 2, rule: 'A score below 2 on any Developing criterion fails' },
    ]);
    expect(bidderTotals(ctx, Y.scores).failures).toEqual([]);
  });
});

describe('ranking', () => {
  it('orders bidders by total and shows those failing a threshold separately, never dropping them', () => {
    const r = rankBidders(ctx, [X, Y, Z, W]);
    expect(r.ranked.map((b) => [b.name, b.rank, b.tied])).toEqual([
      ['Y', 1, false],
      ['X', 2, false],
      ['Z', 3, false],
    ]);
    expect(r.failed.map((b) => [b.name, b.rank, b.totals.total])).toEqual([['W', null, expect.closeTo(76, 10)]]);
  });

  it('leaves equal totals as a tie when that is the declared rule, with competition ranks (1, 2, 2, 4)', () => {
    const r = rankBidders(ctx, [X, Y, Z, X2]);
    expect(r.ranked.map((b) => [b.name, b.rank, b.tied, b.tieBrokenBy])).toEqual([
      ['Y', 1, false, null],
      ['X', 2, true, null],
      ['X2', 2, true, null],
      ['Z', 4, false, null],
    ]);
  });

  it('breaks a tie only by the declared rule, and says so', () => {
    const r = rankBidders({ ...ctx, tieBreak: { kind: 'stage-subtotal', stageId: 'dev' } }, [X, Y, Z, X2]);
    expect(r.ranked.map((b) => [b.name, b.rank, b.tied, b.tieBrokenBy])).toEqual([
      ['Y', 1, false, null],
      ['X2', 2, false, 'Equal totals are ordered by the higher Developing sub-total'],
      ['X', 3, false, 'Equal totals are ordered by the higher Developing sub-total'],
      ['Z', 4, false, null],
    ]);
  });

  it('keeps a tie the declared rule cannot break', () => {
    // Both have an Area B sub-total of 34: X (30 + 4) and X2 (30 + 4).
    const r = rankBidders({ ...ctx, tieBreak: { kind: 'area-subtotal', areaId: 'b' } }, [X, X2]);
    expect(r.ranked.map((b) => [b.name, b.rank, b.tied])).toEqual([
      ['X', 1, true],
      ['X2', 1, true],
    ]);
  });
});

describe('aggregating evaluators’ scores', () => {
  it('takes the mean, the median or the moderated consensus, as declared', () => {
    expect(aggregate('mean', [3, 4, 4], null)).toBeCloseTo(11 / 3, 10);
    expect(aggregate('median', [3, 4, 4], null)).toBe(4);
    expect(aggregate('median', [2, 3, 4, 5], null)).toBe(3.5);
    expect(aggregate('consensus', [3, 4, 4], 3)).toBe(3);
    expect(aggregate('consensus', [3, 4, 4], null)).toBeNull();
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });

  it('measures spread and standard deviation, and flags a spread at the tolerance', () => {
    expect(spread([2, 5, 3])).toBe(3);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(isFlagged([2, 4], 2)).toBe(true);
    expect(isFlagged([3, 4], 2)).toBe(false);
    expect(spread([])).toBeNull();
  });
});

describe('sensitivity', () => {
  const flags = sensitivity(ctx, [X, Y, Z]);
  const find = (bidderId: string, criterionId: string, delta: 1 | -1) =>
    flags.find((f) => f.bidderId === bidderId && f.criterionId === criterionId && f.delta === delta);

  it('flags a criterion where one point down would tie the leader with the runner-up', () => {
    // Y's A/dev 5 → 4 costs 6 points: Y 76 ties X 76 for first place.
    expect(find('y', 'a/dev', -1)).toEqual({ bidderId: 'y', criterionId: 'a/dev', delta: -1, changesTopTwo: true, changesAnyRank: true });
  });

  it('flags a criterion where one point up would lift the third bidder into second place', () => {
    // Z's A/dev 3 → 4 adds 6 points: Z 80 overtakes X 76.
    expect(find('z', 'a/dev', 1)).toMatchObject({ changesTopTwo: true, changesAnyRank: true });
  });

  it('distinguishes a change of any rank from a change at the top', () => {
    // Z's B/mat 4 → 5 adds 2 points: Z 76 ties X for second; the top two (Y first, X second) stand.
    expect(find('z', 'b/mat', 1)).toMatchObject({ changesTopTwo: false, changesAnyRank: true });
  });

  it('counts a move that fails a threshold as changing the outcome', () => {
    // Y's B/dev 2 → 1 falls below the Developing minimum: Y leaves the ranking.
    expect(find('y', 'b/dev', -1)).toMatchObject({ changesTopTwo: true, changesAnyRank: true });
  });

  it('does not flag moves that change nothing, nor moves off the scale', () => {
    // Y's B/mat 5 → 4 costs 2 points: Y 80 still leads.
    expect(find('y', 'b/mat', -1)).toBeUndefined();
    expect(find('y', 'a/dev', 1)).toBeUndefined();
  });
});

describe('sensitivity derived move by move', () => {
  it('flags exactly what re-ranking every move from scratch flags, on random evaluations', () => {
    const naive = (c: RankingContext, list: BidderScores[]) => {
      const sig = (r: ReturnType<typeof rankBidders>, take?: number) =>
        [...r.ranked.slice(0, take).map((b) => `${b.bidderId}:${b.rank}`), ...(take ? [] : ['|', ...r.failed.map((b) => b.bidderId).sort()])].join(',');
      const base = rankBidders(c, list);
      const out: string[] = [];
      list.forEach((b) => {
        for (const [id, score] of b.scores) {
          for (const delta of [1, -1]) {
            const moved = score! + delta;
            if (score === null || moved < 0 || moved > 5) continue;
            const next = rankBidders(c, list.map((x) => (x === b ? { ...x, scores: new Map(x.scores).set(id, moved) } : x)));
            const top = sig(next, 2) !== sig(base, 2);
            const any = sig(next) !== sig(base);
            if (top || any) out.push(`${b.bidderId}|${id}|${delta}|${top}|${any}`);
          }
        }
      });
      return out.sort();
    };
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 40; run++) {
      const list = Array.from({ length: 2 + (run % 5) }, (_, i) => bidder(`B${i}`, [0, 1, 2, 3].map(() => Math.floor(random() * 6))));
      const tieBreak = run % 2 === 0 ? ({ kind: 'leave-as-tie' } as const) : ({ kind: 'stage-subtotal', stageId: 'dev' } as const);
      const c = { ...ctx, tieBreak };
      const fast = sensitivity(c, list).map((f) => `${f.bidderId}|${f.criterionId}|${f.delta}|${f.changesTopTwo}|${f.changesAnyRank}`).sort();
      expect(fast, `run ${run}`).toEqual(naive(c, list));
    }
  });
});
