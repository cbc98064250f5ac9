import { useCallback, useState } from 'react';
import { useSubmissions } from '../../stores/submissions';
import type { ImportEntry, ImportPlan } from './import-plan';
import { bytesOfFile } from '../../files/bytes';
import { runImport } from './run-import';

export interface ImportState {
  running: boolean;
  done: number;
  total: number;
  /** The report so far; null before the first import. */
  entries: ImportEntry[] | null;
}

/** Runs one import at a time for an evaluation and keeps its progress and report for the screen. */
export function useDocumentImport(evaluationId: string) {
  const addDocument = useSubmissions((s) => s.addDocument);
  const [state, setState] = useState<ImportState>({ running: false, done: 0, total: 0, entries: null });

  const start = useCallback(
    async (plan: ImportPlan<File>) => {
      setState({ running: true, done: 0, total: plan.uploads.length, entries: [...plan.settled] });
      const entries = await runImport<File>(
        plan,
        {
          read: bytesOfFile,
          add: ({ file, bidderId, content }) => addDocument({ evaluationId, bidderId, fileName: file.name, mediaType: file.type, content }),
        },
        (done, soFar) => setState((s) => ({ ...s, done, entries: soFar })),
      );
      setState((s) => ({ ...s, running: false, entries }));
    },
    [addDocument, evaluationId],
  );

  return { state, start };
}
