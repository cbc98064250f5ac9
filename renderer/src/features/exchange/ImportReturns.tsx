import { useId, useRef, useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { RETURN_EXTENSION, type AddedCounts } from '../../../../shared/api/exchange';
import { useExchange, type ImportResult } from '../../stores/exchange';
import { plural } from './format';

const counts = (a: AddedCounts) => `${plural(a.declarations, 'declaration')}, ${plural(a.scoreEntries, 'score save')}, ${plural(a.seals, 'seal')}`;

function describe(r: Extract<ImportResult, { ok: true }>): string {
  const { outcome, evaluatorName, added } = r.outcome;
  if (outcome === 'already-imported') return `Already imported: this very file from ${evaluatorName} was imported before. Nothing changed.`;
  if (outcome === 'nothing-new') return `Nothing new from ${evaluatorName}: everything in it was already here.`;
  return `Imported from ${evaluatorName}: ${counts(added)} added.`;
}

/** Several returns at once, each imported whole or not at all, with a result per file. */
export function ImportReturns({ evaluation }: { evaluation: EvaluationDetail }) {
  const { importing, importResults, importReturns } = useExchange();
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    await importReturns(evaluation.id, files);
    setFiles([]);
    if (input.current) input.current.value = '';
  };

  return (
    <section aria-labelledby="import-returns-heading">
      <h3 id="import-returns-heading">Import score returns</h3>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>Score return files ({RETURN_EXTENSION})</label>
          <p className="hint" id={`${inputId}-hint`}>
            Choose one or more returns. Each is checked — right evaluation, right evaluator, a pack made here and not revoked, not altered — and
            imported whole or not at all; importing the same return again changes nothing.
          </p>
          {missing && (
            <p className="exchange-field-error" id={`${inputId}-error`}>
              Choose at least one score return.
            </p>
          )}
          <input
            ref={input}
            id={inputId}
            type="file"
            multiple
            accept={RETURN_EXTENSION}
            aria-describedby={`${inputId}-hint${missing ? ` ${inputId}-error` : ''}`}
            onChange={(e) => {
              setFiles(Array.from(e.target.files ?? []));
              setMissing(false);
            }}
          />
        </div>
        <button type="submit" disabled={importing !== null}>
          Import returns
        </button>
      </form>
      <div role="status" aria-live="polite" className="exchange-status">
        {importing && (
          <>
            <label htmlFor="import-progress">Importing: </label>
            <progress id="import-progress" max={importing.total} value={importing.done} /> {importing.done} of {importing.total} files
          </>
        )}
      </div>
      {importResults.length > 0 && (
        <ul className="import-results" aria-label="Import results">
          {importResults.map((r, i) => (
            <li key={i} className={r.ok ? 'import-ok' : 'import-refused'}>
              <strong>{r.fileName}</strong>: {r.ok ? describe(r) : `Refused — ${r.message}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
