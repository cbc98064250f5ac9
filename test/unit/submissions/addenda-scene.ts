import type { Params } from '../../../shared/api/contract';
import { makeCore, type TestCore } from '../support/core';
import { GOV_DEV, RATIONALE, scoringScene } from '../scoring/scene';
import { bytesOf } from './scene';

/*
 * The addenda stories start from the scoring scene (open for scoring; evaluators A and B clear for both
 * bidders, C yet to declare) with the lead's original response to Governance and leadership. The clock moves
 * on a millisecond at every reading, so a seal and an addendum made one after the other never share a time.
 */

export const GOVERNANCE = 'governance-and-leadership';
export const ORIGINAL = 'A joint board chaired by the lead trust meets quarterly.';
export const CORRECTED = 'Corrected on the bidder’s clarification: an independently chaired joint board meets monthly in public.';
export const REASON = 'Clarification 3 from the bidder: page 2 of the response was missing from the portal upload.';

export function tickingClock(): () => Date {
  let now = Date.now();
  return () => new Date(++now);
}

export async function addendaScene(t: TestCore = makeCore(undefined, { clock: tickingClock() })) {
  const s = await scoringScene(t);
  const { evaluationId } = s;
  const bidderId = s.bidder.id;
  await t.call(s.lead.id, 'submissions.saveResponse', { evaluationId, bidderId, areaId: GOVERNANCE, text: ORIGINAL });
  const addendum = (change: Partial<Params<'submissions.addendum'>> = {}, actorId = s.lead.id) =>
    t.call(actorId, 'submissions.addendum', { evaluationId, bidderId, reason: REASON, response: { areaId: GOVERNANCE, text: CORRECTED }, ...change });
  const scoreOne = (evaluatorId: string, criterionId = GOV_DEV) =>
    t.call(evaluatorId, 'scoring.save', { evaluationId, bidderId, criterionId, score: 3, rationale: RATIONALE, evidenceRefs: [], indicatorMarks: {} });
  return { ...s, t, bidderId, addendum, scoreOne };
}

export type AddendaScene = Awaited<ReturnType<typeof addendaScene>>;

/** A document carried by an addendum. */
export const clarificationLetter = (text = 'Clarification letter 3 (fictional).') => ({ fileName: 'clarification-3.txt', mediaType: 'text/plain', content: bytesOf(text) });
