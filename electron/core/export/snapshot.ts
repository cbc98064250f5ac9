import type { Declaration } from '../../../shared/api/conflicts';
import type { EvaluationDetail } from '../../../shared/api/evaluations';
import type { BoardBidder, ConsensusVersion } from '../../../shared/api/moderation';
import type { RankingResult } from '../../../shared/api/ranking';
import { listDeclarations } from '../conflicts/repo';
import type { Db } from '../db/open';
import { evaluationDetail } from '../evaluations/repo';
import { consensusHistory } from '../moderation/repo';
import { buildBoard } from '../moderation/board';
import { rankingFrom } from '../ranking/compute';

export interface ResultsSnapshot {
  evaluation: EvaluationDetail;
  ranking: RankingResult;
  board: BoardBidder[];
  /** Every consensus version per bidder → criterion, newest first. */
  moderationLog: { bidderId: string; criterionId: string; versions: ConsensusVersion[] }[];
  declarations: Declaration[];
  documentNames: Map<string, string>;
  takenAt: string;
}

/** Everything an export needs, read in one transaction so every sheet describes the same moment. */
export function takeSnapshot(db: Db, evaluationId: string, personId: string, now: string): ResultsSnapshot {
  return db
    .transaction(() => {
      const evaluation = evaluationDetail(db, evaluationId, personId);
      const { inputs, bidders: board } = buildBoard(db, evaluationId, evaluation.bidders.map((b) => b.id));
      const scores = new Map(board.map((b) => [b.bidderId, new Map(b.criteria.map((c) => [c.criterionId, c.aggregated]))]));
      const ranking = rankingFrom({ ...inputs, bidders: evaluation.bidders, scores }, false);
      const moderationLog = board.flatMap((b) =>
        b.criteria
          .filter((c) => c.versions > 0)
          .map((c) => ({ bidderId: b.bidderId, criterionId: c.criterionId, versions: consensusHistory(db, evaluationId, b.bidderId, c.criterionId) })),
      );
      const documentNames = new Map(
        (
          db
            .prepare('SELECT d.id, d.file_name FROM documents d JOIN bidders b ON b.id = d.bidder_id WHERE b.evaluation_id = ?')
            .all(evaluationId) as { id: string; file_name: string }[]
        ).map((d) => [d.id, d.file_name]),
      );
      return { evaluation, ranking, board, moderationLog, declarations: listDeclarations(db, evaluationId), documentNames, takenAt: now };
    })
    .deferred();
}
