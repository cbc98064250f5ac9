import { describe, expect, it } from 'vitest';
import { RowCellCounter } from '../../../electron/core/score-sheets/row-cell-counter';
import { dumpDatabase, makeCore, refusedAndUnchanged, type TestCore } from '../support/core';
import { generate, importAs, sheetScene, WANDLE, type Scene } from './scene';
import { makeZip, readZip } from './zip';

/*
 * A workbook whose sheets are far larger than any score sheet is refused from a count of its rows and cells
 * taken while the zip is inflated, before exceljs builds anything: quickly, with the sheet and its size
 * named, the host answering meanwhile, and nothing changed.
 */

/** exceljs writes the sheets in order: Instructions, South London, Wandle, _meta. */
const WANDLE_PART = 'xl/worksheets/sheet3.xml';

const rowsXml = (rows: number, cellsPerRow: number) => {
  const out: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let cells = '';
    for (let c = 0; c < cellsPerRow; c++) cells += `<c r="${String.fromCharCode(65 + (c % 26))}${r}"><v>${(r + c) % 6}</v></c>`;
    out.push(`<row r="${r}">${cells}</row>`);
  }
  return out.join('');
};

/** The genuine score sheet Alice was sent, with the sheetData of some worksheet parts replaced, and parts added. */
async function swollen(t: TestCore, s: Scene, sheetData: Record<string, string>, added: Record<string, string> = {}): Promise<Buffer> {
  const { file } = await generate(t, s);
  const entries = await readZip(Buffer.from(file.content));
  for (const entry of entries) {
    const replacement = sheetData[entry.name];
    if (replacement !== undefined)
      entry.data = Buffer.from(entry.data.toString('utf8').replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${replacement}</sheetData>`));
  }
  for (const [name, rows] of Object.entries(added))
    entries.push({ name, data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`), deflate: true });
  return makeZip(entries);
}

/** How long `work` takes, and the longest the event loop stood still meanwhile (a host answers nothing then). */
async function timed<T>(work: () => Promise<T>) {
  let last = performance.now();
  let longestStallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last);
    last = now;
  }, 2);
  const start = performance.now();
  const result = await work();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 10));
  clearInterval(tick);
  return { result, ms, longestStallMs };
}

describe('a workbook far larger than a score sheet', () => {
  it('a 300,000-row sheet is refused before it is parsed, naming the sheet and its rows, and nothing changes', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const bytes = await swollen(t, s, { [WANDLE_PART]: rowsXml(300_000, 1) });
    const before = dumpDatabase(t.core.databaseFile);
    const { result: error, ms, longestStallMs } = await timed(() => t.fail(s.leadId, 'scoreSheets.import', importAs(s, bytes)));
    const after = dumpDatabase(t.core.databaseFile);
    console.log(
      `300,000-row sheet (${(bytes.length / 1024 / 1024).toFixed(2)} MB file) refused in ${ms.toFixed(0)} ms; ` +
        `the event loop's longest stall meanwhile ${longestStallMs.toFixed(0)} ms`,
    );

    const why = 'has 300,000 rows and 300,000 cells; a score sheet has at most 1,000 rows and 10,000 cells on a sheet';
    expect(error).toEqual({
      code: 'INVALID_PARAMS',
      message: `The score sheet was not imported: sheet '${WANDLE}' ${why}. Nothing was changed.`,
      issues: [{ path: 'content', message: `Sheet '${WANDLE}' ${why}` }],
    });
    expect(after.tables.audit_log).toHaveLength(before.tables.audit_log!.length);
    expect(after.tables.score_entries).toEqual(before.tables.score_entries);
    expect(after).toStrictEqual(before);
  }, 60_000);

  it('a sheet of a few hundred rows but too many cells is refused, naming its cells', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const bytes = await swollen(t, s, { [WANDLE_PART]: rowsXml(500, 26) });
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, bytes));
    expect(error.issues).toEqual([
      { path: 'content', message: `Sheet '${WANDLE}' has 13,000 cells; a score sheet has at most 10,000 on a sheet` },
    ]);
  });

  it('many sheets each within the limits but together far beyond them are refused', async () => {
    const t = makeCore();
    const s = await sheetScene(t);
    const extra = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`xl/worksheets/sheet${10 + i}.xml`, rowsXml(950, 10)]));
    const error = await refusedAndUnchanged(t, s.leadId, 'scoreSheets.import', importAs(s, await swollen(t, s, {}, extra)));
    expect(error.issues).toEqual([
      { path: 'content', message: expect.stringMatching(/^The workbook has 10\d,\d{3} cells in all; a score sheet has at most 100,000$/) },
    ]);
  });
});

describe('counting rows and cells as the sheet streams past', () => {
  const xml = `<worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row><row r="2" spans="1:2">\n<c\tr="A2" t="s"><v>0</v></c></row><rows/></sheetData></worksheet>`;

  it('counts every row and cell however the chunks fall, and no <col>, <cols> or <rows>', () => {
    for (const size of [1, 2, 3, 5, 7, xml.length]) {
      const counter = new RowCellCounter();
      for (let at = 0; at < xml.length; at += size) counter.push(Buffer.from(xml.slice(at, at + size)));
      expect([size, counter.rows, counter.cells]).toEqual([size, 2, 3]);
    }
  });
});
