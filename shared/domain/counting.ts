import { isFlagged, mean, median } from './aggregation';
import type { AggregationRule } from './rules';
import { isOnScale, type Scale } from './scale';

/**
 * Why a criterion has the score that counts, or why it has none yet. `evaluators`: their mean or median,
 * counting by the declared rule; `confirmed`: the agreed score a moderator confirmed (consensus rule).
 */
export const COUNTING_BASES = ['consensus', 'evaluators', 'confirmed', 'awaiting-seals', 'awaiting-consensus', 'awaiting-confirmation', 'no-scores'] as const;
export type CountingBasis = (typeof COUNTING_BASES)[number];

export interface CountingInput {
  rule: AggregationRule;
  scale: Scale;
  /** Spread at or above which a criterion is flagged. */
  tolerance: number;
  /** The sealed scores that count (none of an excluded evaluator's). */
  values: readonly number[];
  /** Every evaluator who may score the bidder has sealed: a mean of some of them is not the panel's score. */
  allSealed: boolean;
  /** The current consensus score, if one is recorded. */
  consensus: number | null;
  /** The score of the current confirmation of the agreed score, if one is recorded. */
  confirmed: number | null;
}

export interface CountingScore {
  score: number | null;
  basis: CountingBasis;
  flagged: boolean;
  /** A recorded consensus that the declared rule does not count here (the criterion is no longer flagged). */
  consensusSetAside: boolean;
}

/**
 * The score the evaluators agree on, where they do (not flagged, every evaluator sealed): under a mean or
 * median rule that figure; under the consensus rule the median, when it is a point of the scale (an odd
 * panel always gives one), since a consensus score is always a point of the scale.
 */
export function agreedScore(input: Omit<CountingInput, 'consensus' | 'confirmed'>): number | null {
  if (!input.allSealed || input.values.length === 0 || isFlagged(input.values, input.tolerance)) return null;
  switch (input.rule) {
    case 'mean':
    case 'mean-unless-flagged':
      return mean(input.values);
    case 'median':
    case 'median-unless-flagged':
      return median(input.values);
    case 'consensus': {
      const m = median(input.values);
      return m !== null && isOnScale(input.scale, m) ? m : null;
    }
  }
}

/**
 * The one rule for the score that counts for a criterion, used by the board, the ranking, every export and
 * report. Missing scores stay null (never 0), with the reason.
 *
 * - consensus: the current consensus; else a confirmed agreed score that still is the agreed score.
 * - mean / median: the evaluators' figure once every evaluator has sealed.
 * - mean / median unless flagged: the evaluators' figure where the criterion is not flagged; the consensus
 *   where it is.
 */
export function countingScore(input: CountingInput): CountingScore {
  const flagged = isFlagged(input.values, input.tolerance);
  const missing = (basis: CountingBasis): CountingScore => ({ score: null, basis, flagged, consensusSetAside: false });
  const afterSeals = (basis: CountingBasis): CountingScore =>
    missing(!input.allSealed ? 'awaiting-seals' : input.values.length === 0 ? 'no-scores' : basis);
  const agreed = agreedScore(input);
  switch (input.rule) {
    case 'consensus':
      if (input.consensus !== null) return { score: input.consensus, basis: 'consensus', flagged, consensusSetAside: false };
      if (input.confirmed !== null && agreed !== null && input.confirmed === agreed) return { score: agreed, basis: 'confirmed', flagged, consensusSetAside: false };
      return afterSeals(agreed !== null ? 'awaiting-confirmation' : 'awaiting-consensus');
    case 'mean':
    case 'median': {
      const figure = input.rule === 'mean' ? mean(input.values) : median(input.values);
      return input.allSealed && figure !== null ? { score: figure, basis: 'evaluators', flagged, consensusSetAside: false } : afterSeals('no-scores');
    }
    case 'mean-unless-flagged':
    case 'median-unless-flagged':
      if (flagged) {
        return input.consensus !== null ? { score: input.consensus, basis: 'consensus', flagged, consensusSetAside: false } : afterSeals('awaiting-consensus');
      }
      return agreed !== null ? { score: agreed, basis: 'evaluators', flagged, consensusSetAside: input.consensus !== null } : afterSeals('no-scores');
  }
}

/** What each basis means, as the board and the ranking say it. */
export const BASIS_WORDING: Record<CountingBasis, string> = {
  consensus: 'the panel’s consensus',
  evaluators: 'the evaluators’ scores, by the declared rule',
  confirmed: 'the agreed score, confirmed by a moderator',
  'awaiting-seals': 'waiting for every evaluator to seal',
  'awaiting-consensus': 'waiting for a consensus',
  'awaiting-confirmation': 'waiting for a moderator to confirm the agreed score',
  'no-scores': 'no evaluator’s score counts',
};
