import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core';
import { scoredDemo } from '../support/scored-evaluation';

/**
 * The evaluators agree within a point everywhere but on the first bidder's first criterion (1, 5, 3: spread
 * 4), which the spread flags, so that the consensus the moderator records there is the score that counts.
 */
const flaggedOnce = (e: number, b: number, c: number) => (b === 0 && c === 0 ? [1, 5, 3][e % 3]! : ((b + c) % 5) + (e % 2));

async function exportWorkbook() {
  const t = makeCore();
  const s = await scoredDemo(t, { aggregation: 'mean-unless-flagged', scoreFor: flaggedOnce });
  await t.call(s.moderatorId, 'moderation.record', {
    evaluationId: s.evaluationId,
    bidderId: s.bidders[0]!.id,
    criterionId: s.criteria[0]!.id,
    score: 1,
    internalNote: 'Panel agreed the organogram lacks decision routes.',
    bidderExplanation: 'Section 2.1 gives no decision-making routes.',
    reason: '',
  });
  await t.call(s.moderatorId, 'moderation.record', {
    evaluationId: s.evaluationId,
    bidderId: s.bidders[0]!.id,
    criterionId: s.criteria[0]!.id,
    score: 2,
    internalNote: 'Revisited after clarification.',
    bidderExplanation: 'Clarification response 4 adds decision routes.',
    reason: 'Clarification received on 3 March',
  });
  const ranking = await t.call(s.leadId, 'ranking.get', { evaluationId: s.evaluationId });
  const file = await t.call(s.leadId, 'export.rankedWorkbook', { evaluationId: s.evaluationId });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.content) as unknown as ArrayBuffer);
  return { t, s, ranking, file, workbook };
}

const cellResult = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'result' in v ? v.result : v);
const cellFormula = (v: ExcelJS.CellValue) => (v && typeof v === 'object' && 'formula' in v ? v.formula : undefined);

describe('the ranked-results workbook', () => {
  it('has every sheet the decision report needs, named sensibly', async () => {
    const { workbook, file } = await exportWorkbook();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Breakdown', 'Framework & scale', 'Individual scores', 'Moderation log', 'Conflicts of interest']);
    expect(file.fileName).toMatch(/^Demo-Merton-integrated-community-services-\d{4}-\d{2}-\d{2}-ranked-results\.xlsx$/);
  });

  it('totals on the Ranking sheet are live formulas whose cached values equal the app’s figures', async () => {
    const { workbook, ranking } = await exportWorkbook();
    const sheet = workbook.getWorksheet('Ranking')!;
    const rows = [...ranking.ranked, ...ranking.failed];
    rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(2).value).toBe(r.name);
      expect(cellFormula(row.getCell(5).value)).toMatch(/^SUMPRODUCT\(/);
      expect(cellResult(row.getCell(5).value)).toBeCloseTo(r.total, 9);
      r.byArea.forEach((a, j) => expect(cellResult(row.getCell(6 + j).value)).toBeCloseTo(a.points, 9));
      r.byStage.forEach((st, j) => expect(cellResult(row.getCell(6 + r.byArea.length + j).value)).toBeCloseTo(st.points, 9));
    });
  });

  it('breaks every total down by criterion, with the weighted score as a formula', async () => {
    const { workbook, ranking, s } = await exportWorkbook();
    const sheet = workbook.getWorksheet('Breakdown')!;
    expect(sheet.rowCount).toBe(1 + s.bidders.length * s.criteria.length);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(ranking.ranked[0]?.name ?? ranking.failed[0]!.name);
    expect(cellFormula(first.getCell(8).value)).toBe('IF(E2="","",G2*E2/F2)');
    const inRanking = new Set(ranking.rankedOn);
    sheet
      .getRows(2, sheet.rowCount - 1)!
      .forEach((row, i) => expect(row.getCell(9).value).toBe(inRanking.has(s.criteria[i % s.criteria.length]!.id) ? 1 : 0));
    const sum = (name: string) =>
      sheet
        .getRows(2, sheet.rowCount - 1)!
        .filter((row) => row.getCell(1).value === name && row.getCell(9).value === 1)
        .reduce((n, row) => n + Number(cellResult(row.getCell(8).value) || 0), 0);
    for (const r of [...ranking.ranked, ...ranking.failed]) expect(sum(r.name)).toBeCloseTo(r.total, 9);
  });

  it('carries every sealed score with its rationale, every consensus version and every declaration', async () => {
    const { workbook, s } = await exportWorkbook();
    expect(workbook.getWorksheet('Individual scores')!.rowCount).toBe(1 + s.evaluators.length * s.bidders.length * s.criteria.length);
    const log = workbook.getWorksheet('Moderation log')!;
    expect(log.rowCount).toBe(3);
    expect(log.getRow(2).values).toEqual(expect.arrayContaining([2, 'Clarification received on 3 March', 'Current']));
    expect(log.getRow(3).values).toEqual(expect.arrayContaining([1, 'Superseded']));
    const conflicts = workbook.getWorksheet('Conflicts of interest')!;
    expect(conflicts.rowCount).toBeGreaterThan(1 + s.evaluators.length * s.bidders.length);
    const fw = workbook.getWorksheet('Framework & scale')!;
    expect(fw.getRow(2).getCell(1).value).toBe('Governance and leadership');
    expect(String(fw.getRow(2).getCell(6).value)).toContain('1. A clear description of the nature of the provider collaboration');
  });

  it('formats numbers to two decimals and wraps long text', async () => {
    const { workbook } = await exportWorkbook();
    expect(workbook.getWorksheet('Ranking')!.getRow(2).getCell(5).numFmt).toBe('0.00');
    expect(workbook.getWorksheet('Breakdown')!.getRow(2).getCell(8).numFmt).toBe('0.0000');
    expect(workbook.getWorksheet('Individual scores')!.getRow(2).getCell(6).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });

  it('prints landscape, fitted to width, with the security marking and the evaluation’s name', async () => {
    const { workbook } = await exportWorkbook();
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter.oddHeader).toContain('OFFICIAL-SENSITIVE: COMMERCIAL');
      expect(sheet.headerFooter.oddHeader).toContain('Demo: Merton integrated community services');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });
});
