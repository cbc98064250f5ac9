import { useEffect, useId, useRef } from 'react';
import type { EvidenceRef } from '../../../../shared/api/scoring';
import type { DocumentSummary } from '../../../../shared/api/submissions';

interface Props {
  refs: EvidenceRef[];
  documents: DocumentSummary[];
  onChange(refs: EvidenceRef[]): void;
  onBlur(): void;
}

/** Optional citations: which of the bidder's documents, and where in it (page or section). */
export function EvidenceRefsEditor({ refs, documents, onChange, onBlur }: Props) {
  const id = useId();
  const added = useRef(false);
  const lastSelect = useRef<HTMLSelectElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (added.current) lastSelect.current?.focus();
    added.current = false;
  }, [refs.length]);

  const update = (i: number, change: Partial<EvidenceRef>) => onChange(refs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const add = () => {
    added.current = true;
    onChange([...refs, { documentId: documents[0]!.id, location: '' }]);
  };
  const remove = (i: number) => {
    onChange(refs.filter((_, j) => j !== i));
    addButton.current?.focus();
  };

  return (
    <fieldset className="evidence-refs" onBlur={onBlur}>
      <legend>Evidence references (optional)</legend>
      {documents.length === 0 ? (
        <p className="hint">This bidder has no evidence documents to cite.</p>
      ) : (
        <p className="hint">Cite where in the bidder’s documents you found the evidence.</p>
      )}
      {refs.length > 0 && (
        <ol className="evidence-ref-list">
          {refs.map((ref, i) => (
            <li key={i} className="evidence-ref">
              <div className="field">
                <label htmlFor={`${id}-doc-${i}`}>Document (reference {i + 1})</label>
                <select
                  id={`${id}-doc-${i}`}
                  ref={i === refs.length - 1 ? lastSelect : undefined}
                  value={ref.documentId}
                  onChange={(e) => update(i, { documentId: e.target.value })}
                >
                  {documents.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.fileName}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-loc-${i}`}>Page or section (reference {i + 1})</label>
                <input id={`${id}-loc-${i}`} value={ref.location} maxLength={200} onChange={(e) => update(i, { location: e.target.value })} />
              </div>
              <button type="button" className="button-secondary" onClick={() => remove(i)}>
                Remove reference {i + 1}
              </button>
            </li>
          ))}
        </ol>
      )}
      {documents.length > 0 && (
        <button type="button" className="button-secondary" ref={addButton} onClick={add}>
          Add an evidence reference
        </button>
      )}
    </fieldset>
  );
}
