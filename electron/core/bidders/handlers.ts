import { ApiError } from '../../../shared/api/errors';
import type { evaluationMethods } from '../../../shared/api/evaluations';
import { findSameName, firstRepeatedName } from '../../../shared/domain/names';
import { leadOnly } from '../authorisation';
import { evaluationDetail } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { activeMemberNames, bidderBelongsTo, bidderNames, findActiveMember, insertBidder, insertMember, markMemberRemoved } from './repo';

type BidderMethods = Pick<typeof evaluationMethods, 'bidders.add' | 'bidders.addMember' | 'bidders.removeMember'>;

export const bidderHandlers: HandlersFor<BidderMethods> = {
  'bidders.add': {
    auth: leadOnly,
    run(ctx, { evaluationId, name, reference, members }) {
      const leads = members.filter((m) => m.role === 'lead').length;
      if (leads !== 1) throw new ApiError('RULE_VIOLATION', `A bidder has exactly one lead organisation; ${leads} were given.`);
      if (findSameName(bidderNames(ctx.db, evaluationId), name)) throw new ApiError('CONFLICT', `There is already a bidder called “${name}” in this evaluation.`);
      const repeated = firstRepeatedName(members.map((m) => m.organisation));
      if (repeated) throw new ApiError('CONFLICT', `“${repeated}” is named more than once among the consortium members; name each organisation once.`);
      const bidderId = ctx.newId();
      const at = ctx.now();
      const by = ctx.actor!.id;
      insertBidder(ctx.db, { id: bidderId, evaluationId, name, reference, at, by });
      for (const m of members) insertMember(ctx.db, { id: ctx.newId(), bidderId, organisation: m.organisation, role: m.role, at, by });
      return evaluationDetail(ctx.db, evaluationId, by);
    },
  },
  'bidders.addMember': {
    auth: leadOnly,
    run(ctx, { evaluationId, bidderId, member }) {
      if (!bidderBelongsTo(ctx.db, bidderId, evaluationId)) throw new ApiError('NOT_FOUND', 'There is no such bidder in this evaluation.');
      if (member.role === 'lead') throw new ApiError('RULE_VIOLATION', 'A bidder already has its lead organisation; add partners or subcontractors.');
      const existing = findSameName(activeMemberNames(ctx.db, bidderId), member.organisation);
      if (existing) throw new ApiError('CONFLICT', `“${existing}” is already a consortium member of this bidder.`);
      insertMember(ctx.db, { id: ctx.newId(), bidderId, organisation: member.organisation, role: member.role, at: ctx.now(), by: ctx.actor!.id });
      return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
    },
  },
  'bidders.removeMember': {
    auth: leadOnly,
    run(ctx, { evaluationId, bidderId, memberId, reason }) {
      if (!bidderBelongsTo(ctx.db, bidderId, evaluationId)) throw new ApiError('NOT_FOUND', 'There is no such bidder in this evaluation.');
      const member = findActiveMember(ctx.db, bidderId, memberId);
      if (!member) throw new ApiError('NOT_FOUND', 'There is no such consortium member.');
      if (member.role === 'lead') throw new ApiError('RULE_VIOLATION', 'The lead organisation cannot be removed from a bidder.');
      markMemberRemoved(ctx.db, { memberId, at: ctx.now(), by: ctx.actor!.id, reason });
      return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
    },
  },
};
