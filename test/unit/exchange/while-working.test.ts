import { describe, expect, it } from 'vitest';
import { makeCore, queryRows, TEST_PASSPHRASE } from '../support/core';
import { exchangeScene, exportPack, PASSPHRASE } from './scene';

/*
 * Making and opening a pack take seconds for a large evaluation (scrypt, compression): the app must go on
 * answering meanwhile, and whatever changes in the meantime must not slip into the record.
 */

/** The bids are read at once, in one go, when a pack's turn comes; the slow part (scrypt, compression) follows. */
const bidsRead = () => new Promise((resolve) => setImmediate(resolve));

describe('while a pack is being made or opened', () => {
  it('the lead’s installation keeps answering, and the pack is recorded only once it is sealed', async () => {
    const s = await exchangeScene();
    const [eve] = s.evaluators;
    const lead = await s.t.sessionOf(s.lead.id);
    const making = s.t.core.dispatch(lead, 'exchange.exportPack', { evaluationId: s.evaluationId, evaluatorId: eve.id, passphrase: PASSPHRASE });
    let finished = false;
    void making.then(() => (finished = true));

    const packsMeanwhile = await s.t.call(s.lead.id, 'exchange.listPacks', { evaluationId: s.evaluationId });
    expect(finished).toBe(false);
    expect(packsMeanwhile).toEqual([]);

    const made = await making;
    expect(made.ok).toBe(true);
    expect((await s.t.call(s.lead.id, 'exchange.listPacks', { evaluationId: s.evaluationId })).map((p) => p.evaluatorId)).toEqual([eve.id]);
  });

  it('a conflict declared while the pack is being made stops it: nothing is recorded and the lead is told to make it again', async () => {
    const s = await exchangeScene();
    const eva = s.evaluators[2];
    const lead = await s.t.sessionOf(s.lead.id);
    const making = s.t.core.dispatch(lead, 'exchange.exportPack', { evaluationId: s.evaluationId, evaluatorId: eva.id, passphrase: PASSPHRASE });
    await bidsRead();
    // The pack in the making carries Riverside's bid.
    await s.t.call(eva.id, 'conflicts.declare', {
      evaluationId: s.evaluationId,
      bidderId: s.other.id,
      memberId: null,
      kind: 'actual',
      description: 'I was a non-executive director of this trust until last year.',
    });

    const outcome = await making;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('make the pack again') } });
    expect(queryRows(s.t.core.databaseFile, 'SELECT id FROM packs')).toEqual([]);
    const again = await exportPack(s, eva.id);
    expect(again.withheldBidders).toEqual(['Riverside Partnership']);
  });

  it('an evaluator removed from the panel and added again while their pack is being made stops it', async () => {
    const s = await exchangeScene();
    const [eve] = s.evaluators;
    const lead = await s.t.sessionOf(s.lead.id);
    const making = s.t.core.dispatch(lead, 'exchange.exportPack', { evaluationId: s.evaluationId, evaluatorId: eve.id, passphrase: PASSPHRASE });
    await bidsRead();
    await s.t.call(s.lead.id, 'panel.remove', { evaluationId: s.evaluationId, personId: eve.id, reason: 'Added to the wrong evaluation.' });
    await s.t.call(s.lead.id, 'panel.add', { evaluationId: s.evaluationId, personId: eve.id, role: 'evaluator' });
    expect(await making).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('place on the panel changed') } });
    expect(queryRows(s.t.core.databaseFile, 'SELECT id FROM packs')).toEqual([]);
  });

  it('two packs asked for at once are made one after the other, and both are recorded', async () => {
    const s = await exchangeScene();
    const [eve, evan] = s.evaluators;
    const finished: string[] = [];
    const lead = await s.t.sessionOf(s.lead.id);
    const make = (evaluatorId: string) =>
      s.t.core.dispatch(lead, 'exchange.exportPack', { evaluationId: s.evaluationId, evaluatorId, passphrase: PASSPHRASE }).then((outcome) => {
        finished.push(evaluatorId);
        return outcome;
      });
    const outcomes = await Promise.all([make(eve.id), make(evan.id)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(finished).toEqual([eve.id, evan.id]);
    expect(new Set((await s.t.call(s.lead.id, 'exchange.listPacks', { evaluationId: s.evaluationId })).map((p) => p.evaluatorId))).toEqual(new Set([eve.id, evan.id]));
  });

  it('an evaluator’s installation keeps answering while a pack is opened', async () => {
    const s = await exchangeScene();
    const [eve] = s.evaluators;
    const pack = await exportPack(s, eve.id);
    const laptop = makeCore();
    const opening = laptop.core.dispatch(null, 'exchange.openPack', {
      passphrase: PASSPHRASE,
      file: { content: pack.file },
      profilePassphrase: TEST_PASSPHRASE,
    });
    let finished = false;
    void opening.then(() => (finished = true));

    const profiles = await laptop.call(null, 'people.list', {});
    expect(finished).toBe(false);
    expect(profiles.map((p) => p.name)).not.toContain(eve.name);

    expect(await opening).toMatchObject({ ok: true, result: { outcome: 'opened', evaluatorId: eve.id } });
    expect((await laptop.call(null, 'people.list', {})).map((p) => p.name)).toContain(eve.name);
  });
});
