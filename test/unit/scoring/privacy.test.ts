import { describe, expect, it } from 'vitest';
import { contract, type MethodName, type Params } from '../../../shared/api/contract';
import { DEFAULT_RULES } from '../../../shared/domain/rules';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import { defaultWeights } from '../../../shared/domain/weights';
import type { Framework } from '../../../shared/domain/framework';
import { makeCore, TEST_PASSPHRASE, type TestCore } from '../support/core';
import { readableTexts } from './leak-scan';
import { ALL_CRITERIA, GOV_DEV, RATIONALE, save, scoreEverything, scoringScene, type Scene } from './scene';

/** Four bytes standing in for a file ("test"). */
const TEST_BYTES = new TextEncoder().encode('test');

/*
 * Before an evaluator seals, nobody else may see their scores or rationales — enforced in the core.
 * Ben (evaluator B) writes a distinctive rationale and evidence reference; then every method of the
 * contract is called by everyone else on the panel (and by someone outside it), and no answer may
 * contain them.
 */

const SECRET = 'B-SECRET-RATIONALE';
const SECRET_LOCATION = 'B-SECRET-LOCATION';

/**
 * A valid-looking call of every contract method, aimed at Ben's bidder wherever the method takes one.
 * A method added to the contract fails the coverage test below until it is added here. Calls that would
 * change who can sign in (a passphrase reset, a hand-over) are aimed at nobody; session.end, which ends the
 * caller's own session, comes last.
 */
