import type { BoardBidder, BoardCriterion } from '../../../shared/api/moderation';
import { ApiError } from '../../../shared/api/errors';
import { AGGREGATION_LABELS, usesConsensus, type AggregationRule } from '../../../shared/domain/rules';

const waitingFor = (bidder: BoardBidder): string =>
  bidder.awaiting.length > 0 ? `waiting for ${bidder.awaiting.join(', ')} to seal` : 'no evaluator has sealed yet';

/**
 * A consensus is recorded only where the declared rule will count it, so that none is ever silently
 * ignored: under every rule but mean or median, once every evaluator has sealed; under a "consensus where
 * flagged" rule, only on a flagged criterion (or one whose recorded consensus is to be revisited).
 */
export function assertConsensusMayCount(rule: AggregationRule, tolerance: number, bidder: BoardBidder, criterion: BoardCriterion): void {
  if (!usesConsensus(rule)) {
    throw new ApiError(
      'RULE_VIOLATION',
      `The evaluation’s declared rule is “${AGGREGATION_LABELS[rule]}”: the evaluators’ scores count on every criterion and a consensus would not, so none can be recorded.`,
    );
  }
  if (!bidder.allSealed) {
    throw new ApiError('RULE_VIOLATION', `A consensus can be recorded once every evaluator has sealed their scores for this bidder: ${waitingFor(bidder)}.`);
  }
  if (rule !== 'consensus' && !criterion.flagged && criterion.toRevisit === null) {
    throw new ApiError(
      'RULE_VIOLATION',
      `The evaluators agree on this criterion (spread ${criterion.spread ?? 0}, below the tolerance of ${tolerance}), so under the declared rule their score counts, not a consensus. Confirm the agreed scores instead.`,
    );
  }
}

/** Agreed scores a moderator may confirm for a bidder: every criterion with one that is not already confirmed as it stands. */
export function confirmable(rule: AggregationRule, bidder: BoardBidder): BoardCriterion[] {
  if (!usesConsensus(rule)) {
    throw new ApiError('RULE_VIOLATION', `The evaluation’s declared rule is “${AGGREGATION_LABELS[rule]}”: the evaluators’ scores count on every criterion, with nothing to confirm.`);
  }
  if (!bidder.allSealed) throw new ApiError('RULE_VIOLATION', `Agreed scores can be confirmed once every evaluator has sealed their scores for this bidder: ${waitingFor(bidder)}.`);
  const open = bidder.criteria.filter(
    (c) => c.agreed !== null && c.consensus === null && (c.confirmation === null || c.confirmation.score !== c.agreed || c.toRevisit !== null),
  );
  if (open.length === 0) {
    throw new ApiError('RULE_VIOLATION', `There is no agreed score of ${bidder.bidderName} left to confirm: every criterion is flagged, has a consensus or is already confirmed.`);
  }
  return open;
}
