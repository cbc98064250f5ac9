import type { BoardBidder, BoardCriterion, SealedScore } from '../../../shared/api/moderation';
import { aggregate, isFlagged, spread, standardDeviation } from '../../../shared/domain/aggregation';
import { listCriteria, type Criterion, type Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { accessTo } from '../conflicts/access';
import type { Db } from '../db/open';
import { activePanel, biddersOf, frozenFramework, latestSettings } from '../evaluations/repo';
import { currentConsensus, sealedScores } from './repo';

export interface BoardInputs {
  framework: Framework;
  settings: EvaluationSettings;
}

export function boardCriterion(
  c: Criterion,
  sealed: SealedScore[],
  consensus: { current: BoardCriterion['consensus']; versions: number } | undefined,
  settings: EvaluationSettings,
  allSealed: boolean,
): BoardCriterion {
  const values = sealed.map((s) => s.score);
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
 * that counts under the aggregation rule; and which evaluators have yet to seal.
 */
export function buildBoard(
  db: Db,
  evaluationId: string,
  bidderIds: readonly string[],
  { withText = true }: { withText?: boolean } = {},
): { inputs: BoardInputs; bidders: BoardBidder[] } {
  const framework = frozenFramework(db, evaluationId);
  const { settings } = latestSettings(db, evaluationId);
  const single = bidderIds.length === 1 ? bidderIds[0] : undefined;
  const sealed = sealedScores(db, evaluationId, single, withText);
  const consensus = currentConsensus(db, evaluationId, single);
  const evaluators = activePanel(db, evaluationId).filter((m) => m.role === 'evaluator');
  const criteria = listCriteria(framework);
  const names = new Map(biddersOf(db, evaluationId).map((b) => [b.id, b.name]));
  const bidders = bidderIds.map((bidderId): BoardBidder => {
    const sealedHere = sealed.get(bidderId) ?? new Map<string, SealedScore[]>();
    const sealers = new Set([...sealedHere.values()].flat().map((s) => s.evaluatorId));
    const awaiting = awaitingSeal(db, evaluationId, evaluators, bidderId, sealers);
    const allSealed = awaiting.length === 0 && sealers.size > 0;
    return {
      bidderId,
      bidderName: names.get(bidderId) ?? bidderId,
      allSealed,
      awaiting,
      criteria: criteria.map((c) => boardCriterion(c, sealedHere.get(c.id) ?? [], consensus.get(bidderId)?.get(c.id), settings, allSealed)),
    };
  });
  return { inputs: { framework, settings }, bidders };
}
