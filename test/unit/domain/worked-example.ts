import type { Framework } from '../../../shared/domain/framework';
import type { BidderScores, RankingContext } from '../../../shared/domain/ranking';
import { DEFAULT_SCALE } from '../../../shared/domain/scale';

/*
 * A worked example, computed by hand.
 * Two capability areas (A, B) × two stages (dev, mat); scale 0–5.
 * Weights: A 60% (dev 50%, mat 50%), B 40% (dev 75%, mat 25%)
 *   → effective: A/dev 30%, A/mat 30%, B/dev 30%, B/mat 10%.
 * Weighted points = effective weight × score ÷ 5.
 */
export const framework: Pick<Framework, 'areas' | 'stages'> = {
  stages: [
    { id: 'dev', label: 'Developing', horizon: '' },
    { id: 'mat', label: 'Maturing', horizon: '' },
  ],
  areas: [
    { id: 'a', title: 'Area A', questions: [], indicators: { dev: [], mat: [] } },
    { id: 'b', title: 'Area B', questions: [], indicators: { dev: [], mat: [] } },
  ],
};
export const ctx: RankingContext = {
  framework,
  scale: DEFAULT_SCALE,
  weights: {
    areas: [
      { areaId: 'a', weight: 60, stages: [{ stageId: 'dev', weight: 50 }, { stageId: 'mat', weight: 50 }] },
      { areaId: 'b', weight: 40, stages: [{ stageId: 'dev', weight: 75 }, { stageId: 'mat', weight: 25 }] },
    ],
  },
  thresholds: [{ id: 'dev-min-2', areaId: null, stageId: 'dev', minScore: 2 }],
  tieBreak: { kind: 'leave-as-tie' },
};
export const bidder = (name: string, [aDev, aMat, bDev, bMat]: (number | null)[]): BidderScores => ({
  bidderId: name.toLowerCase(),
  name,
  scores: new Map([
    ['a/dev', aDev!],
    ['a/mat', aMat!],
    ['b/dev', bDev!],
    ['b/mat', bMat!],
  ]),
});
// X: 30×4/5 + 30×3/5 + 30×5/5 + 10×2/5 = 24 + 18 + 30 + 4 = 76
export const X = bidder('X', [4, 3, 5, 2]);
// Y: 30 + 30 + 12 + 10 = 82 (its B/dev 2 is not *below* the minimum of 2)
export const Y = bidder('Y', [5, 5, 2, 5]);
// Z: 18 + 24 + 24 + 8 = 74
export const Z = bidder('Z', [3, 4, 4, 4]);
// W: 6 + 30 + 30 + 10 = 76, but A/dev 1 is below the Developing minimum of 2
export const W = bidder('W', [1, 5, 5, 5]);
// X2: 30 + 12 + 30 + 4 = 76, the same total as X, with a Developing sub-total of 60 against X's 54
export const X2 = bidder('X2', [5, 2, 5, 2]);
