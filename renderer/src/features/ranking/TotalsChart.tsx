import type { RankedRow } from '../../../../shared/api/ranking';
import type { Stage } from '../../../../shared/domain/framework';
import { StageBarChart } from './charts/StageBarChart';
import { ShowTheData } from './charts/ShowTheData';
import { percent, pointsOfMax, rankLabel } from './format';

/** The ranking at a glance: a bar per bidder split by stage, with its numbers in a table. */
export function TotalsChart({ rows, stages }: { rows: RankedRow[]; stages: Stage[] }) {
  return (
    <section aria-labelledby="totals-chart-heading">
      <h3 id="totals-chart-heading">Weighted totals by stage</h3>
      <StageBarChart rows={rows} stages={stages} />
      <ShowTheData what="the weighted totals by stage">
        <table>
          <caption className="visually-hidden">Weighted totals by stage, in points of the maximum</caption>
          <thead>
            <tr>
              <th scope="col">Bidder</th>
              <th scope="col">Rank</th>
              {stages.map((s) => (
                <th key={s.id} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">Total (% of maximum)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.bidderId}>
                <th scope="row">{row.name}</th>
                <td>{row.failures.length > 0 ? 'Not ranked: fails a minimum threshold' : rankLabel(row)}</td>
                {stages.map((s) => {
                  const sub = row.byStage.find((b) => b.id === s.id);
                  return <td key={s.id}>{sub ? pointsOfMax(sub.points, sub.max) : '—'}</td>;
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
