import type { AddDocumentOutcome } from '../../stores/submissions';
import type { ChosenFile, ImportEntry, ImportPlan } from './import-plan';

export interface ImportSteps<F extends ChosenFile> {
  /** The file's bytes; rejects when the file cannot be read. */
  read(file: F): Promise<Uint8Array>;
  add(upload: { file: F; bidderId: string; content: Uint8Array }): Promise<AddDocumentOutcome>;
}

/**
 * Uploads the planned files strictly one after another (each awaited, so the window stays responsive
 * and only one document's content is in memory at a time), reporting progress after each.
 */
export async function runImport<F extends ChosenFile>(
  plan: ImportPlan<F>,
  steps: ImportSteps<F>,
  onProgress: (done: number, entries: ImportEntry[]) => void,
): Promise<ImportEntry[]> {
  const entries: ImportEntry[] = [...plan.settled];
  let done = 0;
  for (const { file, path, bidder } of plan.uploads) {
    entries.push(await importOne(file, path, bidder.id, bidder.name, steps));
    onProgress(++done, [...entries]);
  }
  return entries;
}

async function importOne<F extends ChosenFile>(file: F, path: string, bidderId: string, bidderName: string, steps: ImportSteps<F>): Promise<ImportEntry> {
  let content: Uint8Array;
  try {
    content = await steps.read(file);
  } catch (error) {
    return { path, bidderName, outcome: 'unreadable', detail: error instanceof Error && error.message ? error.message : 'the file could not be read' };
  }
  const added = await steps.add({ file, bidderId, content });
  if (!added.ok) return { path, bidderName, outcome: 'refused', detail: added.message };
  if (added.duplicate) return { path, bidderName, outcome: 'duplicate', detail: `same content as “${added.document.fileName}”` };
  return { path, bidderName, outcome: 'imported' };
}
