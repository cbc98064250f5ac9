import type { Bidder } from '../../../shared/api/evaluations';
import type { Rules } from '../../../shared/domain/rules';
import { DEFAULT_RULES } from '../../../shared/domain/rules';
import { evaluationWithPanel, type TestCore } from '../support/core';

/*
 * The ranking stories' starting point, built only through the real contract: the lead's evaluation on
 * the Merton framework with three bidders, published weights, the Developing threshold and the rules
 * under test; opened for scoring; the moderator and three evaluators declare no conflicts.
 *
 * Weights: every capability area 25%; within each area Developing 40%, Maturing 40%, Thriving 20%.
 * So each Developing and Maturing criterion carries 10% of the total and each Thriving one 5%; on the
 * 0–5 scale a point is worth 2 percentage points on Developing and Maturing, 1 on Thriving.
 */

export const AREAS = ['governance-and-leadership', 'transformation-change', 'culture-change-continuous-improvement', 'managing-resources'] as const;
export const STAGES = ['developing', 'maturing', 'thriving'] as const;
export const CRITERIA = AREAS.flatMap((a) => STAGES.map((s) => `${a}/${s}`));
export const GOV_DEV = 'governance-and-leadership/developing';
export const GOV_MAT = 'governance-and-leadership/maturing';
export const TC_MAT = 'transformation-change/maturing';
export const MR_THR = 'managing-resources/thriving';
export const DEVELOPING_RULE = 'A score below 2 on any Developing criterion fails';
const RATIONALE = 'The response evidences a partnership board with signed terms of reference and clear escalation routes.';

/** Scores per criterion: `default` for every criterion not named, and a stage's default via `developing` etc. */
export type ScorePlan = { default: number } & Partial<Record<string, number>>;
export const scoreFor = (plan: ScorePlan, criterionId: string): number => plan[criterionId] ?? plan[criterionId.split('/')[1]!] ?? plan.default;

export async function rankingScene(t: TestCore, rules: Partial<Rules>) {
  const s = await evaluationWithPanel(t);
  const evaluationId = s.evaluation.id;
  for (const [name, reference] of [
    ['Beacon Care Partnership', 'BID-002'],
    ['Cedar Community Health', 'BID-003'],
  ]) {
    await t.call(s.lead.id, 'bidders.add', {
      evaluationId,
      name: name!,
      reference: reference!,
      members: [{ organisation: `${name} NHS Trust`, role: 'lead' }],
    });
  }
  await t.call(s.lead.id, 'evaluations.saveWeights', {
    evaluationId,
    weights: {
      areas: AREAS.map((areaId) => ({
        areaId,
        weight: 25,
        stages: [
          { stageId: 'developing', weight: 40 },
          { stageId: 'maturing', weight: 40 },
          { stageId: 'thriving', weight: 20 },
        ],
      })),
    },
  });
  await t.call(s.lead.id, 'evaluations.saveThresholds', {
    evaluationId,
    thresholds: [{ id: 'developing-min-2', areaId: null, stageId: 'developing', minScore: 2 }],
  });
  await t.call(s.lead.id, 'evaluations.saveRules', { evaluationId, rules: { ...DEFAULT_RULES, ...rules } });
  const detail = await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId });
  const bidder = (reference: string) => detail.bidders.find((b) => b.reference === reference)!;
  const [wandle, beacon, cedar] = [bidder('BID-001'), bidder('BID-002'), bidder('BID-003')];
  for (const person of [s.moderator, ...s.evaluators]) {
    for (const b of [wandle, beacon, cedar]) await declare(t, person.id, evaluationId, b);
  }
  return { ...s, evaluationId, wandle, beacon, cedar };
}
export type RankingScene = Awaited<ReturnType<typeof rankingScene>>;

/** A declaration about the bidder itself and each consortium member: no conflict, unless `kind` says otherwise for the bidder. */
export async function declare(t: TestCore, personId: string, evaluationId: string, bidder: Bidder, kind: 'none' | 'actual' = 'none') {
  for (const memberId of [null, ...bidder.members.map((m) => m.id)]) {
    const conflict = memberId === null && kind === 'actual';
    await t.call(personId, 'conflicts.declare', {
      evaluationId,
      bidderId: bidder.id,
      memberId,
      kind: conflict ? 'actual' : 'none',
      description: conflict ? 'I was a non-executive director of this trust until last year.' : '',
    });
  }
}

/** One evaluator saves a score on every criterion for a bidder and, unless told not to, seals them. */
export async function scoreAndSeal(t: TestCore, s: RankingScene, evaluatorId: string, bidder: Bidder, plan: ScorePlan, seal = true) {
  for (const criterionId of CRITERIA) {
    const score = scoreFor(plan, criterionId);
    await t.call(evaluatorId, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId: bidder.id,
      criterionId,
      score,
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: {},
    });
  }
  if (seal) await t.call(evaluatorId, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: bidder.id });
}

/** The moderator records a consensus (with a reason, as a change or a departure from every evaluator needs one). */
export const recordConsensus = (t: TestCore, s: RankingScene, bidder: Bidder, criterionId: string, score: number) =>
  t.call(s.moderator.id, 'moderation.record', {
    evaluationId: s.evaluationId,
    bidderId: bidder.id,
    criterionId,
    score,
    internalNote: 'Discussed the evidence at the moderation meeting and agreed the score.',
    bidderExplanation: 'The response evidences this criterion as set out in section 2 of the bid.',
    reason: 'Agreed at the moderation meeting.',
  });

/** Flags as short strings, sorted, so a test can compare the whole set at once. */
/** "Wandle governance/developing +1 top-two": who, which criterion, which way one step goes, and whether it changes the top two. */
export const flagList = (flags: { bidderId: string; criterionId: string; from: number; to: number; changesTopTwo: boolean }[], names: Record<string, string>) =>
  flags.map((f) => `${names[f.bidderId]} ${f.criterionId} ${f.to > f.from ? '+1' : '-1'}${f.changesTopTwo ? ' top-two' : ''}`).sort();
