import { describe, expect, it } from 'vitest';
import { makeCore, refusedAndUnchanged } from '../support/core';
import { allSealed, consensus, GOV_DEV, GOV_MAT, moderationScene, rationaleOf, scoreAll, scoreAndSeal, TC_DEV } from './scene';

describe('the moderation board', () => {
  it('shows only sealed scores: an unsealed evaluator’s rationale never appears, and the bidder waits for them', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    const [eve, evan, eva] = s.evaluators;
    await scoreAndSeal(t, s, eve, s.bidder.id, { [GOV_DEV]: 1 });
    await scoreAndSeal(t, s, evan, s.bidder.id, { [GOV_DEV]: 3 });
    await scoreAll(t, s, eva, s.bidder.id, { [GOV_DEV]: 4 }); // saved, not sealed

    for (const actor of [s.moderator, s.lead]) {
      const board = await t.call(actor.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
      const [bidder] = board.bidders;
      expect(bidder!.allSealed).toBe(false);
      expect(bidder!.awaiting).toEqual(['Eva Evaluator']);
      const govDev = bidder!.criteria.find((c) => c.criterionId === GOV_DEV)!;
      expect(govDev.sealed.map((x) => [x.evaluatorName, x.score])).toEqual([
        ['Evan Evaluator', 3],
        ['Eve Evaluator', 1],
      ]);
      expect(govDev.sealed[1]!.rationale).toBe(rationaleOf('Eve Evaluator', GOV_DEV, s.bidder.id));
      expect(JSON.stringify(board)).not.toContain('Eva Evaluator on');
      expect(JSON.stringify(board)).not.toContain(eva.id);
      // Spread of the sealed scores only: 3 − 1 = 2 (Eva’s unsealed 4 would make it 3).
      expect(govDev.spread).toBe(2);
    }
  });

  it('lists who is awaited even before anyone has sealed, and nobody who is recused', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId });
    expect(board.bidders.map((b) => [b.bidderName, b.allSealed, b.awaiting])).toEqual([
      ['Wandle Health Alliance', false, ['Eva Evaluator', 'Evan Evaluator', 'Eve Evaluator']],
      ['Riverside Care Partnership', false, ['Eva Evaluator', 'Evan Evaluator', 'Eve Evaluator']],
    ]);
    expect(board.bidders[0]!.criteria.every((c) => c.sealed.length === 0 && c.spread === null && !c.flagged)).toBe(true);

    const partner = s.other.members.find((m) => m.role === 'partner')!;
    await t.call(s.evaluators[2].id, 'conflicts.declare', {
      evaluationId: s.evaluationId,
      bidderId: s.other.id,
      memberId: partner.id,
      kind: 'actual',
      description: 'My sister chairs this charity.',
    });
    const after = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.other.id });
    expect(after.bidders[0]!.awaiting).toEqual(['Evan Evaluator', 'Eve Evaluator']);
  });

  it('computes the spread, the standard deviation and the flag at the default tolerance of 2', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(board.tolerance).toBe(2);
    expect(board.aggregation).toBe('consensus');
    const byId = new Map(board.bidders[0]!.criteria.map((c) => [c.criterionId, c]));
    expect(board.bidders[0]!.criteria).toHaveLength(12);

    // 1, 3, 4: spread 4 − 1 = 3; mean 8/3; deviations² 25/9 + 1/9 + 16/9 = 42/9; SD √(42/27) = 1.247.
    const govDev = byId.get(GOV_DEV)!;
    expect(govDev.sealed.map((x) => x.score).sort()).toEqual([1, 3, 4]);
    expect(govDev.spread).toBe(3);
    expect(govDev.standardDeviation).toBeCloseTo(1.247, 3);
    expect(govDev.flagged).toBe(true);

    // 3, 3, 4: spread 1 < 2; mean 10/3; deviations² 1/9 + 1/9 + 4/9 = 6/9; SD √(6/27) = 0.471.
    const govMat = byId.get(GOV_MAT)!;
    expect(govMat.spread).toBe(1);
    expect(govMat.standardDeviation).toBeCloseTo(0.471, 3);
    expect(govMat.flagged).toBe(false);

    // 3, 3, 3: no spread at all.
    expect(byId.get(TC_DEV)).toMatchObject({ spread: 0, standardDeviation: 0, flagged: false, consensus: null, versions: 0, aggregated: null });
    expect([...byId.values()].filter((c) => c.flagged).map((c) => c.criterionId)).toEqual([GOV_DEV]);
  });

  it('flags at the tolerance set in the evaluation: a spread equal to it is flagged, one below is not', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { spreadTolerance: 3 } });
    await allSealed(t, s);
    const board = await t.call(s.lead.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(board.tolerance).toBe(3);
    const flagged = board.bidders[0]!.criteria.filter((c) => c.flagged);
    expect(flagged.map((c) => [c.criterionId, c.spread])).toEqual([[GOV_DEV, 3]]);
  });

  it('under the mean rule, the score that counts is the mean of the sealed scores once every evaluator has sealed', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    const [eve, evan, eva] = s.evaluators;
    await scoreAndSeal(t, s, eve, s.bidder.id, { [GOV_DEV]: 1 });
    await scoreAndSeal(t, s, evan, s.bidder.id, { [GOV_DEV]: 3 });
    const partial = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    // Two of three have sealed: a mean of 1 and 3 is not the panel’s score.
    expect(partial.bidders[0]!.criteria.find((c) => c.criterionId === GOV_DEV)!.aggregated).toBeNull();

    await scoreAndSeal(t, s, eva, s.bidder.id, { [GOV_DEV]: 4, [GOV_MAT]: 4 });
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(board.aggregation).toBe('mean');
    const byId = new Map(board.bidders[0]!.criteria.map((c) => [c.criterionId, c]));
    expect(byId.get(GOV_DEV)!.aggregated).toBeCloseTo(8 / 3, 10); // (1 + 3 + 4) / 3
    expect(byId.get(GOV_MAT)!.aggregated).toBeCloseTo(10 / 3, 10); // (3 + 3 + 4) / 3
    expect(byId.get(TC_DEV)!.aggregated).toBe(3);
  });

  it('under the median rule, the score that counts is the median, and a consensus that would not count is refused, saying why', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'median' } });
    await allSealed(t, s);
    const error = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', { ...consensus(s, GOV_DEV, 4), reason: 'The panel leans to 4.' });
    expect(error.message).toBe(
      'The evaluation’s declared rule is “Median of evaluators’ scores”: the evaluators’ scores count on every criterion and a consensus would not, so none can be recorded.',
    );
    const confirm = await refusedAndUnchanged(t, s.moderator.id, 'moderation.confirmAgreed', { evaluationId: s.evaluationId, bidderId: s.bidder.id, note: 'Reviewed' });
    expect(confirm.message).toMatch(/with nothing to confirm/);
    const board = await t.call(s.lead.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    const govDev = board.bidders[0]!.criteria.find((c) => c.criterionId === GOV_DEV)!;
    expect(govDev).toMatchObject({ aggregated: 3, basis: 'evaluators', consensus: null }); // median of 1, 3, 4
    expect(board.bidders[0]!.criteria.find((c) => c.criterionId === GOV_MAT)!.aggregated).toBe(3); // median of 3, 3, 4
  });

  it('the overview of every bidder shows the same figures as each bidder’s own board, without the scores themselves', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean-unless-flagged' } });
    await allSealed(t, s);
    const [eve, evan, eva] = s.evaluators;
    await scoreAndSeal(t, s, eve, s.other.id, { [GOV_DEV]: 5 });
    await scoreAll(t, s, evan, s.other.id, { [GOV_DEV]: 0 }); // saved, not sealed: must not count anywhere
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3)); // flagged: 1, 3, 4
    await t.call(s.moderator.id, 'moderation.confirmAgreed', { evaluationId: s.evaluationId, bidderId: s.bidder.id, note: 'Reviewed at the meeting' });

    const overview = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, summary: true });
    for (const bidder of [s.bidder, s.other]) {
      const own = (await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: bidder.id })).bidders[0]!;
      const summary = overview.bidders.find((b) => b.bidderId === bidder.id)!;
      expect(summary.criteria.every((c) => c.sealed.length === 0)).toBe(true);
      expect(summary).toEqual({ ...own, criteria: own.criteria.map((c) => ({ ...c, sealed: [] })) });
    }
    const other = overview.bidders.find((b) => b.bidderId === s.other.id)!;
    expect(other.awaiting).toEqual([eva.name, evan.name]);
    expect(other.criteria.find((c) => c.criterionId === GOV_DEV)).toMatchObject({ spread: 0, aggregated: null });
  });
});

