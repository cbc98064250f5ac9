import type { AggregationRule } from '../../../../shared/domain/rules';
import { listNames } from './format';

/** Said before anything else while the order can still change because some criteria have no score that counts. */
export function ProvisionalNotice({ aggregation, incomplete }: { aggregation: AggregationRule; incomplete: string[] }) {
  const counts =
    aggregation === 'consensus'
      ? 'A criterion counts once the moderator has recorded its consensus score.'
      : `A bidder’s ${aggregation} scores count once every evaluator scoring that bidder has sealed.`;
  return (
    <div className="provisional" role="note" aria-labelledby="provisional-heading">
      <h3 id="provisional-heading">Provisional — some criteria have no score yet</h3>
      <p>
        {counts} Not yet complete: {listNames(incomplete)}. Totals and ranks can still change.
      </p>
    </div>
  );
}
