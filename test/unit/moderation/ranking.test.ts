import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { ALL_CRITERIA, allSealed, consensus, GOV_DEV, moderationScene, scoreAndSeal } from './scene';

const govDevScore = (row: { profile: { areaId: string; stageId: string; score: number | null }[] }) =>
  row.profile.find((p) => `${p.areaId}/${p.stageId}` === GOV_DEV)!.score;

describe('the ranking reflects moderation', () => {
  it('counts each recorded consensus, and its later change, under the consensus rule', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const before = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });
    expect(before.provisional).toBe(true);
    // Sealed scores alone count for nothing under the consensus rule: Wandle is listed, not ranked on zeros.
    expect(before.ranked).toEqual([]);
    expect(before.notYetRanked.map((b) => b.bidderId)).toContain(s.bidder.id);

    // A consensus of 3 on every criterion: 3 of 5 on every criterion is 60% of the maximum.
    for (const criterionId of ALL_CRITERIA) await t.call(s.moderator.id, 'moderation.record', consensus(s, criterionId, 3));
    const agreed = await t.call(s.moderator.id, 'ranking.get', { evaluationId: s.evaluationId });
    const row = [...agreed.ranked, ...agreed.failed].find((r) => r.bidderId === s.bidder.id)!;
    expect(row.complete).toBe(true);
    expect(govDevScore(row)).toBe(3);
    expect(row.total).toBeCloseTo(60, 6);

    // Changing Governance and leadership — Developing to 4 adds its effective weight (25% × 33.34% = 8.335%) × 1/5.
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 4, 'Clarification confirmed the escalation route.'));
    const changed = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });
    const after = [...changed.ranked, ...changed.failed].find((r) => r.bidderId === s.bidder.id)!;
    expect(govDevScore(after)).toBe(4);
    expect(after.total).toBeCloseTo(60 + 8.335 / 5, 6);
  });

  it('under the mean rule, counts no score of a bidder until every evaluator has sealed', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    await allSealed(t, s);
    await scoreAndSeal(t, s, s.evaluators[0], s.other.id); // one of three has sealed Riverside
    const ranking = await t.call(s.lead.id, 'ranking.get', { evaluationId: s.evaluationId });
    expect(ranking.aggregation).toBe('mean');
    const rows = [...ranking.ranked, ...ranking.failed];
    const wandle = rows.find((r) => r.bidderId === s.bidder.id)!;
    expect(govDevScore(wandle)).toBeCloseTo(8 / 3, 10);
    expect(wandle.complete).toBe(true);
    // Riverside has no score that counts: listed as not yet ranked, with every criterion awaiting seals.
    expect(rows.find((r) => r.bidderId === s.other.id)).toBeUndefined();
    expect(ranking.notYetRanked.map((b) => b.bidderId)).toEqual([s.other.id]);
    expect(ranking.missing.filter((m) => m.bidderId === s.other.id)).toHaveLength(ALL_CRITERIA.length);
    expect(ranking.missing.every((m) => m.basis === 'awaiting-seals')).toBe(true);
    expect(ranking.provisional).toBe(true);
  });
});
