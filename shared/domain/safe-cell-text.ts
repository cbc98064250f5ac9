/** C0 controls except tab, line feed and carriage return, plus DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text from bidders and panel members for a workbook cell whose style is quote-prefixed
 * (electron/core/export/sheet-style.ts): control characters removed, nothing added. The quote prefix is
 * what keeps it text, also when someone edits the cell, so it shows exactly as written.
 */
export function cellText(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * Text from bidders and panel members for a file that has no cell styles (a CSV) or a cell written without
 * the quote-prefix style: control characters removed, and a leading = + - @ tab or carriage return
 * neutralised with a visible apostrophe so that no spreadsheet ever reads it as a formula (CSV/formula
 * injection).
 */
export function safeCellText(text: string): string {
  const clean = cellText(text);
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
