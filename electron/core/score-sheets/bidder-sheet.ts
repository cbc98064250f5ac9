import type ExcelJS from 'exceljs';
import { MAX_RATIONALE_CHARS } from '../../../shared/api/scoring';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import { styleHeader, WRAP } from '../export/sheet-style';
import {
  BIDDER_ID_CELL,
  BIDDER_ID_LABEL,
  BIDDER_NAME_CELL,
  COL,
  criterionRow,
  fixedCells,
  HEADER_ROW,
  scaleText,
  sealCell,
  sealRow,
  type SheetLayout,
} from './layout';
import { fittedHeight } from './row-height';
import { INPUT_FILL, type ScoreSheetContent } from './sheet-content';

const UNLOCKED: Partial<ExcelJS.Protection> = { locked: false };
/** Capability area, stage, guidance questions, evidence indicators, score, rationale. */
const WIDTHS = [28, 18, 50, 75, 12, 60];

/** The score cell's drop-down: only the scale's points, with the labels as the input message. */
function scoreValidation(c: ScoreSheetContent): ExcelJS.DataValidation {
  const { points } = c.settings.scale;
  const labels = points.map((p) => `${p.value} ${p.label}`).join('; ');
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${points.map((p) => p.value).join(',')}"`],
    showInputMessage: true,
    promptTitle: 'Score',
    prompt: `Choose a score (${scaleText(c.settings.scale)}): ${labels}`.slice(0, 255),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Not on the scoring scale',
    error: `Enter one of the scale’s points: ${points.map((p) => p.value).join(', ')}. The Instructions sheet describes each.`.slice(0, 255),
  };
}

function rationaleValidation(min: number): ExcelJS.DataValidation {
  return {
    type: 'textLength',
    operator: 'between',
    allowBlank: true,
    formulae: [min, MAX_RATIONALE_CHARS],
    showInputMessage: true,
    promptTitle: 'Rationale',
    prompt: `Explain the score with reference to the bid${min > 0 ? `: at least ${min} characters` : ''}.`,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: 'Rationale too short',
    error: `A rationale needs at least ${min} characters; a shorter one will not be imported.`,
  };
}

const SEAL_VALIDATION: ExcelJS.DataValidation = {
  type: 'list',
  allowBlank: true,
  formulae: ['"Yes,No"'],
  showInputMessage: true,
  promptTitle: 'Seal',
  prompt: 'I confirm these scores are final. Choose Yes only when every criterion has a score and a rationale.',
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: 'Yes or No',
  error: 'Choose Yes to seal these scores, or No to go on scoring later.',
};

/** One bidder's sheet: its criteria with guidance, a score and a rationale cell each, and the seal cell. */
export function writeBidderSheet(
  ws: ExcelJS.Worksheet,
  c: ScoreSheetContent,
  sheet: SheetLayout & { bidder: ScoreSheetContent['sheets'][number]['bidder'] },
): void {
  const { scale, rules } = c.settings;
  WIDTHS.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const lead = sheet.bidder.members.find((m) => m.role === 'lead')?.organisation;
  ws.getCell(BIDDER_NAME_CELL).value = safe(sheet.bidder.name);
  ws.getCell(BIDDER_NAME_CELL).font = { bold: true, size: 14 };
  ws.getCell('A2').value = safe(
    `Reference ${sheet.bidder.reference || 'none'}${lead ? ` · lead organisation ${lead}` : ''} · evaluator ${c.evaluatorName}`,
  );
  ws.getCell('A3').value =
    `Choose a score (${scaleText(scale)}) and write a rationale${rules.rationaleMinLength > 0 ? ` of at least ${rules.rationaleMinLength} characters` : ''} ` +
    'for each criterion in the yellow cells. The Instructions sheet explains the scale.';

  const fixed = fixedCells(c.framework, scale, rules.rationaleMinLength, sheet);
  for (const [address, text] of fixed) ws.getCell(address).value = text;
  ws.getCell(BIDDER_ID_CELL).value = sheet.bidderId;
  for (const address of [BIDDER_ID_LABEL.cell, BIDDER_ID_CELL]) ws.getCell(address).font = { color: { argb: 'FF595959' } };
  styleHeader(ws.getRow(HEADER_ROW));

  const scoreRule = scoreValidation(c);
  const rationaleRule = rationaleValidation(rules.rationaleMinLength);
  sheet.criterionIds.forEach((_, i) => {
    const row = ws.getRow(criterionRow(i));
    row.alignment = WRAP;
    // Room for the longest text, and for a few lines of rationale; rows may be heightened further.
    row.height = fittedHeight(
      WIDTHS.slice(0, 4).map((width, col) => ({ text: String(row.getCell(col + 1).value ?? ''), width })),
      90,
    );
    const score = row.getCell(COL.score);
    score.protection = UNLOCKED;
    score.fill = INPUT_FILL;
    score.alignment = { vertical: 'top', horizontal: 'center' };
    score.font = { bold: true, size: 12 };
    score.dataValidation = scoreRule;
    const rationale = row.getCell(COL.rationale);
    rationale.protection = UNLOCKED;
    rationale.fill = INPUT_FILL;
    rationale.dataValidation = rationaleRule;
  });

  const seal = ws.getCell(sealCell(sheet));
  seal.value = 'No';
  seal.protection = UNLOCKED;
  seal.fill = INPUT_FILL;
  seal.font = { bold: true };
  seal.alignment = { vertical: 'top', horizontal: 'center' };
  seal.dataValidation = SEAL_VALIDATION;
  ws.getRow(sealRow(sheet)).getCell(COL.area).font = { bold: true };
  ws.getRow(sealRow(sheet)).getCell(COL.stage).alignment = WRAP;
  ws.getRow(sealRow(sheet)).height = 32;
  ws.mergeCells(`${COL.stage}${sealRow(sheet)}:${COL.indicators}${sealRow(sheet)}`);
  ws.getCell(`${COL.rationale}${sealRow(sheet)}`).value = 'Yes seals these scores: nobody can change them afterwards.';
  ws.getCell(`${COL.rationale}${sealRow(sheet)}`).alignment = WRAP;
}
