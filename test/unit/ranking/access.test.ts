import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { declare, rankingScene } from './scene';

/*
 * The ranking shows every bidder's totals, so besides the procurement lead only a moderator free to see
 * every bidder may read it: one recused from (or not yet declared against) any bidder is refused.
 */
describe('who may see the ranking', () => {
  it('refuses a moderator recused from a bidder, while the lead and a moderator clear of every bidder see it', async () => {
    const t = makeCore();
    const s = await rankingScene(t, {});
    const params = { evaluationId: s.evaluationId };

    // The scene's moderator declared no conflicts: clear of every bidder.
    expect((await t.call(s.moderator.id, 'ranking.get', params)).notYetRanked).toHaveLength(3);

    // Now the moderator declares an actual conflict with Beacon: recused from it.
    await declare(t, s.moderator.id, s.evaluationId, s.beacon, 'actual');
    const refused = await t.fail(s.moderator.id, 'ranking.get', params);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('Beacon Care Partnership');
    expect(refused.message).not.toContain('Wandle');

    const lead = await t.call(s.lead.id, 'ranking.get', params);
    expect([...lead.ranked, ...lead.failed, ...lead.notYetRanked].map((b) => b.name).sort()).toEqual([
      'Beacon Care Partnership',
      'Cedar Community Health',
      'Wandle Health Alliance',
    ]);
  });

  it('refuses a moderator who has not declared against every bidder, evaluators and people off the panel', async () => {
    const t = makeCore();
    const s = await rankingScene(t, {});
    const params = { evaluationId: s.evaluationId };
    const late = await t.profile('Morgan Second-Moderator');
    await t.call(s.lead.id, 'panel.add', { ...params, personId: late.id, role: 'moderator' });
    await declare(t, late.id, s.evaluationId, s.wandle);
    expect(await t.fail(late.id, 'ranking.get', params)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Beacon Care Partnership'),
    });
    expect((await t.fail(s.evaluators[0].id, 'ranking.get', params)).code).toBe('FORBIDDEN');
    expect((await t.fail(s.outsider.id, 'ranking.get', params)).code).toBe('FORBIDDEN');
  });
});
