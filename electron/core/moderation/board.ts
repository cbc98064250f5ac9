import type { BoardBidder, BoardCriterion, SealedScore } from '../../../shared/api/moderation';
import { aggregate, isFlagged, spread, standardDeviation } from '../../../shared/domain/aggregation';
import { listCriteria, type Criterion, type Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { accessTo } from '../conflicts/access';
import type { Db } from '../db/open';
import { activePanel, biddersOf, frozenFramework, latestSettings } from '../evaluations/repo';
import { currentConsensus, sealedScores, countedScoreValues, sealersByBidder, type SealedValues } from './repo';

export interface BoardInputs {
  framework: Framework;
  settings: EvaluationSettings;
}

function boardCriterion(
  c: Criterion,
  values: readonly number[],
  sealed: SealedScore[],
  consensus: { current: BoardCriterion['consensus']; versions: number } | undefined,
  settings: EvaluationSettings,
  allSealed: boolean,
): BoardCriterion {
  return {
    criterionId: c.id,
    areaId: c.areaId,
    stageId: c.stageId,
    sealed,
    spread: spread(values),
    standardDeviation: standardDeviation(values),
    flagged: isFlagged(values, settings.rules.spreadTolerance),
    consensus: consensus?.current ?? null,
    versions: consensus?.versions ?? 0,
    // A mean or median of only the evaluators who have sealed so far is not the panel's score: none counts until all have sealed.
    aggregated: aggregate(settings.rules.aggregation, allSealed ? values : [], consensus?.current?.score ?? null),
  };
}

/** The evaluators a bidder still waits for: those who may score it (not recused) and have not sealed. */
export function awaitingSeal(db: Db, evaluationId: string, evaluators: readonly { personId: string; name: string }[], bidderId: string, sealers: ReadonlySet<string>): string[] {
  return evaluators.filter((e) => !sealers.has(e.personId) && accessTo(db, evaluationId, e.personId, bidderId) !== 'recused').map((e) => e.name);
}

/**
 * The moderation board for the given bidders: every sealed score side by side per criterion, the spread
 * and standard deviation, the flag at the evaluation's tolerance, the current consensus and the score
 * that counts under the aggregation rule; and which evaluators have yet to seal. As a `summary` it leaves
 * the sealed scores themselves out (every figure stays) and reads only their values.
 */
export function buildBoard(
  db: Db,
  evaluationId: string,
  bidderIds: readonly string[],
  { summary = false }: { summary?: boolean } = {},
): { inputs: BoardInputs; bidders: BoardBidder[]; sealers: ReadonlyMap<string, ReadonlySet<string>> } {
  const framework = frozenFramework(db, evaluationId);
  const { settings } = latestSettings(db, evaluationId);
  const single = bidderIds.length === 1 ? bidderIds[0] : undefined;
  const scores = summary ? fromValues(countedScoreValues(db, evaluationId)) : fromSealed(sealedScores(db, evaluationId, single), sealersByBidder(db, evaluationId, single));
  const consensus = currentConsensus(db, evaluationId, single);
  const evaluators = activePanel(db, evaluationId).filter((m) => m.role === 'evaluator');
  const criteria = listCriteria(framework);
  const names = new Map(biddersOf(db, evaluationId).map((b) => [b.id, b.name]));
  const bidders = bidderIds.map((bidderId): BoardBidder => {
    const sealers = scores.sealers.get(bidderId) ?? new Set<string>();
    const awaiting = awaitingSeal(db, evaluationId, evaluators, bidderId, sealers);
    const allSealed = awaiting.length === 0 && sealers.size > 0;
    return {
      bidderId,
      bidderName: names.get(bidderId) ?? bidderId,
      allSealed,
      awaiting,
      criteria: criteria.map((c) =>
        boardCriterion(c, scores.values(bidderId, c.id), scores.sealed(bidderId, c.id), consensus.get(bidderId)?.get(c.id), settings, allSealed),
      ),
    };
  });
  return { inputs: { framework, settings }, bidders, sealers: scores.sealers };
}

interface BoardScores {
  sealers: ReadonlyMap<string, ReadonlySet<string>>;
  values(bidderId: string, criterionId: string): readonly number[];
  sealed(bidderId: string, criterionId: string): SealedScore[];
}

function fromSealed(byBidder: Map<string, Map<string, SealedScore[]>>, sealers: Map<string, Set<string>>): BoardScores {
  const list = (bidderId: string, criterionId: string) => byBidder.get(bidderId)?.get(criterionId) ?? [];
  return {
    sealers,
    values: (bidderId, criterionId) =>
      list(bidderId, criterionId)
        .filter((s) => s.counted)
        .map((s) => s.score)
        .sort((a, b) => a - b),
    sealed: list,
  };
}

function fromValues({ sealers, values }: SealedValues): BoardScores {
  return { sealers, values: (bidderId, criterionId) => values.get(bidderId)?.get(criterionId) ?? [], sealed: () => [] };
}
