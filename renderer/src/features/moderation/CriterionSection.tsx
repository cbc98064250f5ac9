import { useId } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { BoardCriterion } from '../../../../shared/api/moderation';
import { usesConsensus, type AggregationRule } from '../../../../shared/domain/rules';
import { ConsensusForm } from './ConsensusForm';
import { ConsensusHistory } from './ConsensusHistory';
import { CurrentConsensus } from './CurrentConsensus';
import { SealedScoresTable } from './SealedScoresTable';
import { SpreadSummary } from './SpreadSummary';
import { criterionName, mayRecordConsensus, TO_REVISIT } from './wording';

interface Props {
  evaluation: EvaluationDetail;
  bidderId: string;
  criterion: BoardCriterion;
  tolerance: number;
  aggregation: AggregationRule;
  /** Only the moderator records, and only once every evaluator has sealed. */
  mayRecord: boolean;
}

/** One criterion (capability area — stage): the sealed scores side by side, the spread, the consensus and its history. */
export function CriterionSection({ evaluation, bidderId, criterion, tolerance, aggregation, mayRecord }: Props) {
  const headingId = useId();
  const name = criterionName(evaluation.framework, criterion);
  const { scale } = evaluation.settings;
  return (
    <section className={`board-criterion${criterion.flagged ? ' is-flagged' : ''}`} aria-labelledby={headingId}>
      <h4 id={headingId}>{name}</h4>
      {criterion.flagged && (
        <p className="flag">
          Flagged: spread {criterion.spread} ≥ tolerance {tolerance}
        </p>
      )}
      {criterion.toRevisit && <p className="to-revisit">{TO_REVISIT[criterion.toRevisit]}</p>}
      {criterion.consensusSetAside && (
        <p className="notice">A consensus is recorded here, but the evaluators now agree, so under the declared rule their score counts instead.</p>
      )}
      <SealedScoresTable criterion={criterion} name={name} scale={scale} />
      <SpreadSummary criterion={criterion} tolerance={tolerance} aggregation={aggregation} scale={scale} />
      {(usesConsensus(aggregation) || criterion.consensus) && <CurrentConsensus criterion={criterion} scale={scale} />}
      {mayRecord && mayRecordConsensus(aggregation, criterion) && <ConsensusForm evaluationId={evaluation.id} bidderId={bidderId} criterion={criterion} name={name} scale={scale} />}
      {criterion.versions > 1 && <ConsensusHistory evaluationId={evaluation.id} bidderId={bidderId} criterion={criterion} name={name} scale={scale} />}
    </section>
  );
}
