import { useId, type ChangeEvent } from 'react';
import type { Bidder } from '../../../../shared/api/evaluations';
import { planBidderImport } from './import-plan';
import { ImportProgress } from './ImportProgress';
import { useDocumentImport } from './use-import';

/** Adds chosen files to one bidder, with the same checks, progress and report as the folder import. */
export function AddDocuments({ evaluationId, bidder }: { evaluationId: string; bidder: Bidder }) {
  const { state, start } = useDocumentImport(evaluationId);
  const inputId = useId();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (files.length > 0) void start(planBidderImport(files, bidder));
  };
  return (
    <div className="add-documents">
      <div className="field">
        <label htmlFor={inputId}>Add evidence documents to {bidder.name}</label>
        <p className="hint" id={`${inputId}-hint`}>
          PDF, Word, Excel, images or any other file up to 25 MB each.
        </p>
        <input id={inputId} type="file" multiple aria-describedby={`${inputId}-hint`} onChange={choose} disabled={state.running} />
      </div>
      <ImportProgress state={state} title="Upload" />
    </div>
  );
}
