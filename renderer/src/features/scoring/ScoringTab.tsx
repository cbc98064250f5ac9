import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { MyBidders } from './MyBidders';
import { Workspace } from './Workspace';
import './scoring.css';

/** The evaluator's "Score bids" tab: their bidders with progress, or the workspace for one bidder. */
export function ScoringTab({ evaluation, bidderId }: { evaluation: EvaluationDetail; bidderId?: string }) {
  if (evaluation.status !== 'scoring') {
    return (
      <>
        <h2 id="tab-heading">Score bids</h2>
        <p>The evaluation is not open for scoring yet. The procurement lead opens it once the set-up is published.</p>
      </>
    );
  }
  return bidderId ? <Workspace key={bidderId} evaluation={evaluation} bidderId={bidderId} /> : <MyBidders evaluation={evaluation} />;
}
