import { ApiError } from '../../../shared/api/errors';
import { PANEL_ROLE_LABELS, type evaluationMethods } from '../../../shared/api/evaluations';
import { activeRole, leadOnly } from '../authorisation';
import { evaluationDetail } from '../evaluations/repo';
import { findPerson } from '../people/repo';
import type { HandlersFor } from '../registry';
import { addMembership, countActiveLeads, endMembership, recordScoreDecision, sealedBidderCount } from './repo';

export const panelHandlers: HandlersFor<Pick<typeof evaluationMethods, 'panel.add' | 'panel.remove'>> = {
  'panel.add': {
    auth: leadOnly,
    run(ctx, { evaluationId, personId, role }) {
      const person = findPerson(ctx.db, personId);
      if (!person) throw new ApiError('NOT_FOUND', 'That person is not known to this installation.');
      const existing = activeRole(ctx, evaluationId, personId);
      if (existing) {
        throw new ApiError('CONFLICT', `${person.name} is already on the panel as ${PANEL_ROLE_LABELS[existing].toLowerCase()}; one person holds one role.`);
      }
      addMembership(ctx.db, { id: ctx.newId(), evaluationId, personId, role, at: ctx.now(), by: ctx.actor!.id });
      return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
    },
  },
  'panel.remove': {
    auth: leadOnly,
    run(ctx, { evaluationId, personId, reason, sealedScores }) {
      const role = activeRole(ctx, evaluationId, personId);
      if (!role) throw new ApiError('NOT_FOUND', 'That person is not on the panel.');
      if (role === 'lead' && countActiveLeads(ctx.db, evaluationId) === 1) {
        throw new ApiError('RULE_VIOLATION', 'An evaluation must keep at least one procurement lead.');
      }
      if (personId === ctx.actor!.id) throw new ApiError('RULE_VIOLATION', 'You cannot remove yourself; ask another procurement lead to do it.');
      const sealed = role === 'evaluator' ? sealedBidderCount(ctx.db, evaluationId, personId) : 0;
      if (sealed > 0 && !sealedScores) {
        throw new ApiError(
          'RULE_VIOLATION',
          `${findPerson(ctx.db, personId)!.name} has sealed scores for ${sealed === 1 ? 'one bidder' : `${sealed} bidders`}: decide whether those scores still count.`,
          [{ path: 'sealedScores', message: 'decide whether the sealed scores count' }],
        );
      }
      if (sealed === 0 && sealedScores) throw new ApiError('RULE_VIOLATION', 'Only an evaluator who has sealed scores has sealed scores to decide on.');
      const at = ctx.now();
      endMembership(ctx.db, { evaluationId, personId, at, by: ctx.actor!.id, reason });
      if (sealedScores) recordScoreDecision(ctx.db, { evaluationId, evaluatorId: personId, count: sealedScores === 'count', reason, at, by: ctx.actor!.id });
      return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
    },
  },
};
