import type { BoardBidder, BoardCriterion, SealedScore } from '../../../shared/api/moderation';
import type { Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { readCountingScores, type CountingBidder, type CountingCriterion } from '../counting/counting-scores';
import type { Exclusions } from '../counting/exclusions';
import type { Db } from '../db/open';
import { sealedScores } from './repo';

export interface BoardInputs {
  framework: Framework;
  settings: EvaluationSettings;
}

function boardCriterion(c: CountingCriterion, sealed: SealedScore[]): BoardCriterion {
  return {
    criterionId: c.criterion.id,
    areaId: c.criterion.areaId,
    stageId: c.criterion.stageId,
    sealed,
    spread: c.spread,
    standardDeviation: c.standardDeviation,
    flagged: c.counting.flagged,
    consensus: c.consensus?.current ?? null,
    versions: c.consensus?.versions ?? 0,
    confirmation: c.confirmation && { score: c.confirmation.score, note: c.confirmation.note, confirmedAt: c.confirmation.confirmedAt, confirmedBy: c.confirmation.confirmedBy },
    agreed: c.agreed,
    aggregated: c.counting.score,
    basis: c.counting.basis,
    consensusSetAside: c.counting.consensusSetAside,
    toRevisit: c.toRevisit,
  };
}

/**
 * The moderation board for the given bidders: the read model of the scores that count (spread, standard
 * deviation, flag, consensus, confirmation, the score that counts and why), with every sealed score side by
 * side per criterion and which evaluators have yet to seal. As a `summary` it leaves the sealed scores
 * themselves out (every figure stays).
 */
export function buildBoard(
  db: Db,
  evaluationId: string,
  bidderIds: readonly string[],
  { summary = false }: { summary?: boolean } = {},
): { inputs: BoardInputs; bidders: BoardBidder[]; counting: CountingBidder[]; excluded: Exclusions } {
  const { framework, settings, bidders: counting, excluded } = readCountingScores(db, evaluationId, bidderIds);
  const single = bidderIds.length === 1 ? bidderIds[0] : undefined;
  const sealed = summary ? new Map<string, Map<string, SealedScore[]>>() : sealedScores(db, evaluationId, single, excluded);
  const bidders = counting.map(
    (b): BoardBidder => ({
      bidderId: b.bidderId,
      bidderName: b.bidderName,
      allSealed: b.allSealed,
      awaiting: b.awaiting,
      criteria: b.criteria.map((c) => boardCriterion(c, sealed.get(b.bidderId)?.get(c.criterion.id) ?? [])),
    }),
  );
  return { inputs: { framework, settings }, bidders, counting, excluded };
}
