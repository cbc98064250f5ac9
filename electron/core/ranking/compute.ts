import type { BoardBidder } from '../../../shared/api/moderation';
import type { RankedRow, RankingResult } from '../../../shared/api/ranking';
import { rankBidders, type RankedBidder } from '../../../shared/domain/ranking';
import { describeTieBreak } from '../../../shared/domain/rules';
import { sensitivity } from '../../../shared/domain/sensitivity';
import type { Db } from '../db/open';
import { biddersOf } from '../evaluations/repo';
import { buildBoard, type BoardInputs } from '../moderation/board';

const toRow = (b: RankedBidder): RankedRow => ({
  bidderId: b.bidderId,
  name: b.name,
  rank: b.rank,
  tied: b.tied,
  tieBrokenBy: b.tieBrokenBy,
  total: b.totals.total,
  complete: b.totals.complete,
  byArea: b.totals.byArea,
  byStage: b.totals.byStage,
  profile: b.totals.profile,
  failures: b.totals.failures,
});

/**
 * The ranked results of every bidder from the scores that count under the evaluation's aggregation rule.
 * Exports ask for the rationales (withText) and skip sensitivity, which they do not show.
 */
export function computeRanking(
  db: Db,
  evaluationId: string,
  { withText = false, withSensitivity = true }: { withText?: boolean; withSensitivity?: boolean } = {},
): { ranking: RankingResult; board: BoardBidder[]; inputs: BoardInputs } {
  const bidders = biddersOf(db, evaluationId);
  const { inputs, bidders: board } = buildBoard(db, evaluationId, bidders.map((b) => b.id), { withText });
  const { framework, settings } = inputs;
  const scores = board.map((b) => ({ bidderId: b.bidderId, name: b.bidderName, scores: new Map(b.criteria.map((c) => [c.criterionId, c.aggregated])) }));
  const ctx = { framework, scale: settings.scale, weights: settings.weights, thresholds: settings.thresholds, tieBreak: settings.rules.tieBreak };
  const ranked = rankBidders(ctx, scores);
  const all = [...ranked.ranked, ...ranked.failed];
  return {
    ranking: {
      aggregation: settings.rules.aggregation,
      tieBreakRule: describeTieBreak(settings.rules.tieBreak, framework),
      provisional: all.some((b) => !b.totals.complete),
      ranked: ranked.ranked.map(toRow),
      failed: ranked.failed.map(toRow),
      sensitivity: withSensitivity ? sensitivity(ctx, scores) : [],
    },
    board,
    inputs,
  };
}
