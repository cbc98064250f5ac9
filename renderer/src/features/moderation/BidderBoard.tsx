import { useState } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import type { Board } from '../../stores/moderation';
import { BackToBidders } from './BackToBidders';
import { usesConsensus } from '../../../../shared/domain/rules';
import { BoardFilters, matchesFilters, type Filters } from './BoardFilters';
import { ConfirmAgreed } from './ConfirmAgreed';
import { CriterionSection } from './CriterionSection';
import { RuleStatement } from './RuleStatement';
import { SealingNotice } from './SealingNotice';
import { useFocusWhenLost } from './use-focus-when-lost';

/** One bidder's board: the rule, who is still to seal, the filters and a section per criterion. */
export function BidderBoard({ evaluation, board }: { evaluation: EvaluationDetail; board: Board }) {
  const headingRef = useFocusWhenLost<HTMLHeadingElement>();
  const [filters, setFilters] = useState<Filters>({ flaggedOnly: false, notYetModerated: false });
  const bidder = board.bidders[0];
  if (!bidder) return <BackToBidders evaluationId={evaluation.id} />;
  const shown = bidder.criteria.filter((c) => matchesFilters(c, filters));
  const mayRecord = evaluation.myRole === 'moderator' && evaluation.status === 'scoring' && bidder.allSealed;
  return (
    <>
      <BackToBidders evaluationId={evaluation.id} />
      <h3 ref={headingRef} tabIndex={-1}>
        {bidder.bidderName}
      </h3>
      <RuleStatement aggregation={board.aggregation} tolerance={board.tolerance} />
      <SealingNotice bidder={bidder} />
      {evaluation.myRole === 'lead' && <p className="panel-box">You are the procurement lead: you can read the board, and only the moderator records a consensus.</p>}
      {mayRecord && usesConsensus(board.aggregation) && <ConfirmAgreed evaluationId={evaluation.id} bidder={bidder} aggregation={board.aggregation} />}
      <BoardFilters filters={filters} onChange={setFilters} shown={shown.length} total={bidder.criteria.length} />
      {shown.map((c) => (
        <CriterionSection key={c.criterionId} evaluation={evaluation} bidderId={bidder.bidderId} criterion={c} tolerance={board.tolerance} aggregation={board.aggregation} mayRecord={mayRecord} />
      ))}
    </>
  );
}
