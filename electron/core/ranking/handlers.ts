import { ApiError } from '../../../shared/api/errors';
import type { rankingMethods, RankedRow } from '../../../shared/api/ranking';
import { rankBidders, type RankedBidder } from '../../../shared/domain/ranking';
import { describeTieBreak } from '../../../shared/domain/rules';
import { sensitivity } from '../../../shared/domain/sensitivity';
import { activeRole, panel } from '../authorisation';
import { accessTo } from '../conflicts/access';
import { biddersOf } from '../evaluations/repo';
import { buildBoard } from '../moderation/board';
import type { HandlersFor } from '../registry';

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

export const rankingHandlers: HandlersFor<typeof rankingMethods> = {
  'ranking.get': {
    auth: panel('lead', 'moderator'),
    run(ctx, { evaluationId }) {
      const bidders = biddersOf(ctx.db, evaluationId);
      // The ranking shows every bidder's totals, so a moderator must be free to see every bidder.
      if (activeRole(ctx, evaluationId, ctx.actor!.id) !== 'lead') {
        const blocked = bidders.filter((b) => accessTo(ctx.db, evaluationId, ctx.actor!.id, b.id) !== 'clear');
        if (blocked.length > 0) {
          throw new ApiError('FORBIDDEN', `The ranking includes bidders you may not see (${blocked.map((b) => b.name).join(', ')}), so only the procurement lead can view it.`);
        }
      }
      const { inputs, bidders: board } = buildBoard(ctx.db, evaluationId, bidders.map((b) => b.id));
      const { framework, settings } = inputs;
      const scores = board.map((b) => ({
        bidderId: b.bidderId,
        name: b.bidderName,
        scores: new Map(b.criteria.map((c) => [c.criterionId, c.aggregated])),
      }));
      const rankingCtx = { framework, scale: settings.scale, weights: settings.weights, thresholds: settings.thresholds, tieBreak: settings.rules.tieBreak };
      const ranking = rankBidders(rankingCtx, scores);
      const all = [...ranking.ranked, ...ranking.failed];
      return {
        aggregation: settings.rules.aggregation,
        tieBreakRule: describeTieBreak(settings.rules.tieBreak, framework),
        provisional: all.some((b) => !b.totals.complete),
        ranked: ranking.ranked.map(toRow),
        failed: ranking.failed.map(toRow),
        sensitivity: sensitivity(rankingCtx, scores),
      };
    },
  },
};
