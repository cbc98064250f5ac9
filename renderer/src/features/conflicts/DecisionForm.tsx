import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Declaration } from '../../../../shared/api/conflicts';
import { MITIGATION_DECISIONS, type MitigationDecision } from '../../../../shared/domain/conflicts';
import { ErrorSummary } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { useConflicts } from '../../stores/conflicts';
import { Decisions } from './RegisterTable';
import { decisionLabel, kindLabel, subjectLabel, when } from './labels';

interface Props {
  evaluationId: string;
  declaration: Declaration;
  onDone(message: string | null): void;
}

/** The procurement lead's decision on one current conflict: appended to the earlier ones, the latest counts. */
export function DecisionForm({ evaluationId, declaration: d, onDone }: Props) {
  const recordMitigation = useConflicts((s) => s.recordMitigation);
  const [decision, setDecision] = useState<MitigationDecision | null>(null);
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = useId();
  useEffect(() => headingRef.current?.focus(), [d.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision || reason.trim() === '') {
      const issues = [!decision && 'Choose a decision', reason.trim() === '' && 'Give the reason for the decision'].filter((m): m is string => !!m);
      setResult({ ok: false, message: 'The decision was not recorded.', issues: issues.map((message) => ({ path: '', message })) });
      return;
    }
    const r = await recordMitigation({ evaluationId, declarationId: d.id, decision, reason });
    setResult(r);
    if (r.ok) onDone(`Decision recorded on ${d.personName}’s conflict with ${d.subject}: ${decisionLabel(decision)}.`);
  };

  return (
    <section className="panel-box" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Decision on {d.personName}’s {kindLabel(d.kind).toLowerCase()} with {subjectLabel(d)}
      </h3>
      <p>
        Declared {when(d.declaredAt)}: “{d.description}”
      </p>
      <h4>Earlier decisions</h4>
      {d.mitigations.length === 0 ? <p>None: this conflict awaits its first decision.</p> : <Decisions declaration={d} />}
      <form onSubmit={submit} noValidate>
        <ErrorSummary result={result} title="The decision was not recorded" />
        <fieldset>
          <legend>Your decision on {d.personName}’s conflict with {d.subject}</legend>
          {MITIGATION_DECISIONS.map((value) => (
            <div className="radio" key={value}>
              <input type="radio" id={`${id}-${value}`} name={`${id}-decision`} checked={decision === value} onChange={() => setDecision(value)} />
              <label htmlFor={`${id}-${value}`}>{decisionLabel(value)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason for the decision</label>
          <p className="hint" id={`${id}-hint`}>
            For a permitted conflict, record the safeguards. The person who declared sees this reason.
          </p>
          <textarea id={`${id}-reason`} rows={3} maxLength={2000} required aria-describedby={`${id}-hint`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="button-group">
          <button type="submit">Record decision</button>
          <button type="button" className="button-secondary" onClick={() => onDone(null)}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
