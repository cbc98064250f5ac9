import { useEffect, useRef, useState } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { useConflicts } from '../../stores/conflicts';
import { useNavigation } from '../../stores/navigation';
import { TabHeading } from '../setup/TabHeading';
import { BidderDeclarationForm } from './BidderDeclarationForm';
import './conflicts.css';
import { DeclarationHistory } from './DeclarationHistory';
import { NoConflictsAtAll } from './NoConflictsAtAll';

/** Moderators and evaluators declare, per bidder and consortium member, before any bid content is shown. */
export function DeclarationsTab({ evaluation }: { evaluation: EvaluationDetail; bidderId?: string }) {
  const { mine, mineError, loadMine, evaluationId } = useConflicts();
  const go = useNavigation((s) => s.go);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    void loadMine(evaluation.id);
  }, [loadMine, evaluation.id]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const bidders = evaluationId === evaluation.id ? mine : null;
  const openBid = (bidderId: string) => () => go({ name: 'evaluation', evaluationId: evaluation.id, tab: 'scoring', bidderId });
  return (
    <>
      <TabHeading>Conflicts of interest</TabHeading>
      <p>
        Before you see any bid, declare for each bidder and each of its consortium members whether you have a conflict of interest: an actual, perceived or
        potential one. A conflict recuses you from that bidder entirely — you will see nothing of its bid — unless the procurement lead records a decision
        permitting you to take part. Declarations are never changed: if something new comes to light, declare again.
      </p>
      <LoadError message={mineError} />
      <p className="saved-notice" role="status" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      {!bidders && !mineError && <p role="status">Loading your declarations…</p>}
      {bidders && bidders.length === 0 && <p>There are no bidders in this evaluation yet.</p>}
      {bidders && (
        <>
          <NoConflictsAtAll evaluationId={evaluation.id} bidders={bidders} onDone={setNotice} />
          {bidders.map((b) => (
            <BidderDeclarationForm key={b.bidderId} evaluationId={evaluation.id} bidder={b} onOpenBid={evaluation.myRole === 'evaluator' ? openBid(b.bidderId) : undefined} />
          ))}
          <DeclarationHistory bidders={bidders} />
        </>
      )}
    </>
  );
}
