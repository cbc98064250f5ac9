/*
 * An evaluator who scores in Excel: the procurement lead generates their score sheet, they fill in every
 * criterion of every bidder, and the lead imports it — through the running web host.
 *
 * The evaluator is the 15th profile made while seeding: added to the panel here, clear for every subject
 * (declared untimed), so their sheet has a bidder sheet for every bidder (60 × 30 = 1,800 rows at 1×,
 * 240 × 30 = 7,200 at 4×). The sheet is filled with exceljs, as the score-sheet tests do: a score and a
 * ~500-character rationale on every row, the seal left at "No" so that the next run's sheet (other scores,
 * other rationales) is a change to every row again. What is timed: scoreSheets.import by the lead — the
 * pre-import backup of the whole store, the zip guard, exceljs parsing the sheet in the core's thread, every
 * check and the one-transaction write; one untimed warm-up import first. The generation of the sheet is a
 * window of its own (its stall and memory only).
 */
import ExcelJS from 'exceljs';
import { listCriteria } from '../shared/domain/framework';
import type { Host } from './host';
import type { Measured } from './reads';
import { figure, NO_TARGET, timeRuns } from './stats';
import { declareClear, rationaleFor, scoreFor, type Seeded } from './synthetic';

/** Where the generator puts each bidder sheet's id, its first criterion row, and the score and rationale columns (electron/core/score-sheets/layout.ts). */
const BIDDER_ID_CELL = 'B4';
const FIRST_CRITERION_ROW = 6;
const SKIPPED_SHEETS = new Set(['Instructions', '_meta']);

async function filledSheet(template: Uint8Array, seed: Seeded, round: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const criteria = listCriteria(seed.framework);
  const index = new Map(seed.bidders.map((b, i) => [b.id, i]));
  const e = seed.evaluatorIds.length + 2 + round; // the 15th evaluator, scoring differently each round
  let rows = 0;
  for (const sheet of workbook.worksheets) {
    if (SKIPPED_SHEETS.has(sheet.name)) continue;
    const b = index.get(String(sheet.getCell(BIDDER_ID_CELL).value));
    if (b === undefined) throw new Error(`score sheet “${sheet.name}” names no seeded bidder`);
    criteria.forEach((c, k) => {
      const score = scoreFor(e, b, k);
      sheet.getCell(`E${FIRST_CRITERION_ROW + k}`).value = score;
      sheet.getCell(`F${FIRST_CRITERION_ROW + k}`).value = rationaleFor(e, seed.bidders[b]!.name, c.id, score);
      rows++;
    });
    sheet.getCell(`E${FIRST_CRITERION_ROW + criteria.length + 1}`).value = 'No';
  }
  if (rows !== seed.bidders.length * criteria.length)
    throw new Error(`the score sheet has ${rows} criterion rows, not ${seed.bidders.length * criteria.length}`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function measureScoreSheetImport(host: Host, seed: Seeded, runs: number): Promise<Measured> {
  const { evaluationId, leadId } = seed;
  const evaluatorId = seed.sheetEvaluatorId;
  await host.call(leadId, 'panel.add', { evaluationId, personId: evaluatorId, role: 'evaluator' });
  await declareClear(host.call, evaluationId, evaluatorId);

  const generated = await host.operation('score-sheet generate', () => host.call(leadId, 'scoreSheets.generate', { evaluationId, evaluatorId }));
  const sheets: Buffer[] = [];
  for (let round = 0; round <= runs; round++) sheets.push(await filledSheet(generated.content, seed, round));

  let rows = 0;
  const importOnce = async (i: number) => {
    const result = await host.call(leadId, 'scoreSheets.import', { evaluationId, evaluatorId, content: sheets[i]! });
    rows = result.bidders.reduce((n, b) => n + b.filled, 0);
  };
  const t = await host.operation('score-sheet import', async () => {
    await importOnce(0);
    return timeRuns(runs, (i) => importOnce(i + 1));
  });
  if (rows !== seed.bidders.length * listCriteria(seed.framework).length) throw new Error(`the score sheet import filled ${rows} rows`);
  return {
    measures: [figure('score-sheet-import', `import a filled score sheet (every bidder × criterion)`, t, NO_TARGET)],
    notes: [
      `score sheet: ${generated.bidders.length} bidder sheets, ${rows.toLocaleString('en-GB')} rows filled with ~500-character rationales, ` +
        `${(sheets[0]!.length / 1024 / 1024).toFixed(1)} MiB filled (${(generated.bytes / 1024).toFixed(0)} KiB as generated)`,
    ],
  };
}
