import { describe, expect, it } from 'vitest';
import { effectiveWeights } from '../../../shared/domain/weights';
import { auditRows, makeCore, refusedAndUnchanged } from '../support/core';
import { CORRECTED, GOVERNANCE, REASON, tickingClock } from '../submissions/addenda-scene';
import { ALL_CRITERIA, allSealed, consensus, GOV_DEV, GOV_MAT, moderationScene } from './scene';

/*
 * Wandle's three sealed scores (scene.ts): Governance and leadership — Developing 1, 3, 4 (spread 3,
 * flagged at the tolerance of 2); Governance and leadership — Maturing 3, 3, 4 (spread 1, mean 10/3,
 * median 3); every other criterion 3, 3, 3. Riverside is not scored.
 */
describe('moderation by exception: the agreed score stands where evaluators agree, the panel discusses what is flagged', () => {
  it('under "mean unless flagged": the mean counts where they agree, one action confirms it, a flagged criterion waits for its consensus', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean-unless-flagged' } });
    await allSealed(t, s);
    const evaluationId = s.evaluationId;
    const board = async () => (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: s.bidder.id })).bidders[0]!;
    const criterion = async (id: string) => (await board()).criteria.find((c) => c.criterionId === id)!;

    expect(await criterion(GOV_MAT)).toMatchObject({ flagged: false, agreed: 10 / 3, aggregated: 10 / 3, basis: 'evaluators', confirmation: null });
    expect(await criterion(GOV_DEV)).toMatchObject({ flagged: true, agreed: null, aggregated: null, basis: 'awaiting-consensus' });

    // Provisional: ranked only on what counts for every ranked bidder (11 criteria), never on a zero; Riverside listed apart.
    const { settings } = await t.call(s.lead.id, 'evaluations.get', { evaluationId });
    const w = effectiveWeights(settings.weights);
    let ranking = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(ranking.provisional).toBe(true);
    expect(ranking.rankedOn).toEqual(ALL_CRITERIA.filter((c) => c !== GOV_DEV));
    expect(ranking.notYetRanked.map((b) => b.name)).toEqual(['Riverside Care Partnership']);
    expect(ranking.missing.filter((m) => m.bidderId === s.bidder.id)).toEqual([{ bidderId: s.bidder.id, criterionId: GOV_DEV, basis: 'awaiting-consensus' }]);
    expect(ranking.unconfirmed).toBe(11);
    // 3 of 5 on every criterion but Developing, plus Maturing's extra third of a point.
    const soFar = ALL_CRITERIA.filter((c) => c !== GOV_DEV).reduce((sum, c) => sum + (w.get(c)! * 3) / 5, 0) + (w.get(GOV_MAT)! * (1 / 3)) / 5;
    expect(ranking.ranked[0]).toMatchObject({ bidderId: s.bidder.id, rank: 1, complete: false, total: expect.closeTo(soFar, 9) });

    // A consensus where the evaluators agree would not count: refused, saying so.
    const agreedHere = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_MAT, 4, 'The panel prefers 4.'));
    expect(agreedHere.message).toBe(
      'The evaluators agree on this criterion (spread 1, below the tolerance of 2), so under the declared rule their score counts, not a consensus. Confirm the agreed scores instead.',
    );
    const noNote = await refusedAndUnchanged(t, s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: '  ' });
    expect(noNote.code).toBe('INVALID_PARAMS');
    const byLead = await refusedAndUnchanged(t, s.lead.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Reviewed' });
    expect(byLead.code).toBe('FORBIDDEN');

    // One action confirms the eleven agreed scores, each recorded with who and when.
    const confirmed = await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Reviewed at the meeting of 3 December; no evaluator asked to discuss them.' });
    expect(confirmed.confirmed).toBe(11);
    expect(auditRows(t).at(-1)).toMatchObject({ method: 'moderation.confirmAgreed', actor_id: s.moderator.id });
    expect(await criterion(GOV_MAT)).toMatchObject({ confirmation: { score: 10 / 3, confirmedBy: 'Mo Moderator', note: expect.stringMatching(/^Reviewed/) }, toRevisit: null });
    expect((await criterion(GOV_DEV)).confirmation).toBeNull();
    const again = await refusedAndUnchanged(t, s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Again' });
    expect(again.message).toBe('There is no agreed score of Wandle Health Alliance left to confirm: every criterion is flagged, has a consensus or is already confirmed.');

    // The flagged criterion's consensus completes Wandle.
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    ranking = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(ranking.unconfirmed).toBe(0);
    expect(ranking.ranked[0]).toMatchObject({ complete: true, total: expect.closeTo(soFar + (w.get(GOV_DEV)! * 3) / 5, 9) });
  });

  it('under the consensus rule: one action confirms the evaluators’ median where they agree, and only the flagged criterion needs a consensus form', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const evaluationId = s.evaluationId;
    const before = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(before.missing.filter((m) => m.bidderId === s.bidder.id && m.basis === 'awaiting-confirmation')).toHaveLength(11);

    const { confirmed } = await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Reviewed at the meeting.' });
    expect(confirmed).toBe(11);
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    const board = (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: s.bidder.id })).bidders[0]!;
    // Maturing 3, 3, 4: the median 3 is confirmed as the score that counts.
    expect(board.criteria.find((c) => c.criterionId === GOV_MAT)).toMatchObject({ aggregated: 3, basis: 'confirmed' });
    expect(board.criteria.every((c) => c.aggregated === 3)).toBe(true);
    const after = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(after.ranked[0]).toMatchObject({ bidderId: s.bidder.id, complete: true, total: expect.closeTo(60, 9) });
  });
});

