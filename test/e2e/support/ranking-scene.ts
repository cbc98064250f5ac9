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
 *  Cedar (BID-003, only with `cedar`: added before scoring opens): everyone gives 4, Chen 3 on
 *    Transformation change — Developing. Consensus 4 everywhere, 3 there → 80 − 8.335 × 1 ÷ 5 = 78.333%:
 *    second, 1.667 points behind Wandle. A point on a Developing criterion is worth 1.667, on the others
 *    1.6665: so one point more on a Developing criterion of Cedar's, or one less on one of Wandle's, ties
 *    them; a point elsewhere falls just short. `scoredDemo` leaves Chen's seal and Cedar's consensus to
 *    `finishCedar`.
 */

export const CEDAR = 'Cedar Community Health';
export const TC_DEV = 'transformation-change/developing';

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
  'BID-003': {
    evaluators: { Alice: { default: 4 }, Ben: { default: 4 }, Chen: { default: 4, [TC_DEV]: 3 } },
    consensus: { default: 4, [TC_DEV]: 3 },
  },
};
const pick = (s: Scores, criterionId: string) => s[criterionId] ?? s.default;

/** The demo with a third bidder, Cedar, added by the lead before scoring opens. */
async function demoWithCedar(host: RunningHost): Promise<Demo> {
  const { evaluationId, leadPersonId } = await callApi(host, null, 'demo.create', {});
  await callApi(host, leadPersonId, 'bidders.add', {
    evaluationId,
    name: CEDAR,
    reference: 'BID-003',
    members: [{ organisation: 'Cedar Community Health CIC', role: 'lead' }],
  });
  const evaluation = await callApi(host, leadPersonId, 'evaluations.openScoring', { evaluationId });
  const person = (name: string) => evaluation.panel.find((m) => m.name.startsWith(name))!.personId;
  return { evaluationId, leadPersonId, evaluation, person };
}

async function scoreAndSeal(host: RunningHost, demo: Demo, name: string, bidder: Demo['evaluation']['bidders'][number]) {
  const scores = PLAN[bidder.reference]!.evaluators[name]!;
  for (const criterionId of CRITERIA) {
    await callApi(host, demo.person(name), 'scoring.save', {
      evaluationId: demo.evaluationId,
      bidderId: bidder.id,
      criterionId,
      score: pick(scores, criterionId),
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: {},
    });
  }
  await callApi(host, demo.person(name), 'scoring.seal', { evaluationId: demo.evaluationId, bidderId: bidder.id });
}

/**
 * Declares, scores and seals for every evaluator; records consensus for every criterion except those in
 * `leaveOut` ("BID-002 criterionId"). With `cedar`, Cedar is scored and sealed by Alice and Ben only: it
 * waits for Chen's seal, so no score counts for it yet.
 */
export async function scoredDemo(host: RunningHost, leaveOut: string[] = [], { cedar = false } = {}) {
  const demo = cedar ? await demoWithCedar(host) : await demoOpenForScoring(host);
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
    for (const name of Object.keys(PLAN[bidder.reference]!.evaluators)) {
      if (bidder.reference !== 'BID-003' || name !== 'Chen') await scoreAndSeal(host, demo, name, bidder);
    }
  }
  await recordConsensus(host, demo, (ref, c) => ref !== 'BID-003' && !leaveOut.includes(`${ref} ${c}`));
  const bidder = (reference: string) => evaluation.bidders.find((b) => b.reference === reference)!;
  return { ...demo, moderator, wandle: bidder('BID-001'), southLondon: bidder('BID-002') };
}

/** Chen seals Cedar and the moderator records its consensus: Cedar's scores count on every criterion. */
export async function finishCedar(host: RunningHost, demo: Demo) {
  await scoreAndSeal(
    host,
    demo,
    'Chen',
    demo.evaluation.bidders.find((b) => b.reference === 'BID-003')!,
  );
  await recordConsensus(host, demo, (ref) => ref === 'BID-003');
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
