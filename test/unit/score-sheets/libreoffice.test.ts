import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recalculateInLibreOffice, SOFFICE } from '../../support/libreoffice';
import { makeCore } from '../support/core';
import { fillSheet, generate, importAs, save, sheetScene, SOUTH_LONDON, WANDLE } from './scene';

/*
 * Evaluators without Excel use LibreOffice Calc: the score sheet must open there, and a sheet filled in
 * and saved by Calc (which rewrites the whole file in its own way) must still import.
 */

/** Opens an .xlsx in LibreOffice Calc (headless) and saves it again as .xlsx, as an evaluator's Calc would. */
function resaveInLibreOffice(xlsx: Buffer): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'lo-resave-'));
  writeFileSync(join(work, 'sheet.xlsx'), xlsx);
  const result = spawnSync(
    SOFFICE!,
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      join(work, 'out'),
      join(work, 'sheet.xlsx'),
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`LibreOffice failed: ${result.stderr || result.stdout}`);
  return readFileSync(join(work, 'out', 'sheet.xlsx'));
}

describe.skipIf(!SOFFICE && !process.env.CI)('score sheets in LibreOffice Calc', () => {
  it('opens, with the instructions and one sheet per bidder, criteria and headings in place', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { file } = await generate(t, s);
    const sheets = recalculateInLibreOffice(Buffer.from(file.content));
    expect([...sheets.keys()]).toEqual(expect.arrayContaining(['Instructions', SOUTH_LONDON, WANDLE]));
    const wandle = sheets.get(WANDLE)!;
    expect(wandle[0]![0]).toBe('Wandle Community Health Alliance');
    expect(wandle[4]).toEqual([
      'Capability area',
      'Stage',
      'Guidance questions',
      'Evidence indicators',
      'Score (0–5)',
      'Rationale (at least 50 characters)',
    ]);
    expect(wandle[5]![0]).toBe('Governance and leadership');
    expect(wandle.some((row) => row[4] === 'No')).toBe(true); // the seal cell
    expect(sheets.get('Instructions')!.flat().join(' ')).toContain('Bidders you have not declared against are not included');
  }, 120_000);

  it('a sheet filled in and saved by Calc still imports as the evaluator’s scores', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { workbook } = await generate(t, s);
    fillSheet(workbook.getWorksheet(WANDLE)!, 12, { seal: 'Yes', scoreOf: () => 4 });
    const resaved = resaveInLibreOffice(await save(workbook));
    const result = await t.call(s.leadId, 'scoreSheets.import', importAs(s, resaved));
    expect(result.bidders.find((b) => b.bidderId === s.wandle.id)).toMatchObject({ filled: 12, sealedAt: expect.any(String) });
    const mine = await t.call(s.alice, 'scoring.mine', { evaluationId: s.evaluationId, bidderId: s.wandle.id });
    expect(mine.scores.map((e) => [e.score, e.provenance])).toEqual(Array.from({ length: 12 }, () => [4, 'excel-import']));
  }, 120_000);
});
