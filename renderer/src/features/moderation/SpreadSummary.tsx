import type { BoardCriterion } from '../../../../shared/api/moderation';
import type { AggregationRule } from '../../../../shared/domain/rules';
import type { Scale } from '../../../../shared/domain/scale';
import { oneDecimal, points, scoreLabel } from './wording';

function countingScore(c: BoardCriterion, aggregation: AggregationRule, scale: Scale): string {
  if (c.aggregated === null) return aggregation === 'consensus' ? 'None yet: no consensus recorded' : 'None yet: waiting for every evaluator to seal';
  return aggregation === 'consensus' ? scoreLabel(scale, c.aggregated) : `${points(c.aggregated)} (${aggregation} of the sealed scores)`;
}

/** How far apart the sealed scores are, and the score that counts under the aggregation rule. */
export function SpreadSummary({ criterion: c, tolerance, aggregation, scale }: { criterion: BoardCriterion; tolerance: number; aggregation: AggregationRule; scale: Scale }) {
  return (
    <dl className="summary-list board-figures">
      <dt>Spread</dt>
      <dd>{c.spread === null ? '—' : `${c.spread} (${c.flagged ? 'at or above' : 'below'} the tolerance of ${tolerance})`}</dd>
      <dt>Standard deviation</dt>
      <dd>{c.standardDeviation === null ? '—' : oneDecimal(c.standardDeviation)}</dd>
      <dt>Score that counts</dt>
      <dd>{countingScore(c, aggregation, scale)}</dd>
    </dl>
  );
}
