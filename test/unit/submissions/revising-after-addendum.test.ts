import { describe, expect, it } from 'vitest';
import { makeCore, queryRows, refusedAndUnchanged, type TestCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';
import { GOV_DEV, GOV_MAT, RATIONALE, scoreEverything, writeDatabase } from '../scoring/scene';
import { addendaScene, clarificationLetter, CORRECTED, GOVERNANCE, ORIGINAL, REASON, tickingClock, type AddendaScene } from './addenda-scene';

/*
 * The evaluators' side of an addendum: it is shown to everyone who had sealed (or started scoring) the bid
 * before it as "changed since you sealed"; a sealed evaluator may revise a score citing it, which counts at
 * once; or record "reviewed — no change". A sealed score changes in no other way, in the core or in SQL.
 */

const REVISED = 'Revised in light of the addendum: the independently chaired board meeting monthly in public is now evidenced.';

async function sealedThenCorrected(s: AddendaScene, evaluatorId = s.a.id) {
  await scoreEverything(s.t, s, evaluatorId);
  await s.t.call(evaluatorId, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidderId });
  return s.addendum();
}

const revise = (s: AddendaScene, addendumId: string, change: object = {}) => ({
  evaluationId: s.evaluationId,
  bidderId: s.bidderId,
  addendumId,
  criterionId: GOV_DEV,
  score: 5,
  rationale: REVISED,
  evidenceRefs: [],
  indicatorMarks: {},
  reason: 'The addendum evidences the board’s independence, which the original response left unclear.',
  ...change,
});

describe('an addendum after an evaluator sealed', () => {
  it('an evaluator who sealed sees the addendum and can revise one score citing it; the ranking moves', async () => {
    const t = makeCore(undefined, { clock: tickingClock() });
    const demo = await scoredDemo(t, { aggregation: 'mean', scoreFor: () => 2 });
    const [first] = demo.bidders;
    const evaluator = demo.evaluators[0]!.personId;
    const criterionId = demo.criteria[0]!.id;
    const ref = { evaluationId: demo.evaluationId, bidderId: first!.id };
    const before = await t.call(demo.leadId, 'ranking.get', { evaluationId: demo.evaluationId });

    const addendum = await t.call(demo.leadId, 'submissions.addendum', { ...ref, reason: REASON, response: { areaId: demo.framework.areas[0]!.id, text: CORRECTED } });
    const told = await t.call(evaluator, 'scoring.addenda', ref);
    expect(told).toMatchObject({ since: 'sealed', addenda: [{ id: addendum.id, reason: REASON, response: { text: CORRECTED, version: 2 }, reviewedAt: null, revisedCriteria: [] }] });
    expect(told.addenda[0]!.response!.previousText).toMatch(/\S/);

    const revision = await t.call(evaluator, 'scoring.revise', { ...ref, addendumId: addendum.id, criterionId, score: 5, rationale: REVISED, evidenceRefs: [], indicatorMarks: {}, reason: 'The board is now evidenced.' });
    expect(revision.revision).toEqual({ addendumId: addendum.id, reason: 'The board is now evidenced.' });
    const mine = await t.call(evaluator, 'scoring.mine', ref);
    expect(mine.scores.find((e) => e.criterionId === criterionId)).toMatchObject({ score: 5, rationale: REVISED, revision: revision.revision });
    // The sealed original stays on the record, before the revision.
    expect((await t.call(evaluator, 'scoring.history', { ...ref, criterionId })).map((e) => [e.score, e.revision ?? null])).toEqual([
      [2, null],
      [5, revision.revision],
    ]);
    expect((await t.call(evaluator, 'scoring.addenda', ref)).addenda[0]!.revisedCriteria).toEqual([criterionId]);

    const after = await t.call(demo.leadId, 'ranking.get', { evaluationId: demo.evaluationId });
    const rowOf = (r: typeof before) => [...r.ranked, ...r.failed].find((row) => row.bidderId === first!.id)!;
    const profileScore = (r: typeof before) => rowOf(r).profile.find((p) => `${p.areaId}/${p.stageId}` === criterionId)!.score;
    expect(profileScore(before)).toBe(2);
    expect(profileScore(after)).toBeCloseTo((5 + 2 * (demo.evaluators.length - 1)) / demo.evaluators.length, 10);
    expect(rowOf(after).total).toBeGreaterThan(rowOf(before).total);
  });

  it('a revision without an addendum after a seal is refused by the core', async () => {
    const s = await addendaScene();
    const early = await s.addendum({ response: undefined, document: clarificationLetter() }); // before A sealed: A's seal took it into account
    const addendum = await sealedThenCorrected(s);
    const elsewhere = await s.t.call(s.lead.id, 'submissions.addendum', { evaluationId: s.evaluationId, bidderId: s.other.id, reason: REASON, document: { fileName: 'x.txt', mediaType: 'text/plain', content: new TextEncoder().encode('x') } });
    const refused = (params: object, method = 'scoring.revise') => refusedAndUnchanged(s.t, s.a.id, method, params);

    expect((await refused({ evaluationId: s.evaluationId, bidderId: s.bidderId, criterionId: GOV_DEV, score: 5, rationale: REVISED, evidenceRefs: [], indicatorMarks: {} }, 'scoring.save')).message).toMatch(
      /^You sealed your scores for this bidder on .*; sealed scores cannot be changed by anyone\.$/,
    );
    expect((await refused(revise(s, early.id))).message).toMatch(/^This score cannot be revised: the addendum was recorded on .*, before you sealed on .*, so your sealed scores already took it into account\.$/);
    expect(await refused(revise(s, elsewhere.id))).toMatchObject({ code: 'NOT_FOUND', message: 'This score cannot be revised: there is no such addendum to this bidder’s bid.' });
    expect((await refused(revise(s, addendum.id, { score: 3, rationale: RATIONALE }))).issues).toEqual([
      { path: 'score', message: 'this is the score and rationale you sealed; if the addendum changes nothing, record “Reviewed — no change” instead' },
    ]);
    expect((await refused(revise(s, addendum.id, { rationale: 'Better now.' }))).issues).toEqual([{ path: 'rationale', message: 'the rationale has 11 characters; at least 50 are required' }]);
    expect((await refused(revise(s, addendum.id, { score: 9 }))).issues?.[0]?.path).toBe('score');
    expect((await refused(revise(s, addendum.id, { reason: ' ' }))).code).toBe('INVALID_PARAMS');
    // B never sealed: there is no sealed score to revise, so B just changes the score.
    await s.scoreOne(s.b.id, GOV_MAT);
    expect(await refusedAndUnchanged(s.t, s.b.id, 'scoring.revise', revise(s, addendum.id))).toMatchObject({
      message: 'This score cannot be revised: you have not sealed your scores for this bidder, so change the score itself.',
    });
    // The revision that is allowed, to show the refusals above are about what they name.
    await s.t.call(s.a.id, 'scoring.revise', revise(s, addendum.id));
  });

  it('a revision without an addendum after a seal is refused by the trigger too', async () => {
    const s = await addendaScene();
    const early = await s.addendum({ response: undefined, document: clarificationLetter() });
    const addendum = await sealedThenCorrected(s);
    const elsewhere = await s.t.call(s.lead.id, 'submissions.addendum', { evaluationId: s.evaluationId, bidderId: s.other.id, reason: REASON, response: { areaId: GOVERNANCE, text: 'Riverside corrected.' } });
    const insert = (t: TestCore, addendumId: string | null, reason: string | null) =>
      writeDatabase(t.core.databaseFile, (db) =>
        db
          .prepare(
            `INSERT INTO score_entries (evaluation_id, bidder_id, evaluator_id, criterion_id, score, rationale, evidence_refs, indicator_marks, provenance, saved_at, addendum_id, revision_reason)
             VALUES (?, ?, ?, ?, 5, ?, '[]', '{}', 'app', ?, ?, ?)`,
          )
          .run(s.evaluationId, s.bidderId, s.a.id, GOV_DEV, REVISED, new Date(Date.now() + 60_000).toISOString(), addendumId, reason),
      );
    const count = () => queryRows(s.t.core.databaseFile, 'SELECT seq FROM score_entries WHERE evaluator_id = ?', s.a.id).length;
    const scores = count();

    expect(() => insert(s.t, null, null)).toThrow('these scores are sealed');
    expect(() => insert(s.t, early.id, 'Made before the seal')).toThrow('these scores are sealed');
    expect(() => insert(s.t, elsewhere.id, 'Another bidder’s addendum')).toThrow('these scores are sealed');
    expect(() => insert(s.t, addendum.id, null)).toThrow('a revision revises a sealed score, citing an addendum, with a score and a reason');
    expect(() => insert(s.t, addendum.id, '  ')).toThrow('a revision revises a sealed score, citing an addendum, with a score and a reason');
    expect(count()).toBe(scores);
    insert(s.t, addendum.id, 'The board is now evidenced.');
    expect(count()).toBe(scores + 1);
  });
});

