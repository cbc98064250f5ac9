import { useId, type ChangeEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { planFolderImport } from './import-plan';
import { ImportProgress } from './ImportProgress';
import { useDocumentImport } from './use-import';

/** `webkitdirectory` turns a file input into a folder picker; React passes it through, TypeScript does not know it. */
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

/** Bulk import: one sub-folder per bidder, each file stored as that bidder's evidence, one document per call. */
export function FolderImport({ evaluation }: { evaluation: EvaluationDetail }) {
  const { state, start } = useDocumentImport(evaluation.id);
  const inputId = useId();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    if (files.length > 0) void start(planFolderImport(files, evaluation.bidders));
  };
  return (
    <section aria-labelledby={`${inputId}-heading`} className="folder-import">
      <h3 id={`${inputId}-heading`}>Import a folder of bids</h3>
      <p>
        Choose a folder that holds one sub-folder per bidder, named after the bidder or its bid reference (capitals and punctuation do not matter). Every
        file in a bidder’s sub-folder is stored as its evidence; files over 25 MB, files in folders that match no bidder and copies of documents already
        stored are listed in the report instead.
      </p>
      <div className="field">
        <label htmlFor={inputId}>Folder of bids (one sub-folder per bidder)</label>
        <input id={inputId} type="file" multiple {...FOLDER_PICKER} onChange={choose} disabled={state.running} />
      </div>
      <ImportProgress state={state} title="Folder import" />
    </section>
  );
}
