/** Points per line of 11-point text, and Excel's tallest row. */
const LINE = 15;
const MAX_ROW = 409;

/**
 * Neither Excel nor Calc fits a row to wrapped text when it opens a file, so the height is estimated:
 * each paragraph wraps at about 1.15 characters per unit of column width (the width of a digit).
 */
export function fittedHeight(cells: readonly { text: string; width: number }[], minimum = LINE): number {
  const linesOf = ({ text, width }: { text: string; width: number }) =>
    text.split('\n').reduce((n, paragraph) => n + Math.max(1, Math.ceil(paragraph.length / Math.max(1, width * 1.15))), 0);
  const lines = Math.max(1, ...cells.map(linesOf));
  return Math.min(MAX_ROW, Math.max(minimum, lines * LINE + 4));
}
