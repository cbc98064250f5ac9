import { ApiError } from '../../../shared/api/errors';
import type { evaluationMethods } from '../../../shared/api/evaluations';
import { checkSettings, defaultSettings, type EvaluationSettings } from '../../../shared/domain/settings';
import { anyPanelRole, leadOnly, signedIn } from '../authorisation';
import type { HandlerContext } from '../context';
import { findFramework } from '../frameworks/repo';
import { addMembership } from '../panel/repo';
import type { HandlersFor } from '../registry';
import { evaluationDetail, evaluationStatus, frozenFramework, insertEvaluation, insertSettings, latestSettings, listEvaluationsFor, setStatus, updateDetails } from './repo';

type SetupMethods = Pick<typeof evaluationMethods, 'evaluations.list' | 'evaluations.get' | 'evaluations.create' | 'evaluations.saveDetails' | 'evaluations.saveScale' | 'evaluations.saveWeights' | 'evaluations.saveThresholds' | 'evaluations.saveRules' | 'evaluations.openScoring'>;

/** Saves a new settings version after checking the whole result against the frozen framework. */
function saveSettings(ctx: HandlerContext, evaluationId: string, change: Partial<EvaluationSettings>) {
  assertInSetup(ctx, evaluationId);
  const next = { ...latestSettings(ctx.db, evaluationId).settings, ...change };
  const issues = checkSettings(next, frozenFramework(ctx.db, evaluationId));
  if (issues.length > 0) throw new ApiError('RULE_VIOLATION', issues.map((i) => i.message).join('; '), issues);
  insertSettings(ctx.db, evaluationId, next, ctx.now(), ctx.actor!.id);
  return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
}

/** Once scoring opens, the published scale, weights, thresholds and rules are fixed. */
export function assertInSetup(ctx: HandlerContext, evaluationId: string): void {
  if (evaluationStatus(ctx.db, evaluationId) !== 'setup') {
    throw new ApiError('RULE_VIOLATION', 'The evaluation is open for scoring, so its published set-up can no longer change.');
  }
}

export const evaluationHandlers: HandlersFor<SetupMethods> = {
  'evaluations.list': { auth: signedIn, run: (ctx) => listEvaluationsFor(ctx.db, ctx.actor!.id) },
  'evaluations.get': { auth: anyPanelRole, run: (ctx, { evaluationId }) => evaluationDetail(ctx.db, evaluationId, ctx.actor!.id) },
  'evaluations.create': {
    auth: signedIn,
    run(ctx, { name, reference, frameworkId }) {
      const source = findFramework(ctx.db, frameworkId);
      if (!source) throw new ApiError('NOT_FOUND', 'There is no such framework.');
      const id = ctx.newId();
      const at = ctx.now();
      const by = ctx.actor!.id;
      insertEvaluation(ctx.db, { id, name, reference, framework: source.framework, sourceId: frameworkId, sourceRevision: source.summary.revision, at, by });
      insertSettings(ctx.db, id, defaultSettings(source.framework), at, by);
      addMembership(ctx.db, { id: ctx.newId(), evaluationId: id, personId: by, role: 'lead', at, by });
      const { framework: _f, settings: _s, panel: _p, bidders: _b, settingsVersion: _v, settingsSavedAt: _a, settingsSavedBy: _sb, ...summary } =
        evaluationDetail(ctx.db, id, by);
      return summary;
    },
  },
  'evaluations.saveDetails': {
    auth: leadOnly,
    run(ctx, { evaluationId, name, reference }) {
      updateDetails(ctx.db, evaluationId, name, reference);
      return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
    },
  },
  'evaluations.saveScale': { auth: leadOnly, run: (ctx, { evaluationId, scale }) => saveSettings(ctx, evaluationId, { scale }) },
  'evaluations.saveWeights': { auth: leadOnly, run: (ctx, { evaluationId, weights }) => saveSettings(ctx, evaluationId, { weights }) },
  'evaluations.saveThresholds': { auth: leadOnly, run: (ctx, { evaluationId, thresholds }) => saveSettings(ctx, evaluationId, { thresholds }) },
  'evaluations.saveRules': { auth: leadOnly, run: (ctx, { evaluationId, rules }) => saveSettings(ctx, evaluationId, { rules }) },
  'evaluations.openScoring': {
    auth: leadOnly,
    run(ctx, { evaluationId }) {
      assertInSetup(ctx, evaluationId);
      const detail = evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
      const problems: string[] = [];
      if (!detail.panel.some((m) => m.role === 'evaluator')) problems.push('add at least one evaluator to the panel');
      if (detail.bidders.length === 0) problems.push('add at least one bidder');
      const issues = checkSettings(detail.settings, detail.framework);
      if (issues.length > 0) problems.push(...issues.map((i) => i.message));
      if (problems.length > 0) throw new ApiError('RULE_VIOLATION', `The evaluation cannot open for scoring yet: ${problems.join('; ')}.`);
      setStatus(ctx.db, { evaluationId, status: 'scoring', at: ctx.now(), by: ctx.actor!.id });
      return evaluationDetail(ctx.db, evaluationId, ctx.actor!.id);
    },
  },
};
