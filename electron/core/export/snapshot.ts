import type { Declaration } from '../../../shared/api/conflicts';
import type { EvaluationDetail } from '../../../shared/api/evaluations';
import type { BoardBidder, ConsensusVersion, SealedScore } from '../../../shared/api/moderation';
import type { RankingResult } from '../../../shared/api/ranking';
import { listDeclarations } from '../conflicts/repo';
import type { Db } from '../db/open';
import { evaluationDetail } from '../evaluations/repo';
import { consensusHistory, sealedScoreCount, sealedScores } from '../moderation/repo';
import { buildBoard } from '../moderation/board';
import { rankingFrom } from '../ranking/compute';

export interface ResultsSnapshot {
  evaluation: EvaluationDetail;
  ranking: RankingResult;
  /** The board without rationales or evidence references: those are read a bidder at a time by `individualScores`. */
  board: BoardBidder[];
  /**
   * One bidder's sealed scores with their rationales and evidence references, per criterion, in evaluator
   * name order: exactly the sealed scores on the snapshot's board. Read when written rather than held for
   * the whole export (21,600 rationales are most of an export's memory); a sealed score can never change,
   * so reading it later gives what the snapshot saw, and a seal made since is left out.
   */
  individualScores(bidderId: string): ReadonlyMap<string, SealedScore[]>;
  /** How many sealed scores individualScores gives in all (for progress). */
  sealedCount: number;
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
      const { inputs, bidders: board, counting, excluded } = buildBoard(db, evaluationId, evaluation.bidders.map((b) => b.id), { summary: true });
      const ranking = rankingFrom({ ...inputs, counting }, false);
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
      // Whether a sealed score counts is also the snapshot's: a conflict declared while the export is written changes nothing in it.
      const sealers = new Map(counting.map((b) => [b.bidderId, b.sealers]));
      const individualScores = (bidderId: string) => {
        const sealedThen = sealers.get(bidderId);
        const current = sealedScores(db, evaluationId, bidderId, excluded).get(bidderId) ?? new Map<string, SealedScore[]>();
        return new Map([...current].map(([criterionId, list]) => [criterionId, list.filter((s) => sealedThen?.has(s.evaluatorId))]));
      };
      const sealedCount = sealedScoreCount(db, evaluationId);
      return { evaluation, ranking, board, individualScores, sealedCount, moderationLog, declarations: listDeclarations(db, evaluationId), documentNames, takenAt: now };
    })
    .deferred();
}
