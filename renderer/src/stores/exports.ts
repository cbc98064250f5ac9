import { create } from 'zustand';
import { newJobId } from '../../../shared/api/progress';
import { call, followProgress, messageOf } from '../api/client';
import { blobOfBytes } from '../files/bytes';
import { downloadBlob } from '../files/download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExportState {
  running: string | null;
  progress: { done: number; total: number } | null;
  message: string | null;
  error: string | null;
  rankedWorkbook(evaluationId: string, securityMarking: string): Promise<void>;
  scoresCsv(evaluationId: string): Promise<void>;
  evidencePack(evaluationId: string, securityMarking: string): Promise<void>;
}

export const useExports = create<ExportState>((set) => {
  /** Runs one export, showing the progress the core pushes for it while it works. */
  async function run(label: string, work: (jobId: string) => Promise<string>) {
    const jobId = newJobId();
    set({ running: label, progress: null, message: null, error: null });
    const stopFollowing = followProgress(jobId, (p) => {
      if (p.total > 0 && !p.finished) set({ progress: { done: p.done, total: p.total } });
    });
    try {
      const fileName = await work(jobId);
      set({ message: `Saved ${fileName}.` });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      stopFollowing();
      set({ running: null, progress: null });
    }
  }
  return {
    running: null,
    progress: null,
    message: null,
    error: null,
    rankedWorkbook: (evaluationId, securityMarking) =>
      run('Ranked-results workbook', async (jobId) => {
        const file = await call('export.rankedWorkbook', { evaluationId, securityMarking, jobId });
        downloadBlob(file.fileName, blobOfBytes(file.content, XLSX));
        return file.fileName;
      }),
    evidencePack: (evaluationId, securityMarking) =>
      run('Evidence pack', async (jobId) => {
        const file = await call('export.evidencePack', { evaluationId, securityMarking, jobId });
        downloadBlob(file.fileName, blobOfBytes(file.content, 'application/zip'));
        return `${file.fileName} (manifest SHA-256 ${file.manifestSha256})`;
      }),
    scoresCsv: (evaluationId) =>
      run('Scores CSV', async () => {
        const file = await call('export.scoresCsv', { evaluationId });
        downloadBlob(file.fileName, new Blob([file.csv], { type: 'text/csv;charset=utf-8' }));
        return file.fileName;
      }),
  };
});
