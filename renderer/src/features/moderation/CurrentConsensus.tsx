import type { BoardCriterion } from '../../../../shared/api/moderation';
import type { Scale } from '../../../../shared/domain/scale';
import { ConsensusDetails } from './ConsensusDetails';

/** The latest consensus version of a criterion, if there is one. */
export function CurrentConsensus({ criterion, scale }: { criterion: BoardCriterion; scale: Scale }) {
  return (
    <div className="current-consensus">
      <h5>Current consensus{criterion.versions > 1 && ` (version ${criterion.versions})`}</h5>
      {criterion.consensus ? <ConsensusDetails version={criterion.consensus} scale={scale} /> : <p>No consensus recorded yet.</p>}
    </div>
  );
}
