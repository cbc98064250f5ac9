import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXCLUDED_BY_CONFLICT } from '../../../shared/domain/conflicts';
import { effectiveWeights } from '../../../shared/domain/weights';
import { makeCore } from '../support/core';
import { allSealed, GOV_DEV, GOV_MAT, moderationScene } from './scene';

/*
 * Eva seals her scores for Wandle (Governance and leadership — Developing: Eve 1, Evan 3, Eva 4; Maturing:
 * 3, 3, 4), then
 * declares that she was a trustee of its lead organisation. Her sealed scores stay on the record, but until
 * the procurement lead permits her to take part they take no part in the results.
 */
describe('an evaluator who declares a conflict of interest after sealing', () => {
  it('keeps their sealed scores on the record, marked, but out of the spread, the score that counts, the ranking and the exports — until the lead permits them', async () => {
    const t = makeCore();
    const s = await moderationScene(t, { rules: { aggregation: 'mean' } });
    await allSealed(t, s);
    const eva = s.evaluators[2];
    const evaluationId = s.evaluationId;
    const govDev = async () => {
      const board = await t.call(s.moderator.id, 'moderation.board', { evaluationId, bidderId: s.bidder.id });
      return board.bidders[0]!.criteria.find((c) => c.criterionId === GOV_DEV)!;
    };
    const total = async () => (await t.call(s.lead.id, 'ranking.get', { evaluationId })).ranked.find((r) => r.bidderId === s.bidder.id)!.total;
    const before = { criterion: await govDev(), total: await total() };
    expect(before.criterion).toMatchObject({ spread: 3, flagged: true });
    expect(before.criterion.aggregated).toBeCloseTo(8 / 3, 10); // (1 + 3 + 4) / 3

    await t.call(eva.id, 'conflicts.declare', {
      evaluationId,
      bidderId: s.bidder.id,
      memberId: null,
      kind: 'actual',
      description: 'I was a trustee of the lead organisation until last year.',
    });

    const after = await govDev();
    expect(after.sealed.map((x) => [x.evaluatorName, x.score, x.counted])).toEqual([
      ['Eva Evaluator', 4, false],
      ['Evan Evaluator', 3, true],
      ['Eve Evaluator', 1, true],
    ]);
    expect(after).toMatchObject({ spread: 2, flagged: true, aggregated: 2 }); // 3 − 1; (1 + 3) / 2
    const overview = await t.call(s.moderator.id, 'moderation.board', { evaluationId, summary: true });
    expect(overview.bidders.find((b) => b.bidderId === s.bidder.id)!.criteria.find((c) => c.criterionId === GOV_DEV)).toMatchObject({ spread: 2, aggregated: 2 });

    // Eva differed from the others on two criteria: Developing (mean 8/3 → 2) and Maturing (3, 3, 4: 10/3 → 3).
    // The ranking's total loses exactly each one's weight × the fall in its mean / 5 (the scale's maximum).
    const { settings } = await t.call(s.lead.id, 'evaluations.get', { evaluationId });
    const weights = effectiveWeights(settings.weights);
    const expectedFall = (weights.get(GOV_DEV)! * (8 / 3 - 2) + weights.get(GOV_MAT)! * (10 / 3 - 3)) / 5;
    expect(before.total - (await total())).toBeCloseTo(expectedFall, 10);

    const { csv } = await t.call(s.lead.id, 'export.scoresCsv', { evaluationId });
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const wandle = rows.filter((r) => r.kind === 'individual' && r.bidder === 'Wandle Health Alliance');
    expect(new Set(wandle.filter((r) => r.excluded !== '').map((r) => r.by))).toEqual(new Set(['Eva Evaluator']));
    expect(wandle.filter((r) => r.by === 'Eva Evaluator').every((r) => r.excluded === EXCLUDED_BY_CONFLICT)).toBe(true);
    const file = await t.call(s.lead.id, 'export.rankedWorkbook', { evaluationId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as unknown as ArrayBuffer);
    const individual = workbook.getWorksheet('Individual scores')!;
    const excludedColumn = (individual.getRow(1).values as unknown[]).indexOf('Excluded from the results');
    const excludedBy = new Set<string>();
    individual.eachRow((row, n) => {
      if (n > 1 && row.getCell(excludedColumn).text !== '') excludedBy.add(`${row.getCell(1).text} / ${row.getCell(2).text} / ${row.getCell(excludedColumn).text}`);
    });
    expect(excludedBy).toEqual(new Set([`Eva Evaluator / Wandle Health Alliance / ${EXCLUDED_BY_CONFLICT}`]));

    const declaration = (await t.call(s.lead.id, 'conflicts.register', { evaluationId })).find((d) => d.personId === eva.id && d.kind === 'actual')!;
    await t.call(s.lead.id, 'conflicts.recordMitigation', {
      evaluationId,
      declarationId: declaration.id,
      decision: 'permitted',
      reason: 'The trusteeship ended before the procurement began; a second evaluator reviewed her scores.',
    });
    const permitted = await govDev();
    expect(permitted.sealed.every((x) => x.counted)).toBe(true);
    expect(permitted.aggregated).toBeCloseTo(8 / 3, 10);
    expect(await total()).toBeCloseTo(before.total, 10);
  });
});
