import { MAX_RATIONALE_CHARS } from '../../../shared/api/scoring';
import { isOnScale } from '../../../shared/domain/scale';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { COL, criterionRow, scaleText, sealCell, type SheetLayout } from './layout';
import { atCell, quote, type Problem } from './problems';
import { cellOf, shown, type CellContent, type SheetSnapshot } from './read-workbook';

/** What one filled criterion row asks to record. */
export interface SheetEntry {
  criterionId: string;
  /** The score cell's address, for any later problem with this row. */
  cell: string;
  score: number | null;
  rationale: string;
}

export interface SheetReading {
  sheet: SheetLayout;
  entries: SheetEntry[];
  seal: boolean;
}

function readScore(c: CellContent, scaleWords: string): { score: number | null; problem?: string } {
  if (c.kind === 'empty') return { score: null };
  if (c.kind === 'other') return { score: null, problem: `${c.what} is not a score: enter a point of the scale (${scaleWords})` };
  const text = shown(c).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { score: null, problem: `${quote(text)} is not a score: enter a point of the scale (${scaleWords})` };
  return { score: Number(text) };
}

function readRationale(c: CellContent): { rationale: string; problem?: string } {
  if (c.kind === 'empty') return { rationale: '' };
  if (c.kind === 'other') return { rationale: '', problem: `${c.what} is not a rationale: type the text itself` };
  return { rationale: (c.kind === 'number' ? String(c.value) : c.value).replace(/\r\n?/g, '\n').trim() };
}

/**
 * Reads one bidder sheet: a score on the scale and a long-enough rationale for every scored
 * criterion, and a seal only when every criterion is scored. Empty rows ask for nothing.
 */
export function readEntries(
  snapshot: SheetSnapshot,
  sheet: SheetLayout,
  settings: EvaluationSettings,
): { reading: SheetReading; problems: Problem[] } {
  const { scale, rules } = settings;
  const words = scaleText(scale);
  const min = rules.rationaleMinLength;
  const problems: Problem[] = [];
  const at = (cell: string, message: string) => problems.push(atCell(sheet.sheetName, cell, message));
  const entries: SheetEntry[] = [];
  const unscored: string[] = [];
  sheet.criterionIds.forEach((criterionId, i) => {
    const scoreCell = `${COL.score}${criterionRow(i)}`;
    const rationaleCell = `${COL.rationale}${criterionRow(i)}`;
    const score = readScore(cellOf(snapshot, scoreCell), words);
    const rationale = readRationale(cellOf(snapshot, rationaleCell));
    if (score.problem) at(scoreCell, score.problem);
    else if (score.score !== null && !isOnScale(scale, score.score)) at(scoreCell, `${score.score} is not on the scale (${words})`);
    if (rationale.problem) at(rationaleCell, rationale.problem);
    const length = rationale.rationale.length;
    if (length > MAX_RATIONALE_CHARS) at(rationaleCell, `the rationale has ${length} characters; at most ${MAX_RATIONALE_CHARS} are allowed`);
    if (score.score !== null && !rationale.problem) {
      if (length === 0) at(rationaleCell, `the rationale is missing: every score needs one${min > 0 ? ` of at least ${min} characters` : ''}`);
      else if (length < min) at(rationaleCell, `the rationale has ${length} characters; at least ${min} are required`);
    }
    if (score.score === null && !score.problem) unscored.push(scoreCell);
    if (score.score !== null || length > 0) entries.push({ criterionId, cell: scoreCell, score: score.score, rationale: rationale.rationale });
  });

  const sealAt = sealCell(sheet);
  const sealValue = cellOf(snapshot, sealAt);
  const sealText = sealValue.kind === 'text' ? sealValue.value.trim().toLowerCase() : sealValue.kind === 'empty' ? 'no' : '';
  if (sealText !== 'yes' && sealText !== 'no') {
    at(sealAt, `${sealValue.kind === 'other' ? sealValue.what : quote(shown(sealValue))} is not Yes or No: choose Yes to seal these scores, or No`);
  }
  const seal = sealText === 'yes';
  if (seal)
    for (const cell of unscored)
      at(cell, `no score, but Seal (cell ${sealAt}) is Yes: a bidder can be sealed only when every criterion has a score and a rationale`);
  return { reading: { sheet, entries, seal }, problems };
}
