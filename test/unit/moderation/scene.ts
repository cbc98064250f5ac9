import type { Bidder } from '../../../shared/api/evaluations';
import type { Rules } from '../../../shared/domain/rules';
import { DEFAULT_RULES } from '../../../shared/domain/rules';
import { evaluationWithPanel, type TestCore } from '../support/core';

/*
 * The moderation story's starting point, arranged only through the real contract: the lead's evaluation
 * (Merton, 0–5 scale) with a moderator and three evaluators, two consortium bidders, open for scoring.
 * Everyone on the panel but the lead declares "no conflict" about each bidder and consortium member,
 * unless a test declares otherwise.
 */

export const GOV_DEV = 'governance-and-leadership/developing';
export const GOV_MAT = 'governance-and-leadership/maturing';
export const TC_DEV = 'transformation-change/developing';

/** The twelve Merton criteria (4 capability areas × 3 stages). */
export const ALL_CRITERIA = ['governance-and-leadership', 'transformation-change', 'culture-change-continuous-improvement', 'managing-resources'].flatMap((area) =>
  ['developing', 'maturing', 'thriving'].map((stage) => `${area}/${stage}`),
);

/** Declares about the bidder and each current consortium member: no conflict, except an actual one with `conflictWith`. */
export async function declareAbout(t: TestCore, personId: string, evaluationId: string, bidder: Bidder, conflictWith: string | null = null): Promise<void> {
  for (const memberId of [null, ...bidder.members.map((m) => m.id)]) {
    const conflict = memberId !== null && memberId === conflictWith;
    await t.call(personId, 'conflicts.declare', {
      evaluationId,
      bidderId: bidder.id,
      memberId,
      kind: conflict ? 'actual' : 'none',
      description: conflict ? 'I was a trustee of this charity until last year.' : '',
    });
  }
}

export interface SceneOptions {
  rules?: Partial<Rules>;
  /** Who does not declare at all (they can neither see nor score, and the moderator cannot see the board). */
  undeclared?: 'moderator';
}

export async function moderationScene(t: TestCore, options: SceneOptions = {}) {
  const s = await evaluationWithPanel(t);
  const evaluationId = s.evaluation.id;
  const withSecond = await t.call(s.lead.id, 'bidders.add', {
    evaluationId,
    name: 'Riverside Care Partnership',
    reference: 'BID-002',
    members: [
      { organisation: 'Riverside Healthcare NHS Foundation Trust', role: 'lead' },
      { organisation: 'Raynes Park Carers (charity)', role: 'partner' },
    ],
  });
  const other = withSecond.bidders.find((b) => b.name === 'Riverside Care Partnership')!;
  if (options.rules) await t.call(s.lead.id, 'evaluations.saveRules', { evaluationId, rules: { ...DEFAULT_RULES, ...options.rules } });
  await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId });
  const declarants = options.undeclared === 'moderator' ? s.evaluators : [s.moderator, ...s.evaluators];
  for (const person of declarants) {
    for (const bidder of [s.bidder, other]) await declareAbout(t, person.id, evaluationId, bidder);
  }
  return { ...s, evaluationId, other };
}

export type Scene = Awaited<ReturnType<typeof moderationScene>>;

/** A rationale long enough to seal (the default minimum is 50 characters), recognisable per evaluator, criterion and bidder. */
export const rationaleOf = (evaluatorName: string, criterionId: string, bidderId: string) =>
  `${evaluatorName} on ${criterionId} of bid ${bidderId}: the response evidences a partnership board with signed terms of reference.`;

/** Saves a score for every criterion (3 unless `scores` says otherwise) through scoring.save. */
export async function scoreAll(t: TestCore, s: Scene, evaluator: { id: string; name: string }, bidderId: string, scores: Record<string, number> = {}): Promise<void> {
  for (const criterionId of ALL_CRITERIA) {
    await t.call(evaluator.id, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId,
      criterionId,
      score: scores[criterionId] ?? 3,
      rationale: rationaleOf(evaluator.name, criterionId, bidderId),
      evidenceRefs: [],
      indicatorMarks: {},
    });
  }
}

/** Scores every criterion and seals, through scoring.save and scoring.seal. */
export async function scoreAndSeal(t: TestCore, s: Scene, evaluator: { id: string; name: string }, bidderId: string, scores: Record<string, number> = {}): Promise<void> {
  await scoreAll(t, s, evaluator, bidderId, scores);
  await t.call(evaluator.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId });
}

/**
 * The three evaluators' sealed scores for the first bidder: Governance and leadership — Developing is
 * scored 1, 3 and 4 (spread 3, flagged at the default tolerance of 2); Governance and leadership —
 * Maturing 3, 3 and 4 (spread 1); everything else 3.
 */
export async function allSealed(t: TestCore, s: Scene, bidderId = s.bidder.id): Promise<void> {
  const [eve, evan, eva] = s.evaluators;
  await scoreAndSeal(t, s, eve, bidderId, { [GOV_DEV]: 1, [GOV_MAT]: 3 });
  await scoreAndSeal(t, s, evan, bidderId, { [GOV_DEV]: 3, [GOV_MAT]: 3 });
  await scoreAndSeal(t, s, eva, bidderId, { [GOV_DEV]: 4, [GOV_MAT]: 4 });
}

/** The params of a consensus for the first bidder, with notes filled in. */
export const consensus = (s: Scene, criterionId: string, score: number, reason = '', bidderId = s.bidder.id) => ({
  evaluationId: s.evaluationId,
  bidderId,
  criterionId,
  score,
  internalNote: 'The panel agreed the board’s terms of reference are signed but escalation is untested.',
  bidderExplanation: 'Your response (section 2.1, p. 4) evidences a signed partnership board terms of reference.',
  reason,
});