function everyCall(s: Scene, framework: Framework): Partial<{ [M in MethodName]: Params<M> }> {
  const evaluationId = s.evaluationId;
  const bidderId = s.bidder.id;
  return {
    'app.info': {},
    'demo.create': {},
    'session.profiles': {},
    'session.assessPassphrase': { passphrase: 'plum orbit', name: 'Nell Newcomer' },
    'session.register': { name: 'Nell Newcomer', passphrase: TEST_PASSPHRASE },
    'session.signIn': { personId: s.b.id, passphrase: 'a guess at Ben’s passphrase' },
    'session.touch': {},
    'session.changePassphrase': { currentPassphrase: 'not the current passphrase', newPassphrase: 'violet harbour seventy lamp' },
    'admin.accounts': {},
    'admin.resetPassphrase': { personId: 'no-such-person', passphrase: 'violet harbour seventy lamp' },
    'admin.handOver': { personId: 'no-such-person', reason: 'Leaving the council' },
    'admin.setIdleMinutes': { minutes: 20 },
    'people.list': {},
    'people.create': { name: 'Newcomer' },
    'frameworks.list': {},
    'frameworks.get': { frameworkId: s.frameworkId },
    'frameworks.import': { json: JSON.stringify({ ...framework, id: 'imported-copy' }) },
    'frameworks.export': { frameworkId: s.frameworkId },
    'frameworks.duplicate': { frameworkId: s.frameworkId, name: 'Copy' },
    'frameworks.saveRevision': { frameworkId: s.frameworkId, basedOnRevision: 1, framework },
    'evaluations.list': {},
    'evaluations.get': { evaluationId },
    'evaluations.create': { name: 'Another', reference: '', frameworkId: s.frameworkId },
    'evaluations.saveDetails': { evaluationId, name: 'Renamed', reference: 'R' },
    'evaluations.saveScale': { evaluationId, scale: DEFAULT_SCALE },
    'evaluations.saveWeights': { evaluationId, weights: defaultWeights(framework) },
    'evaluations.saveThresholds': { evaluationId, thresholds: [] },
    'evaluations.saveRules': { evaluationId, rules: DEFAULT_RULES },
    'evaluations.openScoring': { evaluationId },
    'panel.add': { evaluationId, personId: s.outsider.id, role: 'evaluator' },
    'panel.remove': { evaluationId, personId: s.c.id, reason: 'Left' },
    'bidders.add': { evaluationId, name: 'Late bidder', reference: '', members: [{ organisation: 'Late Trust', role: 'lead' }] },
    'bidders.addMember': { evaluationId, bidderId, member: { organisation: 'New partner', role: 'partner' } },
    'bidders.removeMember': { evaluationId, bidderId, memberId: s.partner.id, reason: 'Withdrew' },
    'submissions.get': { evaluationId, bidderId },
    'submissions.saveResponse': { evaluationId, bidderId, areaId: 'governance-and-leadership', text: 'Response' },
    'documents.add': { evaluationId, bidderId, fileName: 'more.pdf', mediaType: 'application/pdf', content: TEST_BYTES },
    'documents.content': { evaluationId, documentId: s.document },
    'submissions.addendum': { evaluationId, bidderId, reason: 'Clarification 1', response: { areaId: 'governance-and-leadership', text: 'Corrected' } },
    'conflicts.mine': { evaluationId },
    'conflicts.declare': { evaluationId, bidderId, memberId: null, kind: 'none', description: '' },
    'conflicts.register': { evaluationId },
    'conflicts.recordMitigation': { evaluationId, declarationId: 'no-such-declaration', decision: 'permitted', reason: 'Fine' },
    'scoring.mine': { evaluationId, bidderId },
    'scoring.save': save(s, { criterionId: GOV_DEV }),
    'scoring.history': { evaluationId, bidderId, criterionId: GOV_DEV },
    'scoring.seal': { evaluationId, bidderId },
    'scoring.addenda': { evaluationId, bidderId },
    'scoring.revise': { ...save(s, { criterionId: GOV_DEV, score: 4 }), score: 4, addendumId: 'no-such-addendum', reason: 'The addendum changes it' },
    'scoring.reviewAddendum': { evaluationId, bidderId, addendumId: 'no-such-addendum' },
    'scoring.myProgress': { evaluationId },
    'panel.progress': { evaluationId },
    'moderation.board': { evaluationId },
    'moderation.record': {
      evaluationId,
      bidderId,
      criterionId: GOV_DEV,
      score: 3,
      internalNote: 'Agreed',
      bidderExplanation: 'See p. 4',
      reason: '',
    },
    'moderation.confirmAgreed': { evaluationId, bidderId, note: 'Reviewed the agreed scores with the panel' },
    'moderation.history': { evaluationId, bidderId, criterionId: GOV_DEV },
    'ranking.get': { evaluationId },
    'export.rankedWorkbook': { evaluationId },
    'export.evidencePack': { evaluationId },
    'export.scoresCsv': { evaluationId },
    'audit.verify': { evaluationId },
    'audit.list': { evaluationId, limit: 500 },
    'backup.list': {},
    'backup.create': {},
    'backup.restore': { name: 'backup-20260101T000000000Z-test.sqlite' },
    'exchange.exportPack': { evaluationId, evaluatorId: s.b.id, passphrase: 'correct horse battery staple' },
    'exchange.signingFingerprint': { evaluationId },
    'exchange.listPacks': { evaluationId },
    'exchange.revokePack': { evaluationId, packId: 'no-such-pack', reason: 'Lost laptop' },
    'exchange.stageUpload': { uploadId: 'upload-0001', offset: 0, chunk: TEST_BYTES },
    'exchange.openPack': { passphrase: 'correct horse battery staple', file: { content: TEST_BYTES } },
    'exchange.installedPack': { evaluationId },
    'exchange.exportReturn': { evaluationId },
    'exchange.importReturn': { evaluationId, file: { content: TEST_BYTES } },
    'scoreSheets.generate': { evaluationId, evaluatorId: s.b.id },
    'scoreSheets.import': { evaluationId, evaluatorId: s.b.id, content: TEST_BYTES },
    'session.end': { reason: 'lock' },
  };
}

async function benWritesSecrets(t: TestCore) {
  const s = await scoringScene(t);
  const framework = (await t.call(s.lead.id, 'evaluations.get', { evaluationId: s.evaluationId })).framework;
  for (const criterionId of ALL_CRITERIA) {
    await t.call(
      s.b.id,
      'scoring.save',
      save(s, { criterionId, score: 5, rationale: `${SECRET} ${RATIONALE}`, evidenceRefs: [{ documentId: s.document, location: SECRET_LOCATION }] }),
    );
  }
  return { s, framework };
}

