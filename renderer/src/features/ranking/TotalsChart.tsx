import type { RankedRow } from '../../../../shared/api/ranking';
import type { Stage } from '../../../../shared/domain/framework';
import { StageBarChart } from './charts/StageBarChart';
import { ShowTheData } from './charts/ShowTheData';
import { percent, pointsOfMax, rankLabel } from './format';
import { soFar, type TotalsScope } from './scope';

/** The ranking at a glance: a bar per bidder split by stage, with its numbers in a table. */
export function TotalsChart({ rows, stages, scope }: { rows: RankedRow[]; stages: Stage[]; scope: TotalsScope }) {
  return (
    <section aria-labelledby="totals-chart-heading">
      <h3 id="totals-chart-heading">Weighted totals by stage</h3>
      {scope.partial && <p>Totals {soFar(scope)}: the dashed line marks the most any bidder can have yet.</p>}
      <StageBarChart rows={rows} stages={stages} scope={scope} />
      <ShowTheData what="the weighted totals by stage">
        <table>
          <caption className="visually-hidden">Weighted totals by stage, in points of the maximum{scope.partial && `, ${soFar(scope)}`}</caption>
          <thead>
            <tr>
              <th scope="col">Bidder</th>
              <th scope="col">Rank</th>
              {stages.map((s) => (
                <th key={s.id} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">{scope.partial ? 'Total so far (% of maximum)' : 'Total (% of maximum)'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.bidderId}>
                <th scope="row">{row.name}</th>
                <td>{row.failures.length > 0 ? 'Not ranked: fails a minimum threshold' : rankLabel(row)}</td>
                {stages.map((s) => {
                  const sub = row.byStage.find((b) => b.id === s.id);
                  return <td key={s.id}>{sub ? pointsOfMax(sub.points, scope.maxByStage.get(s.id) ?? sub.max) : '—'}</td>;
                })}
                <td>{percent(row.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ShowTheData>
    </section>
  );
}
