import { ApiError } from '../../../shared/api/errors';
import type { ScoreEntry, scoringMethods } from '../../../shared/api/scoring';
import { panel } from '../authorisation';
import { assertMaySeeBidder } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { frozenFramework } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { assertMaySave } from './assert-may-save';
import { myProgress, panelProgress } from './progress';
import { currentEntries, entryHistory, insertEntry, insertSeal, sealedAt } from './repo';
import { addendaHandler, reviewAddendumHandler, reviseHandler } from './revision-handlers';
import { findCriterion, sortedMarks } from './validate';

/*
 * An evaluator's individual scores. Every method that reads or writes scores is scoped to the caller
 * (ctx.actor): no handler here takes a person id from the params, so no call can reach another
 * evaluator's scores. Everything touching a bidder passes the recusal rule first.
 */

const evaluatorOnly = panel('evaluator');
const me = (ctx: HandlerContext) => ctx.actor!.id;

const sameContent = (a: ScoreEntry, b: ScoreEntry) =>
  a.score === b.score &&
  a.rationale === b.rationale &&
  JSON.stringify(a.evidenceRefs) === JSON.stringify(b.evidenceRefs) &&
  JSON.stringify(a.indicatorMarks) === JSON.stringify(b.indicatorMarks);

export const scoringHandlers: HandlersFor<typeof scoringMethods> = {
  'scoring.mine': {
    auth: evaluatorOnly,
    run(ctx, { evaluationId, bidderId }) {
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      return { scores: currentEntries(ctx.db, me(ctx), bidderId), sealedAt: sealedAt(ctx.db, me(ctx), bidderId) };
    },
  },
  'scoring.save': {
    auth: evaluatorOnly,
    run(ctx, { evaluationId, bidderId, criterionId, score, rationale, evidenceRefs, indicatorMarks }) {
      const draft = { criterionId, score, evidenceRefs, indicatorMarks: sortedMarks(indicatorMarks) };
      assertMaySave(ctx, evaluationId, bidderId, { kind: 'save', draft: { ...draft, rationale } });
      const entry: ScoreEntry = { ...draft, rationale, provenance: 'app', savedAt: ctx.now(), revision: null };
      // Autosave repeats itself: an unchanged save keeps the current entry rather than adding history.
      const current = currentEntries(ctx.db, me(ctx), bidderId).find((e) => e.criterionId === criterionId);
      if (current && sameContent(current, entry)) return current;
      insertEntry(ctx.db, { evaluationId, bidderId, evaluatorId: me(ctx), entry });
      return entry;
    },
  },
  'scoring.history': {
    auth: evaluatorOnly,
    run(ctx, { evaluationId, bidderId, criterionId }) {
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      if (!findCriterion(frozenFramework(ctx.db, evaluationId), criterionId)) {
        throw new ApiError('NOT_FOUND', `“${criterionId}” is not a criterion of this evaluation’s capability framework.`);
      }
      return entryHistory(ctx.db, me(ctx), bidderId, criterionId);
    },
  },
  'scoring.seal': {
    auth: evaluatorOnly,
    run(ctx, { evaluationId, bidderId }) {
      assertMaySave(ctx, evaluationId, bidderId, { kind: 'seal' });
      const at = ctx.now();
      insertSeal(ctx.db, { evaluationId, bidderId, evaluatorId: me(ctx), at });
      return { sealedAt: at };
    },
  },
  'scoring.addenda': addendaHandler,
  'scoring.revise': reviseHandler,
  'scoring.reviewAddendum': reviewAddendumHandler,
  // Lists every bidder — including those the evaluator must still declare against or is recused from —
  // so it cannot pass the recusal rule per bidder; it returns only names (already on evaluations.get),
  // the evaluator's own declaration status, and the evaluator's own counts.
  'scoring.myProgress': { auth: evaluatorOnly, run: (ctx, { evaluationId }) => myProgress(ctx.db, evaluationId, me(ctx)) },
  // Counts and seal times only. A moderator recused from a bidder still sees that bidder's counts: they
  // carry nothing of the bid and no score, and the moderator needs them to chase the panel. Recusal
  // applies to anything revealing a bid or its scores (submissions, documents and, later, moderation).
  'panel.progress': { auth: panel('lead', 'moderator'), run: (ctx, { evaluationId }) => panelProgress(ctx.db, evaluationId) },
};
