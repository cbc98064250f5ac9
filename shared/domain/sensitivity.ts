import { listCriteria } from './framework';
import { rankTotals, type BidderScores, type Ranking, type RankingContext } from './ranking';
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

const signature = (r: Ranking, take?: number) =>
  [...r.ranked.slice(0, take).map((b) => `${b.bidderId}:${b.rank}`), ...(take ? [] : ['|', ...r.failed.map((b) => b.bidderId).sort()])].join(',');

/**
 * For every scored criterion of every bidder: would moving that score one point up or down (staying on
 * the scale) change the outcome? The criteria that would are where a moderation meeting should spend its time.
 */
export function sensitivity(ctx: RankingContext, bidders: readonly BidderScores[]): SensitivityFlag[] {
  const rows = bidders.map((b) => ({ bidderId: b.bidderId, name: b.name, totals: bidderTotals(ctx, b.scores) }));
  const base = rankTotals(ctx, rows);
  const [min, max] = [scaleMin(ctx.scale), scaleMax(ctx.scale)];
  const weights = effectiveWeights(ctx.weights);
  const criteria = listCriteria(ctx.framework);
  const baseTop = signature(base, 2);
  const baseAll = signature(base);
  const flags: SensitivityFlag[] = [];
  bidders.forEach((bidder, index) => {
    for (const c of criteria) {
      const current = bidder.scores.get(c.id);
      if (current === null || current === undefined) continue;
      for (const delta of [1, -1] as const) {
        const moved = current + delta;
        // Mean and median scores may fall between points; a move only has to stay within the scale.
        if (moved < min || moved > max) continue;
        const totals = withMovedScore(ctx, rows[index]!.totals, c, weights.get(c.id) ?? 0, current, moved);
        const next = rankTotals(
          ctx,
          rows.map((row, i) => (i === index ? { ...row, totals } : row)),
        );
        const changesTopTwo = signature(next, 2) !== baseTop;
        const changesAnyRank = signature(next) !== baseAll;
        if (changesTopTwo || changesAnyRank) flags.push({ bidderId: bidder.bidderId, criterionId: c.id, delta, changesTopTwo, changesAnyRank });
      }
    }
  });
  return flags;
}
