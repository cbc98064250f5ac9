import { useEffect } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { BidderProgress } from '../../../../shared/api/scoring';
import { LoadError } from '../../components/Feedback';
import { useScoring, type PanelProgress } from '../../stores/scoring';
import { formatDateTime } from './criteria';
import './scoring.css';

const ACCESS_LABELS: Record<BidderProgress['access'], string> = {
  undeclared: 'Not yet declared',
  clear: 'Declared: may take part',
  recused: 'Recused',
};

/** For the procurement lead and moderator: who has declared, scored and sealed what. Counts only — never a score. */
export function ProgressTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  const progress = useScoring((s) => s.panelProgress);
  const error = useScoring((s) => s.panelProgressError);
  const load = useScoring((s) => s.loadPanelProgress);
  useEffect(() => {
    void load(evaluation.id);
  }, [load, evaluation.id]);

  return (
    <>
      <h2 id="tab-heading">Panel progress</h2>
      <p>
        Who on the panel has declared conflicts of interest, how many criteria each evaluator has scored, and when they sealed. Scores and rationales
        are not shown here: nobody sees an evaluator’s scores before they seal.
      </p>
      {evaluation.status !== 'scoring' && <p>The evaluation is not open for scoring yet, so nobody has scored.</p>}
      <LoadError message={error} />
      {!progress ? (
        <p role="status">Loading panel progress…</p>
      ) : (
        <>
          <Summary progress={progress} />
          <ProgressTable progress={progress} />
          <button type="button" className="button-secondary" onClick={() => void load(evaluation.id)}>
            Refresh progress
          </button>
        </>
      )}
    </>
  );
}

function Summary({ progress }: { progress: PanelProgress }) {
  const assessments = progress.filter((p) => p.role === 'evaluator').flatMap((p) => p.bidders.filter((b) => b.access !== 'recused'));
  const sealed = assessments.filter((b) => b.sealedAt).length;
  const undeclared = progress.flatMap((p) => p.bidders).filter((b) => b.access === 'undeclared').length;
  return (
    <p className="overall-progress">
      {sealed} of {assessments.length} evaluator × bidder assessments sealed
      {undeclared > 0 && `; ${undeclared} ${undeclared === 1 ? 'declaration' : 'declarations'} still awaited`}.
    </p>
  );
}

function ProgressTable({ progress }: { progress: PanelProgress }) {
  if (progress.length === 0) return <p>There are no evaluators or moderators on the panel.</p>;
  return (
    <table className="panel-progress">
      <caption className="visually-hidden">Declarations, scoring and seals per panel member and bidder</caption>
      <thead>
        <tr>
          <th scope="col">Panel member</th>
          <th scope="col">Bidder</th>
          <th scope="col">Conflicts of interest</th>
          <th scope="col">Criteria scored</th>
          <th scope="col">Sealed</th>
        </tr>
      </thead>
      <tbody>
        {progress.flatMap((person) =>
          person.bidders.map((b) => (
            <tr key={`${person.personId}-${b.bidderId}`}>
              <th scope="row">
                {person.name} <span className="hint">({person.role})</span>
              </th>
              <td>{b.bidderName}</td>
              <td>{ACCESS_LABELS[b.access]}</td>
              <td>{person.role === 'moderator' ? 'Moderators do not score' : `${b.scored} of ${b.criteria}`}</td>
              <td>{b.sealedAt ? formatDateTime(b.sealedAt) : person.role === 'moderator' ? '—' : 'Not sealed'}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
