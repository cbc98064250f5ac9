import { describe, expect, it } from 'vitest';
import type { CountingInput } from '../../../shared/domain/counting';
import { rankBidders, type BidderScores, type RankingContext } from '../../../shared/domain/ranking';
import type { Scale } from '../../../shared/domain/scale';
import { describeTopTwo, oneStepMoves, sensitivity, stepOnScale, type SensitivityBidder } from '../../../shared/domain/sensitivity';
import { bidder, ctx, X, X2, Y, Z } from './worked-example';

/** Bidders whose scores are moderated consensus scores: each moves one step of the scale. */
const moderated = (b: BidderScores, scale = ctx.scale): SensitivityBidder => ({
  ...b,
  inputs: new Map(
    [...b.scores].map(([id, score]) => [id, { rule: 'consensus', scale, tolerance: 2, values: [], allSealed: true, consensus: score, confirmed: null } satisfies CountingInput]),
  ),
});
const find = (flags: ReturnType<typeof sensitivity>, bidderId: string, criterionId: string, up: boolean) =>
  flags.find((f) => f.bidderId === bidderId && f.criterionId === criterionId && f.to > f.from === up);

describe('sensitivity: the one-step moves that change the outcome (worked example: Y 82, X 76, Z 74)', () => {
  const flags = sensitivity(ctx, [X, Y, Z].map((b) => moderated(b)));

  it('flags a step down that would tie the leader with the runner-up, with the points it moves and what happens', () => {
    // Y's A/dev 5 → 4 costs 30 × 1/5 = 6 points: Y 76 ties X 76 for first place.
    expect(find(flags, 'y', 'a/dev', false)).toEqual({
      bidderId: 'y',
      criterionId: 'a/dev',
      from: 5,
      to: 4,
      evaluatorMove: null,
      totalChange: -6,
      changesTopTwo: true,
      crossesThreshold: null,
      changesAnyRank: true,
      effect: 'X and Y tied first (now Y first, X second)',
    });
  });

  it('flags a step up that would lift the third bidder into second place', () => {
    // Z's A/dev 3 → 4 adds 6 points: Z 80 overtakes X 76.
    expect(find(flags, 'z', 'a/dev', true)).toMatchObject({ changesTopTwo: true, effect: 'Y first, Z second (now Y first, X second)' });
  });

  it('counts a new tie for second place as a change of the top two', () => {
    // Z's B/mat 4 → 5 adds 2 points: Z 76 ties X for second. Who holds second place is no longer X alone.
    expect(find(flags, 'z', 'b/mat', true)).toMatchObject({ changesTopTwo: true, effect: 'Y first, X and Z tied second (now Y first, X second)' });
  });

  it('counts a step that crosses a threshold, and says which rule', () => {
    // Y's B/dev 2 → 1 falls below the Developing minimum of 2: Y leaves the ranking.
    expect(find(flags, 'y', 'b/dev', false)).toMatchObject({
      changesTopTwo: true,
      crossesThreshold: 'fails',
      effect: 'Y would fail: A score below 2 on any Developing criterion fails; X first, Z second (now Y first, X second)',
    });
  });

  it('does not flag steps that change nothing, nor steps off the scale', () => {
    // Y's B/mat 5 → 4 costs 2 points: Y 80 still leads. Y's A/dev is 5, the top of the scale.
    expect(find(flags, 'y', 'b/mat', false)).toBeUndefined();
    expect(find(flags, 'y', 'a/dev', true)).toBeUndefined();
  });

  it('tells a change lower down from a change at the top', () => {
    // V = 18 + 18 + 24 + 8 = 68. Z's A/dev 3 → 2 costs 6: Z 68 ties V for third; first and second stand.
    const V = bidder('V', [3, 3, 4, 4]);
    const withV = sensitivity(ctx, [X, Y, Z, V].map((b) => moderated(b)));
    expect(find(withV, 'z', 'a/dev', false)).toMatchObject({ changesTopTwo: false, crossesThreshold: null, changesAnyRank: true, effect: 'a lower rank would change' });
  });
});

describe('a tie for second place broken by one step', () => {
  it('is a change of the top two', () => {
    // Y 82 first; X and X2 tie for second at 76 (equal totals left as ties). X2's B/mat 2 → 1 costs 2 points:
    // X2 74, X second alone.
    const flags = sensitivity(ctx, [X, X2, Y].map((b) => moderated(b)));
    expect(find(flags, 'x2', 'b/mat', false)).toMatchObject({ totalChange: -2, changesTopTwo: true, effect: 'Y first, X second (now Y first, X and X2 tied second)' });
    expect(describeTopTwo([{ bidderId: 'a', name: 'A', rank: 1 }, { bidderId: 'b', name: 'B', rank: 1 }])).toBe('A and B tied first');
  });
});

