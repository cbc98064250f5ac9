import { describe, expect, it } from 'vitest';
import { makeCore, queryRows, refusedAndUnchanged } from '../support/core';
import { ALL_CRITERIA, GOV_DEV, RATIONALE, save, scoreEverything, scoringScene, TC_DEV, writeDatabase } from './scene';

/*
 * When Eve has scored every criterion with a rationale she seals her scores for the bidder. From then
 * on nothing of hers for that bidder changes — not through any method, not even by writing to the
 * database directly.
 */

describe('sealing an evaluator’s scores for a bidder', () => {
  it('is refused while a rationale is missing, naming the criterion', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV, rationale: '   ' }));
    const error = await refusedAndUnchanged(t, s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(error).toEqual({
      code: 'RULE_VIOLATION',
      message: 'Your scores for this bidder cannot be sealed yet: 1 thing needs attention first.',
      issues: [{ path: GOV_DEV, message: 'Governance and leadership — Developing: the rationale is missing' }],
    });
  });

  it('lists every blocker: unscored criteria and rationales shorter than the evaluation’s minimum', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV, rationale: 'Too short.' }));
    await t.call(s.a.id, 'scoring.save', save(s, { criterionId: TC_DEV, score: null }));
    const error = await refusedAndUnchanged(t, s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(error.message).toBe('Your scores for this bidder cannot be sealed yet: 12 things need attention first.');
    expect(error.issues).toHaveLength(12);
    expect(error.issues).toContainEqual({
      path: GOV_DEV,
      message: 'Governance and leadership — Developing: the rationale has 10 characters; at least 50 are required',
    });
    expect(error.issues).toContainEqual({ path: TC_DEV, message: 'Transformation change — Developing: no score yet' });
    expect(error.issues).toContainEqual({ path: 'managing-resources/thriving', message: 'Managing resources — Thriving: no score yet' });
  });

  it('uses the rationale minimum the procurement lead published', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const tight = 'x'.repeat(49);
    await scoreEverything(t, s, s.a.id, s.bidder.id, tight);
    const error = await t.fail(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(error.issues).toHaveLength(12);
    await scoreEverything(t, s, s.a.id, s.bidder.id, `${tight}y`);
    expect((await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id })).sealedAt).toBeTruthy();
  });

  it('seals when complete, stamped with who and when, and reports it', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    const { sealedAt } = await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(queryRows(t.core.databaseFile, 'SELECT * FROM seals')).toEqual([
      { evaluation_id: s.evaluationId, bidder_id: s.bidder.id, evaluator_id: s.a.id, sealed_at: sealedAt },
    ]);
    expect(queryRows(t.core.databaseFile, `SELECT actor_id FROM audit_log WHERE method = 'scoring.seal'`)).toEqual([{ actor_id: s.a.id }]);
    const mine = await t.call(s.a.id, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(mine.sealedAt).toBe(sealedAt);
    expect(mine.scores.map((e) => e.criterionId).sort()).toEqual([...ALL_CRITERIA].sort());
    // Sealing one bidder leaves the evaluator free to go on with the other.
    await t.call(s.a.id, 'scoring.save', { ...save(s, { criterionId: GOV_DEV }), bidderId: s.other.id });
  });
});

describe('sealed scores', () => {
  it('cannot be changed: every save is refused with a clear message and nothing changes', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    for (const change of [{ score: 5 }, { rationale: `${RATIONALE} Changed my mind.` }, {}]) {
      const error = await refusedAndUnchanged(t, s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV, ...change }));
      expect(error).toEqual({
        code: 'RULE_VIOLATION',
        message: expect.stringMatching(
          /^You sealed your scores for this bidder on \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; sealed scores cannot be changed by anyone\.$/,
        ),
      });
    }
  });

  it('cannot be sealed twice', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect((await refusedAndUnchanged(t, s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id })).code).toBe(
      'RULE_VIOLATION',
    );
  });

  it('cannot be changed by anyone else either: the lead and moderator have no way to save, other evaluators only save their own', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    for (const actor of [s.lead.id, s.moderator.id]) {
      expect((await refusedAndUnchanged(t, actor, 'scoring.save', save(s, { criterionId: GOV_DEV, score: 0 }))).code).toBe('FORBIDDEN');
    }
    // Another evaluator's save is theirs alone: it adds to their own scores, never to Eve's.
    await t.call(s.b.id, 'scoring.save', save(s, { criterionId: GOV_DEV, score: 0 }));
    const mine = await t.call(s.a.id, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(mine.scores.find((e) => e.criterionId === GOV_DEV)?.score).toBe(3);
  });

  it('are protected by the database itself: a direct insert after the seal is aborted', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    await scoreEverything(t, s, s.a.id);
    await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(() =>
      writeDatabase(t.core.databaseFile, (db) =>
        db
          .prepare(
            `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at)
             VALUES (?, ?, ?, ?, 5, 'tampered', '[]', '{}', 'app', ?)`,
          )
          .run(s.evaluationId, s.bidder.id, s.a.id, GOV_DEV, new Date().toISOString()),
      ),
    ).toThrow('these scores are sealed');
    expect(() => writeDatabase(t.core.databaseFile, (db) => db.prepare('DELETE FROM seals').run())).toThrow();
  });
});
