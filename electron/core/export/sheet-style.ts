import type ExcelJS from 'exceljs';

export interface SheetMeta {
  evaluationName: string;
  securityMarking: string;
  exportedAt: string;
}

/** Header and footer codes treat & as a command: a literal & is written &&. */
const hf = (text: string) => text.replace(/&/g, '&&');

/** Options every sheet shares: frozen header row, landscape A4 fitted to width, marking in the header. */
export function sheetOptions(meta: SheetMeta, frozenRows = 1): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: frozenRows, xSplit: 0 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${frozenRows}` },
    headerFooter: {
      oddHeader: `&L&B${hf(meta.securityMarking)}&R${hf(meta.evaluationName)}`,
      oddFooter: `&L${hf(meta.securityMarking)} · exported ${hf(meta.exportedAt.slice(0, 16).replace('T', ' '))} UTC&RPage &P of &N`,
    },
  };
}

/** A sheet that is one table: the shared sheet options, these columns, and a styled header row. */
export function addTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  meta: SheetMeta,
  columns: Partial<ExcelJS.Column>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, sheetOptions(meta));
  ws.columns = columns;
  styleHeader(ws.getRow(1));
  return ws;
}

/** A filter over every column of the table, from the header down to `lastRow`. */
export function filterTable(ws: ExcelJS.Worksheet, lastRow: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: ws.columns.length } };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0B0C0C' } };
  row.alignment = { vertical: 'top', wrapText: true };
}

/** Scores shaded from low (light red) to high (green), with the text still readable. */
export function scoreShading(ref: string, min: number, max: number): ExcelJS.ConditionalFormattingOptions {
  return {
    ref,
    rules: [
      {
        type: 'colorScale',
        priority: 1,
        cfvo: [
          { type: 'num', value: min },
          { type: 'num', value: (min + max) / 2 },
          { type: 'num', value: max },
        ],
        color: [{ argb: 'FFF4C7C3' }, { argb: 'FFFFF2CC' }, { argb: 'FFC6EFCE' }],
      },
    ],
  };
}

export const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

/**
 * The few cell styles the workbooks use, each one shared object: exceljs caches a style by the object's
 * identity, so sharing them (instead of setting row.alignment or numFmt per cell, which gives every cell
 * its own copy) more than halves the time to write a large workbook.
 */
export const STYLE = {
  plain: Object.freeze({}),
  wrapped: Object.freeze({ alignment: WRAP }),
  twoDecimals: Object.freeze({ numFmt: '0.00' }),
  fourDecimals: Object.freeze({ numFmt: '0.0000' }),
  wrappedTwoDecimals: Object.freeze({ numFmt: '0.00', alignment: WRAP }),
} as const satisfies Record<string, Partial<ExcelJS.Style>>;

/** Appends and commits one row, each cell (1-based column) given one of the shared styles. */
export function addStyledRow(ws: ExcelJS.Worksheet, values: ExcelJS.CellValue[], pick: (column: number) => Partial<ExcelJS.Style>): void {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.style = pick(column) as ExcelJS.Style;
  });
  row.commit();
}
