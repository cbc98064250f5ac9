import { useId } from 'react';
import type { ImportState } from './use-import';
import { ImportReport } from './ImportReport';

/** The progress bar, a polite live status, and when finished the report. The status is always rendered so it is announced. */
export function ImportProgress({ state, title }: { state: ImportState; title: string }) {
  const id = useId();
  const started = state.entries !== null;
  return (
    <div className="import-progress">
      {started && state.total > 0 && (
        <div className="field">
          <label htmlFor={id}>Progress of the {title.toLowerCase()}</label>
          <progress id={id} max={state.total} value={state.done}>
            {state.done} of {state.total}
          </progress>
        </div>
      )}
      <p role="status" className="import-status">
        {started && (state.running ? `Imported ${state.done} of ${state.total} files…` : finishedSummary(state))}
      </p>
      {started && !state.running && <ImportReport entries={state.entries!} title={title} />}
    </div>
  );
}

function finishedSummary(state: ImportState): string {
  const count = (outcome: string) => state.entries!.filter((e) => e.outcome === outcome).length;
  const imported = count('imported');
  const notStored = state.entries!.length - imported - count('duplicate');
  return `Finished: ${imported} ${imported === 1 ? 'file' : 'files'} imported, ${count('duplicate')} already stored, ${notStored} not stored.`;
}