describe('a conflict declared after moderation reopens what it touched', () => {
  it('flags the consensus and confirmations recorded with the now-excluded score "to revisit" until the panel records them again', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const evaluationId = s.evaluationId;
    const eva = s.evaluators[2];
    await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Reviewed at the meeting.' });
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect((await t.call(s.lead.id, 'ranking.get', { evaluationId })).toRevisit).toEqual([]);

    await t.call(eva.id, 'conflicts.declare', { evaluationId, bidderId: s.bidder.id, memberId: null, kind: 'actual', description: 'I was a trustee of the lead organisation.' });

    const ranking = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(ranking.provisional).toBe(true);
    expect(ranking.toRevisit).toHaveLength(12);
    expect(ranking.toRevisit.find((r) => r.criterionId === GOV_DEV)).toEqual({ bidderId: s.bidder.id, criterionId: GOV_DEV, reason: 'excluded-score' });
    const board = async () => (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: s.bidder.id })).bidders[0]!;
    // The consensus still stands (nothing is changed behind the panel's back), marked to revisit.
    expect((await board()).criteria.find((c) => c.criterionId === GOV_DEV)).toMatchObject({ aggregated: 3, basis: 'consensus', toRevisit: 'excluded-score' });

    // The panel confirms the old consensus stands (a new version, with a reason) and re-confirms the agreed scores.
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3, 'Reviewed without Eva’s score: 1 and 3 still support 3.'));
    await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Re-confirmed without Eva’s scores.' });
    const settled = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(settled.toRevisit).toEqual([]);
    expect((await board()).criteria.every((c) => c.toRevisit === null)).toBe(true);
  });
});

describe('a sealed score revised after a bid addendum reopens what it touched', () => {
  it('marks the consensus recorded before the revision "to revisit" until the panel records it again', async () => {
    const t = makeCore(undefined, { clock: tickingClock() });
    const s = await moderationScene(t);
    await allSealed(t, s);
    const evaluationId = s.evaluationId;
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId, bidderId: s.bidder.id, note: 'Reviewed at the meeting.' });
    const ref = { evaluationId, bidderId: s.bidder.id };
    const addendum = await t.call(s.lead.id, 'submissions.addendum', { ...ref, reason: REASON, response: { areaId: GOVERNANCE, text: CORRECTED } });
    const [eve] = s.evaluators;
    await t.call(eve.id, 'scoring.revise', {
      ...ref,
      addendumId: addendum.id,
      criterionId: GOV_DEV,
      score: 3,
      rationale: 'Revised in light of the addendum: the independently chaired board is now evidenced in the corrected response.',
      evidenceRefs: [],
      indicatorMarks: {},
      reason: 'The addendum evidences the board’s independence.',
    });

    const ranking = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(ranking.toRevisit).toEqual([{ bidderId: s.bidder.id, criterionId: GOV_DEV, reason: 'score-revised' }]);
    expect(ranking.provisional).toBe(true);

    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3, 'Reviewed with Eve’s revised score: 3 stands.'));
    expect((await t.call(s.lead.id, 'ranking.get', { evaluationId })).toRevisit).toEqual([]);
  });
});
