import { useEffect, useState } from 'react';
import type { EvaluationSettings } from '../../../../shared/domain/settings';
import type { Framework } from '../../../../shared/domain/framework';
import type { AggregationRule } from '../../../../shared/domain/rules';
import { LoadError } from '../../components/Feedback';
import { SelectField } from '../../components/fields';
import { useRanking } from '../../stores/ranking';
import { SpreadData } from './SpreadData';
import { SpreadChart } from './charts/SpreadChart';
import { listNames } from './format';

/** What the marked score on the spread chart is, under each rule: the score that counts. */
const MARKER_LABELS: Record<AggregationRule, string> = {
  consensus: 'Consensus (moderated score)',
  'mean-unless-flagged': 'Score that counts: mean, or the consensus where flagged',
  'median-unless-flagged': 'Score that counts: median, or the consensus where flagged',
  mean: 'Mean of the sealed scores',
  median: 'Median of the sealed scores',
};

interface Props {
  evaluationId: string;
  /** Every bidder, ranked or not: a bidder not yet ranked may be just the one whose spread the panel needs to see. */
  bidders: { bidderId: string; name: string }[];
  framework: Pick<Framework, 'areas' | 'stages'>;
  settings: EvaluationSettings;
}

/** How far apart the evaluators' sealed scores are, per criterion, for one chosen bidder (from the moderation board). */
export function SpreadSection({ evaluationId, bidders, framework, settings }: Props) {
  const [bidderId, setBidderId] = useState(bidders[0]?.bidderId ?? '');
  const { spread, spreadError, spreadBidderId, loadSpread } = useRanking();
  useEffect(() => {
    if (bidderId) void loadSpread(evaluationId, bidderId);
  }, [loadSpread, evaluationId, bidderId]);

  const board = spreadBidderId === bidderId ? spread : null;
  const bidder = board?.bidders[0];
  const markerLabel = MARKER_LABELS[board?.aggregation ?? settings.rules.aggregation];
  return (
    <section aria-labelledby="spread-heading">
      <h3 id="spread-heading">Spread of scores per criterion</h3>
      <p>
        Each line runs from the lowest to the highest sealed score; criteria whose spread reaches the tolerance of {settings.rules.spreadTolerance}{' '}
        are flagged for moderation.
      </p>
      <SelectField label="Bidder" hint="Whose scores to show" value={bidderId} onChange={(e) => setBidderId(e.target.value)}>
        {bidders.map((b) => (
          <option key={b.bidderId} value={b.bidderId}>
            {b.name}
          </option>
        ))}
      </SelectField>
      <LoadError message={spreadBidderId === bidderId ? spreadError : null} />
      {!board && !spreadError && <p role="status">Loading the scores…</p>}
      {bidder && (
        <>
          {bidder.awaiting.length > 0 && <p>Still to seal: {listNames(bidder.awaiting)}. Only sealed scores are shown.</p>}
          <SpreadChart
            criteria={bidder.criteria}
            framework={framework}
            scalePoints={settings.scale.points.map((p) => p.value)}
            markerLabel={markerLabel}
          />
          <SpreadData bidder={bidder} framework={framework} markerLabel={markerLabel} />
        </>
      )}
    </section>
  );
}
