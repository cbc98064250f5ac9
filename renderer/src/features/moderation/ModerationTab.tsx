import { useEffect } from 'react';
import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { LoadError } from '../../components/Feedback';
import { useModeration } from '../../stores/moderation';
import { TabHeading } from '../setup/TabHeading';
import { BackToBidders } from './BackToBidders';
import { BidderBoard } from './BidderBoard';
import { BidderOverview } from './BidderOverview';
import './moderation.css';

/** The moderation board: every bidder's moderation status, or one bidder's sealed scores side by side. */
export function ModerationTab({ evaluation, bidderId }: { evaluation: EvaluationDetail; bidderId?: string }) {
  const load = useModeration((s) => s.load);
  const showing = useModeration((s) => s.isShowing(evaluation.id, bidderId ?? null));
  const board = useModeration((s) => s.board);
  const boardError = useModeration((s) => s.boardError);
  useEffect(() => {
    void load(evaluation.id, bidderId ?? null);
  }, [load, evaluation.id, bidderId]);

  return (
    <>
      <TabHeading>Moderation</TabHeading>
      {bidderId && boardError && <BackToBidders evaluationId={evaluation.id} />}
      <LoadError message={boardError} />
      {!showing && !boardError && <p role="status">Loading the moderation board…</p>}
      {showing && board && !bidderId && <BidderOverview evaluation={evaluation} board={board} />}
      {showing && board && bidderId && <BidderBoard evaluation={evaluation} board={board} />}
    </>
  );
}
