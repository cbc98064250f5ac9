import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { RankingResult } from '../../../shared/api/ranking';
import type { Framework } from '../../../shared/domain/framework';
import { recalculateInLibreOffice, SOFFICE } from '../../support/libreoffice';
import { makeCore, type TestCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';
import { HOSTILE_BIDDER_NAMES, hostileEvaluation } from './hostile-evaluation';

/*
 * The workbook is checked in a real spreadsheet engine, not only read back with the library that wrote
 * it: LibreOffice Calc opens it, recalculates every formula, and its figures must be the app's.
 */

/** Every total, capability area and stage sub-total on LibreOffice's recalculated Ranking sheet equals the app's. */
function expectAppFigures(rows: string[][], ranking: RankingResult, framework: Framework): void {
  const header = rows[0]!;
  const figure = (row: string[], heading: string) => Number(row[header.indexOf(heading)]);
  const bidders = [...ranking.ranked, ...ranking.failed];
  expect(rows.slice(1).map((row) => row[header.indexOf('Bidder')])).toEqual(bidders.map((r) => r.name));
  for (const r of bidders) {
    const row = rows.find((x) => x[header.indexOf('Bidder')] === r.name)!;
    expect(figure(row, 'Total (%)'), r.name).toBeCloseTo(r.total, 6);
    for (const area of framework.areas)
      expect(figure(row, area.title), `${r.name}, ${area.title}`).toBeCloseTo(r.byArea.find((a) => a.id === area.id)!.points, 6);
    for (const stage of framework.stages)
      expect(figure(row, stage.label), `${r.name}, ${stage.label}`).toBeCloseTo(r.byStage.find((x) => x.id === stage.id)!.points, 6);
  }
}

async function exported(t: TestCore, leadId: string, evaluationId: string) {
  const ranking = await t.call(leadId, 'ranking.get', { evaluationId });
  const file = await t.call(leadId, 'export.rankedWorkbook', { evaluationId });
  return { ranking, xlsx: Buffer.from(file.content) };
}

/** A hostile-words evaluation, complete: mean rule, every evaluator sealed, scores differing by bidder and criterion. */
async function completeHostile(t: TestCore) {
  const s = await hostileEvaluation(t, { aggregation: 'mean', scoreFor: (e, b, c) => (2 * b + c + e) % 6 });
  return { s, ...(await exported(t, s.leadId, s.evaluationId)) };
}

describe.skipIf(!SOFFICE && !process.env.CI)('the ranked-results workbook in LibreOffice Calc', () => {
  it('opens, recalculates, and its totals and sub-totals equal the app’s figures', async () => {
    const t = makeCore();
    const s = await scoredDemo(t, { aggregation: 'mean', scoreFor: (e, b, c) => [3, 4, 5, 2][(e + 2 * b + c) % 4]! });
    const { ranking, xlsx } = await exported(t, s.leadId, s.evaluationId);
    const sheets = recalculateInLibreOffice(xlsx);
    expect([...sheets.keys()].sort()).toEqual([
      'Breakdown',
      'Conflicts of interest',
      'Framework & scale',
      'Individual scores',
      'Moderation log',
      'Ranking',
    ]);
    expectAppFigures(sheets.get('Ranking')!, ranking, s.framework);
  }, 120_000);

  it('really recalculates: a breakdown score changed in the file changes the total LibreOffice shows', async () => {
    const t = makeCore();
    const s = await scoredDemo(t, { aggregation: 'mean', scoreFor: () => 3 });
    const file = await t.call(s.leadId, 'export.rankedWorkbook', { evaluationId: s.evaluationId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.content) as unknown as ArrayBuffer);
    const breakdown = workbook.getWorksheet('Breakdown')!;
    const bidder = String(breakdown.getRow(2).getCell(1).value);
    const weight = Number(breakdown.getRow(2).getCell(7).value);
    breakdown.getRow(2).getCell(5).value = 5; // from 3: +2 points × weight ÷ 5
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = recalculateInLibreOffice(edited).get('Ranking')!;
    const total = Number(rows.find((x) => x[1] === bidder)![rows[0]!.indexOf('Total (%)')]);
    expect(total).toBeCloseTo(60 + (2 * weight) / 5, 6);
  }, 120_000);

  it('bidder names that start like a formula or differ only by a leading apostrophe, and titles and labels that start with = - @ +, give the app’s totals and sub-totals', async () => {
    const t = makeCore();
    const { s, ranking, xlsx } = await completeHostile(t);
    expect(ranking.provisional).toBe(false);
    const sheets = recalculateInLibreOffice(xlsx);
    const rows = sheets.get('Ranking')!;
    expect(
      rows
        .slice(1)
        .map((row) => row[1])
        .sort(),
    ).toEqual([...HOSTILE_BIDDER_NAMES].sort());
    expectAppFigures(rows, ranking, s.framework);
    expect(sheets.get('Individual scores')![1]![5]).toMatch(/^=Evidence for /);
  }, 120_000);

  it('still gives the app’s figures after someone sorts the Breakdown sheet', async () => {
    const t = makeCore();
    const { s, ranking, xlsx } = await completeHostile(t);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const breakdown = workbook.getWorksheet('Breakdown')!;
    const last = breakdown.rowCount;
    const values = breakdown.getRows(2, last - 1)!.map((row) => (row.values as ExcelJS.CellValue[]).slice(1));
    // Sorted last row first, as a sort on any column could leave it; each weighted score still reads its own row.
    values.reverse().forEach((cells, i) => {
      const r = i + 2;
      const row = breakdown.getRow(r);
      cells.forEach((value, c) => (row.getCell(c + 1).value = c === 7 ? { formula: `IF(E${r}="","",G${r}*E${r}/F${r})` } : value));
    });
    const sheets = recalculateInLibreOffice(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(sheets.get('Breakdown')![1]![0]).toBe(values[0]![0]);
    expectAppFigures(sheets.get('Ranking')!, ranking, s.framework);
  }, 120_000);

  it('while the ranking is provisional, adds only the criteria it is ranked on and gives the app’s totals', async () => {
    const t = makeCore();
    const s = await hostileEvaluation(t, { aggregation: 'consensus', scoreFor: (_e, b, c) => (b + 2 * c) % 6 });
    // A consensus on the first six criteria for every bidder, and on three more for the first bidder only.
    for (const [b, bidder] of s.bidders.entries()) {
      for (const [c, criterion] of s.criteria.entries()) {
        if (c >= 6 && !(b === 0 && c < 9)) continue;
        await t.call(s.moderatorId, 'moderation.record', {
          evaluationId: s.evaluationId,
          bidderId: bidder.id,
          criterionId: criterion.id,
          score: (b + 2 * c) % 6,
          internalNote: '=The panel agreed with the evaluators.',
          bidderExplanation: '@Section 2 of the bid evidences this.',
          reason: '',
        });
      }
    }
    const { ranking, xlsx } = await exported(t, s.leadId, s.evaluationId);
    expect(ranking.provisional).toBe(true);
    expect(ranking.rankedOn).toEqual(s.criteria.slice(0, 6).map((c) => c.id));
    const sheets = recalculateInLibreOffice(xlsx);
    expectAppFigures(sheets.get('Ranking')!, ranking, s.framework);
    // The first bidder's three further consensus scores are on the Breakdown, left out of the ranking.
    const first = sheets
      .get('Breakdown')!
      .filter((row) => row[0] === ranking.ranked.concat(ranking.failed).find((r) => r.bidderId === s.bidders[0]!.id)!.name);
    expect(first.map((row) => [row[4] !== '', row[8]])).toEqual(s.criteria.map((_, c) => [c < 9, c < 6 ? '1' : '0']));
  }, 120_000);
});
