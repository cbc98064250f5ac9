import { describe, expect, it } from 'vitest';
import { isFlagged, mean, median, spread, standardDeviation } from '../../../shared/domain/aggregation';
import { countingScore, type CountingInput } from '../../../shared/domain/counting';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';

/** Three evaluators on the published 0–5 scale, flagged at a spread of 2 (the default tolerance). */
const input = (over: Partial<CountingInput>): CountingInput => ({
  rule: 'consensus',
  scale: DEFAULT_SCALE,
  tolerance: 2,
  values: [3, 4, 4],
  allSealed: true,
  consensus: null,
  confirmed: null,
  ...over,
});

describe('the score that counts for a criterion', () => {
  it('is the mean or the median of the sealed scores once every evaluator has sealed, under those rules', () => {
    expect(countingScore(input({ rule: 'mean' }))).toEqual({ score: 11 / 3, basis: 'evaluators', flagged: false, consensusSetAside: false });
    expect(countingScore(input({ rule: 'median', values: [2, 3, 4, 5] })).score).toBe(3.5);
    expect(countingScore(input({ rule: 'mean', allSealed: false }))).toMatchObject({ score: null, basis: 'awaiting-seals' });
    expect(countingScore(input({ rule: 'median', values: [] }))).toMatchObject({ score: null, basis: 'no-scores' });
  });

  it('under the consensus rule is the consensus, or a confirmed agreed score while it still is the agreed score', () => {
    expect(countingScore(input({ consensus: 3 }))).toMatchObject({ score: 3, basis: 'consensus' });
    // 3, 4, 4: spread 1, not flagged; the median 4 is the agreed score, waiting for a moderator to confirm it.
    expect(countingScore(input({}))).toMatchObject({ score: null, basis: 'awaiting-confirmation' });
    expect(countingScore(input({ confirmed: 4 }))).toMatchObject({ score: 4, basis: 'confirmed' });
    // An evaluator's score excluded since: 3, 4 → median 3.5 is not a point of the scale, so nothing is agreed.
    expect(countingScore(input({ values: [3, 4], confirmed: 4 }))).toMatchObject({ score: null, basis: 'awaiting-consensus' });
    // Flagged (2, 4, 4: spread 2): only a consensus counts.
    expect(countingScore(input({ values: [2, 4, 4], confirmed: 4 }))).toMatchObject({ score: null, basis: 'awaiting-consensus', flagged: true });
  });

  it('under "mean unless flagged" is the evaluators’ mean where they agree and the consensus where the spread flags it', () => {
    // 3, 4, 4 agree (spread 1 < 2): the mean 11/3 counts, and a consensus recorded there is set aside, said so.
    expect(countingScore(input({ rule: 'mean-unless-flagged' }))).toEqual({ score: 11 / 3, basis: 'evaluators', flagged: false, consensusSetAside: false });
    expect(countingScore(input({ rule: 'mean-unless-flagged', consensus: 5 }))).toEqual({ score: 11 / 3, basis: 'evaluators', flagged: false, consensusSetAside: true });
    // 1, 3, 4 (spread 3): flagged, so the consensus counts; without one the criterion waits for it.
    expect(countingScore(input({ rule: 'mean-unless-flagged', values: [1, 3, 4] }))).toMatchObject({ score: null, basis: 'awaiting-consensus', flagged: true });
    expect(countingScore(input({ rule: 'mean-unless-flagged', values: [1, 3, 4], consensus: 3 }))).toMatchObject({ score: 3, basis: 'consensus' });
    expect(countingScore(input({ rule: 'median-unless-flagged', values: [3, 3, 4] }))).toMatchObject({ score: 3, basis: 'evaluators' });
    // Never a mean of some of the panel.
    expect(countingScore(input({ rule: 'mean-unless-flagged', allSealed: false }))).toMatchObject({ score: null, basis: 'awaiting-seals' });
  });

  it('measures spread and standard deviation, and flags a spread at the tolerance', () => {
    expect(spread([2, 5, 3])).toBe(3);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(isFlagged([2, 4], 2)).toBe(true);
    expect(isFlagged([3, 4], 2)).toBe(false);
    expect(spread([])).toBeNull();
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});
