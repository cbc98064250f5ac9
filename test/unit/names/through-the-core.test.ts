import { describe, expect, it } from 'vitest';
import { leadWithEvaluation, makeCore, refusedAndUnchanged, TEST_PASSPHRASE } from '../support/core';
import { bytesOf, submissionScene } from '../submissions/scene';

/* Names entering through the contract: refused with the character named, or cleaned (file names), and told apart by Unicode case folding. */

const RLO = '\u202E';
const lone = (organisation: string) => [{ organisation, role: 'lead' as const }];

describe('bidder names', () => {
  it('refuses a second bidder “äRZTE VERBUND” after “Ärzte Verbund”, changing nothing', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, name: 'Ärzte Verbund', reference: 'BID-001', members: lone('Ärzte Verbund eG') });
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      name: 'äRZTE VERBUND',
      reference: 'BID-002',
      members: lone('Another lead'),
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'There is already a bidder called “äRZTE VERBUND” in this evaluation.' });
  });

  it('refuses “STRASSE CARE” after “Straße Care”, which SQLite NOCASE would let through', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    await t.call(lead.id, 'bidders.add', { evaluationId: evaluation.id, name: 'Straße Care', reference: '', members: lone('Straße Care gGmbH') });
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.add', { evaluationId: evaluation.id, name: 'STRASSE CARE', reference: '', members: lone('X') });
    expect(error.code).toBe('CONFLICT');
  });

  it('refuses a bidder name with a right-to-left override on the name field, naming the character', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      name: `Wandle ${RLO}ecnaillA`,
      reference: 'BID-001',
      members: lone('Wandle Valley NHS Trust'),
    });
    expect(error.code).toBe('INVALID_PARAMS');
    expect(error.issues).toEqual([{ path: 'name', message: 'A bidder name may not contain invisible or direction-changing characters (U+202E right-to-left override)' }]);
  });

  it('stores names NFKC-normalised and single-spaced', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const detail = await t.call(lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      name: 'ＷＡＮＤＬＥ   Health',
      reference: 'BID-001',
      members: lone('\uFB01eld Therapies Ltd'),
    });
    expect(detail.bidders[0]).toMatchObject({ name: 'WANDLE Health', members: [{ organisation: 'field Therapies Ltd' }] });
  });
});

describe('consortium member names', () => {
  it('refuses the same organisation twice in one bid, and a member that only differs by case', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const twice = await refusedAndUnchanged(t, lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      name: 'Merton Alliance',
      reference: '',
      members: [
        { organisation: 'Straße Care', role: 'lead' },
        { organisation: 'STRASSE CARE', role: 'partner' },
      ],
    });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: '“STRASSE CARE” is named more than once among the consortium members; name each organisation once.' });

    const detail = await t.call(lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      name: 'Merton Alliance',
      reference: '',
      members: [
        { organisation: 'Merton NHS Trust', role: 'lead' },
        { organisation: 'Ärzte Verbund', role: 'partner' },
      ],
    });
    const bidder = detail.bidders[0]!;
    const again = await refusedAndUnchanged(t, lead.id, 'bidders.addMember', {
      evaluationId: evaluation.id,
      bidderId: bidder.id,
      member: { organisation: 'äRZTE VERBUND', role: 'subcontractor' },
    });
    expect(again).toMatchObject({ code: 'CONFLICT', message: '“Ärzte Verbund” is already a consortium member of this bidder.' });
  });

  it('lets a removed member be added back, the removed row kept', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const detail = await t.call(lead.id, 'bidders.add', {
      evaluationId: evaluation.id,
      name: 'Merton Alliance',
      reference: '',
      members: [
        { organisation: 'Merton NHS Trust', role: 'lead' },
        { organisation: 'Ärzte Verbund', role: 'partner' },
      ],
    });
    const bidder = detail.bidders[0]!;
    const partner = bidder.members.find((m) => m.role === 'partner')!;
    await t.call(lead.id, 'bidders.removeMember', { evaluationId: evaluation.id, bidderId: bidder.id, memberId: partner.id, reason: 'left the consortium' });
    const back = await t.call(lead.id, 'bidders.addMember', { evaluationId: evaluation.id, bidderId: bidder.id, member: { organisation: 'ÄRZTE VERBUND', role: 'partner' } });
    expect(back.bidders[0]!.members.map((m) => m.organisation)).toEqual(['Merton NHS Trust', 'ÄRZTE VERBUND']);
  });

  it('refuses a member name with a zero-width space, naming the field', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, lead.id, 'bidders.add', { evaluationId: evaluation.id, name: 'Merton Alliance', reference: '', members: lone('Merton\u200B NHS Trust') });
    expect(error.issues).toEqual([{ path: 'members.0.organisation', message: 'An organisation name may not contain invisible or direction-changing characters (U+200B zero-width space)' }]);
  });
});

