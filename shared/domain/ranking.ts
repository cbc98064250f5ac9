import { describeTieBreak, type TieBreak } from './rules';
import { bidderTotals, type BidderTotals, type CriterionScores, type TotalsContext } from './totals';

export interface BidderScores {
  bidderId: string;
  name: string;
  scores: CriterionScores;
}

export interface RankedBidder {
  bidderId: string;
  name: string;
  totals: BidderTotals;
  /** Competition ranking (1, 2, 2, 4); null for a bidder that failed a threshold. */
  rank: number | null;
  /** Shares its rank with another bidder after the declared tie-break rule. */
  tied: boolean;
  /** Set when equal totals were ordered by the tie-break rule: says how. */
  tieBrokenBy: string | null;
}

export interface Ranking {
  /** Bidders meeting every threshold, best first. */
  ranked: RankedBidder[];
  /** Bidders failing a threshold: shown separately with the rule they failed, never silently dropped. */
  failed: RankedBidder[];
}

export type RankingContext = TotalsContext & { tieBreak: TieBreak };

/** Totals are sums of fractions; compare them at a precision far below anything displayed. */
const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

function tieBreakValue(t: TieBreak, totals: BidderTotals): number | null {
  if (t.kind === 'stage-subtotal') return totals.byStage.find((s) => s.id === t.stageId)?.points ?? 0;
  if (t.kind === 'area-subtotal') return totals.byArea.find((a) => a.id === t.areaId)?.points ?? 0;
  return null;
}

export interface TotalledBidder {
  bidderId: string;
  name: string;
  totals: BidderTotals;
}

/** Ranks bidders on their scores that count; with `rankedOn`, totals add only those criteria (see bidderTotals). */
export function rankBidders(ctx: RankingContext, bidders: readonly BidderScores[], rankedOn?: ReadonlySet<string>): Ranking {
  return rankTotals(ctx, bidders.map((b) => ({ bidderId: b.bidderId, name: b.name, totals: bidderTotals(ctx, b.scores, rankedOn) })));
}

/**
 * The declared order: higher total first, then the tie-break rule's sub-total, then name (only so that a
 * tie is listed the same way every time). Names are unique in an evaluation, so no two bidders compare equal.
 */
export function rankingOrder(ctx: RankingContext) {
  const breakOf = (r: TotalledBidder) => tieBreakValue(ctx.tieBreak, r.totals);
  return {
    compare(a: TotalledBidder, b: TotalledBidder): number {
      if (!same(a.totals.total, b.totals.total)) return b.totals.total - a.totals.total;
      const ta = breakOf(a);
      const tb = breakOf(b);
      if (ta !== null && tb !== null && !same(ta, tb)) return tb - ta;
      return a.name.localeCompare(b.name, 'en-GB');
    },
    /** Equal totals that the tie-break rule does not separate: a tie, sharing a rank. */
    tied(a: TotalledBidder, b: TotalledBidder): boolean {
      if (!same(a.totals.total, b.totals.total)) return false;
      const ta = breakOf(a);
      const tb = breakOf(b);
      return ta === null || tb === null || same(ta, tb);
    },
  };
}

/** Orders bidders whose totals are already computed. */
export function rankTotals(ctx: RankingContext, rows: readonly TotalledBidder[]): Ranking {
  const passing = rows.filter((r) => r.totals.failures.length === 0);
  const failing = rows.filter((r) => r.totals.failures.length > 0);
  const { compare: order, tied: equalAfterTieBreak } = rankingOrder(ctx);
  passing.sort(order);
  failing.sort(order);

  const ranked: RankedBidder[] = passing.map((row, i) => {
    const prev = passing[i - 1];
    const next = passing[i + 1];
    const tiedWithPrev = prev !== undefined && equalAfterTieBreak(prev, row);
    const tiedWithNext = next !== undefined && equalAfterTieBreak(row, next);
    const totalEqualToNeighbour = [prev, next].some((n) => n !== undefined && same(n.totals.total, row.totals.total));
    return {
      ...row,
      rank: i + 1,
      tied: tiedWithPrev || tiedWithNext,
      tieBrokenBy: totalEqualToNeighbour && !(tiedWithPrev || tiedWithNext) ? describeTieBreak(ctx.tieBreak, ctx.framework) : null,
    };
  });
  // Competition ranking: a bidder tied with the one above shares its rank.
  ranked.forEach((row, i) => {
    if (i > 0 && equalAfterTieBreak(passing[i - 1]!, passing[i]!)) row.rank = ranked[i - 1]!.rank;
  });
  return { ranked, failed: failing.map((row) => ({ ...row, rank: null, tied: false, tieBrokenBy: null })) };
}
