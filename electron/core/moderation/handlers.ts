import { ApiError } from '../../../shared/api/errors';
import type { moderationMethods } from '../../../shared/api/moderation';
import { listCriteria } from '../../../shared/domain/framework';
import { isOnScale } from '../../../shared/domain/scale';
import { activeRole, panel } from '../authorisation';
import { accessTo, assertMaySeeBidder } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { biddersOf, evaluationStatus, frozenFramework, latestSettings } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { buildBoard } from './board';
import { insertConfirmation } from './confirmations';
import { assertConsensusMayCount, confirmable } from './may-record';
import { consensusHistory, insertConsensus } from './repo';

const moderatorOrLead = panel('lead', 'moderator');

function assertCriterion(ctx: HandlerContext, evaluationId: string, criterionId: string) {
  const criterion = listCriteria(frozenFramework(ctx.db, evaluationId)).find((c) => c.id === criterionId);
  if (!criterion) throw new ApiError('NOT_FOUND', `"${criterionId}" is not a criterion of this evaluation.`);
  return criterion;
}

export const moderationHandlers: HandlersFor<typeof moderationMethods> = {
  'moderation.board': {
    auth: moderatorOrLead,
    run(ctx, { evaluationId, bidderId, summary }) {
      const isLead = activeRole(ctx, evaluationId, ctx.actor!.id) === 'lead';
      if (bidderId) assertMaySeeBidder(ctx, evaluationId, bidderId);
      const all = biddersOf(ctx.db, evaluationId).filter((b) => !bidderId || b.id === bidderId);
      const unavailable = all
        .map((b) => ({ bidderId: b.id, bidderName: b.name, access: isLead ? 'clear' : accessTo(ctx.db, evaluationId, ctx.actor!.id, b.id) }))
        .filter((b) => b.access !== 'clear')
        .map((b) => ({ bidderId: b.bidderId, bidderName: b.bidderName, reason: b.access as 'recused' | 'undeclared' }));
      const visible = all.filter((b) => !unavailable.some((u) => u.bidderId === b.id)).map((b) => b.id);
      const { inputs, bidders } = buildBoard(ctx.db, evaluationId, visible, { summary });
      return {
        aggregation: inputs.settings.rules.aggregation,
        tolerance: inputs.settings.rules.spreadTolerance,
        bidders,
        unavailableBidders: unavailable,
      };
    },
  },
  'moderation.record': {
    auth: panel('moderator'),
    run(ctx, { evaluationId, bidderId, criterionId, score, internalNote, bidderExplanation, reason }) {
      if (evaluationStatus(ctx.db, evaluationId) !== 'scoring') throw new ApiError('RULE_VIOLATION', 'Moderation happens once the evaluation is open for scoring.');
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      assertCriterion(ctx, evaluationId, criterionId);
      const { settings } = latestSettings(ctx.db, evaluationId);
      if (!isOnScale(settings.scale, score)) throw new ApiError('RULE_VIOLATION', `${score} is not a point on the scoring scale.`);
      const { bidders, counting } = buildBoard(ctx.db, evaluationId, [bidderId]);
      const board = bidders[0]!;
      const criterion = board.criteria.find((c) => c.criterionId === criterionId)!;
      assertConsensusMayCount(settings.rules.aggregation, settings.rules.spreadTolerance, board, criterion);
      const needsReason: string[] = [];
      if (!criterion.sealed.some((s) => s.counted && s.score === score)) needsReason.push('the consensus differs from every evaluator’s score');
      if (criterion.consensus) needsReason.push(`it changes the consensus recorded on ${criterion.consensus.recordedAt.slice(0, 10)}`);
      if (needsReason.length > 0 && reason.trim().length === 0) {
        throw new ApiError('RULE_VIOLATION', `A reason is required because ${needsReason.join(' and ')}.`, [{ path: 'reason', message: 'a reason is required' }]);
      }
      insertConsensus(ctx.db, {
        id: ctx.newId(),
        evaluationId,
        bidderId,
        criterionId,
        score,
        internalNote,
        bidderExplanation,
        reason,
        at: ctx.now(),
        by: ctx.actor!.id,
        supersedes: criterion.consensus?.id ?? null,
        countedEvaluators: counting[0]!.countedEvaluators,
      });
      const [after] = buildBoard(ctx.db, evaluationId, [bidderId]).bidders;
      return after!.criteria.find((c) => c.criterionId === criterionId)!;
    },
  },
  'moderation.confirmAgreed': {
    auth: panel('moderator'),
    run(ctx, { evaluationId, bidderId, note }) {
      if (evaluationStatus(ctx.db, evaluationId) !== 'scoring') throw new ApiError('RULE_VIOLATION', 'Moderation happens once the evaluation is open for scoring.');
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      const { settings } = latestSettings(ctx.db, evaluationId);
      const { bidders, counting } = buildBoard(ctx.db, evaluationId, [bidderId], { summary: true });
      const open = confirmable(settings.rules.aggregation, bidders[0]!);
      const at = ctx.now();
      for (const c of open) {
        insertConfirmation(ctx.db, {
          id: ctx.newId(),
          evaluationId,
          bidderId,
          criterionId: c.criterionId,
          score: c.agreed!,
          countedEvaluators: counting[0]!.countedEvaluators,
          note,
          at,
          by: ctx.actor!.id,
        });
      }
      return { confirmed: open.length, bidder: buildBoard(ctx.db, evaluationId, [bidderId]).bidders[0]! };
    },
  },
  'moderation.history': {
    auth: moderatorOrLead,
    run(ctx, { evaluationId, bidderId, criterionId }) {
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      assertCriterion(ctx, evaluationId, criterionId);
      return consensusHistory(ctx.db, evaluationId, bidderId, criterionId);
    },
  },
};

