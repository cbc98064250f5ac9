import { listCriteria } from './framework';
import { rankingOrder, rankTotals, type BidderScores, type RankingContext, type TotalledBidder } from './ranking';
import { scaleMax, scaleMin } from './scale';
import { bidderTotals, withMovedScore } from './totals';
import { effectiveWeights } from './weights';

export interface SensitivityFlag {
  bidderId: string;
  criterionId: string;
  /** The one-point move tried: +1 or −1 from the current score. */
  delta: 1 | -1;
  /** The first two places (who, in which order, and whether tied) would change. */
  changesTopTwo: boolean;
  /** Any bidder's rank, or who passes the thresholds, would change. */
  changesAnyRank: boolean;
}

/** Who holds which rank (competition ranking), and who fails a threshold: what a move could change. */
function outcome(passing: readonly TotalledBidder[], failingIds: readonly string[], tied: (a: TotalledBidder, b: TotalledBidder) => boolean) {
  const ranks: number[] = [];
  passing.forEach((row, i) => ranks.push(i > 0 && tied(passing[i - 1]!, row) ? ranks[i - 1]! : i + 1));
  const places = passing.map((row, i) => `${row.bidderId}:${ranks[i]}`);
  return { top: places.slice(0, 2).join(','), all: `${places.join(',')}|${[...failingIds].sort().join(',')}` };
}

/**
 * For every scored criterion of every bidder: would moving that score one point up or down (staying on
 * the scale) change the outcome? The criteria that would are where a moderation meeting should spend its
 * time. Each move changes one bidder's totals, so that bidder alone is taken out of the declared order and
 * put back where its new totals place it; nothing else is recomputed.
 */
export function sensitivity(ctx: RankingContext, bidders: readonly BidderScores[]): SensitivityFlag[] {
  const rows = bidders.map((b) => ({ bidderId: b.bidderId, name: b.name, totals: bidderTotals(ctx, b.scores) }));
  const base = rankTotals(ctx, rows);
  const { compare, tied } = rankingOrder(ctx);
  const baseFailing = base.failed.map((b) => b.bidderId);
  const before = outcome(base.ranked, baseFailing, tied);
  const [min, max] = [scaleMin(ctx.scale), scaleMax(ctx.scale)];
  const weights = effectiveWeights(ctx.weights);
  const criteria = listCriteria(ctx.framework);
  const flags: SensitivityFlag[] = [];
  bidders.forEach((bidder, index) => {
    const others = base.ranked.filter((r) => r.bidderId !== bidder.bidderId);
    const otherFailing = baseFailing.filter((id) => id !== bidder.bidderId);
    for (const c of criteria) {
      const current = bidder.scores.get(c.id);
      if (current === null || current === undefined) continue;
      for (const delta of [1, -1] as const) {
        const moved = current + delta;
        // Mean and median scores may fall between points; a move only has to stay within the scale.
        if (moved < min || moved > max) continue;
        const row = { ...rows[index]!, totals: withMovedScore(ctx, rows[index]!.totals, c, weights.get(c.id) ?? 0, current, moved) };
        let passing: TotalledBidder[] = others;
        let failing = otherFailing;
        if (row.totals.failures.length === 0) {
          const at = others.findIndex((other) => compare(row, other) < 0);
          passing = at === -1 ? [...others, row] : [...others.slice(0, at), row, ...others.slice(at)];
        } else failing = [...otherFailing, row.bidderId];
        const after = outcome(passing, failing, tied);
        const changesTopTwo = after.top !== before.top;
        const changesAnyRank = after.all !== before.all;
        if (changesTopTwo || changesAnyRank) flags.push({ bidderId: bidder.bidderId, criterionId: c.id, delta, changesTopTwo, changesAnyRank });
      }
    }
  });
  return flags;
}
