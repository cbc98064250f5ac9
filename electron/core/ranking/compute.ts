import type { RankedRow, RankingResult } from '../../../shared/api/ranking';
import { rankBidders, type RankedBidder } from '../../../shared/domain/ranking';
import { describeTieBreak } from '../../../shared/domain/rules';
import { sensitivity } from '../../../shared/domain/sensitivity';
import type { Db } from '../db/open';
import { biddersOf, frozenFramework, latestSettings } from '../evaluations/repo';
import type { Framework } from '../../../shared/domain/framework';
import type { EvaluationSettings } from '../../../shared/domain/settings';
import { countingScores } from './scores';

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
  bidders: readonly { id: string; name: string }[];
  /** The score that counts per bidder → criterion. */
  scores: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
}

/** Ranked results from the scores that count; exports skip sensitivity, which they do not show. */
export function rankingFrom({ framework, settings, bidders, scores }: RankingInputs, withSensitivity = true): RankingResult {
  const list = bidders.map((b) => ({ bidderId: b.id, name: b.name, scores: new Map(scores.get(b.id) ?? []) }));
  const ctx = { framework, scale: settings.scale, weights: settings.weights, thresholds: settings.thresholds, tieBreak: settings.rules.tieBreak };
  const ranked = rankBidders(ctx, list);
  const all = [...ranked.ranked, ...ranked.failed];
  return {
    aggregation: settings.rules.aggregation,
    tieBreakRule: describeTieBreak(settings.rules.tieBreak, framework),
    provisional: all.some((b) => !b.totals.complete),
    ranked: ranked.ranked.map(toRow),
    failed: ranked.failed.map(toRow),
    sensitivity: withSensitivity ? sensitivity(ctx, list) : [],
  };
}

/** The ranked results of every bidder, with sensitivity, read with the least work (no rationales). */
export function computeRanking(db: Db, evaluationId: string): RankingResult {
  const bidders = biddersOf(db, evaluationId);
  const framework = frozenFramework(db, evaluationId);
  const { settings } = latestSettings(db, evaluationId);
  const scores = countingScores(db, evaluationId, bidders.map((b) => b.id), settings);
  return rankingFrom({ framework, settings, bidders, scores });
}
