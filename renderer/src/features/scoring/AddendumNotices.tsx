import { useState } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { AddendumNotice } from '../../../../shared/api/scoring';
import { ErrorSummary, LoadError } from '../../components/Feedback';
import type { ActionResult } from '../../stores/attempt';
import { AddendumChanges, addendumSubject } from '../bids/AddendumChanges';
import { criteriaOf, formatDateTime } from './criteria';
import type { Notices } from './use-addenda';

interface Props {
  evaluation: EvaluationDetail;
  notices: Notices | null;
  error: string | null;
  onReview(addendumId: string): Promise<ActionResult>;
}

/**
 * "Changed since you sealed": every addendum the procurement lead recorded after the evaluator sealed (or
 * started scoring) this bid, readable in full, with what the evaluator has done about it.
 */
export function AddendumNotices({ evaluation, notices, error, onReview }: Props) {
  if (error) return <LoadError message={`The addenda to this bid could not be loaded: ${error}`} />;
  if (!notices || notices.addenda.length === 0) return null;
  const since = notices.since === 'sealed' ? 'since you sealed' : 'since you started scoring';
  const areaTitle = (areaId: string) => evaluation.framework.areas.find((a) => a.id === areaId)?.title ?? areaId;
  return (
    <section className="addendum-notices" aria-labelledby="addenda-heading">
      <h3 id="addenda-heading">The bid has changed {since}</h3>
      <p>
        The procurement lead recorded {notices.addenda.length === 1 ? 'an addendum' : `${notices.addenda.length} addenda`} to this bid after you{' '}
        {notices.since === 'sealed' ? 'sealed your scores' : 'started scoring'}.{' '}
        {notices.since === 'sealed'
          ? 'Read each one. If it changes your view of a criterion, open that criterion and choose “Revise in light of this addendum”; if not, record that you reviewed it.'
          : 'Read each one and take it into account as you score.'}
      </p>
      <ul className="addendum-list">
        {notices.addenda.map((a) => (
          <Notice key={a.id} evaluation={evaluation} addendum={a} since={since} areaTitle={areaTitle} onReview={onReview} />
        ))}
      </ul>
    </section>
  );
}

function Notice({
  evaluation,
  addendum,
  since,
  areaTitle,
  onReview,
}: {
  evaluation: EvaluationDetail;
  addendum: AddendumNotice;
  since: string;
  areaTitle(areaId: string): string;
  onReview(addendumId: string): Promise<ActionResult>;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const criterionName = (id: string) => criteriaOf(evaluation).find((c) => c.id === id)?.name ?? id;
  const review = async () => {
    setBusy(true);
    setResult(await onReview(addendum.id));
    setBusy(false);
  };
  const handled = addendum.reviewedAt !== null || addendum.revisedCriteria.length > 0;
  return (
    <li className={`addendum${handled ? ' addendum-handled' : ''}`}>
      <h4>
        Changed {since}: {addendumSubject(addendum, areaTitle)}, {formatDateTime(addendum.madeAt)}
      </h4>
      <p>
        <strong>Reason:</strong> {addendum.reason}
      </p>
      <p className="hint">Recorded by {addendum.madeBy}.</p>
      <AddendumChanges evaluationId={evaluation.id} addendum={addendum} areaTitle={areaTitle} />
      <ErrorSummary result={result} title="Your review was not recorded" level={5} />
      {addendum.revisedCriteria.length > 0 && <p className="addendum-status">You revised in light of it: {addendum.revisedCriteria.map(criterionName).join('; ')}.</p>}
      {addendum.reviewedAt ? (
        <p className="addendum-status">You recorded on {formatDateTime(addendum.reviewedAt)} that you reviewed it: no change.</p>
      ) : (
        addendum.revisedCriteria.length === 0 && (
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void review()}>
            Reviewed — no change<span className="visually-hidden"> ({addendumSubject(addendum, areaTitle)})</span>
          </button>
        )
      )}
    </li>
  );
}