describe('names of people and evaluations', () => {
  it('refuses a profile name with U+202E at sign-up, adding nobody', async () => {
    const t = makeCore();
    await t.profile('Lee Lead');
    const error = await refusedAndUnchanged(t, null, 'session.register', { name: `Dana ${RLO}eod`, passphrase: TEST_PASSPHRASE });
    expect(error.issues).toEqual([{ path: 'name', message: 'Your full name may not contain invisible or direction-changing characters (U+202E right-to-left override)' }]);
  });

  it('refuses a profile whose name folds to an existing one, naming the existing profile', async () => {
    const t = makeCore();
    await t.profile('Lena Straße');
    const error = await refusedAndUnchanged(t, null, 'session.register', { name: 'LENA STRASSE', passphrase: TEST_PASSPHRASE });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'There is already a profile called “Lena Straße”. Sign in as it, or add a distinguishing detail to your name.' });
  });

  it('refuses a person added for a panel whose name folds to an existing one, or hides a bidi mark', async () => {
    const t = makeCore();
    const lead = await t.profile('Lee Lead');
    await t.call(lead.id, 'people.create', { name: 'Ömer Işık' });
    expect(await refusedAndUnchanged(t, lead.id, 'people.create', { name: 'ÖMER IŞIK' })).toMatchObject({ code: 'CONFLICT' });
    const marked = await refusedAndUnchanged(t, lead.id, 'people.create', { name: 'Ömer\u200F Işık' });
    expect(marked.issues?.[0]).toEqual({ path: 'name', message: 'A name may not contain invisible or direction-changing characters (U+200F right-to-left mark)' });
  });

  it('refuses an evaluation title with a bidi isolate', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const error = await refusedAndUnchanged(t, lead.id, 'evaluations.saveDetails', { evaluationId: evaluation.id, name: 'Community \u2066services\u2069', reference: 'CS-26' });
    expect(error.issues?.[0]?.message).toBe('An evaluation name may not contain invisible or direction-changing characters (U+2066 left-to-right isolate, U+2069 pop directional isolate)');
  });
});

describe('document file names', () => {
  it('stores a file name with control and bidi characters cleaned, and serves it cleaned', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const { document } = await s.addDocument(s.bidder.id, `C:\\bids\\Wandle\\invoice${RLO}fdp.exe\u0007\u200B`, 'evidence bytes');
    expect(document.fileName).toBe('invoicefdp.exe');
    const listed = await t.call(s.lead.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(listed.documents.map((d) => d.fileName)).toEqual(['invoicefdp.exe']);
    const content = await t.call(s.lead.id, 'documents.content', { evaluationId: s.evaluationId, documentId: document.id });
    expect(content.fileName).toBe('invoicefdp.exe');
  });

  it('normalises a file name to NFKC, so a full-width solidus cannot smuggle in a path', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const { document } = await s.addDocument(s.bidder.id, 'annexes／\uFB01nance.pdf', 'finance bytes');
    expect(document.fileName).toBe('finance.pdf');
  });

  it('refuses a file name with nothing visible in it, storing nothing', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const error = await refusedAndUnchanged(t, s.lead.id, 'documents.add', {
      evaluationId: s.evaluationId,
      bidderId: s.bidder.id,
      fileName: `\u200B${RLO}\u2069`,
      mediaType: 'text/plain',
      content: bytesOf('x'),
    });
    expect(error.issues).toEqual([{ path: 'fileName', message: 'the document needs a file name' }]);
  });
});
