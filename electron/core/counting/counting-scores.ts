import { spread, standardDeviation } from '../../../shared/domain/aggregation';
import { agreedScore, countingScore, type CountingScore } from '../../../shared/domain/counting';
import { listCriteria, type Criterion, type Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { activePanel, biddersOf, frozenFramework, latestSettings } from '../evaluations/repo';
import { currentConfirmations, type Confirmation } from '../moderation/confirmations';
import { countedScoreValues, currentConsensus, type CurrentConsensus } from '../moderation/repo';
import { exclusionKey, exclusions, type Exclusions } from './exclusions';

/**
 * Why a recorded moderation decision is to be looked at again before the results are final:
 * - excluded-score: it was recorded while a sealed score counted that no longer does (a conflict declared
 *   since, or an evaluator removed with their scores);
 * - agreed-score-changed: the evaluators' agreed score is no longer the one a moderator confirmed;
 * - score-revised: an evaluator revised their sealed score (citing a bid addendum) after it was recorded.
 */
export type RevisitReason = 'excluded-score' | 'agreed-score-changed' | 'score-revised';

export interface CountingCriterion {
  criterion: Criterion;
  /** The sealed scores that count, sorted. */
  values: readonly number[];
  spread: number | null;
  standardDeviation: number | null;
  consensus: CurrentConsensus | null;
  confirmation: Confirmation | null;
  /** The score evaluators agree on, where they do: what a moderator may confirm. */
  agreed: number | null;
  counting: CountingScore;
  toRevisit: RevisitReason | null;
}

export interface CountingBidder {
  bidderId: string;
  bidderName: string;
  /** Every evaluator who may score this bidder has sealed. */
  allSealed: boolean;
  /** Evaluators who may score this bidder and have not sealed. */
  awaiting: string[];
  sealers: ReadonlySet<string>;
  /** Sealers whose scores count for this bidder: what a consensus or confirmation is recorded against. */
  countedEvaluators: string[];
  criteria: CountingCriterion[];
}

export interface CountingScores {
  framework: Framework;
  settings: EvaluationSettings;
  excluded: Exclusions;
  bidders: CountingBidder[];
}

/**
 * The evaluators a bidder still waits for: those who may score it and have not sealed. A panel member's
 * exclusion is a recusal by conflict (the rule of `accessTo`, read once for the whole evaluation by
 * `exclusions`), so this asks no more queries per evaluator.
 */
function awaitingSeal(evaluators: readonly { personId: string; name: string }[], bidderId: string, sealers: ReadonlySet<string>, excluded: Exclusions): string[] {
  return evaluators.filter((e) => !sealers.has(e.personId) && !excluded.has(exclusionKey(e.personId, bidderId))).map((e) => e.name);
}

function revisitOf(c: Omit<CountingCriterion, 'toRevisit'>, bidderId: string, excluded: Exclusions, revisedAt: string | undefined): RevisitReason | null {
  const byConsensus = c.counting.basis === 'consensus';
  const recordedWith = byConsensus ? c.consensus?.countedEvaluators : c.confirmation?.countedEvaluators;
  if (recordedWith?.some((evaluatorId) => excluded.has(exclusionKey(evaluatorId, bidderId)))) return 'excluded-score';
  const confirmationStands = c.consensus === null || !byConsensus;
  if (c.confirmation && confirmationStands && c.agreed !== null && c.confirmation.score !== c.agreed) return 'agreed-score-changed';
  const recordedAt = byConsensus ? c.consensus?.current.recordedAt : c.confirmation?.confirmedAt;
  if (recordedAt && revisedAt && revisedAt > recordedAt) return 'score-revised';
  return null;
}

/** When a sealed score was last revised in light of a bid addendum, per "bidderId criterionId". */
function lastRevisions(db: Db, evaluationId: string, bidderId?: string): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT bidder_id, criterion_id, MAX(saved_at) FROM score_entries
       WHERE evaluation_id = ? ${bidderId ? 'AND bidder_id = ?' : ''} AND addendum_id IS NOT NULL GROUP BY bidder_id, criterion_id`,
    )
    .raw()
    .all(...(bidderId ? [evaluationId, bidderId] : [evaluationId])) as [string, string, string][];
  return new Map(rows.map(([bidder, criterion, at]) => [`${bidder} ${criterion}`, at]));
}

/**
 * The read model of the scores that count: for every bidder and criterion the counted sealed scores, their
 * spread and flag, the current consensus and confirmation, and the score that counts under the declared
 * rule (`countingScore`). The board, the overview, the ranking, every export and report read it, so that
 * the screen and the files cannot disagree.
 */
export function readCountingScores(db: Db, evaluationId: string, bidderIds?: readonly string[]): CountingScores {
  const framework = frozenFramework(db, evaluationId);
  const { settings } = latestSettings(db, evaluationId);
  const names = new Map(biddersOf(db, evaluationId).map((b) => [b.id, b.name]));
  const ids = bidderIds ?? [...names.keys()];
  const single = ids.length === 1 ? ids[0] : undefined;
  const excluded = exclusions(db, evaluationId);
  const { sealers, values } = countedScoreValues(db, evaluationId, single, excluded);
  const consensus = currentConsensus(db, evaluationId, single);
  const confirmations = currentConfirmations(db, evaluationId, single);
  const revised = lastRevisions(db, evaluationId, single);
  const evaluators = activePanel(db, evaluationId).filter((m) => m.role === 'evaluator');
  const criteria = listCriteria(framework);
  const { aggregation: rule, spreadTolerance: tolerance } = settings.rules;
  const bidders = ids.map((bidderId): CountingBidder => {
    const sealed = sealers.get(bidderId) ?? new Set<string>();
    const awaiting = awaitingSeal(evaluators, bidderId, sealed, excluded);
    const allSealed = awaiting.length === 0 && sealed.size > 0;
    return {
      bidderId,
      bidderName: names.get(bidderId) ?? bidderId,
      allSealed,
      awaiting,
      sealers: sealed,
      countedEvaluators: [...sealed].filter((e) => !excluded.has(exclusionKey(e, bidderId))).sort(),
      criteria: criteria.map((criterion) => {
        const list = values.get(bidderId)?.get(criterion.id) ?? [];
        const current = consensus.get(bidderId)?.get(criterion.id) ?? null;
        const confirmation = confirmations.get(bidderId)?.get(criterion.id) ?? null;
        const scale = settings.scale;
        const agreed = agreedScore({ rule, scale, tolerance, values: list, allSealed });
        const counting = countingScore({ rule, scale, tolerance, values: list, allSealed, consensus: current?.current.score ?? null, confirmed: confirmation?.score ?? null });
        const row = { criterion, values: list, spread: spread(list), standardDeviation: standardDeviation(list), consensus: current, confirmation, agreed, counting };
        return { ...row, toRevisit: revisitOf(row, bidderId, excluded, revised.get(`${bidderId} ${criterion.id}`)) };
      }),
    };
  });
  return { framework, settings, excluded, bidders };
}
