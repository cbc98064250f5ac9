import { describe, expect, it } from 'vitest';
import { dumpDatabase, makeCore, refusedAndUnchanged, signInWith, TEST_PASSPHRASE, type TestCore } from '../support/core';
import { decryptPackFile, forgeReturn } from './forge';
import {
  declareAll,
  exchangeScene,
  exportPack,
  exportReturn,
  importReturn,
  openPack,
  PASSPHRASE,
  recordWithoutAudit,
  SECRET_DOCUMENT,
  SECRET_RESPONSE,
  scoreOnLaptop,
  type ExchangeScene,
} from './scene';

/** One evaluator's laptop carried to a sealed score return for both bidders. */
async function sealedReturn(s: ExchangeScene, evaluator = s.evaluators[0], score = 3) {
  const pack = await exportPack(s, evaluator.id);
  const laptop = makeCore();
  await openPack(laptop, pack.file);
  await declareAll(laptop, s.evaluationId, evaluator.id);
  for (const bidder of s.bidders) {
    await scoreOnLaptop(laptop, {
      evaluationId: s.evaluationId,
      evaluatorId: evaluator.id,
      bidderId: bidder.id,
      framework: s.framework,
      score: () => score,
      seal: true,
    });
  }
  return { pack, laptop, ret: await exportReturn(laptop, s.evaluationId, evaluator.id) };
}

const importParams = (s: ExchangeScene, file: Buffer, evaluationId = s.evaluationId) => ({
  evaluationId,
  file: { content: file },
});

describe('opening a pack', () => {
  it('says the passphrase is wrong, and changes nothing', async () => {
    const s = await exchangeScene();
    const pack = await exportPack(s, s.evaluators[0].id);
    const laptop = makeCore();
    const error = await refusedAndUnchanged(laptop, null, 'exchange.openPack', {
      passphrase: 'not the passphrase at all',
      file: { content: pack.content },
    });
    expect(error).toEqual({ code: 'FORBIDDEN', message: 'The passphrase is wrong (or the file’s header was altered).' });
  });

  it('changes nothing when the same pack is opened again', async () => {
    const s = await exchangeScene();
    const pack = await exportPack(s, s.evaluators[0].id);
    const laptop = makeCore();
    await openPack(laptop, pack.file);
    const before = recordWithoutAudit(laptop.core.databaseFile);
    expect(await openPack(laptop, pack.file)).toMatchObject({ outcome: 'already-open' });
    expect(recordWithoutAudit(laptop.core.databaseFile)).toStrictEqual(before);
  });

  it('refuses another evaluator’s pack on the same installation, and the evaluation’s own installation', async () => {
    const s = await exchangeScene();
    const laptop = makeCore();
    const [eve, evan] = s.evaluators;
    await openPack(laptop, (await exportPack(s, eve.id)).file);
    const other = await exportPack(s, evan.id);
    const params = { passphrase: PASSPHRASE, file: { content: other.content } };
    // Someone choosing a passphrase for Evan's profile on Eve's laptop…
    expect(await refusedAndUnchanged(laptop, null, 'exchange.openPack', { ...params, profilePassphrase: TEST_PASSPHRASE })).toEqual({
      code: 'CONFLICT',
      message:
        'This installation already holds “Community services 2026” for Eve Evaluator. Each evaluator opens their own pack on their own installation.',
    });
    // …or Eve, signed in there.
    expect((await refusedAndUnchanged(laptop, eve.id, 'exchange.openPack', params)).message).toBe('This pack is for Evan Evaluator. Sign in as Evan Evaluator to open it.');
    // Evan himself, signed in at the evaluation's own installation.
    expect((await refusedAndUnchanged(s.t, evan.id, 'exchange.openPack', params)).message).toMatch(/was set up on this installation/);
  });

  it('takes a later pack for the same evaluator, adding what is new (a bidder added since)', async () => {
    const s = await exchangeScene();
    const [eve] = s.evaluators;
    const laptop = makeCore();
    await openPack(laptop, (await exportPack(s, eve.id)).file);
    // The lead cannot add bidders once scoring is open, so a new consortium member stands in for "something new".
    await s.t.call(s.lead.id, 'bidders.addMember', {
      evaluationId: s.evaluationId,
      bidderId: s.other.id,
      member: { organisation: 'Beddington Digital Ltd', role: 'subcontractor' },
    });
    const later = await exportPack(s, eve.id);
    expect(await openPack(laptop, later.file)).toMatchObject({ outcome: 'updated' });
    const there = await laptop.call(eve.id, 'evaluations.get', { evaluationId: s.evaluationId });
    expect(there.bidders.find((b) => b.id === s.other.id)!.members.map((m) => m.organisation)).toContain('Beddington Digital Ltd');
    expect(await laptop.call(eve.id, 'exchange.installedPack', { evaluationId: s.evaluationId })).toMatchObject({
      packId: later.packId,
      issuedBy: 'Lee Lead',
    });
  });

  it('leaves nobody on the evaluator’s installation able to change the set-up, the bids or the panel', async () => {
    const s = await exchangeScene();
    const laptop = makeCore();
    const eve = s.evaluators[0];
    await openPack(laptop, (await exportPack(s, eve.id)).file);
    const evaluationId = s.evaluationId;
    // The lead has no passphrase on Eve's laptop; even were Eve, who administers it, to give them one, they could change nothing.
    const given = 'violet harbour seventy lamp';
    await laptop.call(eve.id, 'admin.resetPassphrase', { personId: s.lead.id, passphrase: given });
    await signInWith(laptop, s.lead.id, given);
    await laptop.call(s.lead.id, 'session.changePassphrase', { currentPassphrase: given, newPassphrase: TEST_PASSPHRASE });
    for (const actor of [s.lead.id, eve.id]) {
      expect((await refusedAndUnchanged(laptop, actor, 'evaluations.saveDetails', { evaluationId, name: 'Renamed', reference: '' })).code).toBe(
        'FORBIDDEN',
      );
      expect((await refusedAndUnchanged(laptop, actor, 'panel.add', { evaluationId, personId: actor, role: 'lead' })).code).toBe('FORBIDDEN');
      expect(
        (
          await refusedAndUnchanged(laptop, actor, 'submissions.saveResponse', {
            evaluationId,
            bidderId: s.bidder.id,
            areaId: s.framework.areas[0]!.id,
            text: 'x',
          })
        ).code,
      ).toBe('FORBIDDEN');
    }
  });
});

