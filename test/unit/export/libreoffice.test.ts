import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { recalculateInLibreOffice, SOFFICE } from '../../support/libreoffice';
import { makeCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';

/*
 * The workbook is checked in a real spreadsheet engine, not only read back with the library that wrote
 * it: LibreOffice Calc opens it, recalculates every formula, and its figures must be the app's.
 */
describe.skipIf(!SOFFICE && !process.env.CI)('the ranked-results workbook in LibreOffice Calc', () => {
  it('opens, recalculates, and its totals and sub-totals equal the app’s figures', async () => {
    const t = makeCore();
    const s = await scoredDemo(t, { aggregation: 'mean', scoreFor: (e, b, c) => [3, 4, 5, 2][(e + 2 * b + c) % 4]! });
    const ranking = await t.call(s.leadId, 'ranking.get', { evaluationId: s.evaluationId });
    const file = await t.call(s.leadId, 'export.rankedWorkbook', { evaluationId: s.evaluationId });
    const sheets = recalculateInLibreOffice(Buffer.from(file.contentBase64, 'base64'));
    expect([...sheets.keys()].sort()).toEqual(['Breakdown', 'Conflicts of interest', 'Framework & scale', 'Individual scores', 'Moderation log', 'Ranking']);
    const rows = sheets.get('Ranking')!;
    const header = rows[0]!;
    for (const r of [...ranking.ranked, ...ranking.failed]) {
      const row = rows.find((x) => x[1] === r.name)!;
      expect(Number(row[header.indexOf('Total (%)')])).toBeCloseTo(r.total, 6);
      for (const area of s.framework.areas) {
        expect(Number(row[header.indexOf(area.title)])).toBeCloseTo(r.byArea.find((a) => a.id === area.id)!.points, 6);
      }
      for (const stage of s.framework.stages) {
        expect(Number(row[header.indexOf(stage.label)])).toBeCloseTo(r.byStage.find((x) => x.id === stage.id)!.points, 6);
      }
    }
  }, 120_000);

  it('really recalculates: a breakdown score changed in the file changes the total LibreOffice shows', async () => {
    const t = makeCore();
    const s = await scoredDemo(t, { aggregation: 'mean', scoreFor: () => 3 });
    const file = await t.call(s.leadId, 'export.rankedWorkbook', { evaluationId: s.evaluationId });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const breakdown = workbook.getWorksheet('Breakdown')!;
    const bidder = String(breakdown.getRow(2).getCell(1).value);
    const weight = Number(breakdown.getRow(2).getCell(7).value);
    breakdown.getRow(2).getCell(5).value = 5; // from 3: +2 points × weight ÷ 5
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = recalculateInLibreOffice(edited).get('Ranking')!;
    const total = Number(rows.find((x) => x[1] === bidder)![rows[0]!.indexOf('Total (%)')]);
    expect(total).toBeCloseTo(60 + (2 * weight) / 5, 6);
  }, 120_000);
});
