import { describe, expect, it } from 'vitest';
import { makeCore, queryRows, refusedAndUnchanged, withDemoPassphrases } from '../support/core';
import { submissionScene } from './scene';

/* A bidder's response per capability area: every save is a new version, earlier versions are kept. */

describe('responses per capability area', () => {
  it('appends a version on each save, keeps the earlier ones, and returns the latest per area in framework order', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const save = (areaId: string, text: string) => t.call(s.lead.id, 'submissions.saveResponse', { evaluationId: s.evaluationId, bidderId: s.bidder.id, areaId, text });

    const first = await save('managing-resources', 'First draft of the resources response.');
    const second = await save('managing-resources', 'Corrected resources response, as submitted.');
    await save('governance-and-leadership', 'A joint board chaired independently.');

    expect(first).toMatchObject({ areaId: 'managing-resources', version: 1, savedBy: 'Lee Lead' });
    expect(second).toMatchObject({ text: 'Corrected resources response, as submitted.', version: 2 });
    const { responses } = await t.call(s.lead.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(responses.map((r) => [r.areaId, r.version, r.text])).toEqual([
      ['governance-and-leadership', 1, 'A joint board chaired independently.'],
      ['managing-resources', 2, 'Corrected resources response, as submitted.'],
    ]);
    const kept = queryRows<{ text: string }>(t.core.databaseFile, `SELECT text FROM responses WHERE area_id = 'managing-resources' ORDER BY seq`);
    expect(kept.map((r) => r.text)).toEqual(['First draft of the resources response.', 'Corrected resources response, as submitted.']);
  });

  it('keeps each bidder’s responses apart', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    await t.call(s.lead.id, 'submissions.saveResponse', { evaluationId: s.evaluationId, bidderId: s.second.id, areaId: 'transformation-change', text: 'Pilot locality first.' });
    const first = await t.call(s.lead.id, 'submissions.get', { evaluationId: s.evaluationId, bidderId: s.bidder.id });
    expect(first).toEqual({ bidderId: s.bidder.id, responses: [], documents: [], addenda: [], fixed: null });
  });

  it('refuses a capability area that is not in the evaluation’s framework, and changes nothing', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const error = await refusedAndUnchanged(t, s.lead.id, 'submissions.saveResponse', {
      evaluationId: s.evaluationId,
      bidderId: s.bidder.id,
      areaId: 'social-value',
      text: 'Not an area here.',
    });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'There is no capability area “social-value” in this evaluation’s framework.' });
  });

  it('lets only the procurement lead save responses, in any evaluation status', async () => {
    const t = makeCore();
    const s = await submissionScene(t);
    const params = { evaluationId: s.evaluationId, bidderId: s.bidder.id, areaId: 'transformation-change', text: 'Text' };
    expect(await refusedAndUnchanged(t, s.evaluators[0].id, 'submissions.saveResponse', params)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusedAndUnchanged(t, s.moderator.id, 'submissions.saveResponse', params)).toMatchObject({ code: 'FORBIDDEN' });
    await t.call(s.lead.id, 'evaluations.openScoring', { evaluationId: s.evaluationId });
    expect(await t.call(s.lead.id, 'submissions.saveResponse', params)).toMatchObject({ version: 1 });
  });

  it('gives every demo bidder a response to each capability area', async () => {
    const t = makeCore();
    const { evaluationId, leadPersonId } = withDemoPassphrases(t, await t.call(null, 'demo.create', {}));
    const evaluation = await t.call(leadPersonId, 'evaluations.get', { evaluationId });
    for (const bidder of evaluation.bidders) {
      const { responses } = await t.call(leadPersonId, 'submissions.get', { evaluationId, bidderId: bidder.id });
      expect(responses.map((r) => r.areaId)).toEqual(evaluation.framework.areas.map((a) => a.id));
      for (const r of responses) expect(r.text.split(/(?<=\.) /).length).toBeGreaterThanOrEqual(2);
    }
  });
});
