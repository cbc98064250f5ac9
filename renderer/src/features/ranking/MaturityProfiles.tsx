import type { RankedRow } from '../../../../shared/api/ranking';
import type { Framework } from '../../../../shared/domain/framework';
import { ProfileHeatmap } from './charts/ProfileHeatmap';
import { ShowTheData } from './charts/ShowTheData';
import { score } from './format';

interface Props {
  rows: RankedRow[];
  framework: Pick<Framework, 'areas' | 'stages'>;
  scaleMin: number;
  scaleMax: number;
}

/** Each bidder's maturity profile: the score per capability area × stage, as a heatmap and as a table. */
export function MaturityProfiles({ rows, framework, scaleMin, scaleMax }: Props) {
  return (
    <section aria-labelledby="profiles-heading">
      <h3 id="profiles-heading">Maturity profiles</h3>
      <p>
        The score that counts for each capability area at each stage, from {score(scaleMin)} (lightest) to {score(scaleMax)} (darkest). Cells with a
        dashed outline are below a minimum threshold.
      </p>
      {rows.map((row) => (
        <div key={row.bidderId} className="profile">
          <h4>{row.name}</h4>
          <ProfileHeatmap row={row} framework={framework} scaleMin={scaleMin} scaleMax={scaleMax} />
          <ShowTheData what={`the maturity profile of ${row.name}`}>
            <ProfileTable row={row} framework={framework} />
          </ShowTheData>
        </div>
      ))}
    </section>
  );
}

function ProfileTable({ row, framework }: { row: RankedRow; framework: Props['framework'] }) {
  const failing = new Set(row.failures.map((f) => f.criterionId));
  return (
    <table>
      <caption className="visually-hidden">Maturity profile of {row.name}: scores by capability area and stage</caption>
      <thead>
        <tr>
          <th scope="col">Capability area</th>
          {framework.stages.map((s) => (
            <th key={s.id} scope="col">
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {framework.areas.map((a) => (
          <tr key={a.id}>
            <th scope="row">{a.title}</th>
            {framework.stages.map((s) => {
              const value = row.profile.find((p) => p.areaId === a.id && p.stageId === s.id)?.score ?? null;
              return (
                <td key={s.id}>
                  {value === null ? 'No score counts yet' : score(value)}
                  {failing.has(`${a.id}/${s.id}`) && <span className="effective">Below minimum</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
