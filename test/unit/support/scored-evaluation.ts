import { listCriteria } from '../../../shared/domain/framework';
import type { AggregationRule } from '../../../shared/domain/rules';
import { withDemoPassphrases, type TestCore } from './core';
import { declareAll } from './declarations';

/**
 * The demo evaluation carried through the real contract to the point where results exist: opened for
 * scoring, every evaluator and the moderator declared clear, and every evaluator's scores saved and sealed
 * for every bidder. `scoreFor` decides each score (evaluator index, bidder index, criterion index).
 */
export async function scoredDemo(
  t: TestCore,
  opts: { aggregation?: AggregationRule; scoreFor?: (evaluator: number, bidder: number, criterion: number) => number } = {},
) {
  const { evaluationId, leadPersonId: leadId } = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
  const before = await t.call(leadId, 'evaluations.get', { evaluationId });
  if (opts.aggregation) await t.call(leadId, 'evaluations.saveRules', { evaluationId, rules: { ...before.settings.rules, aggregation: opts.aggregation } });
  const evaluation = await t.call(leadId, 'evaluations.openScoring', { evaluationId });
  const evaluators = evaluation.panel.filter((m) => m.role === 'evaluator');
  const moderator = evaluation.panel.find((m) => m.role === 'moderator')!;
  for (const person of [...evaluators, moderator]) await declareAll(t, evaluationId, person.personId);
  const criteria = listCriteria(evaluation.framework);
  const scoreFor = opts.scoreFor ?? ((e, b, c) => (e + b + c) % 6);
  for (const [e, evaluator] of evaluators.entries()) {
    for (const [b, bidder] of evaluation.bidders.entries()) {
      for (const [c, criterion] of criteria.entries()) {
        await t.call(evaluator.personId, 'scoring.save', {
          evaluationId,
          bidderId: bidder.id,
          criterionId: criterion.id,
          score: scoreFor(e, b, c),
          rationale: `Evidence for ${criterion.id} from ${bidder.name}: the response cites its governance papers, section ${c + 1}.`,
          evidenceRefs: [],
          indicatorMarks: {},
        });
      }
      await t.call(evaluator.personId, 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
  }
  return { evaluationId, leadId, moderatorId: moderator.personId, evaluators, bidders: evaluation.bidders, criteria, framework: evaluation.framework };
}
