import type { RankingResult, SensitivityFlag } from '../../../../shared/api/ranking';
import type { AggregationRule } from '../../../../shared/domain/rules';
import { score, twoDp } from './format';

/** What one step along the scale is, under each rule: said once above the list of moves. */
export const MOVE_EXPLAINED: Record<AggregationRule, string> = {
  consensus: 'Each move is a consensus score one point up or down the scale.',
  'mean-unless-flagged':
    'Each move is one evaluator’s sealed score one step up or down, and what it does to the mean; where a criterion is flagged, its consensus one point up or down.',
  'median-unless-flagged':
    'Each move is one evaluator’s sealed score one step up or down, and what it does to the median; where a criterion is flagged, its consensus one point up or down.',
  mean: 'Each move is one evaluator’s sealed score one step up or down, and what it does to the mean.',
  median: 'Each move is one evaluator’s sealed score one step up or down, and what it does to the median.',
};

/** "3 → 4", kept on one line. */
const step = (from: string, to: string) => `${from}\u00a0→\u00a0${to}`;

/** "consensus 3 → 4", or for a mean or median "one evaluator 4 → 5: mean 4.00 → 4.33". */
export function describeMove(flag: Pick<SensitivityFlag, 'from' | 'to' | 'evaluatorMove'>, rule: AggregationRule): string {
  if (!flag.evaluatorMove) return `consensus ${step(score(flag.from), score(flag.to))}`;
  const figure = rule.startsWith('median') ? 'median' : 'mean';
  return `one evaluator ${step(score(flag.evaluatorMove.from), score(flag.evaluatorMove.to))}: ${figure} ${step(twoDp(flag.from), twoDp(flag.to))}`;
}

/** "+1.67" or "−1.67" (a true minus sign), in percentage points of the total. */
export const signedPoints = (n: number): string => `${n < 0 ? '−' : '+'}${twoDp(Math.abs(n))}`;

export interface DecisiveMoves {
  /** Moves that change who is first or second, or cross a threshold: smallest first, top-two changes before threshold-only ones. */
  shown: SensitivityFlag[];
  /** Moves that change only a lower rank. */
  lowerRanksOnly: number;
}

/**
 * The moves worth a moderation meeting's time, sorted so the panel sees first the smallest moves that
 * change the top two. `bidderOrder` (best placed first) and `criterionOrder` (the framework's) settle equal
 * sizes, so the list reads in a stable, meaningful order.
 */
export function decisiveMoves(flags: readonly SensitivityFlag[], bidderOrder: readonly string[], criterionOrder: readonly string[]): DecisiveMoves {
  const position = (list: readonly string[], id: string) => (list.includes(id) ? list.indexOf(id) : list.length);
  const group = (f: SensitivityFlag) => (f.changesTopTwo ? 0 : 1);
  // Rounded so that sums of fractions that print the same compare as equal.
  const size = (f: SensitivityFlag) => Math.round(Math.abs(f.totalChange) * 1e6);
  const shown = flags
    .filter((f) => f.changesTopTwo || f.crossesThreshold !== null)
    .sort(
      (a, b) =>
        group(a) - group(b) ||
        size(a) - size(b) ||
        position(bidderOrder, a.bidderId) - position(bidderOrder, b.bidderId) ||
        position(criterionOrder, a.criterionId) - position(criterionOrder, b.criterionId) ||
        b.to - b.from - (a.to - a.from),
    );
  const lowerRanksOnly = flags.filter((f) => !f.changesTopTwo && f.crossesThreshold === null && f.changesAnyRank).length;
  return { shown, lowerRanksOnly };
}

/** "First leads second by 2.00 points; second leads third by 20.00 points." */
export function describeMargins(margins: RankingResult['margins']): string {
  const lead = (a: string, b: string, points: number) =>
    points < 0.005 ? `${a} and ${b} have the same total` : `${a} leads ${b} by ${twoDp(points)} ${points === 1 ? 'point' : 'points'}`;
  if (margins.firstOverSecond === null) return 'Only one bidder is ranked, so there is no margin between places yet.';
  const parts = [lead('First', 'second', margins.firstOverSecond)];
  if (margins.secondOverThird !== null) parts.push(lead('second', 'third', margins.secondOverThird));
  return `${parts.join('; ')}.`;
}
