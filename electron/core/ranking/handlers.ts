import { ApiError } from '../../../shared/api/errors';
import type { rankingMethods } from '../../../shared/api/ranking';
import { activeRole, panel } from '../authorisation';
import { accessTo } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { biddersOf } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { computeRanking } from './compute';
import type { RankingResult } from '../../../shared/api/ranking';
import type { Db } from '../db/open';

/** The ranking shows every bidder's totals, so a moderator must be free to see every bidder; the lead always may. */
export function assertMaySeeWholeRanking(ctx: HandlerContext, evaluationId: string): void {
  if (activeRole(ctx, evaluationId, ctx.actor!.id) === 'lead') return;
  const blocked = biddersOf(ctx.db, evaluationId).filter((b) => accessTo(ctx.db, evaluationId, ctx.actor!.id, b.id) !== 'clear');
  if (blocked.length > 0) {
    throw new ApiError('FORBIDDEN', `The ranking includes bidders you may not see (${blocked.map((b) => b.name).join(', ')}), so only the procurement lead can view it.`);
  }
}

/**
 * Every change to the data appends an audit entry in its own transaction, so the audit sequence number is
 * a version of everything: a ranking computed at that number stays right until it moves. A moderation
 * meeting re-opening the ranking between changes is then answered at once.
 */
const cache = new WeakMap<Db, Map<string, { version: number; result: RankingResult }>>();

function cachedRanking(db: Db, evaluationId: string): RankingResult {
  const version = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  const forDb = cache.get(db) ?? new Map<string, { version: number; result: RankingResult }>();
  cache.set(db, forDb);
  const hit = forDb.get(evaluationId);
  if (hit && hit.version === version) return hit.result;
  const result = computeRanking(db, evaluationId);
  forDb.set(evaluationId, { version, result });
  return result;
}

export const rankingHandlers: HandlersFor<typeof rankingMethods> = {
  'ranking.get': {
    auth: panel('lead', 'moderator'),
    run(ctx, { evaluationId }) {
      assertMaySeeWholeRanking(ctx, evaluationId);
      return cachedRanking(ctx.db, evaluationId);
    },
  },
};
