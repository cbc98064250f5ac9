import type { BoardBidder } from '../../../../shared/api/moderation';
import { listOfNames } from '../../text/list-of-names';

/** Who the board is still waiting for: only sealed scores are shown, and a consensus waits for every seal. */
export function SealingNotice({ bidder }: { bidder: BoardBidder }) {
  if (bidder.allSealed) return <p>Every evaluator has sealed their scores for this bidder.</p>;
  const waiting = bidder.awaiting.length > 0 ? `Waiting for ${listOfNames(bidder.awaiting)} to seal.` : 'No evaluator has sealed their scores yet.';
  return (
    <p className="notice">
      <strong>{waiting}</strong> Only sealed scores are shown. A consensus can be recorded once every evaluator has sealed their scores for this bidder.
    </p>
  );
}
