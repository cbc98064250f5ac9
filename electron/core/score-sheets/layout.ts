import { createHash } from 'node:crypto';
import { listCriteria, type Framework } from '../../../shared/domain/framework';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import type { Scale } from '../../../shared/domain/scale';
import { numberIndicators } from '../export/ranked-workbook';

/*
 * Where everything sits in a score sheet. The generator writes these cells and the import compares
 * against them, so both read this one file: a criterion row that changed, or a sheet that was renamed,
 * is found by comparing with what this layout says must be there.
 */

export const FORMAT = 'capability-assessment/score-sheet/2';
/** Version 1 sheets carried no bidder id on each sheet, so a renamed tab could not be told from its content. */
export const FORMAT_WITHOUT_BIDDER_IDS = 'capability-assessment/score-sheet/1';
export const INSTRUCTIONS = 'Instructions';
export const META = '_meta';
export const HEADER_ROW = 5;
export const FIRST_CRITERION_ROW = 6;
export const COL = { area: 'A', stage: 'B', questions: 'C', indicators: 'D', score: 'E', rationale: 'F' } as const;
/**
 * Each bidder sheet says whose it is in locked cells: the bidder's name at the top and its id below the
 * introduction. The import holds them to the sheet's name and place, so a renamed or swapped tab is caught.
 */
export const BIDDER_NAME_CELL = 'A1';
export const BIDDER_ID_LABEL = { cell: 'A4', text: 'Bidder id' } as const;
export const BIDDER_ID_CELL = 'B4';

/** One bidder's sheet: its name in the workbook, the bidder, and the criterion on each row from FIRST_CRITERION_ROW. */
export interface SheetLayout {
  sheetName: string;
  bidderId: string;
  criterionIds: string[];
}

export const criterionRow = (index: number) => FIRST_CRITERION_ROW + index;
/** The seal cell sits one blank row below the last criterion, in the score column. */
export const sealRow = (sheet: SheetLayout) => FIRST_CRITERION_ROW + sheet.criterionIds.length + 1;
export const sealCell = (sheet: SheetLayout) => `${COL.score}${sealRow(sheet)}`;

/** The scale as people say it: "0–5" when it has every whole number in between, else the points listed. */
export function scaleText(scale: Scale): string {
  const values = scale.points.map((p) => p.value);
  const first = values[0]!;
  const last = values[values.length - 1]!;
  return last - first === values.length - 1 ? `${first}–${last}` : values.join(', ');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const FORBIDDEN_IN_SHEET_NAMES = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;
const RESERVED = new Set([INSTRUCTIONS, META, 'history'].map((n) => n.toLowerCase()));

/**
 * Excel’s rules for sheet names (at most 31 characters, none of [ ] : * ? / or backslash, no apostrophe at either end,
 * unique ignoring case), keeping bidders recognisable; nothing at the start that looks like a formula.
 */
export function sheetNames(bidderNames: readonly string[]): string[] {
  const used = new Set(RESERVED);
  return bidderNames.map((name, i) => {
    const clean =
      name
        .replace(CONTROL, '')
        .replace(FORBIDDEN_IN_SHEET_NAMES, '-')
        .replace(/^[\s'=+\-@]+|[\s']+$/g, '') || `Bidder ${i + 1}`;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const candidate = shorten(clean, MAX_SHEET_NAME - suffix.length) + suffix;
      if (!used.has(candidate.toLowerCase())) {
        used.add(candidate.toLowerCase());
        return candidate;
      }
    }
  });
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length >= max / 2 ? atWord : cut}…`;
}

/** Every sheet of the workbook, in order. */
export const workbookSheetNames = (sheets: readonly SheetLayout[]) => [INSTRUCTIONS, ...sheets.map((s) => s.sheetName), META];

/** SHA-256 over the sheet names, bidder ids and ordered criterion ids: what the import holds the file to. */
export function fingerprintOf(sheets: readonly SheetLayout[]): string {
  const canonical = JSON.stringify({ sheets: workbookSheetNames(sheets), bidders: sheets.map((s) => [s.sheetName, s.bidderId, s.criterionIds]) });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The text of every locked cell that identifies a bidder sheet's structure: the bidder id's label, the column
 * headings, each criterion row's capability area, stage, guidance questions and evidence indicators, and the
 * seal label. (The bidder's own name and id are checked by check-sheets.ts, which knows whose sheet it is.)
 */
export function fixedCells(framework: Framework, scale: Scale, rationaleMinLength: number, sheet: SheetLayout): Map<string, string> {
  const cells = new Map<string, string>([
    [BIDDER_ID_LABEL.cell, BIDDER_ID_LABEL.text],
    [`${COL.area}${HEADER_ROW}`, 'Capability area'],
    [`${COL.stage}${HEADER_ROW}`, 'Stage'],
    [`${COL.questions}${HEADER_ROW}`, 'Guidance questions'],
    [`${COL.indicators}${HEADER_ROW}`, 'Evidence indicators'],
    [`${COL.score}${HEADER_ROW}`, `Score (${scaleText(scale)})`],
    [`${COL.rationale}${HEADER_ROW}`, rationaleMinLength > 0 ? `Rationale (at least ${rationaleMinLength} characters)` : 'Rationale'],
    [`${COL.area}${sealRow(sheet)}`, 'Seal'],
    [`${COL.stage}${sealRow(sheet)}`, 'I confirm these scores are final (Yes or No)'],
  ]);
  const criteria = new Map(listCriteria(framework).map((c) => [c.id, c]));
  sheet.criterionIds.forEach((id, i) => {
    const criterion = criteria.get(id);
    const area = framework.areas.find((a) => a.id === criterion?.areaId);
    const stage = framework.stages.find((s) => s.id === criterion?.stageId);
    const row = criterionRow(i);
    cells.set(`${COL.area}${row}`, safe(area?.title ?? id));
    cells.set(`${COL.stage}${row}`, safe(stage ? `${stage.label}${stage.horizon ? ` (${stage.horizon})` : ''}` : ''));
    cells.set(`${COL.questions}${row}`, safe((area?.questions ?? []).map((q, n) => `${n + 1}. ${q}`).join('\n')));
    cells.set(`${COL.indicators}${row}`, safe(numberIndicators((stage && area?.indicators[stage.id]) ?? [])));
  });
  return cells;
}
