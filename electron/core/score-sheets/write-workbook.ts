import ExcelJS from 'exceljs';
import { DEFAULT_SECURITY_MARKING } from '../../../shared/api/export';
import { sheetOptions, type SheetMeta } from '../export/sheet-style';
import { writeBidderSheet } from './bidder-sheet';
import { writeInstructions } from './instructions-sheet';
import { HEADER_ROW, INSTRUCTIONS, META } from './layout';
import { writeMeta } from './meta-sheet';
import type { ScoreSheetContent } from './sheet-content';

/*
 * Excel score sheets: the design in brief.
 *
 * - For one evaluator, made by the procurement lead: an Instructions sheet (how to fill it in, the scale
 *   with its descriptors), then one sheet per bidder the evaluator is clear for (declared, no conflict)
 *   and has not sealed. The others are left out and counted on the Instructions sheet.
 * - Never pre-filled: unsealed scores belong to their evaluator alone, and the lead makes and handles
 *   the file. An empty row on import therefore leaves the app's entry as it is.
 * - Each criterion row: capability area, stage, guidance questions and evidence indicators (locked),
 *   a score cell (drop-down of the scale's points, with an input message and a stop alert) and a
 *   rationale cell (wrapped, a length warning at the evaluation's minimum). A seal cell (Yes/No) at the
 *   bottom lets an evaluator without the app seal.
 * - Every sheet is protected with a random password made for this workbook and kept nowhere: only the
 *   score, rationale and seal cells can change, rows may be heightened to read long text, nothing can be
 *   inserted, deleted, sorted or formatted. Protection prevents accidents and is no secret (spin count
 *   1,000). exceljs cannot protect the workbook structure, so a renamed, moved, added or removed sheet
 *   is caught on import instead: each bidder sheet carries its bidder's name (A1) and id (B4) in locked
 *   cells, which must agree with the sheet's name and place (check-sheets.ts).
 * - Integrity comes from the very hidden "_meta" sheet: sheet id, evaluation, evaluator, generation time,
 *   a SHA-256 fingerprint of the structure and an HMAC over all of them, keyed by a random key kept only
 *   in the score_sheets record (migration 004). An import must match that record.
 * - The in-memory exceljs workbook rather than the streaming writer: a score sheet is small (one row per
 *   criterion per bidder), and cell protection, merges and validations need no row-commit ordering.
 */
export async function writeScoreSheet(c: ScoreSheetContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Capability Assessment';
  wb.title = `Score sheet: ${c.evaluation.name}`;
  wb.created = new Date(c.meta.generatedAt);
  const meta: SheetMeta = { evaluationName: c.evaluation.name, securityMarking: DEFAULT_SECURITY_MARKING, exportedAt: c.meta.generatedAt };
  const protect = (ws: ExcelJS.Worksheet) => ws.protect(c.password, { spinCount: 1000, formatRows: true });

  const instructions = wb.addWorksheet(INSTRUCTIONS, { ...sheetOptions(meta, 1), views: [] });
  writeInstructions(instructions, c);
  await protect(instructions);
  for (const sheet of c.sheets) {
    const ws = wb.addWorksheet(sheet.sheetName, sheetOptions(meta, HEADER_ROW));
    writeBidderSheet(ws, c, sheet);
    await protect(ws);
  }
  const metaSheet = wb.addWorksheet(META, { state: 'veryHidden' });
  writeMeta(metaSheet, c);
  await protect(metaSheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
