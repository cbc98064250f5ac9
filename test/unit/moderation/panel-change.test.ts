import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXCLUDED_BY_REMOVAL } from '../../../shared/domain/conflicts';
import { effectiveWeights } from '../../../shared/domain/weights';
import { auditRows, makeCore, refusedAndUnchanged } from '../support/core';
import { allSealed, GOV_DEV, GOV_MAT, moderationScene } from './scene';

/*
 * Mean rule. Wandle sealed by all three (Governance and leadership — Developing 1, 3, 4; Maturing 3, 3, 4;
 * everything else 3). Eva (4 and 4 on those two) leaves the panel after sealing.
 */
describe('removing an evaluator who has sealed', () => {
  it('needs the procurement lead’s decision whether their sealed scores count, with a reason; the board, ranking and exports follow it', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    await allSealed(t, s);
    const evaluationId = s.evaluationId;
    const [, evan, eva] = s.evaluators;
    const total = async () => (await t.call(s.lead.id, 'ranking.get', { evaluationId })).ranked.find((r) => r.bidderId === s.bidder.id)!.total;
    const before = await total();
    const detail = await t.call(s.lead.id, 'evaluations.get', { evaluationId });
    expect(detail.panel.find((m) => m.personId === eva.id)!.sealedBidders).toBe(1);

    const undecided = await refusedAndUnchanged(t, s.lead.id, 'panel.remove', { evaluationId, personId: eva.id, reason: 'Left the council' });
    expect(undecided.message).toBe('Eva Evaluator has sealed scores for one bidder: decide whether those scores still count.');
    const forged = await refusedAndUnchanged(t, eva.id, 'panel.remove', { evaluationId, personId: evan.id, reason: 'Mine', sealedScores: 'exclude' });
    expect(forged.code).toBe('FORBIDDEN');

    await t.call(s.lead.id, 'panel.remove', { evaluationId, personId: eva.id, reason: 'Left the council; her scores were made under a brief she disputes.', sealedScores: 'exclude' });
    expect(auditRows(t).at(-1)).toMatchObject({ method: 'panel.remove', actor_id: s.lead.id });

    // On the record, marked, and out of the figures: Developing (1, 3) → 2, Maturing (3, 3) → 3.
    const board = (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: s.bidder.id })).bidders[0]!;
    const govDev = board.criteria.find((c) => c.criterionId === GOV_DEV)!;
    expect(govDev.sealed.find((x) => x.evaluatorId === eva.id)).toMatchObject({ score: 4, counted: false, excludedBecause: 'removed-from-panel' });
    expect(govDev).toMatchObject({ aggregated: 2, spread: 2 });
    const w = effectiveWeights((await t.call(s.lead.id, 'evaluations.get', { evaluationId })).settings.weights);
    expect(before - (await total())).toBeCloseTo((w.get(GOV_DEV)! * (8 / 3 - 2) + w.get(GOV_MAT)! * (10 / 3 - 3)) / 5, 10);

    const { csv } = await t.call(s.lead.id, 'export.scoresCsv', { evaluationId });
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(new Set(rows.filter((r) => r.kind === 'individual' && r.excluded !== '').map((r) => `${r.by}: ${r.excluded}`))).toEqual(new Set([`Eva Evaluator: ${EXCLUDED_BY_REMOVAL}`]));
    expect(rows.find((r) => r.kind === 'score that counts' && r.stage === 'Developing' && r.capability_area === 'Governance and leadership')).toMatchObject({ score: '2' });

    // Riverside, which Eva had not sealed, no longer waits for her.
    const overview = await t.call(s.moderator.id, 'moderation.board', { evaluationId, summary: true });
    expect(overview.bidders.find((b) => b.bidderId === s.other.id)!.awaiting).not.toContain('Eva Evaluator');
  });

  it('keeps the sealed scores counting when the lead decides so', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    await allSealed(t, s);
    const evaluationId = s.evaluationId;
    const eva = s.evaluators[2];
    const before = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    await t.call(s.lead.id, 'panel.remove', { evaluationId, personId: eva.id, reason: 'Moved to another post after sealing.', sealedScores: 'count' });
    const after = await t.call(s.lead.id, 'ranking.get', { evaluationId });
    expect(after.ranked[0]!.total).toBeCloseTo(before.ranked[0]!.total, 12);
    const board = (await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: s.bidder.id })).bidders[0]!;
    expect(board.criteria.every((c) => c.sealed.every((x) => x.counted))).toBe(true);
  });

  it('refuses a decision about sealed scores for someone who has sealed none', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    const error = await refusedAndUnchanged(t, s.lead.id, 'panel.remove', { evaluationId: s.evaluationId, personId: s.evaluators[0].id, reason: 'Left', sealedScores: 'exclude' });
    expect(error.message).toBe('Only an evaluator who has sealed scores has sealed scores to decide on.');
  });
});