describe('what a pack carries', () => {
  it('leaves out the bid of a bidder the evaluator declared a conflict with (read from the decrypted file)', async () => {
    const s = await exchangeScene();
    const eva = s.evaluators[2];
    await declareAll(s.t, s.evaluationId, eva.id, [s.other.id]);
    const pack = await exportPack(s, eva.id);
    expect(pack.withheldBidders).toEqual(['Riverside Partnership']);

    const payload = (await decryptPackFile(pack.file)) as {
      bidders: { id: string; name: string; bid: { documents: { fileName: string; contentBase64: string }[] } | null }[];
    };
    const text = JSON.stringify(payload);
    expect(payload.bidders.map((b) => [b.name, b.bid === null])).toEqual([
      ['Wandle Health Alliance', false],
      ['Riverside Partnership', true],
    ]);
    expect(payload.bidders[0]!.bid!.documents.map((d) => d.fileName)).toEqual(['wandle-governance.pdf']);
    const found = (needle: string | RegExp) => (typeof needle === 'string' ? text.includes(needle) : needle.test(text));
    expect(found(Buffer.from(SECRET_DOCUMENT).toString('base64'))).toBe(false);
    expect(found('riverside-minutes.pdf')).toBe(false);
    expect(found(SECRET_RESPONSE)).toBe(false);
    expect(found(/"(score|rationale|scoreEntries|seals|sealedAt)":/)).toBe(false);
    expect(found('Wandle governance structure') || found(Buffer.from('%PDF-1.4\nWandle governance structure\n%%EOF\n').toString('base64'))).toBe(
      true,
    );

    // On the evaluator's laptop the conflict travels too: Eva is recused there, as here.
    const laptop = makeCore();
    expect(await openPack(laptop, pack.file)).toMatchObject({ withheldBidders: 1, documents: 1 });
    const progress = await laptop.call(eva.id, 'scoring.myProgress', { evaluationId: s.evaluationId });
    expect(progress.map((p) => [p.bidderName, p.access])).toEqual([
      ['Wandle Health Alliance', 'clear'],
      ['Riverside Partnership', 'recused'],
    ]);
  });

  it('never stores the passphrase, on either installation', async () => {
    const s = await exchangeScene();
    const laptop = makeCore();
    await openPack(laptop, (await exportPack(s, s.evaluators[0].id)).file);
    for (const t of [s.t, laptop]) expect(JSON.stringify(dumpDatabase(t.core.databaseFile)).includes(PASSPHRASE)).toBe(false);
  });

  it('is refused before scoring opens, for someone who is not an evaluator, and to a moderator who may not see a bid', async () => {
    const s = await exchangeScene();
    const params = { evaluationId: s.evaluationId, passphrase: PASSPHRASE };
    expect((await refusedAndUnchanged(s.t, s.lead.id, 'exchange.exportPack', { ...params, evaluatorId: s.moderator.id })).code).toBe('NOT_FOUND');
    expect((await refusedAndUnchanged(s.t, s.evaluators[0].id, 'exchange.exportPack', { ...params, evaluatorId: s.evaluators[0].id })).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await refusedAndUnchanged(s.t, s.lead.id, 'exchange.exportPack', { ...params, evaluatorId: s.evaluators[0].id, passphrase: 'too short' }))
        .code,
    ).toBe('INVALID_PARAMS');
    // A pack passphrase is judged as a profile's is: whitespace, repeats and sequences are refused, saying why.
    for (const weak of ['            ', 'aaaaaaaaaaaa', '123456789012', 'Eve Evaluator 2026']) {
      const refusal = await refusedAndUnchanged(s.t, s.lead.id, 'exchange.exportPack', { ...params, evaluatorId: s.evaluators[0].id, passphrase: weak });
      expect([refusal.code, refusal.message]).toEqual(['RULE_VIOLATION', expect.stringMatching(/passphrase/i)]);
    }
    // A second moderator, recused from Riverside, cannot pass Riverside's bid on (once Eve's pack would carry it).
    await declareAll(s.t, s.evaluationId, s.evaluators[0].id);
    const mo2 = await s.t.profile('Max Moderator');
    await s.t.call(s.lead.id, 'panel.add', { evaluationId: s.evaluationId, personId: mo2.id, role: 'moderator' });
    await declareAll(s.t, s.evaluationId, mo2.id, [s.other.id]);
    expect((await refusedAndUnchanged(s.t, mo2.id, 'exchange.exportPack', { ...params, evaluatorId: s.evaluators[0].id })).message).toMatch(
      /would carry the bid of Riverside Partnership, which you may not see/,
    );

    const fresh = makeCore();
    const { evaluation, lead, evaluators } = await (await import('../support/core')).evaluationWithPanel(fresh);
    expect(
      (await refusedAndUnchanged(fresh, lead.id, 'exchange.exportPack', { ...params, evaluationId: evaluation.id, evaluatorId: evaluators[0].id }))
        .message,
    ).toMatch(/Open the evaluation for scoring before making evaluator packs/);
  });

  it('arrives in chunks as well as whole, and refuses chunks out of order', async () => {
    const s = await exchangeScene();
    const pack = await exportPack(s, s.evaluators[0].id);
    const laptop: TestCore = makeCore();
    const half = Math.floor(pack.file.length / 2);
    const stage = (offset: number, part: Buffer) =>
      laptop.core.dispatch(null, 'exchange.stageUpload', { uploadId: 'upload-0001', offset, chunk: part });
    expect(await stage(0, pack.file.subarray(0, half))).toEqual({ ok: true, result: { received: half } });
    expect(await stage(half + 1, pack.file.subarray(half))).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/expected the part at byte/) },
    });
    expect(await stage(half, pack.file.subarray(half))).toEqual({ ok: true, result: { received: pack.file.length } });
    expect(
      await laptop.call(null, 'exchange.openPack', { passphrase: PASSPHRASE, file: { uploadId: 'upload-0001' }, profilePassphrase: TEST_PASSPHRASE }),
    ).toMatchObject({ outcome: 'opened' });
    expect((await laptop.fail(null, 'exchange.openPack', { passphrase: PASSPHRASE, file: { uploadId: 'upload-0001' } })).code).toBe('NOT_FOUND');
  });
});

