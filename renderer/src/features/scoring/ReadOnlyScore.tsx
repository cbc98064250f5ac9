import type { DocumentSummary } from '../../../../shared/api/submissions';
import type { Scale } from '../../../../shared/domain/scale';
import type { Draft } from '../../stores/scoring';

/** A sealed criterion: what was scored and why, which can no longer change. */
export function ReadOnlyScore({ scale, draft, documents }: { scale: Scale; draft: Draft; documents: DocumentSummary[] }) {
  const point = scale.points.find((p) => p.value === draft.score);
  const fileName = (id: string) => documents.find((d) => d.id === id)?.fileName ?? 'a document';
  return (
    <div className="read-only-score">
      <h4>Your sealed score</h4>
      <p className="sealed-score">{point ? `${point.value} — ${point.label}` : 'Not scored'}</p>
      {point && <p className="hint">{point.descriptor}</p>}
      <h4>Rationale</h4>
      <p className="rationale-text">{draft.rationale}</p>
      <h4>Evidence references</h4>
      {draft.evidenceRefs.length === 0 ? (
        <p className="hint">None.</p>
      ) : (
        <ol>
          {draft.evidenceRefs.map((r, i) => (
            <li key={i}>
              {fileName(r.documentId)}
              {r.location && `, ${r.location}`}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
