import type { RunningHost } from './web-host';
import { callApi, demoOpenForScoring } from './api';

/*
 * The demo evaluation scored and sealed by all three evaluators through the real API, for the ranked
 * results story. Default weights: each capability area 25%, stages 33.34 / 33.33 / 33.33% within it, so
 * governance-and-leadership/developing carries 25 × 33.34% = 8.335% of the total.
 *
 *  Wandle (BID-001): Alice and Ben give 4 everywhere, Chen 3 (2 on Governance — Developing: spread 2,
 *    flagged at the demo's tolerance of 2). Consensus 4 everywhere → 100 × 4 ÷ 5 = 80.00%.
 *  South London (BID-002): everyone gives 3, except Governance — Developing where Alice and Chen give 1
 *    and Ben 2. Consensus 3, and 1 on Governance — Developing → 60 − 8.335 × 2 ÷ 5 = 56.666 → 56.67%:
 *    below 2 on a Developing criterion, so it fails the demo's threshold and is not ranked.
 */

export const GOV_DEV = 'governance-and-leadership/developing';
const AREAS = ['governance-and-leadership', 'transformation-change', 'culture-change-continuous-improvement', 'managing-resources'];
export const CRITERIA = AREAS.flatMap((a) => ['developing', 'maturing', 'thriving'].map((s) => `${a}/${s}`));
const RATIONALE = 'The response cites the partnership board terms of reference and the escalation routes in the annex.';

type Scores = Record<string, number> & { default: number };
const PLAN: Record<string, { evaluators: Record<string, Scores>; consensus: Scores }> = {
  'BID-001': {
    evaluators: { Alice: { default: 4 }, Ben: { default: 4 }, Chen: { default: 3, [GOV_DEV]: 2 } },
    consensus: { default: 4 },
  },
  'BID-002': {
    evaluators: { Alice: { default: 3, [GOV_DEV]: 1 }, Ben: { default: 3, [GOV_DEV]: 2 }, Chen: { default: 3, [GOV_DEV]: 1 } },
    consensus: { default: 3, [GOV_DEV]: 1 },
  },
};
const pick = (s: Scores, criterionId: string) => s[criterionId] ?? s.default;

/** Declares, scores and seals for every evaluator; records consensus for every criterion except those in `leaveOut` ("BID-002 criterionId"). */
export async function scoredDemo(host: RunningHost, leaveOut: string[] = []) {
  const demo = await demoOpenForScoring(host);
  const { evaluationId, evaluation, person } = demo;
  const moderator = person('Tom');
  for (const who of [moderator, person('Alice'), person('Ben'), person('Chen')]) {
    for (const bidder of evaluation.bidders) {
      for (const memberId of [null, ...bidder.members.map((m) => m.id)]) {
        await callApi(host, who, 'conflicts.declare', { evaluationId, bidderId: bidder.id, memberId, kind: 'none', description: '' });
      }
    }
  }
  for (const bidder of evaluation.bidders) {
    const plan = PLAN[bidder.reference]!;
    for (const [name, scores] of Object.entries(plan.evaluators)) {
      for (const criterionId of CRITERIA) {
        const params = {
          evaluationId,
          bidderId: bidder.id,
          criterionId,
          score: pick(scores, criterionId),
          rationale: RATIONALE,
          evidenceRefs: [],
          indicatorMarks: {},
        };
        await callApi(host, person(name), 'scoring.save', params);
      }
      await callApi(host, person(name), 'scoring.seal', { evaluationId, bidderId: bidder.id });
    }
  }
  await recordConsensus(host, demo, (ref, c) => !leaveOut.includes(`${ref} ${c}`));
  const bidder = (reference: string) => evaluation.bidders.find((b) => b.reference === reference)!;
  return { ...demo, moderator, wandle: bidder('BID-001'), southLondon: bidder('BID-002') };
}

type Demo = Awaited<ReturnType<typeof demoOpenForScoring>>;
type Planned = (reference: string, criterionId: string) => number;
const planned: Planned = (reference, criterionId) => pick(PLAN[reference]!.consensus, criterionId);

/** The moderator records a consensus (the planned one unless `score` says otherwise) on the criteria `which` selects; a change is a new version. */
export async function recordConsensus(
  host: RunningHost,
  demo: Demo,
  which: (reference: string, criterionId: string) => boolean,
  score: Planned = planned,
) {
  for (const bidder of demo.evaluation.bidders) {
    for (const criterionId of CRITERIA.filter((c) => which(bidder.reference, c))) {
      await callApi(host, demo.person('Tom'), 'moderation.record', {
        evaluationId: demo.evaluationId,
        bidderId: bidder.id,
        criterionId,
        score: score(bidder.reference, criterionId),
        internalNote: 'Agreed at the moderation meeting after discussing the evidence.',
        bidderExplanation: 'The response evidences this criterion as described in section 2 of the bid.',
        reason: 'Agreed at the moderation meeting.',
      });
    }
  }
}
