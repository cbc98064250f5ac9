import { ApiError } from '../../../shared/api/errors';
import type { ScoreEntry, scoringMethods } from '../../../shared/api/scoring';
import { sealBlockers, sealRefusal } from '../../../shared/domain/scoring';
import { panel } from '../authorisation';
import { assertMaySeeBidder } from '../conflicts/access';
import type { HandlerContext } from '../context';
import { evaluationStatus, frozenFramework, latestSettings } from '../evaluations/repo';
import type { HandlersFor } from '../registry';
import { myProgress, panelProgress } from './progress';
import { currentEntries, documentIdsOf, entryHistory, insertEntry, insertSeal, sealedAt } from './repo';
import { findCriterion, saveIssues, sortedMarks } from './validate';

/*
 * An evaluator's individual scores. Every method that reads or writes scores is scoped to the caller
 * (ctx.actor): no handler here takes a person id from the params, so no call can reach another
 * evaluator's scores. Everything touching a bidder passes the recusal rule first.
 */

const evaluatorOnly = panel('evaluator');
const me = (ctx: HandlerContext) => ctx.actor!.id;

function assertOpenForScoring(ctx: HandlerContext, evaluationId: string): void {
  if (evaluationStatus(ctx.db, evaluationId) !== 'scoring') {
    throw new ApiError('RULE_VIOLATION', 'The evaluation is not open for scoring yet: the procurement lead opens it once the set-up is published.');
  }
}

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

function assertNotSealed(ctx: HandlerContext, bidderId: string): void {
  const at = sealedAt(ctx.db, me(ctx), bidderId);
  if (at) throw new ApiError('RULE_VIOLATION', `You sealed your scores for this bidder on ${when(at)}; sealed scores cannot be changed by anyone.`);
}

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
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      assertOpenForScoring(ctx, evaluationId);
      assertNotSealed(ctx, bidderId);
      const { scale } = latestSettings(ctx.db, evaluationId).settings;
      const draft = { criterionId, score, evidenceRefs, indicatorMarks: sortedMarks(indicatorMarks) };
      const issues = saveIssues(frozenFramework(ctx.db, evaluationId), scale, documentIdsOf(ctx.db, bidderId), draft);
      if (issues.length > 0) throw new ApiError('RULE_VIOLATION', `This score cannot be saved: ${issues.map((i) => i.message).join('; ')}.`, issues);
      const entry: ScoreEntry = { ...draft, rationale, provenance: 'app', savedAt: ctx.now() };
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
      assertMaySeeBidder(ctx, evaluationId, bidderId);
      assertOpenForScoring(ctx, evaluationId);
      assertNotSealed(ctx, bidderId);
      const { scale, rules } = latestSettings(ctx.db, evaluationId).settings;
      const blockers = sealBlockers(
        frozenFramework(ctx.db, evaluationId),
        scale,
        rules.rationaleMinLength,
        currentEntries(ctx.db, me(ctx), bidderId),
      );
      if (blockers.length > 0) {
        throw new ApiError(
          'RULE_VIOLATION',
          sealRefusal(blockers.length),
          blockers.map((b) => ({ path: b.criterionId, message: b.message })),
        );
      }
      const at = ctx.now();
      insertSeal(ctx.db, { evaluationId, bidderId, evaluatorId: me(ctx), at });
      return { sealedAt: at };
    },
  },
  // Lists every bidder — including those the evaluator must still declare against or is recused from —
  // so it cannot pass the recusal rule per bidder; it returns only names (already on evaluations.get),
  // the evaluator's own declaration status, and the evaluator's own counts.
  'scoring.myProgress': { auth: evaluatorOnly, run: (ctx, { evaluationId }) => myProgress(ctx.db, evaluationId, me(ctx)) },
  // Counts and seal times only. A moderator recused from a bidder still sees that bidder's counts: they
  // carry nothing of the bid and no score, and the moderator needs them to chase the panel. Recusal
  // applies to anything revealing a bid or its scores (submissions, documents and, later, moderation).
  'panel.progress': { auth: panel('lead', 'moderator'), run: (ctx, { evaluationId }) => panelProgress(ctx.db, evaluationId) },
};
