import type { conflictMethods } from '../../../shared/api/conflicts';
import { ApiError } from '../../../shared/api/errors';
import { leadOnly, panel } from '../authorisation';
import type { HandlersFor } from '../registry';
import { assertBidderInEvaluation } from './access';
import { myDeclarations } from './mine';
import { findMember, insertDeclaration, insertMitigation, latestDeclaration, listDeclarations } from './repo';
import { assertMayDeclare, assertMayDecide } from './rules';

/** Those who see bids declare; the procurement lead, who manages the bids, keeps the register and decides. */
const declarants = panel('moderator', 'evaluator');

export const conflictHandlers: HandlersFor<typeof conflictMethods> = {
  'conflicts.mine': {
    auth: declarants,
    run: (ctx, { evaluationId }) => myDeclarations(ctx.db, evaluationId, ctx.actor!.id),
  },
  'conflicts.declare': {
    auth: declarants,
    run(ctx, { evaluationId, bidderId, memberId, kind, description }) {
      assertBidderInEvaluation(ctx.db, evaluationId, bidderId);
      if (memberId !== null) {
        const member = findMember(ctx.db, bidderId, memberId);
        if (!member) throw new ApiError('NOT_FOUND', 'There is no such consortium member of this bidder.');
        if (member.removedAt) throw new ApiError('RULE_VIOLATION', `${member.organisation} has been removed from this bid, so there is nothing to declare about it.`);
      }
      const personId = ctx.actor!.id;
      const previous = latestDeclaration(ctx.db, { evaluationId, personId, bidderId, memberId });
      assertMayDeclare(kind, description, previous);
      insertDeclaration(ctx.db, { id: ctx.newId(), evaluationId, personId, bidderId, memberId, kind, description, at: ctx.now(), supersedes: previous?.id ?? null });
      return myDeclarations(ctx.db, evaluationId, personId);
    },
  },
  'conflicts.register': {
    auth: leadOnly,
    run: (ctx, { evaluationId }) => listDeclarations(ctx.db, evaluationId),
  },
  'conflicts.recordMitigation': {
    auth: leadOnly,
    run(ctx, { evaluationId, declarationId, decision, reason }) {
      const declaration = listDeclarations(ctx.db, evaluationId).find((d) => d.id === declarationId);
      assertMayDecide(declaration, ctx.actor!.id);
      insertMitigation(ctx.db, { id: ctx.newId(), declarationId, decision, reason, at: ctx.now(), by: ctx.actor!.id });
      return listDeclarations(ctx.db, evaluationId);
    },
  },
};
