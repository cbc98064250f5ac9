/*
 * Refusing an oversized Excel score sheet: a workbook whose one sheet has 300,000 rows (≈ 1.5 MB zipped,
 * ≈ 13 MB of sheet XML), imported by the procurement lead. The zip guard counts the sheet's rows and cells
 * while inflating it and refuses before exceljs parses anything (before this, the import took 13 s and
 * 529 MB, 5.8 s of it without the host answering).
 *
 * What is timed: scoreSheets.import through core.dispatch in this process, on a copy of the seeded store,
 * with the longest stall of the event loop meanwhile. Nothing is written, so one copy serves every run.
 * Baseline: exceljs parsing the same file once, as the import did before the guard.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, DATABASE_FILE_NAME } from '../electron/core';
import { figure, percentile, type Figure } from './stats';
import { BENCH_PASSPHRASE, type Seeded } from './synthetic';
import { withStalls } from './stalls';

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

export async function measureOversizedScoreSheet(
  seededDir: string,
  seed: Pick<Seeded, 'evaluationId' | 'leadId' | 'evaluatorIds'>,
  runs: number,
): Promise<{ figures: Figure[]; notes: string[] }> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-oversized-sheet-'));
  try {
    mkdirSync(join(scratch, 'store'));
    for (const suffix of ['', '-wal']) {
      const from = join(seededDir, DATABASE_FILE_NAME + suffix);
      if (existsSync(from)) copyFileSync(from, join(scratch, 'store', DATABASE_FILE_NAME + suffix));
    }
    const bytes = await swollenWorkbook();
    const params = { evaluationId: seed.evaluationId, evaluatorId: seed.evaluatorIds[0]!, contentBase64: bytes.toString('base64') };
    const core = createCore({ dataDir: join(scratch, 'store'), backupsToKeep: 1, backupEveryMs: 0, log: (e) => console.error('[core]', e) });
    const samples: number[] = [];
    let longestStallMs = 0;
    let message = '';
    try {
      const signedIn = await core.dispatch(null, 'session.signIn', { personId: seed.leadId, passphrase: BENCH_PASSPHRASE });
      const session = signedIn.ok ? (signedIn.result as { sessionId?: string }).sessionId : undefined;
      if (!session) throw new Error(`the procurement lead could not sign in: ${JSON.stringify(signedIn)}`);
      for (let i = 0; i <= runs; i++) {
        const t = await withStalls(async () => {
          const outcome = await core.dispatch(session, 'scoreSheets.import', params);
          if (outcome.ok || !outcome.error.message.includes('300,000 rows'))
            throw new Error(`not refused for its rows: ${JSON.stringify(outcome).slice(0, 300)}`);
          message = outcome.error.message;
        });
        if (i === 0) continue; // warm-up
        samples.push(t.ms);
        longestStallMs = Math.max(longestStallMs, t.longestStallMs);
      }
    } finally {
      core.close();
    }
    const parse = await withStalls(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
    const sorted = [...samples].sort((a, b) => a - b);
    const t = { median: percentile(sorted, 50), p95: percentile(sorted, 95), samples };
    return {
      figures: [figure(`refuse a ${ROWS.toLocaleString('en-GB')}-row score sheet`, t, { text: 'p95 < 1000 ms', met: t.p95 < 1000 }, parse.ms)],
      notes: [
        `oversized score sheet (${(bytes.length / 1024 / 1024).toFixed(2)} MB): refused in ${t.median.toFixed(0)} ms (median of ${runs}), ` +
          `the longest stall of the event loop meanwhile ${longestStallMs.toFixed(0)} ms; exceljs parsing it, as the import did before, ` +
          `takes ${(parse.ms / 1000).toFixed(1)} s with a stall of ${(parse.longestStallMs / 1000).toFixed(1)} s. “${message}”`,
      ],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
