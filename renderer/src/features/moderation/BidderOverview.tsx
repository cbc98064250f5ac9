import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { BoardBidder } from '../../../../shared/api/moderation';
import { useNavigation } from '../../stores/navigation';
import type { Board } from '../../stores/moderation';
import { RuleStatement } from './RuleStatement';
import { useFocusWhenLost } from './use-focus-when-lost';
import { listOfNames } from '../../text/list-of-names';

const UNAVAILABLE_LABELS = {
  recused: 'Recused — you see nothing of this bidder',
  undeclared: 'Declare conflicts first (on the Conflicts of interest tab)',
} as const;

function sealingStatus(b: BoardBidder): string {
  if (b.allSealed) return 'Every evaluator has sealed';
  if (b.awaiting.length > 0) return `Waiting for ${listOfNames(b.awaiting)} to seal`;
  return 'No evaluator has sealed yet';
}

/** Every bidder with its moderation counts; bidders the moderator may not see are named, never linked. */
export function BidderOverview({ evaluation, board }: { evaluation: EvaluationDetail; board: Board }) {
  const go = useNavigation((s) => s.go);
  const headingRef = useFocusWhenLost<HTMLHeadingElement>();
  const open = (bidderId: string) => () => go({ name: 'evaluation', evaluationId: evaluation.id, tab: 'moderation', bidderId });
  const none = board.bidders.length === 0 && board.unavailableBidders.length === 0;
  return (
    <>
      <p>
        Once the evaluators have sealed their scores for a bidder, the board shows every evaluator’s score and rationale side by side for each criterion,
        with the spread and standard deviation. {evaluation.myRole === 'moderator' ? 'You confirm the agreed scores and record' : 'The moderator confirms the agreed scores and records'}{' '}
        a consensus, with an internal moderation note and a bidder-facing explanation, where the declared rule asks for one.
      </p>
      <RuleStatement aggregation={board.aggregation} tolerance={board.tolerance} />
      <h3 id="moderation-bidders-heading" ref={headingRef} tabIndex={-1}>
        Bidders
      </h3>
      {none ? (
        <p>There are no bidders in this evaluation yet.</p>
      ) : (
        <table aria-labelledby="moderation-bidders-heading">
          <thead>
            <tr>
              <th scope="col">Bidder</th>
              <th scope="col">Sealing</th>
              <th scope="col">Criteria flagged</th>
              <th scope="col">Scores that count</th>
              <th scope="col">To revisit</th>
            </tr>
          </thead>
          <tbody>
            {board.bidders.map((b) => (
              <tr key={b.bidderId}>
                <th scope="row">
                  <button type="button" className="link" onClick={open(b.bidderId)}>
                    <span className="visually-hidden">Moderate </span>
                    {b.bidderName}
                  </button>
                </th>
                <td>{sealingStatus(b)}</td>
                <td>{b.criteria.filter((c) => c.flagged).length}</td>
                <td>
                  {b.criteria.filter((c) => c.aggregated !== null).length} of {b.criteria.length}
                </td>
                <td>{b.criteria.filter((c) => c.toRevisit !== null).length}</td>
              </tr>
            ))}
            {board.unavailableBidders.map((b) => (
              <tr key={b.bidderId}>
                <th scope="row">{b.bidderName}</th>
                <td>{UNAVAILABLE_LABELS[b.reason]}</td>
                <td>—</td>
                <td>—</td>
                <td>—</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
