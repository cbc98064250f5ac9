import { create } from 'zustand';
import type { Result } from '../../../shared/api/contract';
import { MAX_SCORE_SHEET_BYTES, SCORE_SHEET_MEDIA_TYPE } from '../../../shared/api/score-sheets';
import { call } from '../api/client';
import { blobOfBytes, bytesOfFile } from '../files/bytes';
import { downloadBlob } from '../files/download';
import { attempt, type ActionResult } from './attempt';

export type ScoreSheetImport = Result<'scoreSheets.import'>;

interface ScoreSheetsState {
  /** The evaluation the results below belong to: another evaluation's screen shows none of them. */
  evaluationId: string | null;
  busy: 'generating' | 'importing' | null;
  /** What the last generation saved, for the status line. */
  message: string | null;
  generated: ActionResult | null;
  importOutcome: ActionResult | null;
  imported: ScoreSheetImport | null;
  generate(evaluationId: string, evaluatorId: string): Promise<void>;
  importFile(evaluationId: string, evaluatorId: string, file: File | null): Promise<boolean>;
}

const refusal = (message: string): ActionResult => ({ ok: false, message, issues: [] });

/** The same limits the core applies, checked before a large or wrong file is read and sent. */
function checkFile(file: File | null): ActionResult | null {
  if (!file) return refusal('Choose the completed score sheet (.xlsx) to import.');
  if (!/\.xlsx$/i.test(file.name)) return refusal(`“${file.name}” is not an Excel workbook (.xlsx). Choose the score sheet as it came back.`);
  if (file.size === 0) return refusal(`“${file.name}” is empty.`);
  if (file.size > MAX_SCORE_SHEET_BYTES)
    return refusal(`“${file.name}” is larger than ${MAX_SCORE_SHEET_BYTES / 1024 / 1024} MB; a score sheet is far smaller.`);
  return null;
}

export const useScoreSheets = create<ScoreSheetsState>((set) => ({
  evaluationId: null,
  busy: null,
  message: null,
  generated: null,
  importOutcome: null,
  imported: null,
  async generate(evaluationId, evaluatorId) {
    set({ evaluationId, busy: 'generating', message: null, generated: null, importOutcome: null, imported: null });
    const outcome = await attempt(async () => {
      const file = await call('scoreSheets.generate', { evaluationId, evaluatorId });
      downloadBlob(file.fileName, blobOfBytes(file.content, SCORE_SHEET_MEDIA_TYPE));
      set({ message: `Saved ${file.fileName}: ${file.bidders.length === 1 ? '1 bidder' : `${file.bidders.length} bidders`}.` });
    });
    set({ busy: null, generated: outcome });
  },
  async importFile(evaluationId, evaluatorId, file) {
    set({ evaluationId, message: null, generated: null, imported: null, importOutcome: null });
    const wrong = checkFile(file);
    if (wrong) {
      set({ importOutcome: wrong });
      return false;
    }
    set({ busy: 'importing' });
    const outcome = await attempt(async () => {
      const content = await bytesOfFile(file!);
      const imported = await call('scoreSheets.import', { evaluationId, evaluatorId, content });
      set({ imported, message: `Imported ${imported.evaluatorName}’s score sheet.` });
    });
    set({ busy: null, importOutcome: outcome });
    return outcome.ok;
  },
}));
