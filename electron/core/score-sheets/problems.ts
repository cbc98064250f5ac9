/** A problem found in an imported score sheet, located as Excel would: sheet and cell. */
export interface Problem {
  path: string;
  message: string;
}

export const atCell = (sheet: string, cell: string, message: string): Problem => ({
  path: `${sheet}!${cell}`,
  message: `Sheet '${sheet}', cell ${cell}: ${message}`,
});
export const onSheet = (sheet: string, message: string): Problem => ({ path: sheet, message: `Sheet '${sheet}': ${message}` });

/** Whitespace-insensitive text, as spreadsheet programs may rewrap, trim or change line endings. */
export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A quotation of what someone typed, short enough for a list of problems. */
export const quote = (text: string, max = 60) => {
  const flat = normalise(text);
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
};

const columnNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Where a problem sits: the sheet's position in the workbook, then row, then column (whole-sheet problems first). */
function place(p: Problem, sheets: readonly string[]): number[] {
  const bang = p.path.lastIndexOf('!');
  const sheet = bang < 0 ? p.path : p.path.slice(0, bang);
  const cell = /^([A-Z]+)(\d+)$/.exec(bang < 0 ? '' : p.path.slice(bang + 1));
  const index = sheets.indexOf(sheet);
  return [index < 0 ? sheets.length : index, cell ? Number(cell[2]) : 0, cell ? columnNumber(cell[1]!) : 0];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** Problems in reading order: sheet by sheet as in the workbook, then row by row, then column by column. */
export function inReadingOrder(problems: readonly Problem[], sheets: readonly string[]): Problem[] {
  return problems
    .map((p, i) => ({ p, key: [...place(p, sheets), i] }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ p }) => p);
}
