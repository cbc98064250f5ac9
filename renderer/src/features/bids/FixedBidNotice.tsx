import type { BidFixed } from '../../../../shared/api/submissions';
import { formatWhen } from './format';

/** Why the lead can no longer edit the bid, and what to do instead. */
export function FixedBidNotice({ bidderName, fixed }: { bidderName: string; fixed: BidFixed }) {
  const cause =
    fixed.because === 'scored' ? `an evaluator started scoring it on ${formatWhen(fixed.since)}` : `an evaluator pack carrying it was made on ${formatWhen(fixed.since)}`;
  return (
    <div className="panel-box fixed-bid-notice">
      <p>
        <strong>This bid is fixed:</strong> {cause}. Its responses and documents can no longer be edited. Record a correction as an addendum,
        with the reason: the earlier version stays on the record, and every evaluator who sealed or started scoring {bidderName} is told
        and may revise a score in light of it.
      </p>
    </div>
  );
}
