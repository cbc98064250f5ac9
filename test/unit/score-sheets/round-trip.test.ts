import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows, makeCore, queryRows } from '../support/core';
import { fillSheet, generate, importAs, RATIONALE, save, sealAddress, sheetScene, SOUTH_LONDON, WANDLE } from './scene';

/*
 * Generate a score sheet, fill it in as an evaluator would (here with exceljs), import it: the scores
 * are that evaluator's own, with provenance 'excel-import', history, and seals where the sheet said so.
 */

/** exceljs reads sheet protection but does not type it. */
const protectionOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;

describe('an Excel score sheet', () => {
  it('has instructions, one locked sheet per bidder the evaluator is clear for, and very hidden metadata', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { file, workbook } = await generate(t, s);
    expect(file.fileName).toBe('Demo-Merton-integrated-community-services-Alice-Jones-demo-score-sheet.xlsx');
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Instructions', 'visible'],
      [SOUTH_LONDON, 'visible'],
      [WANDLE, 'visible'],
      ['_meta', 'veryHidden'],
    ]);
    expect(file.bidders.map((b) => b.bidderName)).toEqual([s.southLondon.name, s.wandle.name]);

    const instructions = workbook.getWorksheet('Instructions')!;
    const text = instructions.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('Bidders you have not declared against are not included; declare in the app or ask the procurement lead.');
    expect(text).toContain('Excellent: comprehensive, specific and verifiable evidence');

    const sheet = workbook.getWorksheet(WANDLE)!;
    expect(sheet.getCell('A1').value).toBe(s.wandle.name);
    expect([sheet.getCell('A4').value, sheet.getCell('B4').value]).toEqual(['Bidder id', s.wandle.id]);
    expect(workbook.getWorksheet(SOUTH_LONDON)!.getCell('B4').value).toBe(s.southLondon.id);
    expect(sheet.getRow(5).values).toEqual(expect.arrayContaining(['Capability area', 'Stage', 'Score (0–5)', 'Rationale (at least 50 characters)']));
    expect(sheet.getCell('A6').value).toBe('Governance and leadership');
    expect(String(sheet.getCell('D6').value)).toContain('1. A clear description of the nature of the provider collaboration');
    expect(sheet.getCell('E6').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"0,1,2,3,4,5"'],
      showErrorMessage: true,
      errorStyle: 'stop',
    });
    expect(sheet.getCell('F6').dataValidation).toMatchObject({ type: 'textLength', formulae: [50, 20000] });
    expect(sheet.getCell(sealAddress(12)).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Yes,No"'],
      prompt: expect.stringContaining('I confirm these scores are final'),
    });
    expect(sheet.getCell(sealAddress(12)).value).toBe('No');
    for (const unlocked of ['E6', 'F6', 'E17', 'F17', sealAddress(12)]) expect(sheet.getCell(unlocked).protection).toMatchObject({ locked: false });
    for (const locked of ['A1', 'B4', 'A6']) expect(sheet.getCell(locked).protection?.locked).not.toBe(false);
    for (const ws of workbook.worksheets) expect(protectionOf(ws)).toMatchObject({ sheet: true, algorithmName: 'SHA-512', spinCount: 1000 });
    // Rows may be heightened to read long text; nothing may be inserted, deleted or formatted.
    expect(protectionOf(sheet)).toMatchObject({ formatRows: true });
    for (const blocked of ['insertRows', 'deleteRows', 'insertColumns', 'deleteColumns', 'formatCells', 'formatColumns', 'sort'])
      expect(protectionOf(sheet)[blocked]).toBeFalsy();
  });

  it('leaves out bidders the evaluator is recused from or has not declared against, and says so', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { file, workbook } = await generate(t, s, s.ben);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Instructions', WANDLE, '_meta']);
    expect(file.leftOut).toEqual({ undeclared: 0, recused: 1, sealed: 0 });
    const refusal = await t.fail(s.leadId, 'scoreSheets.generate', { evaluationId: s.evaluationId, evaluatorId: s.chen });
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('not declared against 2') });
  });

  it('is never pre-filled: unsealed scores stay the evaluator’s own', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    await t.call(s.alice, 'scoring.save', {
      evaluationId: s.evaluationId,
      bidderId: s.wandle.id,
      criterionId: s.criteria[0]!,
      score: 4,
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: {},
    });
    const { workbook } = await generate(t, s);
    expect(workbook.getWorksheet(WANDLE)!.getCell('E6').value).toBeNull();
  });

  it('round trip: the filled sheet’s scores become the evaluator’s own, with history, sealed where confirmed', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { workbook } = await generate(t, s);
    fillSheet(workbook.getWorksheet(WANDLE)!, 12, { scoreOf: (i) => (i + 2) % 6, seal: 'Yes' });
    fillSheet(workbook.getWorksheet(SOUTH_LONDON)!, 12, { rows: 3, scoreOf: () => 3 });
    const content = await save(workbook);
    const auditBefore = auditRows(t).length;

    const started = performance.now();
    const result = await t.call(s.leadId, 'scoreSheets.import', importAs(s, content));
    console.info(`score sheet import: ${Math.round(performance.now() - started)} ms for ${content.length} bytes`);
    expect(result).toMatchObject({ evaluatorId: s.alice, evaluatorName: 'Alice Jones (demo)' });
    expect(result.bidders).toMatchObject([
      { bidderId: s.southLondon.id, sheetName: SOUTH_LONDON, filled: 3, criteria: 12, sealedAt: null },
      { bidderId: s.wandle.id, sheetName: WANDLE, filled: 12, criteria: 12, sealedAt: expect.any(String) },
    ]);

    const wandle = await t.call(s.alice, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.wandle.id });
    expect(wandle.sealedAt).toBe(result.bidders[1]!.sealedAt);
    expect(wandle.scores).toHaveLength(12);
    for (const entry of wandle.scores) {
      const i = s.criteria.indexOf(entry.criterionId);
      expect(entry).toMatchObject({ score: (i + 2) % 6, rationale: `${RATIONALE} Criterion ${i + 1}.`, provenance: 'excel-import' });
    }
    const southLondon = await t.call(s.alice, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.southLondon.id });
    expect(southLondon).toMatchObject({ sealedAt: null });
    expect(southLondon.scores.map((e) => [e.criterionId, e.score, e.provenance])).toEqual(s.criteria.slice(0, 3).map((c) => [c, 3, 'excel-import']));
    // Another evaluator's scores are untouched, and the moderator sees only the sealed bidder.
    expect((await t.call(s.ben, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.wandle.id })).scores).toEqual([]);

    const audit = auditRows(t).slice(auditBefore);
    expect(audit.map((r) => [r.method, r.actor_id, r.evaluation_id])).toEqual([['scoreSheets.import', s.leadId, s.evaluationId]]);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({
      evaluatorId: s.alice,
      content: { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length },
    });
  });

  it('keeps history: a changed score is a new entry, an unchanged one adds none, and evidence references stay', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const criterionId = s.criteria[0]!;
    const indicatorId = s.evaluation.framework.areas[0]!.indicators['developing']![0]!.id;
    const appSave = {
      evaluationId: s.evaluationId,
      bidderId: s.southLondon.id,
      criterionId,
      score: 1,
      rationale: RATIONALE,
      evidenceRefs: [],
      indicatorMarks: { [indicatorId]: 'evidenced' as const },
    };
    await t.call(s.alice, 'scoring.save', appSave);
    const { workbook } = await generate(t, s);
    fillSheet(workbook.getWorksheet(SOUTH_LONDON)!, 12, { rows: 2, scoreOf: () => 4 });
    const first = await save(workbook);
    await t.call(s.leadId, 'scoreSheets.import', importAs(s, first));
    await t.call(s.leadId, 'scoreSheets.import', importAs(s, first)); // the same file again: nothing new
    const history = await t.call(s.alice, 'scoring.history', { evaluationId: s.evaluationId, bidderId: s.southLondon.id, criterionId });
    expect(history.map((e) => [e.score, e.provenance])).toEqual([
      [1, 'app'],
      [4, 'excel-import'],
    ]);
    expect(history[1]!.indicatorMarks).toEqual({ [indicatorId]: 'evidenced' });
    const rows = queryRows(t.core.databaseFile, 'SELECT COUNT(*) AS n FROM score_entries WHERE provenance = ?', 'excel-import');
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('records each generated sheet on the server side, with its structure fingerprint', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const started = performance.now();
    const { file } = await generate(t, s);
    console.info(`score sheet generation: ${Math.round(performance.now() - started)} ms, ${file.bytes} bytes`);
    const records = queryRows<{ evaluator_id: string; fingerprint: string; generated_by: string; layout: string }>(
      t.core.databaseFile,
      'SELECT * FROM score_sheets',
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ evaluator_id: s.alice, generated_by: s.leadId, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(JSON.parse(records[0]!.layout)).toHaveLength(2);
    const audit = auditRows(t).at(-1)!;
    expect(audit).toMatchObject({ method: 'scoreSheets.generate', actor_id: s.leadId });
  });
});
