import type { ConsensusVersion } from '../../../../shared/api/moderation';
import type { Scale } from '../../../../shared/domain/scale';
import { scoreLabel, when } from './wording';

/** One consensus version: score, who and when, both notes and the reason. */
export function ConsensusDetails({ version, scale }: { version: ConsensusVersion; scale: Scale }) {
  return (
    <dl className="summary-list">
      <dt>Consensus score</dt>
      <dd>{scoreLabel(scale, version.score)}</dd>
      <dt>Recorded</dt>
      <dd>
        by {version.recordedBy}, {when(version.recordedAt)}
      </dd>
      <dt>Internal moderation note</dt>
      <dd className="note">{version.internalNote}</dd>
      <dt>Bidder-facing explanation</dt>
      <dd className="note">{version.bidderExplanation}</dd>
      <dt>Reason</dt>
      <dd className="note">{version.reason || 'None given'}</dd>
    </dl>
  );
}
