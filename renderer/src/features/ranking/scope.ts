import type { RankingResult } from '../../../../shared/api/ranking';
import { listCriteria, type Framework } from '../../../../shared/domain/framework';
import { effectiveWeights, type Weights } from '../../../../shared/domain/weights';
import { twoDp } from './format';

/**
 * What the totals are computed over. While a ranking is provisional its totals add only the criteria with a
 * score that counts for every ranked bidder (`rankedOn`), so the most a total or sub-total can be is the
 * weight of those criteria, not the whole maximum: a screen that showed "of 100%" would mislead.
 */
export interface TotalsScope {
  /** Fewer criteria than the framework has: totals are "so far". */
  partial: boolean;
  criteria: number;
  ofCriteria: number;
  /** The most the total can be over these criteria, in percentage points. */
  maxTotal: number;
  maxByArea: ReadonlyMap<string, number>;
  maxByStage: ReadonlyMap<string, number>;
  /** The areas and stages some of whose criteria are not ranked on yet: their sub-totals are "so far". */
  reduced: ReadonlySet<string>;
}

export function totalsScope(framework: Pick<Framework, 'areas' | 'stages'>, weights: Weights, ranking: Pick<RankingResult, 'rankedOn'>): TotalsScope {
  const all = listCriteria(framework);
  const on = new Set(ranking.rankedOn);
  const effective = effectiveWeights(weights);
  const maxByArea = new Map<string, number>();
  const maxByStage = new Map<string, number>();
  const reduced = new Set<string>();
  let maxTotal = 0;
  for (const c of all) {
    if (!on.has(c.id)) [c.areaId, c.stageId].forEach((id) => reduced.add(id));
    const weight = on.has(c.id) ? (effective.get(c.id) ?? 0) : 0;
    maxTotal += weight;
    maxByArea.set(c.areaId, (maxByArea.get(c.areaId) ?? 0) + weight);
    maxByStage.set(c.stageId, (maxByStage.get(c.stageId) ?? 0) + weight);
  }
  return { partial: on.size < all.length, criteria: on.size, ofCriteria: all.length, maxTotal, maxByArea, maxByStage, reduced };
}

/** "so far, over 11 of 12 criteria (at most 91.67%)", or nothing once the totals cover every criterion. */
export const soFar = (scope: TotalsScope): string =>
  scope.partial ? `so far, over ${scope.criteria} of ${scope.ofCriteria} criteria (at most ${twoDp(scope.maxTotal)}%)` : '';
