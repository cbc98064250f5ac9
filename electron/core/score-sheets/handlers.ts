import type { scoreSheetMethods } from '../../../shared/api/score-sheets';
import { leadOnly } from '../authorisation';
import type { HandlersFor } from '../registry';
import { generateScoreSheet } from './generate';
import { importScoreSheet } from './import-sheet';
import { readScoreSheetUpload, type WorkbookSnapshot } from './read-workbook';

/*
 * Excel score sheets, for evaluators who score outside the app. The procurement lead generates one per
 * evaluator and imports it when it comes back; the scores are recorded as that evaluator's own.
 */
export const scoreSheetHandlers: HandlersFor<typeof scoreSheetMethods> = {
  'scoreSheets.generate': {
    auth: leadOnly,
    run: (ctx, { evaluationId, evaluatorId }) => generateScoreSheet(ctx, evaluationId, evaluatorId),
  },
  'scoreSheets.import': {
    auth: leadOnly,
    backupBefore: 'before-import',
    // Unzipping and parsing are asynchronous, so they run before the transaction; everything judged
    // against the store, and every write, happens in it.
    prepare: (_ctx, { content }) => readScoreSheetUpload(content),
    run: (ctx, { evaluationId, evaluatorId }, prepared: WorkbookSnapshot) => importScoreSheet(ctx, { evaluationId, evaluatorId }, prepared),
  },
};
