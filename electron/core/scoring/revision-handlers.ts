import { ApiError } from '../../../shared/api/errors';
import type { ScoreEntry } from '../../../shared/api/scoring';
import { panel } from '../authorisation';
import { assertMaySeeBidder } from '../conflicts/access';
import type { Handler } from '../registry';
import { addendumNotices, insertReview } from './addendum-notices';
import { assertMaySave } from './assert-may-save';
import { when } from './may-save';
import { insertEntry } from './repo';
import { sortedMarks } from './validate';

/*
 * What an evaluator does about an addendum to a bid they have scored: read it ("changed since you sealed"),
 * revise a sealed criterion in light of it, or record that they reviewed it and their scores stand.
 */

const evaluatorOnly = panel('evaluator');

export const addendaHandler: Handler<'scoring.addenda'> = {
  auth: evaluatorOnly,
  run(ctx, { evaluationId, bidderId }) {
    assertMaySeeBidder(ctx, evaluationId, bidderId);
    return addendumNotices(ctx.db, ctx.actor!.id, bidderId);
  },
};

/** A new score_entries row citing the addendum: from now on the evaluator's sealed score for the criterion. */
export const reviseHandler: Handler<'scoring.revise'> = {
  auth: evaluatorOnly,
  run(ctx, { evaluationId, bidderId, addendumId, reason, criterionId, score, rationale, evidenceRefs, indicatorMarks }) {
    const draft = { criterionId, score, rationale, evidenceRefs, indicatorMarks: sortedMarks(indicatorMarks) };
    assertMaySave(ctx, evaluationId, bidderId, { kind: 'revise', draft, addendumId, reason });
    const entry: ScoreEntry = { ...draft, provenance: 'app', savedAt: ctx.now(), revision: { addendumId, reason: reason.trim() } };
    insertEntry(ctx.db, { evaluationId, bidderId, evaluatorId: ctx.actor!.id, entry });
    return entry;
  },
};

/** "Reviewed — no change": only for an addendum the evaluator is told of, once. */
export const reviewAddendumHandler: Handler<'scoring.reviewAddendum'> = {
  auth: evaluatorOnly,
  run(ctx, { evaluationId, bidderId, addendumId }) {
    assertMaySeeBidder(ctx, evaluationId, bidderId);
    const notice = addendumNotices(ctx.db, ctx.actor!.id, bidderId).addenda.find((a) => a.id === addendumId);
    if (!notice) {
      throw new ApiError(
        'NOT_FOUND',
        'There is no such addendum to review: it is not an addendum to this bidder’s bid made since you sealed (or started scoring) it.',
      );
    }
    if (notice.reviewedAt) throw new ApiError('CONFLICT', `You already recorded on ${when(notice.reviewedAt)} that you reviewed this addendum.`);
    const at = ctx.now();
    insertReview(ctx.db, { addendumId, evaluatorId: ctx.actor!.id, at });
    return { addendumId, reviewedAt: at };
  },
};
