import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_SCORE_SHEET_BYTES } from '../../../shared/api/score-sheets';
import { makeCore, refusedAndUnchanged } from '../support/core';
import { generate, importAs, load, save, sheetScene } from './scene';
import { makeZip } from './zip';

/*
 * Files that are not a score sheet's workbook at all are refused before exceljs ever parses them — in
 * particular archives that would unpack to far more than they weigh — and nothing changes.
 */

async function refuse(bytes: Buffer) {
  const t = makeCore();
  const s = await sheetScene(t);
  await generate(t, s);
  return refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, bytes));
}

const XLSX_PARTS = [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
];

describe('not an xlsx at all', () => {
  it('random bytes', async () => {
    const error = await refuse(randomBytes(4096));
    expect(error).toEqual({
      code: 'INVALID_PARAMS',
      message: 'This file is not an Excel workbook (.xlsx): it is not a zip archive, as every .xlsx file is. Nothing was changed.',
      issues: [{ path: 'content', message: 'it is not a zip archive, as every .xlsx file is' }],
    });
  });

  it('an old .xls or password-protected workbook', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(2048)]);
    expect((await refuse(ole)).message).toContain('save it as an Excel Workbook (.xlsx) without a password to open');
  });

  it('a zip archive without the parts of a workbook', async () => {
    const error = await refuse(makeZip([{ name: 'notes.txt', data: Buffer.from('Scores to follow.') }]));
    expect(error.message).toBe(
      'This file is not an Excel workbook (.xlsx): it is a zip archive without the parts of a workbook. Nothing was changed.',
    );
  });

  it('a zip bomb declaring a huge part', async () => {
    const bomb = makeZip([...XLSX_PARTS, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20), deflate: true }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect((await refuse(bomb)).message).toBe('This file is not an Excel workbook (.xlsx): it would unpack to more than 20 MB. Nothing was changed.');
  });

  it('a zip bomb lying about its size in its headers', async () => {
    const liar = makeZip([
      ...XLSX_PARTS,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20), deflate: true, declaredSize: 1000 },
    ]);
    expect((await refuse(liar)).message).toContain('its part “xl/worksheets/sheet1.xml” is damaged or larger than it declares');
  });

  it('a zip with thousands of parts', async () => {
    const many = makeZip([...XLSX_PARTS, ...Array.from({ length: 1200 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.from('x') }))]);
    expect((await refuse(many)).message).toContain('it holds more than 1000 parts');
  });

  it('a workbook that is not a score sheet', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const { workbook } = await generate(t, s);
    workbook.removeWorksheet(workbook.getWorksheet('_meta')!.id);
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await save(workbook)));
    expect(error.issues).toEqual([{ path: '_meta', message: expect.stringContaining('the hidden metadata sheet is missing') }]);
    expect(await load(await save(workbook))).toBeTruthy();
  });

  it('a file over the size limit, or empty, is refused by the contract before it is opened', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const huge = Buffer.alloc(MAX_SCORE_SHEET_BYTES + 1, 0x41);
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, huge));
    expect(error).toMatchObject({ code: 'INVALID_PARAMS', issues: [{ path: 'content', message: 'the file is larger than 5 MB' }] });
    const empty = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, new Uint8Array(0)));
    expect(empty).toMatchObject({ code: 'INVALID_PARAMS', issues: [{ path: 'content', message: 'choose a completed score sheet' }] });
  });
});
