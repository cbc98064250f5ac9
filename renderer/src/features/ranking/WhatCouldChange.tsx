import type { RankingResult } from '../../../../shared/api/ranking';
import { listCriteria, type Framework } from '../../../../shared/domain/framework';
import { decisiveMoves, describeMargins, describeMove, MOVE_EXPLAINED, signedPoints } from './moves';
import { ModerationBoardLink } from './ModerationBoardLink';
import { criterionName } from './names';
import { soFar, type TotalsScope } from './scope';
import { Scroller } from './Scroller';

interface Props {
  evaluationId: string;
  ranking: RankingResult;
  framework: Pick<Framework, 'areas' | 'stages'>;
  scope: TotalsScope;
}

/**
 * Sensitivity, as a lead can act on it: how far apart the places are, then only the one-step moves that
 * would change who is first or second or make a bidder cross a threshold, smallest first — where the
 * moderation meeting should spend its time.
 */
export function WhatCouldChange({ evaluationId, ranking, framework, scope }: Props) {
  const placed = [...ranking.ranked, ...ranking.failed];
  const nameOf = new Map(placed.map((r) => [r.bidderId, r.name]));
  const { shown, lowerRanksOnly } = decisiveMoves(
    ranking.sensitivity,
    placed.map((r) => r.bidderId),
    listCriteria(framework).map((c) => c.id),
  );
  const concerned = placed.filter((r) => shown.some((f) => f.bidderId === r.bidderId));
  const lower = lowerRanksOnly === 0 ? '' : ` ${lowerRanksOnly} other ${lowerRanksOnly === 1 ? 'move changes' : 'moves change'} only a lower rank.`;
  return (
    <section aria-labelledby="what-could-change-heading">
      <h3 id="what-could-change-heading">What could change the result</h3>
      <p className="margins">{describeMargins(ranking.margins)}</p>
      {scope.partial && <p>Totals {soFar(scope)}.</p>}
      <p>
        {MOVE_EXPLAINED[ranking.aggregation]} Listed are the moves that would change who is first or second, or make a bidder cross a minimum
        threshold, smallest first.
        {scope.partial && ` While the ranking is provisional, only the ${scope.criteria} criteria it is ranked on are tried.`}
      </p>
      {shown.length === 0 ? (
        <p>No single one-step move on any criterion changes who is first or second, or crosses a threshold.{lower}</p>
      ) : (
        <>
          <Scroller className="table-scroll" label="Moves that could change the result">
            <table className="moves-table">
              <caption className="visually-hidden">Moves that would change the top two or cross a threshold, smallest first</caption>
              <thead>
                <tr>
                  <th scope="col">Bidder</th>
                  <th scope="col">Criterion</th>
                  <th scope="col">Move</th>
                  <th scope="col">Change to total (points)</th>
                  <th scope="col">What would happen</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((f) => (
                  <tr key={`${f.bidderId} ${f.criterionId} ${f.to}`}>
                    <th scope="row">{nameOf.get(f.bidderId) ?? f.bidderId}</th>
                    <td>{criterionName(framework, f.criterionId)}</td>
                    <td>{describeMove(f, ranking.aggregation)}</td>
                    <td className="number">{signedPoints(f.totalChange)}</td>
                    <td>{f.effect}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Scroller>
          {lower && <p>{lower.trim()}</p>}
          <ul className="board-links">
            {concerned.map((r) => (
              <li key={r.bidderId}>
                <span className="bidder-name">{r.name}</span>: <ModerationBoardLink evaluationId={evaluationId} bidderId={r.bidderId} name={r.name} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
