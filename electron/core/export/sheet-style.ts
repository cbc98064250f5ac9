import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { cellText } from '../../../shared/domain/safe-cell-text';

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

/**
 * A sheet that is one table: the shared sheet options, these columns, and a styled header row whose
 * headings (capability area titles and stage labels among them) are quote-prefixed text.
 */
export function addTable(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  meta: SheetMeta,
  columns: Partial<ExcelJS.Column>[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, sheetOptions(meta));
  ws.columns = columns.map((c) => (typeof c.header === 'string' ? { ...c, header: cellText(c.header) } : c));
  const header = ws.getRow(1);
  styleHeader(header);
  header.eachCell((cell) => {
    cell.style = { ...cell.style, quotePrefix: true } as CellStyle as ExcelJS.Style;
  });
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
 * A cell style as these workbooks write it: exceljs's, plus SpreadsheetML's quote prefix (the xf's
 * quotePrefix="1"), which marks a text cell as text that must stay text: it shows exactly as written, with
 * no apostrophe, and Excel and Calc keep it text when someone edits it, even if it starts with = + - @.
 */
export type CellStyle = Partial<ExcelJS.Style> & { readonly quotePrefix?: boolean };

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
  sectionHeading: Object.freeze({ font: { bold: true, size: 13 } }),
} as const satisfies Record<string, CellStyle>;

const quotedVariants = new WeakMap<CellStyle, CellStyle>();

/** The style with the quote prefix added: one shared object per style, for the same reason as STYLE. */
function quoted(style: CellStyle): CellStyle {
  let variant = quotedVariants.get(style);
  if (!variant) {
    variant = Object.freeze({ ...style, quotePrefix: true });
    quotedVariants.set(style, variant);
  }
  return variant;
}

/**
 * Appends and commits one row, each cell (1-based column) given one of the shared styles. Every text value
 * is written as people wrote it, control characters removed, in a quote-prefixed cell: text never becomes
 * a formula, and nothing (no apostrophe) is added to it.
 */
export function addStyledRow(ws: ExcelJS.Worksheet, values: ExcelJS.CellValue[], pick: (column: number) => CellStyle): void {
  const row = ws.addRow(values.map((v) => (typeof v === 'string' ? cellText(v) : v)));
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    const style = pick(column);
    cell.style = (typeof cell.value === 'string' ? quoted(style) : style) as ExcelJS.Style;
  });
  row.commit();
}

/** The part of exceljs 4.4's style manager (StylesXform) that quotePrefixed relies on. */
interface StyleManager {
  addStyleModel(model: CellStyle | undefined, cellType?: number): number;
  model: { styles: string[] };
  index: { style: Record<string, number> };
}

/**
 * exceljs 4.4 drops quotePrefix from a style (its xf writer knows no such attribute). This teaches one
 * workbook's style manager to write it: a style carrying quotePrefix gets the cell format exceljs made for
 * the rest of the style, copied with quotePrefix="1" added as its own entry in styles.xml.
 */
function quotePrefixed(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (wb as unknown as { styles?: Partial<StyleManager> }).styles;
  if (typeof styles?.addStyleModel !== 'function' || !Array.isArray(styles.model?.styles) || typeof styles.index?.style !== 'object') {
    throw new Error('This version of exceljs has no style manager the workbook can add the quote prefix to.');
  }
  const manager = styles as StyleManager;
  const addStyleModel = manager.addStyleModel.bind(manager);
  const quotedId = new Map<number, number>();
  manager.addStyleModel = (model, cellType) => {
    const id = addStyleModel(model, cellType);
    if (!model?.quotePrefix) return id;
    let withPrefix = quotedId.get(id);
    if (withPrefix === undefined) {
      const plain = manager.model.styles[id];
      if (!plain?.startsWith('<xf ')) throw new Error(`exceljs wrote cell format ${id} in a form the quote prefix cannot be added to.`);
      const xml = plain.replace(/^<xf /, '<xf quotePrefix="1" ');
      withPrefix = manager.index.style[xml] ??= manager.model.styles.push(xml) - 1;
      quotedId.set(id, withPrefix);
    }
    return withPrefix;
  };
}

/** A streaming workbook writer (inline strings, shared styles) whose text cells can be quote-prefixed. */
export function workbookWriter(stream: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  quotePrefixed(wb);
  return wb;
}
