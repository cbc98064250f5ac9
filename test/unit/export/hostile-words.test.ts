import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { HOSTILE_AREA_TITLES, HOSTILE_BIDDER_NAMES, HOSTILE_STAGE_LABELS, hostileEvaluation } from './hostile-evaluation';
import { rawCells } from './xlsx-parts';

/*
 * Words people wrote go into the ranked-results workbook exactly as written — no apostrophe added — in
 * quote-prefixed cells, so that they stay text even when someone edits them; and the Ranking formulas
 * find a bidder's Breakdown rows by number, never by comparing names.
 */

async function exportHostile() {
  const t = makeCore();
  const s = await hostileEvaluation(t, { aggregation: 'mean', scoreFor: (e, b, c) => (b + c + e) % 6 });
  const ranking = await t.call(s.leadId, 'ranking.get', { evaluationId: s.evaluationId });
  const file = await t.call(s.leadId, 'export.rankedWorkbook', { evaluationId: s.evaluationId });
  const xlsx = Buffer.from(file.content);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  return { s, ranking, xlsx, workbook };
}

describe('the ranked-results workbook of a hostile-words evaluation', () => {
  it('shows every bidder name, capability area title and stage label exactly as written, with no apostrophe added', async () => {
    const { ranking, workbook } = await exportHostile();
    const rankingSheet = workbook.getWorksheet('Ranking')!;
    const names = [...ranking.ranked, ...ranking.failed].map((r, i) => rankingSheet.getRow(i + 2).getCell(2).value);
    expect([...names].sort()).toEqual([...HOSTILE_BIDDER_NAMES].sort());
    const headings = rankingSheet.getRow(1).values as unknown[];
    for (const words of [...HOSTILE_AREA_TITLES, ...HOSTILE_STAGE_LABELS]) expect(headings).toContain(words);

    const breakdown = workbook.getWorksheet('Breakdown')!.getRow(2);
    expect([breakdown.getCell(2).value, breakdown.getCell(3).value]).toEqual([HOSTILE_AREA_TITLES[0], HOSTILE_STAGE_LABELS[0]]);
    expect(String(workbook.getWorksheet('Individual scores')!.getRow(2).getCell(6).value)).toMatch(/^=Evidence for /);
  });

  it('writes every text cell of every sheet with the quote-prefix style, and no formula where text was', async () => {
    const { xlsx } = await exportHostile();
    const sheets = rawCells(xlsx);
    expect([...sheets.keys()]).toEqual(['Ranking', 'Breakdown', 'Framework & scale', 'Individual scores', 'Moderation log', 'Conflicts of interest']);
    for (const [sheet, cells] of sheets) {
      const text = cells.filter((c) => c.formula === null && (c.type === 'str' || c.type === 's' || c.type === 'inlineStr'));
      expect(text.length, sheet).toBeGreaterThan(0);
      expect(text.filter((c) => !c.quotePrefix).map((c) => `${sheet}!${c.ref}`)).toEqual([]);
    }
    const formulas = [...sheets.values()].flat().filter((c) => c.formula !== null);
    expect(formulas.map((c) => c.formula).filter((f) => !/^(SUMPRODUCT|IF)\(/.test(f!))).toEqual([]);
  });

  it('totals and sub-totals find a bidder’s Breakdown rows by number, never by a name or a heading', async () => {
    const { s, ranking, workbook } = await exportHostile();
    const sheet = workbook.getWorksheet('Ranking')!;
    const breakdownRows = 1 + ranking.ranked.length * s.criteria.length + ranking.failed.length * s.criteria.length;
    const range = (column: string) => `Breakdown!$${column}$2:$${column}$${breakdownRows}`;
    const inRanking = `*${range('I')},${range('H')})`;
    const rows = [...ranking.ranked, ...ranking.failed];
    rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      const bidderNo = i + 1;
      const formula = (column: number) => (row.getCell(column).value as ExcelJS.CellFormulaValue).formula;
      expect(row.getCell(sheet.columnCount).value).toBe(bidderNo);
      expect(formula(5)).toBe(`SUMPRODUCT((${range('J')}=${bidderNo})${inRanking}`);
      s.framework.areas.forEach((_, j) => expect(formula(6 + j)).toBe(`SUMPRODUCT((${range('J')}=${bidderNo})*(${range('K')}=${j + 1})${inRanking}`));
      s.framework.stages.forEach((_, j) =>
        expect(formula(6 + s.framework.areas.length + j)).toBe(`SUMPRODUCT((${range('J')}=${bidderNo})*(${range('L')}=${j + 1})${inRanking}`),
      );
    });
    const breakdown = workbook.getWorksheet('Breakdown')!;
    expect((breakdown.getRow(1).values as unknown[]).slice(9)).toEqual([
      'In the ranking (1 = counted in the totals; 0 = left out until every bidder has a score that counts)',
      'Bidder no. (in Ranking)',
      'Capability area no.',
      'Stage no.',
    ]);
    // The fifth criterion (second area, second stage) of the second bidder.
    expect(breakdown.getRow(2 + s.criteria.length + 4).values).toEqual(
      expect.arrayContaining([rows[1]!.name, HOSTILE_AREA_TITLES[1], HOSTILE_STAGE_LABELS[1]]),
    );
    expect((breakdown.getRow(2 + s.criteria.length + 4).values as unknown[]).slice(9)).toEqual([1, 2, 2, 2]);
  });
});
