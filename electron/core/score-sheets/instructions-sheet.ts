import type ExcelJS from 'exceljs';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import { styleHeader, WRAP } from '../export/sheet-style';
import { scaleText } from './layout';
import { fittedHeight } from './row-height';
import { when, type ScoreSheetContent } from './sheet-content';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How to fill in the score sheet, the scoring scale with its descriptors, and the sheets that follow. */
export function writeInstructions(ws: ExcelJS.Worksheet, c: ScoreSheetContent): void {
  const { scale, rules } = c.settings;
  const min = rules.rationaleMinLength;
  const widths = [16, 34, 90];
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const line = (text: string, font?: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, 3);
    row.alignment = WRAP;
    row.height = fittedHeight([{ text, width: widths[0]! + widths[1]! + widths[2]! }], (font?.size ?? 11) + 7);
    if (font) row.font = font;
    return row;
  };
  const tableRow = (values: (string | number)[]) => {
    const row = ws.addRow(values);
    row.alignment = { ...WRAP, horizontal: 'left' };
    row.height = fittedHeight(values.map((v, i) => ({ text: String(v), width: widths[i]! })));
  };

  line(safe(`Score sheet: ${c.evaluation.name}`), { bold: true, size: 14 });
  line(safe(`Evaluator: ${c.evaluatorName}`), { bold: true });
  line(safe(`Evaluation reference: ${c.evaluation.reference || 'none'} · generated ${when(c.meta.generatedAt)}`));
  ws.addRow([]);
  line('How to fill it in', { bold: true, size: 12 });
  [
    `1. There is one sheet for each bidder you are to score. For each criterion (a capability area at one stage), read the guidance questions and the evidence indicators, then choose a score from the list in the Score column (${scaleText(scale)}).`,
    `2. Explain each score in the Rationale column${min > 0 ? `: at least ${min} characters` : ''}, with reference to the bid. A score without a rationale cannot be imported.`,
    '3. Leave a criterion’s score and rationale empty to keep what you have in the app for it.',
    '4. When every score for a bidder is final, set Seal at the bottom of its sheet to Yes. Sealed scores cannot be changed by anyone; leave it at No to go on scoring later.',
    '5. Only the score, rationale and seal cells can be changed. Do not rename, move, add or delete sheets: each sheet names its bidder, and the file is checked when it is imported.',
    '6. Return the file to the procurement lead, who imports it. If anything is wrong nothing is imported, and every problem is listed by sheet and cell.',
  ].forEach((step) => line(step));
  ws.addRow([]);
  line('Bidders you have not declared against are not included; declare in the app or ask the procurement lead.', { italic: true });
  const { undeclared, recused, sealed } = c.leftOut;
  line(
    `Left out of this score sheet: ${plural(undeclared, 'bidder', 'bidders')} not declared against, ${plural(recused, 'bidder', 'bidders')} you are recused from, ` +
      `${plural(sealed, 'bidder', 'bidders')} whose scores you have already sealed.`,
  );
  ws.addRow([]);

  line('Scoring scale', { bold: true, size: 12 });
  styleHeader(ws.addRow(['Score', 'Label', 'Descriptor']));
  for (const p of scale.points) tableRow([p.value, safe(p.label), safe(p.descriptor)]);
  ws.addRow([]);

  line('Sheets in this workbook', { bold: true, size: 12 });
  styleHeader(ws.addRow(['Sheet', 'Bidder', 'Bidder reference']));
  for (const s of c.sheets) tableRow([safe(s.sheetName), safe(s.bidder.name), safe(s.bidder.reference)]);
}
