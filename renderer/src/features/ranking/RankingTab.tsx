import { useEffect } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { AGGREGATION_LABELS } from '../../../../shared/domain/rules';
import { scaleMax, scaleMin } from '../../../../shared/domain/scale';
import { LoadError } from '../../components/Feedback';
import { useRanking } from '../../stores/ranking';
import { TabHeading } from '../setup/TabHeading';
import { DecisiveCriteria } from './DecisiveCriteria';
import { MaturityProfiles } from './MaturityProfiles';
import { ProvisionalNotice } from './ProvisionalNotice';
import { RankedTable } from './RankedTable';
import './ranking.css';
import { SpreadSection } from './SpreadSection';
import { ThresholdFailures } from './ThresholdFailures';
import { TotalsChart } from './TotalsChart';

const SCORE_WORDS = { consensus: 'consensus score', mean: 'mean score', median: 'median score' } as const;

/** Ranked results for the procurement lead and moderators: the ranking, threshold failures, sensitivity and charts. */
export function RankingTab({ evaluation }: { evaluation: EvaluationDetail }) {
  const { ranking: loaded, rankingError, evaluationId, load } = useRanking();
  useEffect(() => {
    void load(evaluation.id);
  }, [load, evaluation.id]);

  const ranking = evaluationId === evaluation.id ? loaded : null;
  const { framework, settings } = evaluation;
  const everyone = ranking ? [...ranking.ranked, ...ranking.failed] : [];
  return (
    <>
      <TabHeading>Ranked results</TabHeading>
      <LoadError message={evaluationId === evaluation.id ? rankingError : null} />
      {!ranking && !rankingError && <p role="status">Working out the ranking…</p>}
      {ranking && (
        <>
          <dl className="summary-list">
            <dt>Scores that count</dt>
            <dd>{AGGREGATION_LABELS[ranking.aggregation]}</dd>
            <dt>Tie-break rule</dt>
            <dd>{ranking.tieBreakRule}</dd>
            <dt>Totals</dt>
            <dd>Weighted totals as a percentage of the maximum; sub-totals in weighted points of the most each could contribute.</dd>
          </dl>
          {ranking.provisional && (
            <ProvisionalNotice aggregation={ranking.aggregation} incomplete={everyone.filter((r) => !r.complete).map((r) => r.name)} />
          )}
          {everyone.length === 0 && <p>This evaluation has no bidders yet.</p>}
          {everyone.length > 0 && (
            <>
              <section aria-labelledby="ranking-heading">
                <h3 id="ranking-heading">Ranking</h3>
                <RankedTable ranked={ranking.ranked} framework={framework} leaveAsTie={settings.rules.tieBreak.kind === 'leave-as-tie'} />
              </section>
              <ThresholdFailures failed={ranking.failed} framework={framework} />
              <DecisiveCriteria
                evaluationId={evaluation.id}
                rows={everyone}
                flags={ranking.sensitivity}
                framework={framework}
                scoreWord={SCORE_WORDS[ranking.aggregation]}
              />
              <TotalsChart rows={everyone} stages={framework.stages} />
              <MaturityProfiles rows={everyone} framework={framework} scaleMin={scaleMin(settings.scale)} scaleMax={scaleMax(settings.scale)} />
              <SpreadSection evaluationId={evaluation.id} rows={everyone} framework={framework} settings={settings} />
            </>
          )}
        </>
      )}
    </>
  );
}
