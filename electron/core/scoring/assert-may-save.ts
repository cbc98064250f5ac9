import { ApiError } from '../../../shared/api/errors';
import type { HandlerContext } from '../context';
import { maySave, standingOf, type ScoringAct } from './may-save';

/** The one rule of who may write a score (may-save.ts), for the caller: refused with the app's own sentence. */
export function assertMaySave(ctx: HandlerContext, evaluationId: string, bidderId: string, act: ScoringAct): void {
  const verdict = maySave(standingOf(ctx.db, evaluationId, ctx.actor!.id), bidderId, act);
  if (!verdict.ok) throw new ApiError(verdict.code, verdict.message, verdict.issues.length > 0 ? verdict.issues : undefined);
}
