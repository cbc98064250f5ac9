import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../../shared/api/contract';
import { DEFAULT_RULES } from '../../../shared/domain/rules';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import { defaultWeights } from '../../../shared/domain/weights';
import { dumpDatabase, evaluationWithPanel, leadWithEvaluation, makeCore, refusedAndUnchanged, SET_UP_METHODS, TEST_PASSPHRASE, type TestCore } from '../support/core';

/*
 * The core, not the UI, decides who may do what: only the procurement lead changes an evaluation's
 * set-up, only the panel sees it, and nothing happens without a profile that exists here.
 */

type Scene = Awaited<ReturnType<typeof evaluationWithPanel>>;

/** A valid call of every set-up method on the scene's evaluation (valid enough to pass the params check). */
async function setUpCalls(t: TestCore, s: Scene): Promise<[MethodName, Record<string, unknown>][]> {
  const framework = (await t.call(s.lead.id, 'evaluations.get', { evaluationId: s.evaluation.id })).framework;
  const evaluationId = s.evaluation.id;
  return [
    ['evaluations.saveDetails', { evaluationId, name: 'Renamed', reference: 'R-1' }],
    ['evaluations.saveScale', { evaluationId, scale: DEFAULT_SCALE }],
    ['evaluations.saveWeights', { evaluationId, weights: defaultWeights(framework) }],
    ['evaluations.saveThresholds', { evaluationId, thresholds: [{ id: 'dev-2', areaId: null, stageId: 'developing', minScore: 2 }] }],
    ['evaluations.saveRules', { evaluationId, rules: { ...DEFAULT_RULES, aggregation: 'mean' } }],
    ['panel.add', { evaluationId, personId: s.outsider.id, role: 'evaluator' }],
    ['panel.remove', { evaluationId, personId: s.evaluators[0].id, reason: 'Not needed' }],
    [
      'bidders.add',
      { evaluationId, name: 'Riverside Partnership', reference: 'BID-002', members: [{ organisation: 'Riverside Trust', role: 'lead' }] },
    ],
    ['bidders.addMember', { evaluationId, bidderId: s.bidder.id, member: { organisation: 'Beddington Digital Ltd', role: 'subcontractor' } }],
    ['bidders.removeMember', { evaluationId, bidderId: s.bidder.id, memberId: s.partner.id, reason: 'Withdrew' }],
  ];
}

describe('only the procurement lead changes the set-up', () => {
  it('covers every set-up change to an evaluation', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    const covered = (await setUpCalls(t, scene)).map(([m]) => m).sort();
    const takingAnEvaluation = SET_UP_METHODS.filter(
      (m) => contract[m].mutates && 'evaluationId' in ((contract[m].params as unknown as { shape?: object }).shape ?? {}),
    ).sort();
    expect(covered).toEqual(takingAnEvaluation);
  });

  it('refuses every set-up change by an evaluator, saying why, and changes nothing', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    for (const [method, params] of await setUpCalls(t, scene)) {
      const error = await refusedAndUnchanged(t, scene.evaluators[1].id, method, params);
      expect({ method, ...error }).toEqual({ method, code: 'FORBIDDEN', message: 'Only the procurement lead can do this; you are an evaluator.' });
    }
  });

  it('refuses every set-up change by the moderator, and changes nothing', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    for (const [method, params] of await setUpCalls(t, scene)) {
      const error = await refusedAndUnchanged(t, scene.moderator.id, method, params);
      expect({ method, ...error }).toEqual({ method, code: 'FORBIDDEN', message: 'Only the procurement lead can do this; you are a moderator.' });
    }
  });

  it('accepts the very same calls from the lead', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    for (const [method, params] of await setUpCalls(t, scene)) {
      const outcome = await t.dispatchAs(scene.lead.id, method, params);
      expect({ method, ok: outcome.ok }).toEqual({ method, ok: true });
    }
  });

  it('lets evaluators and the moderator read the evaluation they sit on', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    const asModerator = await t.call(scene.moderator.id, 'evaluations.get', { evaluationId: scene.evaluation.id });
    expect(asModerator.myRole).toBe('moderator');
    expect(asModerator.bidders).toHaveLength(1);
    expect((await t.call(scene.evaluators[2].id, 'evaluations.get', { evaluationId: scene.evaluation.id })).myRole).toBe('evaluator');
  });

  it('stops a removed lead from changing anything', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    const deputy = await t.profile('Dee Deputy');
    await t.call(scene.lead.id, 'panel.add', { evaluationId: scene.evaluation.id, personId: deputy.id, role: 'lead' });
    await t.call(deputy.id, 'panel.remove', { evaluationId: scene.evaluation.id, personId: scene.lead.id, reason: 'Moved on' });
    const error = await refusedAndUnchanged(t, scene.lead.id, 'evaluations.saveDetails', {
      evaluationId: scene.evaluation.id,
      name: 'Mine',
      reference: '',
    });
    expect(error).toEqual({ code: 'FORBIDDEN', message: 'You are not on the panel of this evaluation.' });
  });
});

describe('someone not on the panel', () => {
  it('cannot even read the evaluation', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    const error = await refusedAndUnchanged(t, scene.outsider.id, 'evaluations.get', { evaluationId: scene.evaluation.id });
    expect(error).toEqual({ code: 'FORBIDDEN', message: 'You are not on the panel of this evaluation.' });
  });

  it('cannot change it either', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    const error = await refusedAndUnchanged(t, scene.outsider.id, 'panel.add', {
      evaluationId: scene.evaluation.id,
      personId: scene.outsider.id,
      role: 'lead',
    });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('is told an evaluation that does not exist is not found', async () => {
    const t = makeCore();
    const scene = await evaluationWithPanel(t);
    expect((await refusedAndUnchanged(t, scene.outsider.id, 'evaluations.get', { evaluationId: 'no-such-evaluation' })).code).toBe('NOT_FOUND');
  });
});

