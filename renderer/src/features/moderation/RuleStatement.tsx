import { AGGREGATION_LABELS, type AggregationRule } from '../../../../shared/domain/rules';

/** The evaluation's aggregation rule and flagging tolerance, stated wherever scores are shown. */
export function RuleStatement({ aggregation, tolerance }: { aggregation: AggregationRule; tolerance: number }) {
  return (
    <div className="rule-statement">
      <p>
        <strong>Scores count by:</strong> {AGGREGATION_LABELS[aggregation]}
      </p>
      {aggregation !== 'consensus' && (
        <p>The moderator still records a consensus with notes and a bidder-facing explanation; the score that counts stays the {aggregation} of the sealed scores.</p>
      )}
      <p>
        A criterion is flagged when its spread (the highest sealed score minus the lowest) reaches the tolerance of {tolerance} {tolerance === 1 ? 'point' : 'points'}.
      </p>
    </div>
  );
}
