import { Fragment } from 'react';
import type { RankedRow } from '../../../../shared/api/ranking';
import type { Framework } from '../../../../shared/domain/framework';
import { listNames, percent, rankLabel, sameTotal, twoDp } from './format';
import { soFar, type TotalsScope } from './scope';
import { Scroller } from './Scroller';

interface Props {
  ranked: RankedRow[];
  framework: Pick<Framework, 'areas' | 'stages'>;
  /** The declared tie-break rule is "leave as tie". */
  leaveAsTie: boolean;
  scope: TotalsScope;
}

/** Why a row sits where it does among bidders with the same total. */
function tieNote(row: RankedRow, all: RankedRow[], leaveAsTie: boolean): string | null {
  const equal = all.filter((other) => other.bidderId !== row.bidderId && sameTotal(other.total, row.total)).map((o) => o.name);
  if (equal.length === 0) return null;
  const withWhom = `Equal total with ${listNames(equal)}`;
  if (row.tieBrokenBy) return `${withWhom}; placed by the tie-break rule: ${row.tieBrokenBy}.`;
  if (row.tied) return `${withWhom}; ${leaveAsTie ? 'left as a tie, as declared.' : 'the tie-break rule does not separate them, so they stay tied.'}`;
  return null;
}

/** Bidders meeting every minimum threshold, best first: total, sub-totals per capability area and per stage, ties marked. */
export function RankedTable({ ranked, framework, leaveAsTie, scope }: Props) {
  if (ranked.length === 0) return <p>No bidder meets every minimum threshold yet, so no one is ranked.</p>;
  const { areas, stages } = framework;
  return (
    <>
      {scope.partial && <p>Totals {soFar(scope)}. Sub-totals marked “so far” leave out a criterion not yet ranked on.</p>}
      <Scroller className="table-scroll" label="Ranked bidders">
        <table className="ranking-table">
          <caption className="visually-hidden">
            Ranked bidders, best first, with sub-totals in weighted points of the maximum
            {scope.partial && `; provisional: totals ${soFar(scope)}`}
          </caption>
          <colgroup span={3} />
          <colgroup span={areas.length} />
          <colgroup span={stages.length} />
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Rank
              </th>
              <th scope="col" rowSpan={2}>
                Bidder
              </th>
              <th scope="col" rowSpan={2}>
                {scope.partial ? 'Total so far (% of maximum)' : 'Total (% of maximum)'}
              </th>
              <th scope="colgroup" colSpan={areas.length} className="group-start">
                Capability area sub-totals (points of maximum)
              </th>
              <th scope="colgroup" colSpan={stages.length} className="group-start">
                Stage sub-totals (points of maximum)
              </th>
            </tr>
            <tr>
              {areas.map((a, i) => (
                <th key={a.id} scope="col" className={i === 0 ? 'group-start' : undefined}>
                  {breakable(a.title)}
                  <OutOf max={scope.maxByArea.get(a.id)} soFar={scope.reduced.has(a.id)} />
                </th>
              ))}
              {stages.map((s, i) => (
                <th key={s.id} scope="col" className={i === 0 ? 'group-start' : undefined}>
                  {s.label}
                  <OutOf max={scope.maxByStage.get(s.id)} soFar={scope.reduced.has(s.id)} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((row) => {
              const note = tieNote(row, ranked, leaveAsTie);
              return (
                <tr key={row.bidderId}>
                  <td className="rank">
                    {rankLabel(row)}
                    {row.tied && <span className="tag">Tied</span>}
                  </td>
                  <th scope="row">
                    {row.name}
                    {note && <span className="effective">{note}</span>}
                    {!row.complete && <span className="effective">Some criteria have no score that counts yet.</span>}
                  </th>
                  <td className="number">{percent(row.total)}</td>
                  {row.byArea.map((s, i) => (
                    <td key={s.id} className={i === 0 ? 'number group-start' : 'number'}>
                      {twoDp(s.points)}
                    </td>
                  ))}
                  {row.byStage.map((s, i) => (
                    <td key={s.id} className={i === 0 ? 'number group-start' : 'number'}>
                      {twoDp(s.points)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </Scroller>
    </>
  );
}

/** Lets a long title such as "culture change/continuous improvement" wrap after its slashes. */
const breakable = (title: string) =>
  title.split('/').map((part, i, all) => (
    <Fragment key={i}>
      {part}
      {i < all.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));

/** The most a sub-total can be: its weight, or while provisional the weight of the criteria ranked on so far. */
const OutOf = ({ max, soFar }: { max: number | undefined; soFar: boolean }) =>
  max === undefined ? null : (
    <span className="effective">
      out of {twoDp(max)}
      {soFar && ' so far'}
    </span>
  );
