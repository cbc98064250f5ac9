import { useId } from 'react';
import { MAX_RATIONALE_CHARS } from '../../../../shared/api/scoring';

interface Props {
  value: string;
  minLength: number;
  onChange(value: string): void;
  onBlur(): void;
}

/** The required rationale, with a running count against the evaluation's minimum (counted as the seal counts it). */
export function RationaleField({ value, minLength, onChange, onBlur }: Props) {
  const id = useId();
  const length = value.trim().length;
  const short = length < minLength;
  return (
    <div className="field rationale-field">
      <label htmlFor={id}>Rationale (required)</label>
      <p className="hint" id={`${id}-hint`}>
        Explain your score with reference to the bid. At least {minLength} characters.
      </p>
      <textarea
        id={id}
        rows={8}
        value={value}
        maxLength={MAX_RATIONALE_CHARS}
        aria-describedby={`${id}-hint ${id}-count`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      <p className={`hint character-count${short ? ' character-count-short' : ''}`} id={`${id}-count`}>
        {length} {length === 1 ? 'character' : 'characters'}
        {short ? ` — ${minLength - length} more needed` : ' — long enough'}
      </p>
    </div>
  );
}
