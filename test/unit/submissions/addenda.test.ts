import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditRows, queryRows, refusedAndUnchanged } from '../support/core';
import { declareAll, exchangeScene, exportPack } from '../exchange/scene';
import { writeDatabase } from '../scoring/scene';
import { addendaScene, clarificationLetter, CORRECTED, GOVERNANCE, ORIGINAL, REASON } from './addenda-scene';

/*
 * The procurement lead's side: a bid is fixed once scoring of it starts, and a correction after that is an
 * addendum with its reason — recorded, never silent, and nothing earlier overwritten.
 */

describe('a bid is fixed once scoring of it starts', () => {
  it('a response edited after an evaluator has scored is refused, and recorded as an addendum with a reason', async () => {
    const s = await addendaScene();
    const { t, evaluationId, bidderId } = s;
    await s.scoreOne(s.a.id);

    const edit = { evaluationId, bidderId, areaId: GOVERNANCE, text: CORRECTED };
    const refused = await refusedAndUnchanged(t, s.lead.id, 'submissions.saveResponse', edit);
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.message).toMatch(/^The bid of Wandle Health Alliance is fixed: an evaluator started scoring it on \d{4}-\d\d-\d\d \d\d:\d\d UTC\. Record the correction as an addendum, with the reason/);
    const document = { evaluationId, bidderId, ...clarificationLetter() };
    expect((await refusedAndUnchanged(t, s.lead.id, 'documents.add', document)).message).toBe(refused.message);

    const addendum = await s.addendum();
    expect(addendum).toMatchObject({
      bidderId,
      reason: REASON,
      madeBy: 'Lee Lead',
      response: { areaId: GOVERNANCE, version: 2, text: CORRECTED, previousText: ORIGINAL },
      document: null,
    });
    const bid = await t.call(s.lead.id, 'submissions.get', { evaluationId, bidderId });
    expect(bid.responses.find((r) => r.areaId === GOVERNANCE)).toMatchObject({ text: CORRECTED, version: 2, addendumId: addendum.id });
    expect(bid.addenda).toEqual([addendum]);
    // Nothing earlier is overwritten: version 1 is still there, and the addendum row says why, who and when.
    expect(queryRows(t.core.databaseFile, 'SELECT text, addendum_id FROM responses WHERE bidder_id = ? ORDER BY seq', bidderId)).toEqual([
      { text: ORIGINAL, addendum_id: null },
      { text: CORRECTED, addendum_id: addendum.id },
    ]);
    expect(queryRows(t.core.databaseFile, 'SELECT reason, made_by, made_at FROM bid_addenda')).toEqual([{ reason: REASON, made_by: s.lead.id, made_at: addendum.madeAt }]);
    const audited = auditRows(t).at(-1)!;
    expect(audited.method).toBe('submissions.addendum');
    expect(JSON.parse(audited.detail)).toMatchObject({ bidderId, reason: REASON, response: { areaId: GOVERNANCE, text: CORRECTED } });
  });

  it('tells the lead since when and why the bid is fixed, and no other panel member', async () => {
    const s = await addendaScene();
    const ref = { evaluationId: s.evaluationId, bidderId: s.bidderId };
    expect((await s.t.call(s.lead.id, 'submissions.get', ref)).fixed).toBeNull();
    const score = await s.scoreOne(s.b.id);
    expect((await s.t.call(s.lead.id, 'submissions.get', ref)).fixed).toEqual({ since: score.savedAt, because: 'scored' });
    expect((await s.t.call(s.a.id, 'submissions.get', ref)).fixed).toBeUndefined();
    expect((await s.t.call(s.moderator.id, 'submissions.get', ref)).fixed).toBeUndefined();
  });

  it('a bid is fixed by a pack that carries it, not by a pack that still waits for the evaluator’s declaration', async () => {
    const s = await exchangeScene();
    const [evaluator] = s.evaluators;
    const edit = { evaluationId: s.evaluationId, bidderId: s.bidder.id, areaId: s.framework.areas[1]!.id, text: 'A transformation plan, as submitted.' };

    await exportPack(s, evaluator.id); // the first pack: bids await the evaluator's declaration
    await s.t.call(s.lead.id, 'submissions.saveResponse', edit);
    await declareAll(s.t, s.evaluationId, evaluator.id);
    const pack = await exportPack(s, evaluator.id);

    const refused = await refusedAndUnchanged(s.t, s.lead.id, 'submissions.saveResponse', { ...edit, text: 'Changed after the pack.' });
    expect(refused.message).toMatch(/^The bid of Wandle Health Alliance is fixed: an evaluator pack carrying it was made on /);
    expect((await s.t.call(s.lead.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id })).fixed).toEqual({
      since: queryRows<{ at: string }>(s.t.core.databaseFile, 'SELECT created_at AS at FROM packs WHERE id = ?', pack.packId)[0]!.at,
      because: 'pack',
    });
  });
});

