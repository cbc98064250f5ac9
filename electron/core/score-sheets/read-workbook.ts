import ExcelJS from 'exceljs';
import { ApiError } from '../../../shared/api/errors';
import { MAX_SCORE_SHEET_BYTES } from '../../../shared/api/score-sheets';
import { assertModestXlsx } from './zip-guard';

/** What a cell holds, reduced to what the import can judge. */
export type CellContent =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  /** A formula, date, true/false or error: never a score or a rationale. */
  | { kind: 'other'; what: string };

export interface SheetSnapshot {
  name: string;
  cells: Map<string, CellContent>;
}

/** The uploaded workbook as plain data: every sheet (hidden ones too) with its non-empty cells. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export const EMPTY: CellContent = { kind: 'empty' };
export const cellOf = (sheet: SheetSnapshot | undefined, address: string): CellContent => sheet?.cells.get(address) ?? EMPTY;
/** A cell as a person would read it out: its text, its number, or what kind of thing it is. */
export const shown = (c: CellContent): string =>
  c.kind === 'text' ? c.value : c.kind === 'number' ? String(c.value) : c.kind === 'other' ? c.what : '';

const refuse = (message: string) => new ApiError('INVALID_PARAMS', message, [{ path: 'content', message }]);

/** The upload as a Buffer over the same memory (yauzl and exceljs want one), after the size check every caller gets. */
function asBuffer(content: Uint8Array): Buffer {
  if (content.byteLength > MAX_SCORE_SHEET_BYTES)
    throw refuse(`The file is larger than ${MAX_SCORE_SHEET_BYTES / 1024 / 1024} MB; a score sheet is far smaller.`);
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

function contentOf(value: ExcelJS.CellValue): CellContent {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'other', what: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', what: 'a date' };
  if ('richText' in value) return contentOf(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'other', what: 'a formula' };
  if ('error' in value) return { kind: 'other', what: `an error value (${value.error})` };
  if ('text' in value && typeof value.text === 'string') return contentOf(value.text);
  return { kind: 'other', what: 'something that is not text or a number' };
}

/**
 * The async half of an import, before its transaction: inspect the zip, parse with exceljs and keep the
 * cells as plain data. It judges nothing about the evaluation; that happens in the transaction.
 */
export async function readScoreSheetUpload(content: Uint8Array): Promise<WorkbookSnapshot> {
  const bytes = asBuffer(content);
  await assertModestXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse('This file could not be read as an Excel workbook (.xlsx). Nothing was changed.');
  }
  return {
    sheets: workbook.worksheets.map((ws) => {
      const cells = new Map<string, CellContent>();
      ws.eachRow((row) => row.eachCell((cell) => cells.set(cell.address, contentOf(cell.value))));
      return { name: ws.name, cells };
    }),
  };
}
