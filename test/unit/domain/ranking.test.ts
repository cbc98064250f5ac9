import { describe, expect, it } from 'vitest';
import { rankBidders } from '../../../shared/domain/ranking';
import { bidderTotals } from '../../../shared/domain/totals';
import { bidder, ctx, W, X, X2, Y, Z } from './worked-example';

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
