import type { SyntheticEvent } from 'react';
import type { BoardCriterion } from '../../../../shared/api/moderation';
import type { Scale } from '../../../../shared/domain/scale';
import { LoadError } from '../../components/Feedback';
import { useModeration } from '../../stores/moderation';
import { ConsensusDetails } from './ConsensusDetails';

interface Props {
  evaluationId: string;
  bidderId: string;
  criterion: BoardCriterion;
  name: string;
  scale: Scale;
}

/** Every earlier consensus version of a criterion, newest first: nothing is overwritten. */
export function ConsensusHistory({ evaluationId, bidderId, criterion, name, scale }: Props) {
  const versions = useModeration((s) => s.histories[criterion.criterionId]);
  const error = useModeration((s) => s.historyErrors[criterion.criterionId]);
  const loadHistory = useModeration((s) => s.loadHistory);
  const earlier = versions?.filter((v) => v.id !== criterion.consensus?.id) ?? null;
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => {
    if (e.currentTarget.open && !versions) void loadHistory(evaluationId, bidderId, criterion.criterionId);
  };
  const count = criterion.versions - 1;
  return (
    <details className="consensus-history" onToggle={onToggle}>
      <summary>
        History<span className="visually-hidden"> of the consensus for {name}</span>: {count} earlier {count === 1 ? 'version' : 'versions'}
      </summary>
      <LoadError message={error || null} />
      {!earlier && !error && <p role="status">Loading the history…</p>}
      {earlier && (
        <ol className="version-list">
          {earlier.map((v, i) => (
            <li key={v.id}>
              <p className="version-title">Version {earlier.length - i} (superseded)</p>
              <ConsensusDetails version={v} scale={scale} />
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