/** A gapped scale, as some councils publish: 0, 25, 50, 75, 100. */
const GAPPED: Scale = { points: [0, 25, 50, 75, 100].map((value) => ({ value, label: `${value}`, descriptor: `${value}` })) };

describe('moves go one step along the published scale', () => {
  const gappedCtx: RankingContext = { ...ctx, scale: GAPPED, thresholds: [] };

  it('finds what a one-point move never could on a 0/25/50/75/100 scale', () => {
    // G1: 75 everywhere → 75. G2: 30 × .75 + 30 × .75 + 30 × .5 + 10 × 1 = 70. G2's B/dev 50 → 75 adds 7.5: 77.5 leads.
    const G1 = { ...bidder('G1', [75, 75, 75, 75]) };
    const G2 = { ...bidder('G2', [75, 75, 50, 100]) };
    const flags = sensitivity(gappedCtx, [G1, G2].map((b) => moderated(b, GAPPED)));
    expect(find(flags, 'g2', 'b/dev', true)).toMatchObject({ from: 50, to: 75, totalChange: 7.5, changesTopTwo: true });
    expect(stepOnScale(GAPPED, 60, 1)).toBe(75);
    expect(stepOnScale(GAPPED, 60, -1)).toBe(50);
    expect(stepOnScale(GAPPED, 100, 1)).toBeNull();
  });

  it('moves a mean as one evaluator moving one step would', () => {
    // 50, 75, 75 → mean 66.67. One 50 → 75: 75, as one 75 → 100 would be (the same move of the mean);
    // one 50 → 25 (or one 75 → 50): 58.33.
    const moves = oneStepMoves({ rule: 'mean', scale: GAPPED, tolerance: 50, values: [50, 75, 75], allSealed: true, consensus: null, confirmed: null }, 200 / 3);
    expect(moves.map((m) => [m.evaluatorMove, m.to])).toEqual([
      [{ from: 50, to: 75 }, 75],
      [{ from: 50, to: 25 }, expect.closeTo(175 / 3, 9)],
    ]);
  });

  it('under "mean unless flagged", a step that opens a spread wide enough to flag waits on a consensus, so it is not a move', () => {
    // 3, 4, 4 agree (tolerance 2). One 3 → 2 (2, 4, 4) or one 4 → 5 (3, 4, 5) opens a spread of 2: flagged,
    // and with no consensus nothing would count. One 3 → 4 (mean 4) and one 4 → 3 (mean 10/3) are moves.
    const moves = oneStepMoves({ rule: 'mean-unless-flagged', scale: ctx.scale, tolerance: 2, values: [3, 4, 4], allSealed: true, consensus: null, confirmed: null }, 11 / 3);
    expect(moves.map((m) => m.evaluatorMove)).toEqual([
      { from: 3, to: 4 },
      { from: 4, to: 3 },
    ]);
  });
});

describe('sensitivity derived move by move', () => {
  it('flags exactly what re-ranking every move from scratch flags, on random evaluations', () => {
    const places = (r: ReturnType<typeof rankBidders>) => r.ranked.map((b) => ({ id: b.bidderId, rank: b.rank! }));
    const top = (r: ReturnType<typeof rankBidders>) =>
      places(r)
        .filter((p) => p.rank <= 2)
        .map((p) => `${p.id}:${p.rank}`)
        .sort()
        .join(',');
    const all = (r: ReturnType<typeof rankBidders>) => `${places(r).map((p) => `${p.id}:${p.rank}`).sort().join(',')}|${r.failed.map((b) => b.bidderId).sort().join(',')}`;
    const naive = (c: RankingContext, list: BidderScores[]) => {
      const base = rankBidders(c, list);
      const out: string[] = [];
      list.forEach((b) => {
        for (const [id, score] of b.scores) {
          for (const delta of [1, -1]) {
            const moved = score! + delta;
            if (score === null || moved < 0 || moved > 5) continue;
            const next = rankBidders(c, list.map((x) => (x === b ? { ...x, scores: new Map(x.scores).set(id, moved) } : x)));
            const failsBefore = base.failed.some((f) => f.bidderId === b.bidderId);
            const failsAfter = next.failed.some((f) => f.bidderId === b.bidderId);
            const t = top(next) !== top(base);
            const any = all(next) !== all(base);
            if (t || any || failsBefore !== failsAfter) out.push(`${b.bidderId}|${id}|${delta}|${t}|${any}|${failsBefore !== failsAfter}`);
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
      const fast = sensitivity(c, list.map((b) => moderated(b)))
        .map((f) => `${f.bidderId}|${f.criterionId}|${f.to > f.from ? 1 : -1}|${f.changesTopTwo}|${f.changesAnyRank}|${f.crossesThreshold !== null}`)
        .sort();
      expect(fast, `run ${run}`).toEqual(naive(c, list));
    }
  });
});