describe('recording an addendum', () => {
  it('carries a document, which names its addendum; the audit trail names the content by its SHA-256 only', async () => {
    const s = await addendaScene();
    await s.scoreOne(s.a.id);
    const letter = clarificationLetter('Clarification letter 3: the board’s terms of reference, signed.');
    const addendum = await s.addendum({ response: undefined, document: letter });

    expect(addendum.response).toBeNull();
    expect(addendum.document).toMatchObject({ fileName: 'clarification-3.txt', mediaType: 'text/plain', addedBy: 'Lee Lead', addendumId: addendum.id });
    const bid = await s.t.call(s.a.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidderId });
    expect(Object.fromEntries(bid.documents.map((d) => [d.fileName, d.addendumId]))).toEqual({
      'governance-structure.pdf': null,
      'clarification-3.txt': addendum.id,
    });
    const detail = auditRows(s.t).at(-1)!.detail;
    expect(JSON.parse(detail).document.content).toEqual({ sha256: createHash('sha256').update(letter.content).digest('hex'), bytes: letter.content.byteLength });
    expect(detail).not.toContain('the board’s terms of reference');
  });

  it('needs a reason and a change, and refuses a change that changes nothing, leaving everything as it was', async () => {
    const s = await addendaScene();
    await s.scoreOne(s.a.id);
    const ref = { evaluationId: s.evaluationId, bidderId: s.bidderId };
    const refuse = (params: object) => refusedAndUnchanged(s.t, s.lead.id, 'submissions.addendum', { ...ref, ...params });

    expect(await refuse({ reason: '   ', response: { areaId: GOVERNANCE, text: CORRECTED } })).toMatchObject({
      code: 'INVALID_PARAMS',
      issues: [{ path: 'reason', message: 'say why the bid is corrected' }],
    });
    expect((await refuse({ reason: REASON })).issues).toEqual([{ path: 'response', message: 'an addendum brings a new response to a capability area, a document, or both' }]);
    expect(await refuse({ reason: REASON, response: { areaId: GOVERNANCE, text: ORIGINAL } })).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'The response to Governance and leadership already reads exactly so; an addendum must change something.',
    });
    expect(await refuse({ reason: REASON, response: { areaId: 'social-value', text: CORRECTED } })).toMatchObject({ code: 'NOT_FOUND' });
    // The same document twice: the second addendum would add nothing, so it is refused whole (its response too).
    await s.addendum({ response: undefined, document: clarificationLetter() });
    expect(await refuse({ reason: REASON, response: { areaId: GOVERNANCE, text: CORRECTED }, document: clarificationLetter() })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/^This document is already part of the bid, as “clarification-3\.txt” \(received /),
    });
  });

  it('an addendum by anyone but the procurement lead is refused', async () => {
    const s = await addendaScene();
    await s.scoreOne(s.a.id);
    const params = { evaluationId: s.evaluationId, bidderId: s.bidderId, reason: REASON, response: { areaId: GOVERNANCE, text: CORRECTED } };
    for (const who of [s.a, s.moderator]) {
      expect(await refusedAndUnchanged(s.t, who.id, 'submissions.addendum', params)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Only the procurement lead can do this/) });
    }
    expect(await refusedAndUnchanged(s.t, s.outsider.id, 'submissions.addendum', params)).toMatchObject({ code: 'FORBIDDEN', message: 'You are not on the panel of this evaluation.' });
  });

  it('changes only its own bidder’s bid, even written straight into the database', async () => {
    const s = await addendaScene();
    const addendum = await s.addendum();
    expect(() =>
      writeDatabase(s.t.core.databaseFile, (db) =>
        db
          .prepare('INSERT INTO responses (bidder_id, area_id, text, saved_at, saved_by, addendum_id) VALUES (?, ?, ?, ?, ?, ?)')
          .run(s.other.id, GOVERNANCE, 'Smuggled in', new Date().toISOString(), s.lead.id, addendum.id),
      ),
    ).toThrow('an addendum changes only its own bidder\'s bid');
  });
});