describe('importing a score return', () => {
  it('refuses a return from a revoked pack, saying so', async () => {
    const s = await exchangeScene();
    const { pack, ret } = await sealedReturn(s);
    await s.t.call(s.lead.id, 'exchange.revokePack', { evaluationId: s.evaluationId, packId: pack.packId, reason: 'Laptop reported lost' });
    const error = await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, ret.file));
    expect(error.message).toMatch(
      /^This score return comes from Eve Evaluator’s pack that Lee Lead revoked on \d{4}-\d\d-\d\d \d\d:\d\d UTC \(“Laptop reported lost”\)/,
    );
    expect(
      (await s.t.fail(s.lead.id, 'exchange.revokePack', { evaluationId: s.evaluationId, packId: pack.packId, reason: 'Again' })).message,
    ).toMatch(/already revoked/);
  });

  it('refuses a return for another evaluation, naming it', async () => {
    const s = await exchangeScene();
    const { ret } = await sealedReturn(s);
    const other = await s.t.call(s.lead.id, 'evaluations.create', { name: 'Home care 2027', reference: 'HC-27', frameworkId: s.frameworkId });
    const error = await refusedAndUnchanged(s.t, s.lead.id, 'exchange.importReturn', importParams(s, ret.file, other.id));
    expect(error).toEqual({
      code: 'RULE_VIOLATION',
      message: 'This score return is for “Community services 2026”, not “Home care 2027”: import it there.',
    });

    const elsewhere = await exchangeScene(makeCore());
    const lost = await refusedAndUnchanged(elsewhere.t, elsewhere.moderator.id, 'exchange.importReturn', importParams(elsewhere, ret.file));
    expect(lost.message).toBe('This score return is for a different evaluation, not “Community services 2026”; it was not imported.');
  });

  it('refuses a return that speaks for another evaluator than its pack’s, or for one no longer on the panel', async () => {
    const s = await exchangeScene();
    const { ret } = await sealedReturn(s);
    const evan = s.evaluators[1];
    const forged = forgeReturn(s, ret.file, (p) => ({ ...p, evaluatorId: evan.id }), { evaluatorId: evan.id });
    expect(await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, forged))).toEqual({
      code: 'FORBIDDEN',
      message: 'This score return speaks for Evan Evaluator, but the pack it comes from was issued to Eve Evaluator; it was not imported.',
    });
    await s.t.call(s.lead.id, 'panel.remove', { evaluationId: s.evaluationId, personId: s.evaluators[0].id, reason: 'Left the organisation' });
    expect((await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, ret.file))).message).toBe(
      'Eve Evaluator is no longer an evaluator on the panel of “Community services 2026”, so their score return cannot be imported.',
    );
  });

  it('never changes a sealed score: a return from a re-issued pack that rescored a sealed bidder is refused whole', async () => {
    const s = await exchangeScene();
    const { ret } = await sealedReturn(s, s.evaluators[0], 3);
    await importReturn(s, ret.file);
    const again = await sealedReturn(s, s.evaluators[0], 4);
    const error = await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, again.ret.file));
    expect(error.code).toBe('RULE_VIOLATION');
    expect(error.message).toMatch(/would change scores for Wandle Health Alliance that were sealed here on .*a sealed score never changes/);
    expect(error.message).toMatch(/Riverside Partnership/);
  });

  it('checks an authentic return’s contents against the evaluation: criteria, scale, bidders, recusal, completeness of seals', async () => {
    const s = await exchangeScene();
    const { ret } = await sealedReturn(s);
    const cases: [string, (p: import('../../../electron/core/exchange/return-payload').ReturnPayload) => void, RegExp][] = [
      ['a criterion not in the framework', (p) => void (p.scoreEntries[0]!.criterionId = 'made-up/criterion'), /is not a criterion/],
      ['a score off the scale', (p) => void (p.scoreEntries[0]!.score = 9), /9 is not a point on the scoring scale/],
      ['an unknown bidder', (p) => void (p.seals[0]!.bidderId = 'bidder-not-here'), /names a bidder that is not in this evaluation/],
      ['a seal over missing scores', (p) => void (p.scoreEntries = p.scoreEntries.slice(1)), /seals the scores for .*no score yet/],
      [
        'a changed declaration',
        (p) => void (p.declarations[0]!.description = 'changed later'),
        /a declaration differs from the one with the same id recorded here/,
      ],
    ];
    const evansReturn = (await sealedReturn(s, s.evaluators[1])).ret.file;
    await importReturn(s, evansReturn);
    for (const [what, edit, message] of cases) {
      const forged = forgeReturn(s, what === 'a changed declaration' ? evansReturn : ret.file, (p) => (edit(p), p));
      const error = await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, forged));
      expect({ what, message: error.message }).toEqual({ what, message: expect.stringMatching(message) });
    }
    // Recused here: Eve declares a conflict with Riverside at the moderator's installation, upheld by the lead.
    await s.t.call(s.evaluators[0].id, 'conflicts.declare', {
      evaluationId: s.evaluationId,
      bidderId: s.other.id,
      memberId: null,
      kind: 'actual',
      description: 'My partner joined the Riverside board this week.',
    });
    const declaration = (await s.t.call(s.lead.id, 'conflicts.register', { evaluationId: s.evaluationId })).find((d) => d.kind === 'actual')!;
    await s.t.call(s.lead.id, 'conflicts.recordMitigation', {
      evaluationId: s.evaluationId,
      declarationId: declaration.id,
      decision: 'recused',
      reason: 'Direct family interest.',
    });
    const withdrawal = await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, ret.file));
    expect(withdrawal.message).toMatch(/it withdraws a conflict with Riverside Partnership that the procurement lead has upheld as a recusal here/);
    const silent = forgeReturn(s, ret.file, (p) => ({ ...p, declarations: p.declarations.filter((d) => d.bidderId !== s.other.id) }));
    const recused = await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, silent));
    expect(recused.message).toMatch(/the evaluator is recused from Riverside Partnership here/);
  });

  it('says what a wrong file is: a pack, not a return; not ours at all; empty', async () => {
    const s = await exchangeScene();
    const pack = await exportPack(s, s.evaluators[0].id);
    expect((await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, pack.file))).message).toBe(
      'This is an evaluator pack, not a score return.',
    );
    expect(
      (await refusedAndUnchanged(s.t, s.moderator.id, 'exchange.importReturn', importParams(s, Buffer.from('PK\u0003\u0004 zip')))).message,
    ).toBe('This file is not a score return.');
  });
});
