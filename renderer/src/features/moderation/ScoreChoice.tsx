import { useId } from 'react';
import type { SealedScore } from '../../../../shared/api/moderation';
import type { Scale } from '../../../../shared/domain/scale';

interface Props {
  name: string;
  scale: Scale;
  sealed: SealedScore[];
  value: number | null;
  onChange(score: number): void;
}

/** The consensus score as a radio group of the scale's points, each with its label; the evaluators' scores as a reminder. */
export function ScoreChoice({ name, scale, sealed, value, onChange }: Props) {
  const id = useId();
  return (
    <fieldset className="score-choice" aria-describedby={`${id}-hint`}>
      <legend>
        Consensus score<span className="visually-hidden"> for {name}</span>
      </legend>
      <p className="hint" id={`${id}-hint`}>
        Evaluators’ sealed scores: {sealed.map((s) => `${s.evaluatorName} ${s.score}${s.counted ? '' : ' (not counted)'}`).join(', ')}.
      </p>
      {scale.points.map((p) => (
        <div className="radio" key={p.value}>
          <input type="radio" id={`${id}-${p.value}`} name={`${id}-score`} value={p.value} checked={value === p.value} onChange={() => onChange(p.value)} />
          <label htmlFor={`${id}-${p.value}`}>
            {p.value} — {p.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
