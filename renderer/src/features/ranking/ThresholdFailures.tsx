import type { RankedRow } from '../../../../shared/api/ranking';
import type { Framework } from '../../../../shared/domain/framework';
import { percent, score } from './format';
import { criterionName } from './names';
import { soFar, type TotalsScope } from './scope';

interface Props {
  failed: RankedRow[];
  framework: Pick<Framework, 'areas' | 'stages'>;
  scope: TotalsScope;
}

/** Bidders failing a minimum threshold: shown separately with every failure and the published rule, never dropped. */
export function ThresholdFailures({ failed, framework, scope }: Props) {
  return (
    <section aria-labelledby="failures-heading">
      <h3 id="failures-heading">Bidders failing a minimum threshold</h3>
      {failed.length === 0 ? (
        <p>No bidder fails a minimum threshold.</p>
      ) : (
        <>
          <p>These bidders are not ranked: each scored below a published minimum. Their totals are shown for the record.</p>
          {failed.map((row) => (
            <div key={row.bidderId} className="failed-bidder">
              <h4>{row.name}</h4>
              <p>
                Weighted total {percent(row.total)}
                {scope.partial && ` ${soFar(scope)}`} — not ranked.
              </p>
              <table>
                <caption className="visually-hidden">Minimum thresholds failed by {row.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Criterion</th>
                    <th scope="col">Score</th>
                    <th scope="col">Minimum threshold failed</th>
                  </tr>
                </thead>
                <tbody>
                  {row.failures.map((f) => (
                    <tr key={`${f.thresholdId}-${f.criterionId}`}>
                      <th scope="row">{criterionName(framework, f.criterionId)}</th>
                      <td>{score(f.score)}</td>
                      <td>{f.rule}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
