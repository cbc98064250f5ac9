import { useId } from 'react';
import type { DocumentSummary } from '../../../../shared/api/submissions';
import type { Scale } from '../../../../shared/domain/scale';
import type { Draft } from '../../stores/scoring';
import type { CriterionView } from './criteria';
import { EvidenceRefsEditor } from './EvidenceRefsEditor';
import { RationaleField } from './RationaleField';

interface Props {
  criterion: CriterionView;
  scale: Scale;
  rationaleMinLength: number;
  draft: Draft;
  documents: DocumentSummary[];
  onChange(change: Partial<Draft>): void;
  onBlur(): void;
}

/** The score on the published scale, the rationale and the evidence references for one criterion. */
export function ScoreForm({ criterion, scale, rationaleMinLength, draft, documents, onChange, onBlur }: Props) {
  const id = useId();
  return (
    <div className="score-form">
      <fieldset className="score-points" onBlur={onBlur}>
        <legend>
          Your score<span className="visually-hidden"> for {criterion.name}</span>
        </legend>
        <p className="hint">Choose a point on the scoring scale (arrow keys move between points).</p>
        {scale.points.map((p) => (
          <div className="radio score-point" key={p.value}>
            <input
              type="radio"
              id={`${id}-${p.value}`}
              name={`score-${criterion.id}`}
              checked={draft.score === p.value}
              onChange={() => onChange({ score: p.value })}
              aria-describedby={`${id}-${p.value}-descriptor`}
            />
            <label htmlFor={`${id}-${p.value}`}>
              <strong>
                {p.value} — {p.label}
              </strong>
              <span className="hint score-descriptor" id={`${id}-${p.value}-descriptor`}>
                {p.descriptor}
              </span>
            </label>
          </div>
        ))}
      </fieldset>
      <RationaleField value={draft.rationale} minLength={rationaleMinLength} onChange={(rationale) => onChange({ rationale })} onBlur={onBlur} />
      <EvidenceRefsEditor refs={draft.evidenceRefs} documents={documents} onChange={(evidenceRefs) => onChange({ evidenceRefs })} onBlur={onBlur} />
    </div>
  );
}
