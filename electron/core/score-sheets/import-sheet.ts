import { ApiError } from '../../../shared/api/errors';
import type { Result } from '../../../shared/api/contract';
import type { Framework } from '../../../shared/domain/framework';
import { sealBlockers } from '../../../shared/domain/scoring';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import type { HandlerContext } from '../context';
import { biddersOf, frozenFramework, latestSettings } from '../evaluations/repo';
import { currentEntries } from '../scoring/repo';
import { applySheet } from './apply-import';
import { checkMetadata } from './check-metadata';
import { checkStanding } from './check-standing';
import { checkStructure } from './check-structure';
import { assertMayScoreBySheet } from './eligibility';
import { META, workbookSheetNames } from './layout';
import { inReadingOrder, type Problem } from './problems';
import { readEntries, type SheetReading } from './read-entries';
import type { WorkbookSnapshot } from './read-workbook';

const MAX_LISTED = 300;

function refuse(problems: Problem[]): never {
  const n = problems.length;
  const listed = n > MAX_LISTED ? [...problems.slice(0, MAX_LISTED), { path: '', message: `…and ${n - MAX_LISTED} more problems.` }] : problems;
  throw new ApiError(
    'RULE_VIOLATION',
    `The score sheet was not imported: ${n === 1 ? '1 problem was' : `${n} problems were`} found. Nothing was changed.`,
    listed,
  );
}

/** Defence in depth (readEntries already requires every row before a seal): a seal never covers incomplete scores. */
function assertComplete(ctx: HandlerContext, evaluatorId: string, reading: SheetReading, framework: Framework, settings: EvaluationSettings): void {
  const entries = currentEntries(ctx.db, evaluatorId, reading.sheet.bidderId);
  if (sealBlockers(framework, settings.scale, settings.rules.rationaleMinLength, entries).length > 0)
    throw new Error('a sealed import left criteria incomplete');
}

/**
 * The transactional half of an import: judges the parsed workbook against the store (metadata and
 * record, structure, scores, seals, and what changed in the app since) and records all of it, or
 * refuses with every problem by sheet and cell and records nothing.
 */
export function importScoreSheet(
  ctx: HandlerContext,
  params: { evaluationId: string; evaluatorId: string },
  file: WorkbookSnapshot,
): Result<'scoreSheets.import'> {
  const { evaluationId } = params;
  const name = assertMayScoreBySheet(ctx, evaluationId, params.evaluatorId);
  const meta = checkMetadata(ctx, file, params);
  if (!meta.record || meta.problems.length > 0) refuse(meta.problems);
  const { record } = meta;

  const framework = frozenFramework(ctx.db, evaluationId);
  const { settings } = latestSettings(ctx.db, evaluationId);
  const bidderNames = new Map(biddersOf(ctx.db, evaluationId).map((b) => [b.id, b.name]));
  const structure = checkStructure(file, record.layout, framework, settings, bidderNames);
  const problems = [...structure.problems];
  const readings: SheetReading[] = [];
  for (const sheet of structure.present) {
    const { reading, problems: found } = readEntries(
      file.sheets.find((s) => s.name === sheet.sheetName)!,
      sheet,
      settings,
    );
    problems.push(...found, ...checkStanding(ctx, record, name, reading, new Set(found.map((p) => p.path))));
    readings.push(reading);
  }
  if (problems.length > 0) refuse(inReadingOrder(problems, [META, ...workbookSheetNames(record.layout), ...file.sheets.map((s) => s.name)]));

  const at = ctx.now();
  const bidders = readings.map((reading) => {
    const sealedAt = applySheet(ctx, evaluationId, record.evaluatorId, reading, at);
    if (sealedAt) assertComplete(ctx, record.evaluatorId, reading, framework, settings);
    const { sheet } = reading;
    return {
      bidderId: sheet.bidderId,
      bidderName: bidderNames.get(sheet.bidderId) ?? '',
      sheetName: sheet.sheetName,
      filled: reading.entries.length,
      criteria: sheet.criterionIds.length,
      sealedAt,
    };
  });
  return { evaluatorId: record.evaluatorId, evaluatorName: name, bidders };
}
