import { ApiError } from '../../../shared/api/errors';

/*
 * How large a score sheet's sheets may be, judged from the counts of rows and cells in each worksheet part
 * before exceljs parses anything. The largest framework the app accepts (30 capability areas × 10 stages)
 * makes a bidder sheet of about 310 rows and 1,900 cells, and the Instructions and metadata sheets have a
 * row per bidder: the limits are well above that and far below what makes exceljs hold up the host (a sheet
 * of 300,000 rows took 13 s and 529 MB to parse, 5.8 s of it without the host answering anything).
 */
export const SHEET_LIMITS = { rowsPerSheet: 1_000, cellsPerSheet: 10_000, cells: 100_000 };

/** One worksheet part of the zip, as counted while it was inflated. */
export interface WorksheetSize {
  part: string;
  rows: number;
  cells: number;
}

const count = (n: number) => n.toLocaleString('en-GB');

function oversized({ part, rows, cells }: WorksheetSize, names: ReadonlyMap<string, string>): string | null {
  const sheet = names.has(part) ? `Sheet '${names.get(part)}'` : `The worksheet part “${part.slice(0, 80)}”`;
  const tooManyRows = rows > SHEET_LIMITS.rowsPerSheet;
  const tooManyCells = cells > SHEET_LIMITS.cellsPerSheet;
  if (tooManyRows && tooManyCells) {
    return `${sheet} has ${count(rows)} rows and ${count(cells)} cells; a score sheet has at most ${count(SHEET_LIMITS.rowsPerSheet)} rows and ${count(SHEET_LIMITS.cellsPerSheet)} cells on a sheet`;
  }
  if (tooManyRows) return `${sheet} has ${count(rows)} rows; a score sheet has at most ${count(SHEET_LIMITS.rowsPerSheet)} on a sheet`;
  if (tooManyCells) return `${sheet} has ${count(cells)} cells; a score sheet has at most ${count(SHEET_LIMITS.cellsPerSheet)} on a sheet`;
  return null;
}

/** Refuses a workbook with a sheet, or sheets together, far larger than any score sheet; names each such sheet and its size. */
export function assertModestSheets(sizes: readonly WorksheetSize[], names: ReadonlyMap<string, string>): void {
  const found = sizes.map((s) => oversized(s, names)).filter((m): m is string => m !== null);
  const cells = sizes.reduce((n, s) => n + s.cells, 0);
  if (found.length === 0 && cells > SHEET_LIMITS.cells)
    found.push(`The workbook has ${count(cells)} cells in all; a score sheet has at most ${count(SHEET_LIMITS.cells)}`);
  if (found.length === 0) return;
  const summary = found.length === 1 ? found[0]! : `${found.length} sheets are far larger than any score sheet`;
  throw new ApiError(
    'INVALID_PARAMS',
    `The score sheet was not imported: ${summary[0]!.toLowerCase()}${summary.slice(1)}. Nothing was changed.`,
    found.map((message) => ({ path: 'content', message })),
  );
}
