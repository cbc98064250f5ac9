import { describe, expect, it } from 'vitest';
import { leadWithEvaluation, makeCore } from '../support/core';

describe('smoke', () => {
  it('creates an evaluation', async () => {
    const t = makeCore();
    const { lead, evaluation } = await leadWithEvaluation(t);
    const detail = await t.call(lead.id, 'evaluations.get', { evaluationId: evaluation.id });
    expect(detail.framework.areas).toHaveLength(4);
    expect(detail.myRole).toBe('lead');
    const demo = await t.call(null, 'demo.create', {});
    const d = await t.call(demo.leadPersonId, 'evaluations.get', { evaluationId: demo.evaluationId });
    expect(d.panel).toHaveLength(5);
    expect(d.bidders).toHaveLength(2);
  });
});
