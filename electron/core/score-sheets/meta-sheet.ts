import type ExcelJS from 'exceljs';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import { layoutRow, META_KEYS, META_TITLE, metaRow, SHEETS_HEADING, SHEETS_HEADING_ROW } from './metadata';
import type { ScoreSheetContent } from './sheet-content';

/** The very hidden "_meta" sheet: which evaluation, evaluator and structure this file is, and its check value. */
export function writeMeta(ws: ExcelJS.Worksheet, c: ScoreSheetContent): void {
  ws.getColumn('A').width = 16;
  ws.getColumn('B').width = 70;
  ws.getCell('A1').value = META_TITLE;
  for (const key of META_KEYS) ws.getRow(metaRow(key)).values = [key, c.meta[key]];
  ws.getRow(SHEETS_HEADING_ROW).values = [SHEETS_HEADING];
  c.sheets.forEach((s, i) => (ws.getRow(SHEETS_HEADING_ROW + 1 + i).values = layoutRow(s).map(safe)));
}
