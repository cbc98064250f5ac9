import { contract, type MethodName, type Params } from '../../../shared/api/contract';
import { DEFAULT_RULES } from '../../../shared/domain/rules';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';
import { defaultWeights } from '../../../shared/domain/weights';
import { TEST_PASSPHRASE } from '../support/core';
import { GOV_DEV, RATIONALE, STRONG, type SecretsScene } from './scene';

/** Four bytes standing in for a file ("test"). */
const TEST_BYTES = new TextEncoder().encode('test');

/**
 * A valid call of every method of the contract (several for the methods that read a bid: one aimed at
 * Wandle, where B's unsealed scores are, and one at Riverside, the recused bid), with every person id in the
 * params naming `target`: the person a forger would like to act as. Adapted from scoring/privacy.test.ts,
 * with the session and administration methods added. The type makes a method missing here a compile error.
 */
export function everyCall(s: SecretsScene, target: { id: string }): { [M in MethodName]: Params<M>[] } {
  const evaluationId = s.evaluationId;
  const bidders = [s.wandle.id, s.riverside.id];
  const perBidder = <P>(make: (bidderId: string) => P): P[] => bidders.map(make);
  const framework = s.framework;
  return {
    'app.info': [{}],
    'demo.create': [{}],
    'session.profiles': [{}],
    'session.assessPassphrase': [{ passphrase: STRONG, name: 'Evan Evaluator' }],
    'session.register': [{ name: 'Newcomer Nadia', passphrase: STRONG }],
    // The forger does not know B's passphrase (knowing it is simply signing in as B).
    'session.signIn': [{ personId: target.id, passphrase: 'not the passphrase of anyone here' }],
    'session.touch': [{}],
    'session.end': [{ reason: 'switch' }],
    // The forger does know the session's own passphrase: a change may only ever change the session person's.
    'session.changePassphrase': [{ currentPassphrase: TEST_PASSPHRASE, newPassphrase: STRONG }],
    'admin.accounts': [{}],
    'admin.resetPassphrase': [{ personId: target.id, passphrase: STRONG }],
    'admin.handOver': [{ personId: target.id, reason: 'Handing over while on leave' }],
    'admin.setIdleMinutes': [{ minutes: 240 }],
    'people.list': [{}],
    'people.create': [{ name: 'Panel Newcomer' }],
    'frameworks.list': [{}],
    'frameworks.get': [{ frameworkId: s.frameworkId }],
    'frameworks.import': [{ json: JSON.stringify({ ...framework, id: 'imported-copy' }) }],
    'frameworks.export': [{ frameworkId: s.frameworkId }],
    'frameworks.duplicate': [{ frameworkId: s.frameworkId, name: 'Copy' }],
    'frameworks.saveRevision': [{ frameworkId: s.frameworkId, basedOnRevision: 1, framework }],
    'evaluations.list': [{}],
    'evaluations.get': [{ evaluationId }],
    'evaluations.create': [{ name: 'Another', reference: '', frameworkId: s.frameworkId }],
    'evaluations.saveDetails': [{ evaluationId, name: 'Renamed', reference: 'R' }],
    'evaluations.saveScale': [{ evaluationId, scale: DEFAULT_SCALE }],
    'evaluations.saveWeights': [{ evaluationId, weights: defaultWeights(framework) }],
    'evaluations.saveThresholds': [{ evaluationId, thresholds: [] }],
    'evaluations.saveRules': [{ evaluationId, rules: DEFAULT_RULES }],
    'evaluations.openScoring': [{ evaluationId }],
    'panel.add': [{ evaluationId, personId: target.id, role: 'moderator' }],
    'panel.remove': [{ evaluationId, personId: target.id, reason: 'Left' }],
    'bidders.add': [{ evaluationId, name: 'Late bidder', reference: '', members: [{ organisation: 'Late Trust', role: 'lead' }] }],
    'bidders.addMember': [{ evaluationId, bidderId: s.wandle.id, member: { organisation: 'New partner', role: 'partner' } }],
    'bidders.removeMember': [{ evaluationId, bidderId: s.wandle.id, memberId: s.partner.id, reason: 'Withdrew' }],
    'submissions.get': perBidder((bidderId) => ({ evaluationId, bidderId })),
    'submissions.saveResponse': [{ evaluationId, bidderId: s.wandle.id, areaId: 'governance-and-leadership', text: 'Response' }],
    'documents.add': [{ evaluationId, bidderId: s.wandle.id, fileName: 'more.pdf', mediaType: 'application/pdf', content: TEST_BYTES }],
    'documents.content': [
      { evaluationId, documentId: s.documents.riverside },
      { evaluationId, documentId: s.documents.wandle },
    ],
    'conflicts.mine': [{ evaluationId }],
    // Says again "no conflict" with Wandle: a sweep that withdrew the conflict with Riverside would un-recuse the caller.
    'conflicts.declare': [{ evaluationId, bidderId: s.wandle.id, memberId: null, kind: 'none', description: '' }],
    'conflicts.register': [{ evaluationId }],
    'conflicts.recordMitigation': [{ evaluationId, declarationId: 'no-such-declaration', decision: 'permitted', reason: 'Fine' }],
    'scoring.mine': perBidder((bidderId) => ({ evaluationId, bidderId })),
    'scoring.save': [
      { evaluationId, bidderId: s.wandle.id, criterionId: GOV_DEV, score: 1, rationale: RATIONALE, evidenceRefs: [], indicatorMarks: {} },
    ],
    'scoring.history': perBidder((bidderId) => ({ evaluationId, bidderId, criterionId: GOV_DEV })),
    'scoring.seal': [{ evaluationId, bidderId: s.wandle.id }],
    'scoring.myProgress': [{ evaluationId }],
    'panel.progress': [{ evaluationId }],
    'moderation.board': [{ evaluationId }, ...perBidder((bidderId) => ({ evaluationId, bidderId }))],
    'moderation.record': [
      { evaluationId, bidderId: s.wandle.id, criterionId: GOV_DEV, score: 3, internalNote: 'Agreed', bidderExplanation: 'See p. 4', reason: '' },
    ],
    'submissions.addendum': [
      { evaluationId, bidderId: s.wandle.id, reason: 'Clarification 1', response: { areaId: 'governance-and-leadership', text: 'Corrected response' } },
    ],
    'scoring.addenda': perBidder((bidderId) => ({ evaluationId, bidderId })),
    'scoring.revise': [
      { evaluationId, bidderId: s.wandle.id, criterionId: GOV_DEV, score: 4, rationale: RATIONALE, evidenceRefs: [], indicatorMarks: {}, addendumId: 'no-such-addendum', reason: 'The addendum changes it' },
    ],
    'scoring.reviewAddendum': [{ evaluationId, bidderId: s.wandle.id, addendumId: 'no-such-addendum' }],
    'moderation.confirmAgreed': [{ evaluationId, bidderId: s.wandle.id, note: 'Reviewed at the panel meeting' }],
    'moderation.history': perBidder((bidderId) => ({ evaluationId, bidderId, criterionId: GOV_DEV })),
    'ranking.get': [{ evaluationId }],
    'export.rankedWorkbook': [{ evaluationId }],
    'export.evidencePack': [{ evaluationId }],
    'export.scoresCsv': [{ evaluationId }],
    'audit.verify': [{ evaluationId }],
    'audit.list': [{ evaluationId, limit: 500 }],
    'backup.list': [{}],
    'backup.create': [{}],
    'backup.restore': [{ name: 'backup-20260101T000000000Z-test.sqlite' }],
    'exchange.exportPack': [{ evaluationId, evaluatorId: target.id, passphrase: 'correct horse battery staple' }],
    'exchange.signingFingerprint': [{ evaluationId }],
    'exchange.listPacks': [{ evaluationId }],
    'exchange.revokePack': [{ evaluationId, packId: 'no-such-pack', reason: 'Lost laptop' }],
    'exchange.stageUpload': [{ uploadId: 'upload-0001', offset: 0, chunk: TEST_BYTES }],
    'exchange.openPack': [{ passphrase: 'correct horse battery staple', file: { content: TEST_BYTES }, profilePassphrase: STRONG }],
    'exchange.installedPack': [{ evaluationId }],
    'exchange.exportReturn': [{ evaluationId }],
    'exchange.importReturn': [{ evaluationId, file: { content: TEST_BYTES } }],
    'scoreSheets.generate': [{ evaluationId, evaluatorId: target.id }],
    'scoreSheets.import': [{ evaluationId, evaluatorId: target.id, content: TEST_BYTES }],
  };
}

/** Ending a session must come last in a sweep that goes on using it. */
const LAST: readonly string[] = ['session.end'];

/** Every call of the table as [method, params], in contract order with session.end last. */
export function callList(s: SecretsScene, target: { id: string }): [MethodName, unknown][] {
  const table = everyCall(s, target) as Record<string, unknown[]>;
  const names = Object.keys(contract) as MethodName[];
  const ordered = [...names.filter((m) => !LAST.includes(m)), ...names.filter((m) => LAST.includes(m))];
  return ordered.flatMap((m) => (table[m] ?? []).map((params): [MethodName, unknown] => [m, params]));
}
