import { ApiError } from '../../../shared/api/errors';
import type { rankingMethods } from '../../../shared/api/ranking';
import { activeRole, panel } from '../authorisation';
import { accessTo } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { biddersOf } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { computeRanking } from './compute';

/** The ranking shows every bidder's totals, so a moderator must be free to see every bidder; the lead always may. */
export function assertMaySeeWholeRanking(ctx: HandlerContext, evaluationId: string): void {
  if (activeRole(ctx, evaluationId, ctx.actor!.id) === 'lead') return;
  const blocked = biddersOf(ctx.db, evaluationId).filter((b) => accessTo(ctx.db, evaluationId, ctx.actor!.id, b.id) !== 'clear');
  if (blocked.length > 0) {
    throw new ApiError('FORBIDDEN', `The ranking includes bidders you may not see (${blocked.map((b) => b.name).join(', ')}), so only the procurement lead can view it.`);
  }
}

export const rankingHandlers: HandlersFor<typeof rankingMethods> = {
  'ranking.get': {
    auth: panel('lead', 'moderator'),
    run(ctx, { evaluationId }) {
      assertMaySeeWholeRanking(ctx, evaluationId);
      return computeRanking(ctx.db, evaluationId).ranking;
    },
  },
};
