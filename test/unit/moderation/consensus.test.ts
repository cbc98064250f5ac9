import { describe, expect, it } from 'vitest';
import { auditRows, makeCore, queryRows, refusedAndUnchanged } from '../support/core';
import { allSealed, consensus, GOV_DEV, moderationScene, scoreAll, scoreAndSeal } from './scene';

const boardOf = async (t: ReturnType<typeof makeCore>, actorId: string, s: Awaited<ReturnType<typeof moderationScene>>, criterionId = GOV_DEV) =>
  (await t.call(actorId, 'moderation.board', { evaluationId: s.evaluationId, bidderId: s.bidder.id })).bidders[0]!.criteria.find((c) => c.criterionId === criterionId)!;

describe('recording a consensus', () => {
  it('records the moderator’s consensus with its notes, who and when, as the score that counts', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const result = await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect(result).toMatchObject({ criterionId: GOV_DEV, versions: 1, aggregated: 3, flagged: true, spread: 3 });
    expect(result.consensus).toMatchObject({
      score: 3,
      internalNote: consensus(s, GOV_DEV, 3).internalNote,
      bidderExplanation: consensus(s, GOV_DEV, 3).bidderExplanation,
      reason: '',
      recordedBy: 'Mo Moderator',
    });
    expect(await boardOf(t, s.lead.id, s)).toStrictEqual(result);
    expect(auditRows(t).at(-1)).toMatchObject({ method: 'moderation.record', actor_id: s.moderator.id, evaluation_id: s.evaluationId });
  });

  it('refuses a consensus that differs from every evaluator’s score without a reason, and changes nothing', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s); // Governance and leadership — Developing: 1, 3, 4
    for (const reason of ['', '   ']) {
      const error = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 2, reason));
      expect(error.code).toBe('RULE_VIOLATION');
      expect(error.message).toContain('the consensus differs from every evaluator’s score');
      expect(error.issues).toEqual([{ path: 'reason', message: 'a reason is required' }]);
    }
    expect(await boardOf(t, s.moderator.id, s)).toMatchObject({ consensus: null, versions: 0 });

    const recorded = await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 2, 'Between the evaluators after discussing the missing escalation route.'));
    expect(recorded.consensus).toMatchObject({ score: 2, reason: 'Between the evaluators after discussing the missing escalation route.' });
  });

  it('refuses a consensus without a moderation note or a bidder-facing explanation', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const noNote = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', { ...consensus(s, GOV_DEV, 3), internalNote: ' ' });
    expect(noNote.code).toBe('INVALID_PARAMS');
    expect(noNote.message).toContain('a moderation note summarising the discussion is required');
    const noExplanation = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', { ...consensus(s, GOV_DEV, 3), bidderExplanation: '' });
    expect(noExplanation.message).toContain('a bidder-facing explanation citing the bid is required');
    const offScale = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 6, 'Exceptional'));
    expect(offScale.message).toBe('6 is not a point on the scoring scale.');
  });

  it('a later change is a new version that needs a reason; the earlier version stays in the history', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const first = await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));

    // The same score as an evaluator’s, but it changes a recorded consensus: a reason is still required.
    const error = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 4));
    expect(error.message).toMatch(/^A reason is required because it changes the consensus recorded on \d{4}-\d{2}-\d{2}\.$/);

    const reason = 'The bidder’s clarification response confirmed the escalation route is in use.';
    const second = await t.call(s.moderator.id, 'moderation.record', { ...consensus(s, GOV_DEV, 4, reason), internalNote: 'Revisited after clarification.' });
    expect(second).toMatchObject({ versions: 2, aggregated: 4 });
    expect(second.consensus).toMatchObject({ score: 4, reason, internalNote: 'Revisited after clarification.' });

    for (const actor of [s.moderator, s.lead]) {
      const history = await t.call(actor.id, 'moderation.history', { evaluationId: s.evaluationId, bidderId: s.bidder.id, criterionId: GOV_DEV });
      expect(history).toEqual([second.consensus, first.consensus]);
    }
    // Nothing overwritten: both rows are on disk, the second superseding the first.
    const rows = queryRows<{ id: string; score: number; supersedes: string | null }>(
      t.core.databaseFile,
      'SELECT id, score, supersedes FROM consensus_versions ORDER BY seq',
    );
    expect(rows).toEqual([
      { id: first.consensus!.id, score: 3, supersedes: null },
      { id: second.consensus!.id, score: 4, supersedes: first.consensus!.id },
    ]);
  });

  it('only the moderator records: the procurement lead and evaluators are refused', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const lead = await refusedAndUnchanged(t, s.lead.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect(lead).toMatchObject({ code: 'FORBIDDEN', message: 'Only the moderator can do this; you are a procurement lead.' });
    const evaluator = await refusedAndUnchanged(t, s.evaluators[0].id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect(evaluator).toMatchObject({ code: 'FORBIDDEN', message: 'Only the moderator can do this; you are an evaluator.' });
    const outsider = await refusedAndUnchanged(t, s.outsider.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect(outsider.code).toBe('FORBIDDEN');
    // Evaluators never see the board or the history either.
    expect((await t.fail(s.evaluators[0].id, 'moderation.board', { evaluationId: s.evaluationId })).code).toBe('FORBIDDEN');
    expect((await t.fail(s.evaluators[0].id, 'moderation.history', { evaluationId: s.evaluationId, bidderId: s.bidder.id, criterionId: GOV_DEV })).code).toBe('FORBIDDEN');
  });

  it('refuses a consensus before every evaluator has sealed, naming who is awaited', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    const [eve, evan, eva] = s.evaluators;
    const none = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect(none.message).toBe(
      'A consensus can be recorded once every evaluator has sealed their scores for this bidder: waiting for Eva Evaluator, Evan Evaluator, Eve Evaluator to seal.',
    );
    await scoreAndSeal(t, s, eve, s.bidder.id);
    await scoreAll(t, s, evan, s.bidder.id);
    const some = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
    expect(some).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(some.message).toContain('waiting for Eva Evaluator, Evan Evaluator to seal');
    await t.call(evan.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    await scoreAndSeal(t, s, eva, s.bidder.id);
    await t.call(s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3));
  });

  it('refuses an unknown criterion, and a bidder of another evaluation', async () => {
    const t = makeCore();
    const s = await moderationScene(t);
    await allSealed(t, s);
    const unknown = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, 'governance-and-leadership/legendary', 3));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
    const frameworks = await t.call(s.lead.id, 'frameworks.list', {});
    const elsewhere = await t.call(s.lead.id, 'evaluations.create', { name: 'Another exercise', reference: 'AX-1', frameworkId: frameworks[0]!.id });
    const withBidder = await t.call(s.lead.id, 'bidders.add', { evaluationId: elsewhere.id, name: 'Elsewhere Ltd', reference: 'E-1', members: [{ organisation: 'Elsewhere Ltd', role: 'lead' }] });
    const foreign = await refusedAndUnchanged(t, s.moderator.id, 'moderation.record', consensus(s, GOV_DEV, 3, '', withBidder.bidders[0]!.id));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
  });
});
