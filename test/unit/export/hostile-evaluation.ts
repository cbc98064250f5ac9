import type { Framework } from '../../../shared/domain/framework';
import { listCriteria } from '../../../shared/domain/framework';
import type { AggregationRule } from '../../../shared/domain/rules';
import { declareAll } from '../support/declarations';
import type { TestCore } from '../support/core';

/*
 * An evaluation whose words try every way a spreadsheet could misread them: capability area titles and
 * stage labels that start with = - @ +, and bidder names that start like a formula or that the old
 * apostrophe prefix made equal ("=Wandle Health" and "'=Wandle Health" were both written "'=Wandle Health").
 * Arranged through the real contract only.
 */

export const HOSTILE_AREA_TITLES = ['=Governance and leadership', '-Transformation change', '@Culture change', '+Managing resources'] as const;
export const HOSTILE_STAGE_LABELS = ['=Developing', '-Maturing', '@Thriving'] as const;
export const HOSTILE_BIDDER_NAMES = ['=Wandle Health', "'=Wandle Health", '+Riverside Care', '-Riverside Care', '@Mitcham Carers'] as const;

function hostileFramework(): Framework {
  const stageIds = HOSTILE_STAGE_LABELS.map((_, i) => `stage-${i + 1}`);
  return {
    schemaVersion: 1,
    id: 'hostile-words',
    name: '=Hostile words framework',
    source: '@the test suite',
    notes: [],
    stages: HOSTILE_STAGE_LABELS.map((label, i) => ({ id: stageIds[i]!, label, horizon: '-by 2027' })),
    areas: HOSTILE_AREA_TITLES.map((title, i) => ({
      id: `area-${i + 1}`,
      title,
      questions: ['=How is this evidenced?'],
      indicators: Object.fromEntries(stageIds.map((s) => [s, [{ id: `area-${i + 1}-${s}-evidence`, text: '+A signed board paper', children: [] }]])),
    })),
  };
}

/**
 * The hostile evaluation, open for scoring, with a moderator and two evaluators who have declared clear of
 * every bidder and sealed `scoreFor(evaluator, bidder, criterion)` for every criterion of every bidder.
 */
export async function hostileEvaluation(
  t: TestCore,
  opts: { aggregation: AggregationRule; scoreFor: (evaluator: number, bidder: number, criterion: number) => number },
) {
  const lead = await t.profile('Lee Lead');
  const moderator = await t.profile('@Mo Moderator');
  const evaluators = [await t.profile('=Eve Evaluator'), await t.profile('-Evan Evaluator')];
  const imported = await t.call(lead.id, 'frameworks.import', { json: JSON.stringify(hostileFramework()) });
  const { id: evaluationId } = await t.call(lead.id, 'evaluations.create', {
    name: '=Hostile words 2026',
    reference: 'HW-26',
    frameworkId: imported.id,
  });
  const before = await t.call(lead.id, 'evaluations.get', { evaluationId });
  await t.call(lead.id, 'evaluations.saveRules', { evaluationId, rules: { ...before.settings.rules, aggregation: opts.aggregation } });
  await t.call(lead.id, 'panel.add', { evaluationId, personId: moderator.id, role: 'moderator' });
  for (const e of evaluators) await t.call(lead.id, 'panel.add', { evaluationId, personId: e.id, role: 'evaluator' });
  for (const [i, name] of HOSTILE_BIDDER_NAMES.entries()) {
    await t.call(lead.id, 'bidders.add', {
      evaluationId,
      name,
      reference: `BID-${i + 1}`,
      members: [
        { organisation: `${name} Trust`, role: 'lead' },
        { organisation: `-${name} Carers`, role: 'partner' },
      ],
    });
  }
  const evaluation = await t.call(lead.id, 'evaluations.openScoring', { evaluationId });
  for (const person of [moderator, ...evaluators]) await declareAll(t, evaluationId, person.id);
  const criteria = listCriteria(evaluation.framework);
  for (const [e, evaluator] of evaluators.entries()) {
    for (const [b, bidder] of evaluation.bidders.entries()) {
      for (const [c, criterion] of criteria.entries()) {
        await t.call(evaluator.id, 'scoring.save', {
          evaluationId,
          bidderId: bidder.id,
          criterionId: criterion.id,
          score: opts.scoreFor(e, b, c),
          rationale: `=Evidence for ${criterion.id}: the response cites its governance papers, section ${c + 1}, and a signed agreement.`,
          evidenceRefs: [],
          indicatorMarks: {},
        });
      }
      await t.call(evaluator.id, 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
  }
  return { evaluationId, leadId: lead.id, moderatorId: moderator.id, bidders: evaluation.bidders, criteria, framework: evaluation.framework };
}
