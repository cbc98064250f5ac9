import { describe, expect, it } from 'vitest';
import { makeCore, refusedAndUnchanged } from '../support/core';
import { allSealed, consensus, declareAbout, GOV_DEV, moderationScene, rationaleOf } from './scene';

const RECUSED = 'You have declared a conflict of interest with this bidder, so you are recused from it.';

describe('a moderator conflicted with a bidder', () => {
  it('cannot see its board, record its consensus or read its history, and the whole board names it without its scores', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s, s.other.id);
    await allSealed(t, s, s.bidder.id);
    // Before declaring a conflict, the moderator can see both bidders.
    expect((await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId })).bidders).toHaveLength(2);

    const partner = s.other.members.find((m) => m.role === 'partner')!;
    await declareAbout(t, s.moderator.id, s.evaluationId, s.other, partner.id);

    const params = { evaluationId: s.evaluationId, bidderId: s.other.id };
    expect(await t.fail(s.moderator.id, 'moderation.board', params)).toMatchObject({ code: 'FORBIDDEN', message: RECUSED });
    expect(await t.fail(s.moderator.id, 'moderation.history', { ...params, criterionId: GOV_DEV })).toMatchObject({ code: 'FORBIDDEN', message: RECUSED });
    const record = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3, '', s.other.id));
    expect(record).toMatchObject({ code: 'FORBIDDEN', message: RECUSED });

    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId });
    expect(board.bidders.map((b) => b.bidderName)).toEqual(['Wandle Health Alliance']);
    expect(board.unavailableBidders).toEqual([{ bidderId: s.other.id, bidderName: 'Riverside Care Partnership', reason: 'recused' }]);
    const text = JSON.stringify(board);
    expect(text).toContain(rationaleOf('Eve Evaluator', GOV_DEV, s.bidder.id)); // the other bidder’s scores are shown…
    expect(text).not.toContain(`of bid ${s.other.id}`); // …but none of the recused bidder’s

    // The same moderator still moderates the bidder they are free of.
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
  });

  it('the procurement lead’s decision permitting the moderator to take part lifts the recusal', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s, s.other.id);
    const partner = s.other.members.find((m) => m.role === 'partner')!;
    await declareAbout(t, s.moderator.id, s.evaluationId, s.other, partner.id);
    const register = await t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId });
    const declaration = register.find((d) => d.personId === s.moderator.id && d.memberId === partner.id && d.supersededBy === null)!;
    await t.call(s.lead.id, 'conflicts.recordMitigation', {
      evaluationId: s.evaluationId,
      declarationId: declaration.id,
      decision: 'permitted',
      reason: 'The trusteeship ended two years ago; a second moderator reviews this bidder’s consensus.',
    });
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.other.id });
    expect(board.bidders[0]!.allSealed).toBe(true);
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3, '', s.other.id));
  });

  it('a moderator who has not declared is asked to declare first, and sees no scores', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { undeclared: 'moderator' });
    await allSealed(t, s);
    const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId });
    expect(board.bidders).toEqual([]);
    expect(board.unavailableBidders.map((b) => [b.bidderName, b.reason])).toEqual([
      ['Wandle Health Alliance', 'undeclared'],
      ['Riverside Care Partnership', 'undeclared'],
    ]);
    const error = await t.fail(s.moderator.id, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('Declare any conflicts of interest');
  });
});
