/** C0 controls except tab, line feed and carriage return, plus DEL. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text from bidders and panel members as it may go into a spreadsheet or CSV: control characters removed,
 * and a leading = + - @ tab or carriage return neutralised with an apostrophe so that no spreadsheet
 * ever reads it as a formula (CSV/formula injection).
 */
export function safeCellText(text: string): string {
  const clean = text.replace(CONTROL, '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}
