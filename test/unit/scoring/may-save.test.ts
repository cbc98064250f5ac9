import { describe, expect, it } from 'vitest';
import { maySave, mayScoreIn, standingOf, type ScoreDraft, type ScoringStanding } from '../../../electron/core/scoring/may-save';
import type { CurrentDeclaration } from '../../../shared/domain/conflicts';
import type { Framework } from '../../../shared/domain/framework';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import type { DraftScore } from '../../../shared/domain/scoring';
import { makeCore, readDatabase } from '../support/core';
import { declare, GOV_DEV, RATIONALE, scoringScene } from './scene';

/*
 * Worked examples of the one rule of who may write a score, on a standing written out by hand: one
 * capability area at two stages, a bidder ("wandle") with one consortium member ("carers"), and an
 * evaluator clear for it. Each example changes one fact and names the rule that refuses.
 */

const framework: Framework = {
  schemaVersion: 1,
  id: 'tiny',
  name: 'Tiny framework',
  source: '',
  notes: [],
  stages: [
    { id: 'developing', label: 'Developing', horizon: '' },
    { id: 'maturing', label: 'Maturing', horizon: '' },
  ],
  areas: [
    {
      id: 'governance',
      title: 'Governance',
      questions: [],
      indicators: { developing: [{ id: 'board', text: 'A partnership board', children: [] }], maturing: [] },
    },
  ],
};
const DEV = 'governance/developing';
const MAT = 'governance/maturing';
const LONG = 'The response shows a partnership board with terms of reference, minutes and a clear escalation route.';

const clear: CurrentDeclaration[] = [
  { memberId: null, kind: 'none', decision: null },
  { memberId: 'carers', kind: 'none', decision: null },
];

function standing(change: Partial<ScoringStanding> = {}): ScoringStanding {
  return {
    evaluationId: 'evaluation-1',
    personId: 'eve-00001',
    role: () => 'evaluator',
    openForScoring: () => true,
    framework: () => framework,
    scale: () => DEFAULT_SCALE,
    rationaleMinLength: () => 50,
    hasBidder: (id) => id === 'wandle',
    activeMemberIds: () => ['carers'],
    declarations: () => clear,
    sealedAt: () => null,
    documentIds: () => new Set(['doc-1']),
    currentEntries: () => [],
    addendumMadeAt: () => undefined,
    ...change,
  };
}

const draft = (change: Partial<ScoreDraft> = {}): ScoreDraft => ({
  criterionId: DEV,
  score: 3,
  rationale: LONG,
  evidenceRefs: [],
  indicatorMarks: {},
  ...change,
});
const save = (change: Partial<ScoreDraft> = {}) => ({ kind: 'save' as const, draft: draft(change) });
const seal = { kind: 'seal' as const };
const complete: DraftScore[] = [
  { criterionId: DEV, score: 3, rationale: LONG },
  { criterionId: MAT, score: 2, rationale: LONG },
];

