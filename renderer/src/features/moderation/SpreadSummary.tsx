import type { BoardCriterion } from '../../../../shared/api/moderation';
import { BASIS_WORDING } from '../../../../shared/domain/counting';
import type { AggregationRule } from '../../../../shared/domain/rules';
import type { Scale } from '../../../../shared/domain/scale';
import { oneDecimal, points, scoreLabel } from './wording';

function countingScore(c: BoardCriterion, scale: Scale): string {
  if (c.aggregated === null) return `None yet: ${BASIS_WORDING[c.basis]}`;
  const value = c.basis === 'evaluators' ? points(c.aggregated) : scoreLabel(scale, c.aggregated);
  return `${value} (${BASIS_WORDING[c.basis]})`;
}

/** How far apart the sealed scores are, and the score that counts under the aggregation rule, and why. */
export function SpreadSummary({ criterion: c, tolerance, aggregation, scale }: { criterion: BoardCriterion; tolerance: number; aggregation: AggregationRule; scale: Scale }) {
  return (
    <dl className="summary-list board-figures">
      <dt>Spread</dt>
      <dd>{c.spread === null ? '—' : `${c.spread} (${c.flagged ? 'at or above' : 'below'} the tolerance of ${tolerance})`}</dd>
      <dt>Standard deviation</dt>
      <dd>{c.standardDeviation === null ? '—' : oneDecimal(c.standardDeviation)}</dd>
      {c.agreed !== null && aggregation !== 'mean' && aggregation !== 'median' && (
        <>
          <dt>Agreed score</dt>
          <dd>
            {aggregation === 'consensus' ? scoreLabel(scale, c.agreed) : points(c.agreed)}
            {c.confirmation
              ? ` — confirmed by ${c.confirmation.confirmedBy} on ${new Date(c.confirmation.confirmedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}`
              : ' — not yet confirmed'}
          </dd>
        </>
      )}
      <dt>Score that counts</dt>
      <dd>{countingScore(c, scale)}</dd>
    </dl>
  );
}