describe('without a profile', () => {
  /** Valid params for every method that needs someone signed in. */
  async function signedInCalls(t: TestCore): Promise<[MethodName, unknown][]> {
    const scene = await evaluationWithPanel(t);
    const evaluationId = scene.evaluation.id;
    const framework = (await t.call(scene.lead.id, 'frameworks.get', { frameworkId: scene.frameworkId })).framework;
    const panelAndBidders = (await setUpCalls(t, scene)) as [MethodName, unknown][];
    return [
      ['frameworks.list', {}],
      ['frameworks.get', { frameworkId: scene.frameworkId }],
      ['frameworks.import', { json: JSON.stringify(framework) }],
      ['frameworks.export', { frameworkId: scene.frameworkId }],
      ['frameworks.duplicate', { frameworkId: scene.frameworkId, name: 'Copy' }],
      ['frameworks.saveRevision', { frameworkId: scene.frameworkId, basedOnRevision: 1, framework }],
      ['evaluations.list', {}],
      ['evaluations.get', { evaluationId }],
      ['evaluations.create', { name: 'Mine', reference: '', frameworkId: scene.frameworkId }],
      // Adding someone to put on a panel is done by someone signed in; one adds oneself with session.register.
      ['people.create', { name: 'Nia Newcomer' }],
      ...panelAndBidders,
    ];
  }

  it('is refused with UNAUTHENTICATED for every set-up method that needs a profile, and nothing changes', async () => {
    const t = makeCore();
    const calls = await signedInCalls(t);
    const open = ['app.info', 'demo.create', 'people.list'];
    expect([...calls.map(([m]) => m), ...open].sort()).toEqual([...SET_UP_METHODS].sort());
    for (const [method, params] of calls) {
      const error = await refusedAndUnchanged(t, null, method, params);
      expect({ method, ...error }).toEqual({ method, code: 'UNAUTHENTICATED', message: 'Sign in before doing this.' });
    }
  });

  it('can still see who has a profile, and create one', async () => {
    const t = makeCore();
    await leadWithEvaluation(t);
    expect((await t.call(null, 'people.list', {})).map((p) => p.name)).toEqual(['Lee Lead']);
    const me = await t.profile('Nia Newcomer');
    expect((await t.call(null, 'people.list', {})).map((p) => p.id)).toContain(me.id);
  });

  it('refuses a second profile with the same name, whatever the case', async () => {
    const t = makeCore();
    const { lead } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, null, 'session.register', { name: 'lee lead', passphrase: TEST_PASSPHRASE });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('“Lee Lead”');
    // Nor can someone signed in add it for a panel.
    const added = await refusedAndUnchanged(t, lead.id, 'people.create', { name: 'LEE LEAD' });
    expect(added.code).toBe('CONFLICT');
    expect(added.message).toContain('“Lee Lead”');
  });
});

describe('an actor id that is not a profile here', () => {
  it('is refused before anything is read or written, even for open methods', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    // A call carries a session, never a person: a made-up one, or a real person's id sent in its place, is no one.
    for (const sessionId of ['made-up-session-id', lead.id]) {
      for (const [method, params] of [
        ['people.list', {}],
        ['people.create', { name: 'Mallory' }],
        ['evaluations.get', { evaluationId: evaluation.id }],
        ['evaluations.list', {}],
      ] as const) {
        const before = dumpDatabase(t.core.databaseFile);
        const outcome = await t.core.dispatch(sessionId, method, params);
        expect(dumpDatabase(t.core.databaseFile)).toStrictEqual(before);
        expect({ method, ...outcome }).toEqual({
          method,
          ok: false,
          error: { code: 'UNAUTHENTICATED', message: 'You are signed out (the session ended or the app restarted). Sign in again to carry on.' },
        });
      }
    }
  });
});

describe('the list of evaluations', () => {
  it('shows each person only the evaluations they are on, with their role there', async () => {
    const t = makeCore();
    const { lead, evaluation: a, frameworkId } = await leadWithEvaluation(t);
    const other = await t.profile('Olu Other');
    const alice = await t.profile('Alice Jones');
    const nobody = await t.profile('Nia Nobody');
    const b = await t.call(other.id, 'evaluations.create', { name: 'Highways 2026', reference: 'HW-26', frameworkId });
    await t.call(lead.id, 'panel.add', { evaluationId: a.id, personId: alice.id, role: 'evaluator' });
    await t.call(other.id, 'panel.add', { evaluationId: b.id, personId: alice.id, role: 'moderator' });

    const names = async (personId: string) => (await t.call(personId, 'evaluations.list', {})).map((e) => [e.name, e.myRole]).sort();
    expect(await names(lead.id)).toEqual([['Community services 2026', 'lead']]);
    expect(await names(other.id)).toEqual([['Highways 2026', 'lead']]);
    expect(await names(alice.id)).toEqual([
      ['Community services 2026', 'evaluator'],
      ['Highways 2026', 'moderator'],
    ]);
    expect(await names(nobody.id)).toEqual([]);
  });

  it('drops an evaluation from the list once the person is removed from its panel', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const alice = await t.profile('Alice Jones');
    await t.call(lead.id, 'panel.add', { evaluationId: evaluation.id, personId: alice.id, role: 'evaluator' });
    expect(await t.call(alice.id, 'evaluations.list', {})).toHaveLength(1);
    await t.call(lead.id, 'panel.remove', { evaluationId: evaluation.id, personId: alice.id, reason: 'Conflict of interest' });
    expect(await t.call(alice.id, 'evaluations.list', {})).toEqual([]);
  });
});
