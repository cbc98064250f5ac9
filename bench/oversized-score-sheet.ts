/*
 * Refusing an oversized Excel score sheet: a workbook whose one sheet has 300,000 rows (≈ 1.5 MB zipped,
 * ≈ 13 MB of sheet XML), imported by the procurement lead. The zip guard counts the sheet's rows and cells
 * while inflating it and refuses before exceljs parses anything (before this, the import took 13 s and
 * 529 MB, 5.8 s of it without the host answering).
 *
 * What is timed: scoreSheets.import by the procurement lead through the running web host (nothing is
 * written, so the seeded store serves every run), one untimed warm-up first; the runs are one window of the
 * operation (the host's stall and memory). Baseline: exceljs parsing the same file once in this process, as
 * the import did before the guard.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Host } from './host';
import type { Measured } from './reads';
import { withStalls } from './stalls';
import { figure, TARGETS, timeRuns, under } from './stats';
import type { Seeded } from './synthetic';

const ROWS = 300_000;

/** A real .xlsx, written by exceljs, whose one sheet then gets ROWS rows of one number each. */
async function swollenWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Swollen bidder sheet').getCell('A1').value = 1;
  const parts = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const rows: string[] = [];
  for (let r = 1; r <= ROWS; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r % 6}</v></c></row>`);
  const sheet = Buffer.from(parts['xl/worksheets/sheet1.xml']!).toString('utf8');
  parts['xl/worksheets/sheet1.xml'] = Buffer.from(sheet.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows.join('')}</sheetData>`));
  return Buffer.from(zipSync(parts, { level: 6 }));
}

export async function measureOversizedScoreSheet(host: Host, seed: Pick<Seeded, 'evaluationId' | 'leadId' | 'evaluatorIds' | 'size'>, runs: number): Promise<Measured> {
  const bytes = await swollenWorkbook();
  const params = { evaluationId: seed.evaluationId, evaluatorId: seed.evaluatorIds[0]!, content: bytes };
  let message = '';
  const refuseOnce = async () => {
    try {
      await host.call(seed.leadId, 'scoreSheets.import', params);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
      if (message.includes('300,000 rows')) return;
    }
    throw new Error(`not refused for its rows: ${message.slice(0, 300)}`);
  };
  const t = await host.operation('oversized score sheet refused', async () => {
    await refuseOnce(); // warm-up
    return timeRuns(runs, refuseOnce);
  });
  const parse = await withStalls(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
  const limit = TARGETS.oversizedSheetP95Ms[seed.size.scale];
  return {
    measures: [figure('oversized-sheet', `refuse a ${ROWS.toLocaleString('en-GB')}-row score sheet`, t, under(t.p95, limit, 'ms', 'p95'), parse.ms)],
    notes: [
      `oversized score sheet (${(bytes.length / 1024 / 1024).toFixed(2)} MB): refused in ${t.median.toFixed(0)} ms (median of ${runs}); ` +
        `exceljs parsing it in this process, as the import did before the guard, takes ${(parse.ms / 1000).toFixed(1)} s with a stall of ${(parse.longestStallMs / 1000).toFixed(1)} s. “${message.replace(/^scoreSheets.import failed: \S+ /, '')}”`,
    ],
  };
}
