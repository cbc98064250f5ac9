import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { MAX_ADDENDUM_REASON_CHARS, type DocumentSummary } from '../../../../shared/api/submissions';
import type { AddendumNotice } from '../../../../shared/api/scoring';
import { ErrorSummary, SavedNotice } from '../../components/Feedback';
import { TextArea } from '../../components/fields';
import type { ActionResult } from '../../stores/attempt';
import type { Draft } from '../../stores/scoring';
import { formatDateTime, type CriterionView } from './criteria';
import { ScoreForm } from './ScoreForm';
import type { useAddendumNotices } from './use-addenda';

interface Props {
  evaluation: EvaluationDetail;
  criterion: CriterionView;
  /** The sealed score of this criterion. */
  sealed: Draft;
  documents: DocumentSummary[];
  /** Addenda made after the seal: each may be cited by a revision. */
  addenda: AddendumNotice[];
  revise: ReturnType<typeof useAddendumNotices>['revise'];
}

/** Under a sealed score: "Revise in light of this addendum" — a new score and rationale, citing the addendum, with the reason. */
export function ReviseCriterion({ evaluation, criterion, sealed, documents, addenda, revise }: Props) {
  const [citing, setCiting] = useState<AddendumNotice | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (addenda.length === 0) return null;
  const revised = addenda.filter((a) => a.revisedCriteria.includes(criterion.id));
  return (
    <div className="revise-criterion">
      {revised.map((a) => (
        <p key={a.id} className="addendum-status">
          You revised this score in light of the addendum of {formatDateTime(a.madeAt)}.
        </p>
      ))}
      <SavedNotice message={done} />
      {citing ? (
        <RevisionForm
          evaluation={evaluation}
          criterion={criterion}
          sealed={sealed}
          documents={documents}
          addendum={citing}
          revise={revise}
          onDone={(message) => {
            setCiting(null);
            setDone(message);
          }}
        />
      ) : (
        <div className="button-group">
          {addenda.map((a) => (
            <button
              key={a.id}
              type="button"
              className="button-secondary"
              onClick={() => {
                setDone(null);
                setCiting(a);
              }}
            >
              {addenda.length === 1 ? 'Revise in light of this addendum' : `Revise in light of the addendum of ${formatDateTime(a.madeAt)}`}
              <span className="visually-hidden"> ({criterion.name})</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function RevisionForm({
  evaluation,
  criterion,
  sealed,
  documents,
  addendum,
  revise,
  onDone,
}: Omit<Props, 'addenda'> & { addendum: AddendumNotice; onDone(message: string | null): void }) {
  const [draft, setDraft] = useState<Draft>(sealed);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.score === null) {
      setResult({ ok: false, message: 'Choose a point on the scoring scale for the revised score.', issues: [] });
      return;
    }
    setBusy(true);
    const outcome = await revise({ addendumId: addendum.id, criterionId: criterion.id, ...draft, score: draft.score, reason });
    setBusy(false);
    setResult(outcome);
    if (outcome.ok) onDone(`Your revised score for ${criterion.name} is recorded and sealed.`);
  };

  return (
    <form className="revision-form" onSubmit={(e) => void submit(e)} aria-labelledby="revision-heading">
      <h4 id="revision-heading" tabIndex={-1} ref={heading}>
        Revise in light of the addendum of {formatDateTime(addendum.madeAt)}
      </h4>
      <p className="hint">Your sealed score stays on the record; the revision, citing this addendum, becomes your sealed score for this criterion at once.</p>
      <ErrorSummary result={result} title="The revised score was not recorded" level={5} />
      <ScoreForm
        criterion={criterion}
        scale={evaluation.settings.scale}
        rationaleMinLength={evaluation.settings.rules.rationaleMinLength}
        draft={draft}
        documents={documents}
        onChange={(change) => setDraft({ ...draft, ...change })}
        onBlur={() => undefined}
      />
      <TextArea
        label="Why the addendum changes your score (required)"
        rows={3}
        maxLength={MAX_ADDENDUM_REASON_CHARS}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="button-group">
        <button type="submit" disabled={busy}>
          Record the revised score
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
