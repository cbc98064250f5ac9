import { useEffect, useRef } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { BidderProgress } from '../../../../shared/api/scoring';
import { LoadError } from '../../components/Feedback';
import { useNavigation } from '../../stores/navigation';
import { useScoring } from '../../stores/scoring';
import { formatDateTime } from './criteria';

/** The bidders an evaluator scores, with their progress on each and overall. */
export function MyBidders({ evaluation }: { evaluation: EvaluationDetail }) {
  const progress = useScoring((s) => s.myProgress);
  const error = useScoring((s) => s.myProgressError);
  const load = useScoring((s) => s.loadMyProgress);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    void load(evaluation.id);
  }, [load, evaluation.id]);
  useEffect(() => {
    // Coming back from a bidder's workspace, the button that was pressed is gone: start again here.
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
  }, []);

  return (
    <>
      <h2 id="tab-heading" tabIndex={-1} ref={heading}>
        Score bids
      </h2>
      <LoadError message={error} />
      {!progress ? (
        <p role="status">Loading your bidders…</p>
      ) : (
        <>
          <Overall progress={progress} />
          <table className="my-bidders">
            <caption className="visually-hidden">Your bidders and your progress on each</caption>
            <thead>
              <tr>
                <th scope="col">Bidder</th>
                <th scope="col">Your progress</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((p) => (
                <BidderRow key={p.bidderId} evaluationId={evaluation.id} progress={p} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}

function Overall({ progress }: { progress: BidderProgress[] }) {
  const open = progress.filter((p) => p.access !== 'recused');
  const scored = open.reduce((n, p) => n + p.scored, 0);
  const criteria = open.reduce((n, p) => n + p.criteria, 0);
  const sealed = open.filter((p) => p.sealedAt).length;
  return (
    <p className="overall-progress">
      Overall: {scored} of {criteria} criteria scored; {sealed} of {open.length} {open.length === 1 ? 'bidder' : 'bidders'} sealed.
      <progress max={criteria || 1} value={scored} aria-label="Criteria scored overall" />
    </p>
  );
}

function BidderRow({ evaluationId, progress: p }: { evaluationId: string; progress: BidderProgress }) {
  const go = useNavigation((s) => s.go);
  const open = () => go({ name: 'evaluation', evaluationId, tab: 'scoring', bidderId: p.bidderId });
  return (
    <tr>
      <th scope="row">{p.bidderName}</th>
      <td>{p.access === 'recused' ? '—' : `${p.scored} of ${p.criteria} criteria scored`}</td>
      <td>
        {p.access === 'recused' && <span>Recused: you declared a conflict of interest</span>}
        {p.access === 'undeclared' && (
          <button type="button" className="link" onClick={() => go({ name: 'evaluation', evaluationId, tab: 'declarations' })}>
            Declare conflicts first<span className="visually-hidden"> for {p.bidderName}</span>
          </button>
        )}
        {p.access === 'clear' && p.sealedAt && (
          <>
            <span className="sealed-note">Sealed on {formatDateTime(p.sealedAt)}</span>{' '}
            <button type="button" className="link" onClick={open}>
              View<span className="visually-hidden"> your sealed scores for {p.bidderName}</span>
            </button>
          </>
        )}
        {p.access === 'clear' && !p.sealedAt && (
          <button type="button" onClick={open}>
            {p.scored === 0 ? 'Start scoring' : 'Continue scoring'}
            <span className="visually-hidden"> {p.bidderName}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
