import type { RankingResult } from '../../../../shared/api/ranking';
import type { Framework } from '../../../../shared/domain/framework';
import { listNames } from './format';
import { missingByBidder, REVISIT_WORDING, someScoreCounts, unconfirmedWording } from './missing';
import { ModerationBoardLink } from './ModerationBoardLink';
import { criterionName } from './names';
import type { TotalsScope } from './scope';

interface Props {
  evaluationId: string;
  ranking: RankingResult;
  framework: Pick<Framework, 'areas' | 'stages'>;
  scope: TotalsScope;
}

/** What the totals are computed over while the ranking is provisional, and who is left out of it. */
function rankedOnSentence({ ranking, scope }: Pick<Props, 'ranking' | 'scope'>): string {
  const notYet = ranking.notYetRanked.map((b) => b.name);
  const noneRanked = ranking.ranked.length + ranking.failed.length === 0;
  if (noneRanked && someScoreCounts(ranking, scope.ofCriteria)) return `No criterion has a score that counts for every bidder yet, so the bidders cannot yet be compared. Not yet ranked: ${listNames(notYet)}.`;
  const left = notYet.length > 0 ? ` Not yet ranked: ${listNames(notYet)} (no score counts yet).` : '';
  if (noneRanked) return `No bidder has a score that counts yet, so no one is ranked.`;
  if (scope.criteria === 0) return `No criterion has a score that counts for every bidder yet, so the bidders cannot yet be compared.${left}`;
  if (scope.partial) return `Ranked on ${scope.criteria} of ${scope.ofCriteria} criteria — those with a score that counts for every bidder.${left}`;
  return `Ranked on all ${scope.ofCriteria} criteria.${left}`;
}

/** Said before anything else while the order can still change: exactly why, and where to act on it. */
export function ProvisionalNotice({ evaluationId, ranking, framework, scope }: Props) {
  const bidders = [...ranking.ranked, ...ranking.failed].map((r) => ({ bidderId: r.bidderId, name: r.name })).concat(ranking.notYetRanked);
  const missing = missingByBidder(ranking.missing, bidders, framework);
  const revisit = (bidderId: string) => ranking.toRevisit.filter((r) => r.bidderId === bidderId);
  const toAct = bidders.filter((b) => missing.some((m) => m.bidderId === b.bidderId) || revisit(b.bidderId).length > 0);
  return (
    <div className="provisional" role="note" aria-labelledby="provisional-heading">
      <h3 id="provisional-heading">Provisional — the order can still change</h3>
      <p>{rankedOnSentence({ ranking, scope })}</p>
      {toAct.length > 0 && (
        <>
          <h4>What is still to do</h4>
          <ul className="still-to-do">
            {toAct.map((b) => (
              <li key={b.bidderId}>
                <span className="bidder-name">{b.name}</span>
                <ul>
                  {missing
                    .find((m) => m.bidderId === b.bidderId)
                    ?.lines.map((line) => (
                      <li key={line.basis}>
                        {line.which}: {line.why}.
                      </li>
                    ))}
                  {revisit(b.bidderId).map((r) => (
                    <li key={r.criterionId}>
                      Decision to revisit: {criterionName(framework, r.criterionId)}, {REVISIT_WORDING[r.reason]}.
                    </li>
                  ))}
                </ul>
                <ModerationBoardLink evaluationId={evaluationId} bidderId={b.bidderId} name={b.name} />
              </li>
            ))}
          </ul>
        </>
      )}
      {ranking.unconfirmed > 0 && <p>{unconfirmedWording(ranking.unconfirmed)}</p>}
    </div>
  );
}
