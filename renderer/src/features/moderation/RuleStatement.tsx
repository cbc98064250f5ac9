import { AGGREGATION_LABELS, type AggregationRule } from '../../../../shared/domain/rules';

const HOW_MODERATION_WORKS: Record<AggregationRule, string> = {
  consensus:
    'Every criterion counts once moderated: where the evaluators agree (not flagged) the moderator confirms the agreed score for the whole bidder in one action; a flagged criterion needs a consensus with notes and a bidder-facing explanation.',
  'mean-unless-flagged':
    'Moderation by exception: where the evaluators agree (not flagged) their mean counts, and the moderator confirms it for the whole bidder in one action; a flagged criterion counts once the panel records a consensus.',
  'median-unless-flagged':
    'Moderation by exception: where the evaluators agree (not flagged) their median counts, and the moderator confirms it for the whole bidder in one action; a flagged criterion counts once the panel records a consensus.',
  mean: 'The mean of the sealed scores counts on every criterion once every evaluator has sealed; a consensus would not count, so none is recorded. Flags show where the panel disagrees.',
  median: 'The median of the sealed scores counts on every criterion once every evaluator has sealed; a consensus would not count, so none is recorded. Flags show where the panel disagrees.',
};

/** The evaluation's aggregation rule and flagging tolerance, stated wherever scores are shown. */
export function RuleStatement({ aggregation, tolerance }: { aggregation: AggregationRule; tolerance: number }) {
  return (
    <div className="rule-statement">
      <p>
        <strong>Scores count by:</strong> {AGGREGATION_LABELS[aggregation]}
      </p>
      <p>{HOW_MODERATION_WORKS[aggregation]}</p>
      <p>
        A criterion is flagged when its spread (the highest sealed score minus the lowest) reaches the tolerance of {tolerance} {tolerance === 1 ? 'point' : 'points'}.
      </p>
    </div>
  );
}
