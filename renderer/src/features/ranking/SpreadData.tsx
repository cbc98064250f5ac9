import type { BoardBidder } from '../../../../shared/api/moderation';
import type { Framework } from '../../../../shared/domain/framework';
import { ShowTheData } from './charts/ShowTheData';
import { score, twoDp } from './format';
import { criterionName } from './names';

/** The spread chart's numbers: every sealed score by evaluator, spread, standard deviation and the score that counts. */
export function SpreadData({
  bidder,
  framework,
  markerLabel,
}: {
  bidder: BoardBidder;
  framework: Pick<Framework, 'areas' | 'stages'>;
  markerLabel: string;
}) {
  return (
    <ShowTheData what={`the spread of scores for ${bidder.bidderName}`}>
      <table>
        <caption className="visually-hidden">Sealed scores per criterion for {bidder.bidderName}</caption>
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Sealed scores</th>
            <th scope="col">Spread</th>
            <th scope="col">Standard deviation</th>
            <th scope="col">{markerLabel}</th>
            <th scope="col">Flagged</th>
          </tr>
        </thead>
        <tbody>
          {bidder.criteria.map((c) => (
            <tr key={c.criterionId}>
              <th scope="row">{criterionName(framework, c.criterionId)}</th>
              <td>{c.sealed.length === 0 ? 'None sealed yet' : c.sealed.map((s) => `${s.evaluatorName}: ${s.score}${s.counted ? '' : ' (not counted)'}`).join('; ')}</td>
              <td>{c.spread === null ? '—' : c.spread}</td>
              <td>{c.standardDeviation === null ? '—' : twoDp(c.standardDeviation)}</td>
              <td>{score(c.aggregated)}</td>
              <td>{c.flagged ? 'Flagged' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ShowTheData>
  );
}