describe('everyone who scored the bid is told, and nobody else', () => {
  it('an unsealed evaluator sees what changed since they started, and keeps scoring; one yet to start is told nothing', async () => {
    const s = await addendaScene();
    await s.scoreOne(s.b.id);
    const addendum = await s.addendum();
    const ref = { evaluationId: s.evaluationId, bidderId: s.bidderId };

    const told = await s.t.call(s.b.id, 'scoring.addenda', ref);
    expect(told).toMatchObject({ since: 'started', addenda: [{ id: addendum.id, response: { areaId: GOVERNANCE, text: CORRECTED, previousText: ORIGINAL } }] });
    await s.scoreOne(s.b.id, GOV_MAT);
    expect(await s.t.call(s.a.id, 'scoring.addenda', ref)).toEqual({ since: null, sinceAt: null, addenda: [] });
    expect(await refusedAndUnchanged(s.t, s.c.id, 'scoring.addenda', ref)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(s.t, s.lead.id, 'scoring.addenda', ref)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('“reviewed — no change” takes the notice away for that evaluator alone, once', async () => {
    const s = await addendaScene();
    const addendum = await sealedThenCorrected(s);
    await s.scoreOne(s.b.id);
    const ref = { evaluationId: s.evaluationId, bidderId: s.bidderId };

    const reviewed = await s.t.call(s.a.id, 'scoring.reviewAddendum', { ...ref, addendumId: addendum.id });
    expect((await s.t.call(s.a.id, 'scoring.addenda', ref)).addenda[0]!.reviewedAt).toBe(reviewed.reviewedAt);
    expect((await s.t.call(s.b.id, 'scoring.addenda', ref)).addenda).toEqual([]); // B started after the addendum
    expect(await refusedAndUnchanged(s.t, s.a.id, 'scoring.reviewAddendum', { ...ref, addendumId: addendum.id })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^You already recorded on .* that you reviewed this addendum\.$/),
    });
    expect(await refusedAndUnchanged(s.t, s.b.id, 'scoring.reviewAddendum', { ...ref, addendumId: addendum.id })).toMatchObject({ code: 'NOT_FOUND' });
    // Reviewed or not, A's sealed scores are as they were.
    expect((await s.t.call(s.a.id, 'scoring.mine', ref)).scores.every((e) => e.score === 3 && !e.revision)).toBe(true);
  });
});
