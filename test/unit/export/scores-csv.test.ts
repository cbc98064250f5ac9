import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';

describe('the scores CSV', () => {
  it('has every sealed individual score and every consensus version, and never starts a formula', async () => {
    const t = makeCore();
    // Spread 4 on the first bidder's first criterion, which the spread flags: a consensus counts there.
    const s = await scoredDemo(t, { aggregation: 'mean-unless-flagged', scoreFor: (e, b, c) => (b === 0 && c === 0 ? [1, 5, 3][e % 3]! : 3) });
    await t.call(s.moderatorId, 'moderation.record', {
      evaluationId: s.evaluationId,
      bidderId: s.bidders[0]!.id,
      criterionId: s.criteria[0]!.id,
      score: 5,
      internalNote: 'Agreed.',
      bidderExplanation: '=HYPERLINK("http://evil.example","see the bid")',
      reason: '+ strong evidence in section 3',
    });
    const { fileName, csv } = await t.call(s.leadId, 'export.scoresCsv', { evaluationId: s.evaluationId });
    expect(fileName).toMatch(/-scores\.csv$/);
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.kind === 'individual')).toHaveLength(s.evaluators.length * s.bidders.length * s.criteria.length);
    const consensus = rows.find((r) => r.kind === 'consensus')!;
    expect(consensus.rationale_or_explanation).toBe(`'=HYPERLINK("http://evil.example","see the bid")`);
    expect(consensus.reason).toBe("'+ strong evidence in section 3");
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });
});
