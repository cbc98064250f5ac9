import { describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../support/core';
import { insertDeclaration, insertMitigation, submissionScene } from './scene';

/*
 * A bidder's submission is seen only by the procurement lead and by panel members who have declared
 * against the bidder and each consortium member and are not recused.
 */

type Scene = Awaited<ReturnType<typeof submissionScene>>;

async function withDocument(t: TestCore) {
  const s = await submissionScene(t);
  const { document } = await s.addDocument(s.bidder.id, 'evidence.txt', 'Evidence of governance');
  await t.call(s.lead.id, 'submissions.saveResponse', { evaluationId: s.evaluationId, bidderId: s.bidder.id, areaId: 'transformation-change', text: 'Plan' });
  const reads = (personId: string) => ({
    get: t.dispatchAs(personId, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id }),
    content: t.dispatchAs(personId, 'documents.content', { evaluationId: s.evaluationId, documentId: document.id }),
  });
  return { s, document, reads };
}

const declareClear = (t: TestCore, s: Scene, personId: string) => {
  insertDeclaration(t, { evaluationId: s.evaluationId, personId, bidderId: s.bidder.id, kind: 'none' });
  for (const m of s.bidder.members) insertDeclaration(t, { evaluationId: s.evaluationId, personId, bidderId: s.bidder.id, memberId: m.id, kind: 'none' });
};

type Outcome = Awaited<ReturnType<TestCore['core']['dispatch']>>;
const codeOf = (o: Outcome) => (o.ok ? 'ok' : o.error.code);

/** What submissions.get and documents.content answered: 'ok' or the error code. */
async function outcomes(reads: { get: Promise<Outcome>; content: Promise<Outcome> }) {
  return [codeOf(await reads.get), codeOf(await reads.content)];
}

describe('who may see a bidder’s submission', () => {
  it('lets the procurement lead see it without declaring', async () => {
    const t = makeCore();
    const { s, reads } = await withDocument(t);
    expect(await outcomes(reads(s.lead.id))).toEqual(['ok', 'ok']);
  });

  it('refuses evaluators and the moderator who have not declared, saying why', async () => {
    const t = makeCore();
    const { s, reads } = await withDocument(t);
    expect(await outcomes(reads(s.evaluators[0].id))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await outcomes(reads(s.moderator.id))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const refused = await t.fail(s.evaluators[0].id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(refused.message).toMatch(/^Declare any conflicts of interest/);
  });

  it('refuses someone who declared against the bidder but not yet against every consortium member', async () => {
    const t = makeCore();
    const { s, reads } = await withDocument(t);
    insertDeclaration(t, { evaluationId: s.evaluationId, personId: s.evaluators[0].id, bidderId: s.bidder.id, kind: 'none' });
    expect(await outcomes(reads(s.evaluators[0].id))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('lets an evaluator with no conflicts declared see it', async () => {
    const t = makeCore();
    const { s, reads } = await withDocument(t);
    declareClear(t, s, s.evaluators[1].id);
    expect(await outcomes(reads(s.evaluators[1].id))).toEqual(['ok', 'ok']);
  });

  it('refuses an evaluator with a conflict with a consortium member, until the lead permits them', async () => {
    const t = makeCore();
    const { s, reads } = await withDocument(t);
    declareClear(t, s, s.evaluators[2].id);
    const conflict = insertDeclaration(t, { evaluationId: s.evaluationId, personId: s.evaluators[2].id, bidderId: s.bidder.id, memberId: s.partner.id, kind: 'perceived' });
    expect(await outcomes(reads(s.evaluators[2].id))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    insertMitigation(t, conflict, 'permitted', s.lead.id);
    expect(await outcomes(reads(s.evaluators[2].id))).toEqual(['ok', 'ok']);
  });

  it('refuses a moderator with an actual conflict, even after a recorded recusal', async () => {
    const t = makeCore();
    const { s, document, reads } = await withDocument(t);
    declareClear(t, s, s.moderator.id);
    const conflict = insertDeclaration(t, { evaluationId: s.evaluationId, personId: s.moderator.id, bidderId: s.bidder.id, kind: 'actual' });
    insertMitigation(t, conflict, 'recused', s.lead.id);
    const refused = await t.fail(s.moderator.id, 'documents.content', { evaluationId: s.evaluationId, documentId: document.id });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/recused/) });
    expect(await outcomes(reads(s.moderator.id))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('refuses people who are not on the panel', async () => {
    const t = makeCore();
    const { s, reads } = await withDocument(t);
    expect(await outcomes(reads(s.outsider.id))).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('does not serve a document through another evaluation', async () => {
    const t = makeCore();
    const { s, document } = await withDocument(t);
    const other = await t.call(s.lead.id, 'evaluations.create', { name: 'Other', reference: 'O-1', frameworkId: s.frameworkId });
    const refused = await t.fail(s.lead.id, 'documents.content', { evaluationId: other.id, documentId: document.id });
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
  });
});

