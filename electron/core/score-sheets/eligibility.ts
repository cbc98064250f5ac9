import { ApiError } from '../../../shared/api/errors';
import type { Bidder } from '../../../shared/api/evaluations';
import type { HandlerContext } from '../context';
import { maySave, mayScoreIn, standingOf } from '../scoring/may-save';
import { personName } from './repo';

/*
 * Who a score sheet may be made for and imported as, by the one rule of who may write a score
 * (scoring/may-save.ts), in the words of the procurement lead who handles the sheet.
 */

/** The named person must be an evaluator on this evaluation's panel now, and the evaluation open for scoring; returns their name. */
export function assertMayScoreBySheet(ctx: HandlerContext, evaluationId: string, personId: string): string {
  const name = personName(ctx.db, personId);
  const verdict = mayScoreIn(standingOf(ctx.db, evaluationId, personId));
  if (!name || (!verdict.ok && verdict.rule === 'not-on-panel')) {
    throw new ApiError('NOT_FOUND', `${name ?? 'That person'} is not an evaluator on this evaluation’s panel.`, [
      { path: 'evaluatorId', message: 'not an evaluator on this panel' },
    ]);
  }
  if (!verdict.ok) throw new ApiError('RULE_VIOLATION', 'Score sheets are for evaluations open for scoring; open this one for scoring first.');
  return name;
}

/** The bidders an evaluator's score sheet has a sheet for — those they may save scores for now — and how many are left out, and why. */
export function biddersToScore(ctx: HandlerContext, evaluationId: string, evaluatorId: string, bidders: readonly Bidder[]) {
  const standing = standingOf(ctx.db, evaluationId, evaluatorId);
  const leftOut = { undeclared: 0, recused: 0, sealed: 0 };
  const included = bidders.filter((b) => {
    const verdict = maySave(standing, b.id, { kind: 'save' });
    if (verdict.ok) return true;
    if (verdict.rule === 'undeclared' || verdict.rule === 'recused' || verdict.rule === 'sealed') leftOut[verdict.rule]++;
    else throw new ApiError(verdict.code, verdict.message);
    return false;
  });
  return { included, leftOut };
}
