import { listCriteria, type Framework } from '../../../shared/domain/framework';
import { dumpDatabase, evaluationWithPanel, keepSession, makeCore, TEST_PASSPHRASE, type DatabaseDump, type TestCore } from '../support/core';
import { declareAll } from '../support/declarations';
export { declareAll };

/*
 * The exchange story's starting point, on real cores in separate temporary folders (separate "laptops"):
 * the moderator's installation with an evaluation open for scoring, two consortium bidders each with a
 * response and an evidence document, three evaluators and a moderator who is clear for both bidders.
 */

export const PASSPHRASE = 'correct horse battery staple';
export const SECRET_RESPONSE = 'Riverside’s confidential response: our board meets monthly with the ICB.';
export const SECRET_DOCUMENT = '%PDF-1.4\nRiverside board minutes — commercially confidential\n%%EOF\n';

export async function exchangeScene(t: TestCore = makeCore()) {
  const s = await evaluationWithPanel(t);
  const evaluationId = s.evaluation.id;
  const detail = await t.call(s.lead.id, 'bidders.add', {
    evaluationId,
    name: 'Riverside Partnership',
    reference: 'BID-002',
    members: [{ organisation: 'Riverside Healthcare NHS Trust', role: 'lead' }],
  });
  const other = detail.bidders.find((b) => b.name === 'Riverside Partnership')!;
  const framework = detail.framework;
  const areaId = framework.areas[0]!.id;
  await t.call(s.lead.id, 'submissions.saveResponse', {
    evaluationId,
    bidderId: s.bidder.id,
    areaId,
    text: 'Wandle’s response: a partnership board.',
  });
  await t.call(s.lead.id, 'submissions.saveResponse', { evaluationId, bidderId: other.id, areaId, text: SECRET_RESPONSE });
  const wandleDoc = await t.call(s.lead.id, 'documents.add', {
    evaluationId,
    bidderId: s.bidder.id,
    fileName: 'wandle-governance.pdf',
    mediaType: 'application/pdf',
    content: Buffer.from('%PDF-1.4\nWandle governance structure\n%%EOF\n'),
  });
  const otherDoc = await t.call(s.lead.id, 'documents.add', {
    evaluationId,
    bidderId: other.id,
    fileName: 'riverside-minutes.pdf',
    mediaType: 'application/pdf',
    content: Buffer.from(SECRET_DOCUMENT),
  });
  await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId });
  await declareAll(t, evaluationId, s.moderator.id);
  const bidders = [s.bidder, other] as const;
  return { ...s, t, evaluationId, other, bidders, framework, documents: { wandle: wandleDoc.document.id, riverside: otherDoc.document.id } };
}
export type ExchangeScene = Awaited<ReturnType<typeof exchangeScene>>;

export async function exportPack(s: ExchangeScene, evaluatorId: string, actorId = s.lead.id) {
  const pack = await s.t.call(actorId, 'exchange.exportPack', { evaluationId: s.evaluationId, evaluatorId, passphrase: PASSPHRASE });
  return { ...pack, file: Buffer.from(pack.content) };
}

/**
 * On the evaluator's laptop: the first pack opened there, signed out, makes the evaluator's profile with the
 * passphrase they choose (TEST_PASSPHRASE) and signs them in; a later one is opened by the evaluator signed in.
 */
export async function openPack(laptop: TestCore, file: Buffer, passphrase = PASSPHRASE) {
  const params = { passphrase, file: { content: file } };
  const owner = (await laptop.call(null, 'session.profiles', {})).filter((p) => p.canSignIn);
  if (owner.length > 1) throw new Error('openPack is for an evaluator’s own laptop, where only the evaluator can sign in');
  if (owner[0]) return laptop.call(owner[0].id, 'exchange.openPack', params);
  const opened = await laptop.call(null, 'exchange.openPack', { ...params, profilePassphrase: TEST_PASSPHRASE });
  if (opened.session) keepSession(laptop, opened.evaluatorId, opened.session.sessionId);
  return opened;
}

/** A distinct, valid score per evaluator × bidder × criterion, on the default 0–5 scale. */
export const scoreOf = (evaluator: number, bidder: number, criterion: number) => (evaluator * 2 + bidder + criterion) % 6;
export const rationaleOf = (criterionId: string, round = 1) =>
  `Round ${round}: the response to ${criterionId} cites its board papers and a signed partnership agreement with clear escalation.`;

/** On the evaluator's laptop: declare clear, score every criterion of the bidder and (optionally) seal. */
export async function scoreOnLaptop(
  laptop: TestCore,
  p: {
    evaluationId: string;
    evaluatorId: string;
    bidderId: string;
    framework: Framework;
    score: (criterion: number) => number;
    round?: number;
    seal?: boolean;
    only?: number;
  },
) {
  const criteria = listCriteria(p.framework).slice(0, p.only);
  for (const [c, criterion] of criteria.entries()) {
    await laptop.call(p.evaluatorId, 'scoring.save', {
      evaluationId: p.evaluationId,
      bidderId: p.bidderId,
      criterionId: criterion.id,
      score: p.score(c),
      rationale: rationaleOf(criterion.id, p.round),
      evidenceRefs: [],
      indicatorMarks: {},
    });
  }
  if (p.seal) await laptop.call(p.evaluatorId, 'scoring.seal', { evaluationId: p.evaluationId, bidderId: p.bidderId });
}

export async function exportReturn(laptop: TestCore, evaluationId: string, evaluatorId: string) {
  const result = await laptop.call(evaluatorId, 'exchange.exportReturn', { evaluationId });
  return { ...result, file: Buffer.from(result.content) };
}

export const importReturn = (s: ExchangeScene, file: Buffer, actorId = s.moderator.id, evaluationId = s.evaluationId) =>
  s.t.call(actorId, 'exchange.importReturn', { evaluationId, file: { content: file } });

/** The record without the audit trail (and its counters), which notes every call, even one that changes nothing. */
export function recordWithoutAudit(file: string): DatabaseDump {
  const dump = dumpDatabase(file);
  const tables = Object.fromEntries(Object.entries(dump.tables).filter(([name]) => !name.startsWith('audit') && name !== 'sqlite_sequence'));
  return { ...dump, tables };
}

/**
 * The whole hand-over to an evaluator's laptop: the first pack (no bids yet), declarations made there and
 * returned, then the second pack carrying the bids the evaluator is clear for. Returns the second pack.
 */
export async function handOver(s: ExchangeScene, laptop: TestCore, evaluatorId: string, conflictWith: string[] = []) {
  await openPack(laptop, (await exportPack(s, evaluatorId)).file);
  await declareAll(laptop, s.evaluationId, evaluatorId, conflictWith);
  await importReturn(s, (await exportReturn(laptop, s.evaluationId, evaluatorId)).file);
  const pack = await exportPack(s, evaluatorId);
  await openPack(laptop, pack.file);
  return pack;
}