const leaksIn = (answer: unknown) => readableTexts(answer).some((text) => text.includes(SECRET) || text.includes(SECRET_LOCATION));

const ACTORS = ['evaluator A (clear)', 'evaluator C (yet to declare)', 'moderator', 'procurement lead', 'someone not on the panel'] as const;
const actorId = (s: Scene, who: (typeof ACTORS)[number]) =>
  ({
    'evaluator A (clear)': s.a.id,
    'evaluator C (yet to declare)': s.c.id,
    moderator: s.moderator.id,
    'procurement lead': s.lead.id,
    'someone not on the panel': s.outsider.id,
  })[who];

describe('nobody sees another evaluator’s unsealed scores', () => {
  it('has a call for every method of the contract', async () => {
    const t = makeCore();
    const s = await scoringScene(t);
    const framework = (await t.call(s.lead.id, 'evaluations.get', { evaluationId: s.evaluationId })).framework;
    const missing = Object.keys(contract).filter((m) => !(m in everyCall(s, framework)));
    expect(missing, 'add a call of each new method to everyCall so that it is checked for leaks').toEqual([]);
  });

  it.each(ACTORS)('through any method of the contract, called by %s', async (who) => {
    const t = makeCore();
    const { s, framework } = await benWritesSecrets(t);
    const answered: string[] = [];
    const leaks: string[] = [];
    const session = await t.sessionOf(actorId(s, who));
    for (const [method, params] of Object.entries(everyCall(s, framework))) {
      const outcome = await t.core.dispatch(session, method, params);
      if (leaksIn(outcome)) leaks.push(method);
      if (outcome.ok) answered.push(method);
    }
    expect(leaks, `methods whose answer to ${who} carries Ben's unsealed rationale or evidence reference`).toEqual([]);
    // The sweep is only meaningful if it reached the scoring reads the actor is allowed to call.
    if (who === 'evaluator A (clear)')
      expect(answered).toEqual(expect.arrayContaining(['scoring.mine', 'scoring.history', 'scoring.save', 'scoring.myProgress']));
    if (who === 'procurement lead' || who === 'moderator') expect(answered).toContain('panel.progress');
  });

  it('nor do other evaluators see them once Ben has sealed, while their own are unsealed', async () => {
    const t = makeCore();
    const { s, framework } = await benWritesSecrets(t);
    await t.call(s.b.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    const leaks: string[] = [];
    const session = await t.sessionOf(s.a.id);
    for (const [method, params] of Object.entries(everyCall(s, framework))) {
      if (leaksIn(await t.core.dispatch(session, method, params))) leaks.push(method);
    }
    expect(leaks).toEqual([]);
  });

  it('even after evaluator A has sealed their own scores for the same bidder', async () => {
    const t = makeCore();
    const { s } = await benWritesSecrets(t);
    await scoreEverything(t, s, s.a.id);
    await t.call(s.a.id, 'scoring.seal', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    const mine = await t.call(s.a.id, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(JSON.stringify(mine)).not.toContain(SECRET);
    expect(mine.scores.every((e) => e.score === 3)).toBe(true);
  });

  it('history and current scores are each evaluator’s own', async () => {
    const t = makeCore();
    const { s } = await benWritesSecrets(t);
    const ref = { evaluationId: s.evaluationId, bidderId: s.bidder.id };
    expect(await t.call(s.a.id, 'scoring.history', { ...ref, criterionId: GOV_DEV })).toEqual([]);
    expect(await t.call(s.a.id, 'scoring.mine', ref)).toEqual({ scores: [], sealedAt: null });
    const own = await t.call(s.a.id, 'scoring.save', save(s, { criterionId: GOV_DEV }));
    expect(await t.call(s.a.id, 'scoring.history', { ...ref, criterionId: GOV_DEV })).toEqual([own]);
    const bens = await t.call(s.b.id, 'scoring.history', { ...ref, criterionId: GOV_DEV });
    expect(bens).toHaveLength(1);
    expect(bens[0]!.rationale).toContain(SECRET);
  });
});
