import { useId } from 'react';
import { roleLabel, kindLabel, KIND_CHOICES, when } from './labels';
import { isWithdrawal, needsDescription, withKind, type Subject, type SubjectDraft, type SubjectProblem } from './draft';

interface Props {
  subject: Subject;
  draft: SubjectDraft;
  problem: SubjectProblem | null;
  onChange(draft: SubjectDraft): void;
}

/** One organisation: a radio group named by it, and a description when there is a conflict to describe. */
export function SubjectFieldset({ subject, draft, problem, onChange }: Props) {
  const id = useId();
  const { current } = subject;
  const decision = current?.mitigations.at(-1);
  const withdrawal = isWithdrawal(subject, draft);
  return (
    <fieldset className={`declaration-subject${problem ? ' has-error' : ''}`} aria-describedby={problem?.kind ? `${id}-error` : undefined}>
      <legend>
        {subject.subject} <span className="hint">({roleLabel(subject.role)})</span>
      </legend>
      {current && (
        <p className="hint">
          You declared: {kindLabel(current.kind)}, {when(current.declaredAt)}.
          {decision && ` The procurement lead’s decision: ${decision.decision === 'permitted' ? 'permitted to take part' : 'recusal upheld'} (${decision.reason}).`}
        </p>
      )}
      {problem?.kind && (
        <p className="error-message" id={`${id}-error`}>
          {problem.kind}
        </p>
      )}
      <div className="radio-row">
        {KIND_CHOICES.map((choice) => (
          <div className="radio" key={choice.kind}>
            <input
              type="radio"
              id={`${id}-${choice.kind}`}
              name={`${id}-kind`}
              checked={draft.kind === choice.kind}
              onChange={() => onChange(withKind(subject, draft, choice.kind))}
            />
            <label htmlFor={`${id}-${choice.kind}`}>{choice.label}</label>
          </div>
        ))}
      </div>
      {needsDescription(subject, draft) && (
        <div className="field">
          <label htmlFor={`${id}-description`}>{withdrawal ? `Why your conflict with ${subject.subject} no longer applies` : `Describe your conflict with ${subject.subject}`}</label>
          <p className="hint" id={`${id}-hint`}>
            {withdrawal ? 'The procurement lead sees your earlier declaration and this explanation.' : 'The relationship, and when it started or ended. The procurement lead will see this.'}
          </p>
          {problem?.description && (
            <p className="error-message" id={`${id}-description-error`}>
              {problem.description}
            </p>
          )}
          <textarea
            id={`${id}-description`}
            rows={3}
            maxLength={2000}
            required
            aria-invalid={problem?.description ? true : undefined}
            aria-describedby={`${id}-hint${problem?.description ? ` ${id}-description-error` : ''}`}
            value={draft.description}
            onChange={(e) => onChange({ ...draft, description: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}
