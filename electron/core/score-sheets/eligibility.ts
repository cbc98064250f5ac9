import { ApiError } from '../../../shared/api/errors';
import type { Bidder } from '../../../shared/api/evaluations';
import { activeRole } from '../authorisation';
import { accessTo } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { evaluationStatus } from '../evaluations/repo';
import { sealedAt } from '../scoring/repo';
import { personName } from './repo';

export function assertOpenForScoring(ctx: HandlerContext, evaluationId: string): void {
  if (evaluationStatus(ctx.db, evaluationId) !== 'scoring') {
    throw new ApiError('RULE_VIOLATION', 'Score sheets are for evaluations open for scoring; open this one for scoring first.');
  }
}

/** The named person must be an evaluator on this evaluation's panel now; returns their name. */
export function evaluatorName(ctx: HandlerContext, evaluationId: string, personId: string): string {
  const name = personName(ctx.db, personId);
  if (!name || activeRole(ctx, evaluationId, personId) !== 'evaluator') {
    throw new ApiError('NOT_FOUND', `${name ?? 'That person'} is not an evaluator on this evaluation’s panel.`, [
      { path: 'evaluatorId', message: 'not an evaluator on this panel' },
    ]);
  }
  return name;
}

/** The bidders an evaluator's score sheet has a sheet for — clear and not yet sealed — and how many are left out, and why. */
export function biddersToScore(ctx: HandlerContext, evaluationId: string, evaluatorId: string, bidders: readonly Bidder[]) {
  const leftOut = { undeclared: 0, recused: 0, sealed: 0 };
  const included = bidders.filter((b) => {
    const access = accessTo(ctx.db, evaluationId, evaluatorId, b.id);
    if (access !== 'clear') leftOut[access]++;
    else if (sealedAt(ctx.db, evaluatorId, b.id)) leftOut.sealed++;
    else return true;
    return false;
  });
  return { included, leftOut };
}