describe('may this person save this score now', () => {
  it('allows a clear evaluator’s save on the scale, with or without a rationale yet, and the seal of a complete set', () => {
    expect(maySave(standing(), 'wandle', save())).toEqual({ ok: true });
    expect(maySave(standing(), 'wandle', save({ score: null, rationale: '' }))).toEqual({ ok: true });
    expect(
      maySave(standing(), 'wandle', save({ evidenceRefs: [{ documentId: 'doc-1', location: 'p. 2' }], indicatorMarks: { board: 'evidenced' } })),
    ).toEqual({ ok: true });
    expect(maySave(standing(), 'wandle', { kind: 'save' })).toEqual({ ok: true });
    expect(maySave(standing({ currentEntries: () => complete }), 'wandle', seal)).toEqual({ ok: true });
  });

  it.each([
    ['someone not on the panel', { role: () => null }, 'not-on-panel', 'FORBIDDEN', 'You are not on the panel of this evaluation.'],
    ['a moderator', { role: () => 'moderator' as const }, 'not-on-panel', 'FORBIDDEN', 'Only the evaluator can do this; you are a moderator.'],
    ['a bidder of another evaluation', { hasBidder: () => false }, 'no-such-bidder', 'NOT_FOUND', 'There is no such bidder in this evaluation.'],
    [
      'an evaluator who has declared against the bidder but not its member',
      { declarations: () => clear.slice(0, 1) },
      'undeclared',
      'FORBIDDEN',
      'Declare any conflicts of interest with this bidder and each of its consortium members before seeing its bid.',
    ],
    [
      'an evaluator once a new consortium member has joined',
      { activeMemberIds: () => ['carers', 'newcomer'] },
      'undeclared',
      'FORBIDDEN',
      'Declare any conflicts of interest with this bidder and each of its consortium members before seeing its bid.',
    ],
    [
      'an evaluator with a conflict declared about the member',
      { declarations: () => [clear[0]!, { memberId: 'carers', kind: 'potential' as const, decision: null }] },
      'recused',
      'FORBIDDEN',
      'You have declared a conflict of interest with this bidder, so you are recused from it.',
    ],
    [
      'an evaluator whose conflict the lead upheld as a recusal',
      { declarations: () => [{ memberId: null, kind: 'actual' as const, decision: 'recused' as const }, clear[1]!] },
      'recused',
      'FORBIDDEN',
      'You have declared a conflict of interest with this bidder, so you are recused from it.',
    ],
    [
      'an evaluation not yet open for scoring',
      { openForScoring: () => false },
      'not-open',
      'RULE_VIOLATION',
      expect.stringContaining('not open for scoring yet'),
    ],
    [
      'a bidder the evaluator has sealed',
      { sealedAt: () => '2026-03-02T10:15:00.000Z' },
      'sealed',
      'RULE_VIOLATION',
      'You sealed your scores for this bidder on 2026-03-02 10:15:00 UTC; sealed scores cannot be changed by anyone.',
    ],
  ])('refuses %s, for a save and a seal alike', (_who, change, rule, code, message) => {
    for (const act of [save(), { kind: 'save' as const }, seal]) {
      expect(maySave(standing({ currentEntries: () => complete, ...change }), 'wandle', act)).toMatchObject({ ok: false, rule, code, message });
    }
  });

  it('allows an evaluator whose conflict the lead has permitted', () => {
    const permitted = [{ memberId: null, kind: 'perceived' as const, decision: 'permitted' as const }, clear[1]!];
    expect(maySave(standing({ declarations: () => permitted }), 'wandle', save())).toEqual({ ok: true });
  });

  it('judges the rules in order: recusal before the evaluation’s state, the seal before the draft', () => {
    const everythingWrong = standing({
      declarations: () => [{ memberId: null, kind: 'actual', decision: null }],
      openForScoring: () => false,
      sealedAt: () => '2026-03-02T10:15:00.000Z',
    });
    expect(maySave(everythingWrong, 'wandle', save({ score: 9 }))).toMatchObject({ rule: 'recused' });
    expect(maySave(standing({ sealedAt: () => '2026-03-02T10:15:00.000Z' }), 'wandle', save({ score: 9 }))).toMatchObject({
      rule: 'sealed',
      sealedAt: '2026-03-02T10:15:00.000Z',
    });
  });

  it('refuses a save that does not fit, naming every problem', () => {
    expect(maySave(standing(), 'wandle', save({ criterionId: 'governance/thriving' }))).toMatchObject({
      rule: 'does-not-fit',
      issues: [{ path: 'criterionId', message: '“governance/thriving” is not a criterion of this evaluation’s capability framework' }],
    });
    const verdict = maySave(
      standing(),
      'wandle',
      save({
        score: 7,
        evidenceRefs: [{ documentId: 'someone-elses', location: '' }],
        indicatorMarks: { nope: 'partly' },
        rationale: 'x'.repeat(20_001),
      }),
    );
    expect(verdict).toMatchObject({
      ok: false,
      rule: 'does-not-fit',
      code: 'RULE_VIOLATION',
      message: expect.stringMatching(/^This score cannot be saved: 7 is not a point on the scoring scale/),
    });
    expect(!verdict.ok && verdict.issues.map((i) => i.path)).toEqual(['score', 'evidenceRefs.0.documentId', 'indicatorMarks.nope', 'rationale']);
  });

  it('refuses a seal over incomplete scores, one issue per criterion', () => {
    const short = [complete[0]!, { criterionId: MAT, score: 2, rationale: 'Too short.' }];
    expect(maySave(standing({ currentEntries: () => short }), 'wandle', seal)).toMatchObject({
      rule: 'incomplete',
      message: 'Your scores for this bidder cannot be sealed yet: 1 thing needs attention first.',
      issues: [{ path: MAT, message: 'Governance — Maturing: the rationale has 10 characters; at least 50 are required' }],
    });
    expect(maySave(standing({ currentEntries: () => complete.slice(0, 1) }), 'wandle', seal)).toMatchObject({
      rule: 'incomplete',
      blockers: [{ criterionId: MAT, message: 'Governance — Maturing: no score yet' }],
    });
  });

  it('judges a standing laid over the record: what a return or a sheet would add counts', () => {
    const undeclared = standing({ declarations: () => [] });
    expect(maySave(undeclared, 'wandle', save())).toMatchObject({ rule: 'undeclared' });
    expect(maySave({ ...undeclared, declarations: () => clear }, 'wandle', save())).toEqual({ ok: true });
    expect(maySave({ ...standing(), currentEntries: () => complete }, 'wandle', seal)).toEqual({ ok: true });
  });

  it('has person-level rules of its own, for callers that judge no bidder yet', () => {
    expect(mayScoreIn(standing())).toEqual({ ok: true });
    expect(mayScoreIn(standing({ role: () => 'lead' }))).toMatchObject({ rule: 'not-on-panel', role: 'lead' });
    expect(mayScoreIn(standing({ openForScoring: () => false }))).toMatchObject({ rule: 'not-open' });
  });
});

describe('the standing read from the store', () => {
  it('says what scoring.save says, for the people of the scoring scene', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    // A reader of its own on the core's file, as the core's handlers read through theirs.
    const check = (personId: string, bidderId: string) =>
      readDatabase(t.core.databaseFile, (db) =>
        maySave(standingOf(db, s.evaluationId, personId), bidderId, save({ criterionId: GOV_DEV, rationale: RATIONALE })),
      );
    expect(check(s.a.id, s.bidder.id)).toEqual({ ok: true });
    expect(check(s.c.id, s.bidder.id)).toMatchObject({ rule: 'undeclared' });
    expect(check(s.moderator.id, s.bidder.id)).toMatchObject({ rule: 'not-on-panel', role: 'moderator' });
    expect(check(s.outsider.id, s.bidder.id)).toMatchObject({ rule: 'not-on-panel', role: null });
    declare(t, s.evaluationId, s.c.id, s.other.id, 'actual');
    expect(check(s.c.id, s.other.id)).toMatchObject({ rule: 'recused' });
    // The app refuses exactly where the rule does.
    const refused = await t.fail(s.c.id, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId: s.other.id,
      criterionId: GOV_DEV,
      score: 3,
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: {},
    });
    expect(refused).toEqual({ code: 'FORBIDDEN', message: 'You have declared a conflict of interest with this bidder, so you are recused from it.' });
  });
});
