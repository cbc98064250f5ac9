import type { RankedRow, RankingResult } from '../../../shared/api/ranking';
import type { CountingInput } from '../../../shared/domain/counting';
import { listCriteria, type Framework } from '../../../shared/domain/framework';
import { rankBidders, type RankedBidder } from '../../../shared/domain/ranking';
import { describeTieBreak } from '../../../shared/domain/rules';
import { margins, sensitivity } from '../../../shared/domain/sensitivity';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { readCountingScores, type CountingBidder } from '../counting/counting-scores';
import type { Db } from '../db/open';

const toRow = (b: RankedBidder): RankedRow => ({
  bidderId: b.bidderId,
  name: b.name,
  rank: b.rank,
  tied: b.tied,
  tieBrokenBy: b.tieBrokenBy,
  total: b.totals.total,
  complete: b.totals.complete,
  byArea: b.totals.byArea,
  byStage: b.totals.byStage,
  profile: b.totals.profile,
  failures: b.totals.failures,
});

interface RankingInputs {
  framework: Framework;
  settings: EvaluationSettings;
  /** The read model of the scores that count, one entry per bidder. */
  counting: readonly CountingBidder[];
}

/**
 * Ranked results from the scores that count. While any is missing, the totals are computed only over the
 * criteria that have a score that counts for every bidder with any (`rankedOn`): a missing score never
 * counts as 0, and bidders are compared on the same criteria; a bidder with none is listed, not ranked.
 * Thresholds apply to every score that counts. Exports skip sensitivity, which they do not show.
 */
export function rankingFrom({ framework, settings, counting }: RankingInputs, withSensitivity = true): RankingResult {
  const ctx = { framework, scale: settings.scale, weights: settings.weights, thresholds: settings.thresholds, tieBreak: settings.rules.tieBreak };
  const criteria = listCriteria(framework);
  const scoreOf = (b: CountingBidder, id: string) => b.criteria.find((c) => c.criterion.id === id)?.counting.score ?? null;
  const withAny = counting.filter((b) => b.criteria.some((c) => c.counting.score !== null));
  const rankedOn = withAny.length === 0 ? [] : criteria.filter((c) => withAny.every((b) => scoreOf(b, c.id) !== null)).map((c) => c.id);
  // With no criterion scored for all of them, there is nothing to compare them on: none is ranked.
  const scored = rankedOn.length > 0 ? withAny : [];
  const onSet = new Set(rankedOn);
  const list = scored.map((b) => {
    const all = new Map(b.criteria.map((c) => [c.criterion.id, c.counting.score]));
    const inputs = new Map<string, CountingInput>(
      b.criteria.map((c) => [
        c.criterion.id,
        {
          rule: settings.rules.aggregation,
          scale: settings.scale,
          tolerance: settings.rules.spreadTolerance,
          values: c.values,
          allSealed: b.allSealed,
          consensus: c.consensus?.current.score ?? null,
          confirmed: c.confirmation?.score ?? null,
        },
      ]),
    );
    return { bidderId: b.bidderId, name: b.bidderName, scores: all, inputs };
  });
  const restrict = rankedOn.length < criteria.length ? onSet : undefined;
  const ranked = rankBidders(ctx, list, restrict);
  const missing = counting.flatMap((b) => b.criteria.filter((c) => c.counting.score === null).map((c) => ({ bidderId: b.bidderId, criterionId: c.criterion.id, basis: c.counting.basis })));
  const toRevisit = counting.flatMap((b) => b.criteria.filter((c) => c.toRevisit !== null).map((c) => ({ bidderId: b.bidderId, criterionId: c.criterion.id, reason: c.toRevisit! })));
  const unconfirmed = counting.reduce(
    (n, b) => n + b.criteria.filter((c) => c.counting.basis === 'evaluators' && settings.rules.aggregation.endsWith('-unless-flagged') && c.confirmation === null).length,
    0,
  );
  return {
    aggregation: settings.rules.aggregation,
    tieBreakRule: describeTieBreak(settings.rules.tieBreak, framework),
    provisional: missing.length > 0 || toRevisit.length > 0,
    rankedOn,
    notYetRanked: counting.filter((b) => !scored.includes(b)).map((b) => ({ bidderId: b.bidderId, name: b.bidderName })),
    missing,
    toRevisit,
    unconfirmed,
    margins: margins(ranked.ranked),
    ranked: ranked.ranked.map(toRow),
    failed: ranked.failed.map(toRow),
    sensitivity: withSensitivity ? sensitivity(ctx, list, restrict) : [],
  };
}

/** The ranked results of every bidder, with sensitivity, read with the least work (no rationales). */
export function computeRanking(db: Db, evaluationId: string): RankingResult {
  const { framework, settings, bidders } = readCountingScores(db, evaluationId);
  return rankingFrom({ framework, settings, counting: bidders });
}
