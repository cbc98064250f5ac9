import { describe, expect, it } from 'vitest';
import type { SensitivityFlag } from '../../../shared/api/ranking';
import { missingByBidder } from '../../../renderer/src/features/ranking/missing';
import { decisiveMoves, describeMargins, describeMove, signedPoints } from '../../../renderer/src/features/ranking/moves';
import { soFar, totalsScope } from '../../../renderer/src/features/ranking/scope';
import { ctx, framework } from '../domain/worked-example';

/*
 * What the Ranking screen says, from the core's numbers (which test/unit/ranking and test/unit/domain check).
 * The worked example: areas A and B × stages Developing and Maturing; effective weights A/dev 30%, A/mat 30%,
 * B/dev 30%, B/mat 10%.
 */

const CEDAR = { bidderId: 'cedar', name: 'Cedar Community Health' };
const BEACON = { bidderId: 'beacon', name: 'Beacon Care Partnership' };
const ALL = ['a/dev', 'a/mat', 'b/dev', 'b/mat'];

describe('what a provisional ranking says is missing', () => {
  it('says a bidder with every criterion missing for the same reason in one line, not one per criterion', () => {
    const missing = ALL.map((criterionId) => ({ bidderId: 'cedar', criterionId, basis: 'awaiting-seals' as const }));
    expect(missingByBidder(missing, [BEACON, CEDAR], framework)).toEqual([
      { ...CEDAR, lines: [{ basis: 'awaiting-seals', which: 'All 4 criteria', why: 'waiting for every evaluator to seal' }] },
    ]);
  });

  it('names a whole capability area once, other criteria one by one, with a line per reason', () => {
    const missing = [
      { bidderId: 'beacon', criterionId: 'b/mat', basis: 'awaiting-consensus' as const },
      { bidderId: 'beacon', criterionId: 'a/dev', basis: 'awaiting-confirmation' as const },
      { bidderId: 'beacon', criterionId: 'a/mat', basis: 'awaiting-confirmation' as const },
    ];
    expect(missingByBidder(missing, [BEACON, CEDAR], framework)[0]!.lines).toEqual([
      { basis: 'awaiting-consensus', which: 'Area B — Maturing', why: 'waiting for a consensus' },
      { basis: 'awaiting-confirmation', which: 'Area A (every stage)', why: 'waiting for a moderator to confirm the agreed score' },
    ]);
  });
});

describe('what the totals of a provisional ranking are out of', () => {
  it('counts only the weight of the criteria ranked on, and marks the areas and stages that lack one', () => {
    const scope = totalsScope(framework, ctx.weights, { rankedOn: ['a/dev', 'a/mat', 'b/dev'] });
    expect(scope).toMatchObject({ partial: true, criteria: 3, ofCriteria: 4 });
    expect(scope.maxTotal).toBeCloseTo(90, 9);
    expect(scope.maxByArea.get('b')).toBeCloseTo(30, 9);
    expect([...scope.reduced].sort()).toEqual(['b', 'mat']);
    expect(soFar(scope)).toBe('so far, over 3 of 4 criteria (at most 90.00%)');
  });

  it('says nothing of "so far" once every criterion is ranked on', () => {
    const scope = totalsScope(framework, ctx.weights, { rankedOn: ALL });
    expect(scope.partial).toBe(false);
    expect(scope.maxTotal).toBeCloseTo(100, 9);
    expect(soFar(scope)).toBe('');
  });
});

const flag = (over: Partial<SensitivityFlag>): SensitivityFlag => ({
  bidderId: 'beacon',
  criterionId: 'a/dev',
  from: 3,
  to: 4,
  evaluatorMove: null,
  totalChange: 6,
  changesTopTwo: false,
  crossesThreshold: null,
  changesAnyRank: true,
  effect: '',
  ...over,
});

describe('what could change the result', () => {
  it('lists the smallest moves that change the top two first, threshold crossings after, and only counts moves that change a lower rank', () => {
    const bigTopTwo = flag({ criterionId: 'a/dev', totalChange: 6, changesTopTwo: true });
    const smallTopTwo = flag({ criterionId: 'b/mat', totalChange: -2, changesTopTwo: true });
    const threshold = flag({ bidderId: 'cedar', criterionId: 'b/dev', from: 2, to: 1, totalChange: -6, crossesThreshold: 'fails' });
    const lowerOnly = flag({ bidderId: 'cedar', criterionId: 'a/mat', totalChange: 2 });
    const { shown, lowerRanksOnly } = decisiveMoves([threshold, lowerOnly, bigTopTwo, smallTopTwo], ['beacon', 'cedar'], ALL);
    expect(shown).toEqual([smallTopTwo, bigTopTwo, threshold]);
    expect(lowerRanksOnly).toBe(1);
  });

  it('orders moves of the same size by place, then by the framework’s criteria', () => {
    const cedar = flag({ bidderId: 'cedar', criterionId: 'a/dev', changesTopTwo: true });
    const beaconLater = flag({ criterionId: 'b/dev', changesTopTwo: true });
    const beaconFirst = flag({ criterionId: 'a/mat', changesTopTwo: true });
    expect(decisiveMoves([cedar, beaconLater, beaconFirst], ['beacon', 'cedar'], ALL).shown).toEqual([beaconFirst, beaconLater, cedar]);
  });

  it('says a consensus move as the consensus, and a mean or median move as one evaluator’s step and what it does to the figure', () => {
    expect(describeMove({ from: 3, to: 4, evaluatorMove: null }, 'consensus')).toBe('consensus 3\u00a0→\u00a04');
    expect(describeMove({ from: 4, to: 13 / 3, evaluatorMove: { from: 4, to: 5 } }, 'mean')).toBe('one evaluator 4\u00a0→\u00a05: mean 4.00\u00a0→\u00a04.33');
    expect(describeMove({ from: 3, to: 3.5, evaluatorMove: { from: 3, to: 4 } }, 'median-unless-flagged')).toBe(
      'one evaluator 3\u00a0→\u00a04: median 3.00\u00a0→\u00a03.50',
    );
    expect(describeMove({ from: 2, to: 3, evaluatorMove: null }, 'mean-unless-flagged')).toBe('consensus 2\u00a0→\u00a03');
    expect([signedPoints(1.667), signedPoints(-1.6665), signedPoints(0.5)]).toEqual(['+1.67', '−1.67', '+0.50']);
  });

  it('gives the margins first to second and second to third, and says when there is none', () => {
    expect(describeMargins({ firstOverSecond: 2, secondOverThird: 20 })).toBe('First leads second by 2.00 points; second leads third by 20.00 points.');
    expect(describeMargins({ firstOverSecond: 0, secondOverThird: null })).toBe('First and second have the same total.');
    expect(describeMargins({ firstOverSecond: null, secondOverThird: null })).toBe('Only one bidder is ranked, so there is no margin between places yet.');
  });
});
