import { useEffect } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { AGGREGATION_LABELS } from '../../../../shared/domain/rules';
import { scaleMax, scaleMin } from '../../../../shared/domain/scale';
import { LoadError } from '../../components/Feedback';
import { useRanking } from '../../stores/ranking';
import { TabHeading } from '../setup/TabHeading';
import { listNames } from './format';
import { unconfirmedWording } from './missing';
import { MaturityProfiles } from './MaturityProfiles';
import { ProvisionalNotice } from './ProvisionalNotice';
import { RankedTable } from './RankedTable';
import './ranking.css';
import { totalsScope } from './scope';
import { SpreadSection } from './SpreadSection';
import { ThresholdFailures } from './ThresholdFailures';
import { TotalsChart } from './TotalsChart';
import { WhatCouldChange } from './WhatCouldChange';
import { someScoreCounts } from './missing';

/** Ranked results for the procurement lead and moderators: the ranking, threshold failures, what could change it, and charts. */
export function RankingTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { ranking: loaded, rankingError, evaluationId, load } = useRanking();
  useEffect(() => {
    void load(evaluation.id);
  }, [load, evaluation.id]);

  const ranking = evaluationId === evaluation.id ? loaded : null;
  const { framework, settings } = evaluation;
  const placed = ranking ? [...ranking.ranked, ...ranking.failed] : [];
  const everyBidder = ranking ? [...placed.map((r) => ({ bidderId: r.bidderId, name: r.name })), ...ranking.notYetRanked] : [];
  const scope = ranking ? totalsScope(framework, settings.weights, ranking) : null;
  // With no criterion scored for every bidder, every total would be 0: an order on nothing is not shown.
  const comparable = scope !== null && scope.criteria > 0;
  return (
    <>
      <TabHeading>Ranked results</TabHeading>
      <LoadError message={evaluationId === evaluation.id ? rankingError : null} />
      {!ranking && !rankingError && <p role="status">Working out the ranking…</p>}
      {ranking && scope && (
        <>
          <dl className="summary-list">
            <dt>Scores that count</dt>
            <dd>{AGGREGATION_LABELS[ranking.aggregation]}</dd>
            <dt>Tie-break rule</dt>
            <dd>{ranking.tieBreakRule}</dd>
            <dt>Totals</dt>
            <dd>Weighted totals as a percentage of the maximum; sub-totals in weighted points of the most each could contribute.</dd>
          </dl>
          {ranking.provisional && <ProvisionalNotice evaluationId={evaluation.id} ranking={ranking} framework={framework} scope={scope} />}
          {!ranking.provisional && ranking.unconfirmed > 0 && <p>{unconfirmedWording(ranking.unconfirmed)}</p>}
          {everyBidder.length === 0 && <p>This evaluation has no bidders yet.</p>}
          {everyBidder.length > 0 && (
            <>
              <section aria-labelledby="ranking-heading">
                <h3 id="ranking-heading">Ranking</h3>
                {comparable ? (
                  <RankedTable
                    ranked={ranking.ranked}
                    framework={framework}
                    leaveAsTie={settings.rules.tieBreak.kind === 'leave-as-tie'}
                    scope={scope}
                  />
                ) : (
                  <p>
                    {placed.length === 0 && !someScoreCounts(ranking, scope.ofCriteria)
                      ? 'No bidder has a score that counts yet, so no one is ranked.'
                      : 'No criterion has a score that counts for every bidder yet, so no one is ranked.'}
                  </p>
                )}
                {ranking.notYetRanked.length > 0 && (
                  <p>
                    Not yet ranked: {listNames(ranking.notYetRanked.map((b) => b.name))} —{' '}
                    {someScoreCounts(ranking, scope.ofCriteria) && placed.length === 0 ? 'no criterion has a score that counts for all of them yet' : 'no score counts yet'}, so{' '}
                    {ranking.notYetRanked.length === 1 ? 'this bidder is' : 'these bidders are'} left out rather than ranked on nothing.
                  </p>
                )}
              </section>
              {placed.length > 0 && (
                <>
                  <ThresholdFailures failed={ranking.failed} framework={framework} scope={scope} />
                  {comparable && <WhatCouldChange evaluationId={evaluation.id} ranking={ranking} framework={framework} scope={scope} />}
                  {comparable && <TotalsChart rows={placed} stages={framework.stages} scope={scope} />}
                  <MaturityProfiles rows={placed} framework={framework} scaleMin={scaleMin(settings.scale)} scaleMax={scaleMax(settings.scale)} />
                </>
              )}
              <SpreadSection evaluationId={evaluation.id} bidders={everyBidder} framework={framework} settings={settings} />
            </>
          )}
        </>
      )}
    </>
  );
}
