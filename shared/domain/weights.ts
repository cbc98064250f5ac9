import { z } from 'zod';
import { criterionId, type Framework } from './framework';

/** Percentages with at most two decimal places, kept exact by working in hundredths. */
export const Percent = z
  .number()
  .min(0, 'a weight cannot be negative')
  .max(100, 'a weight cannot exceed 100%')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'use at most two decimal places');

export const WeightsSchema = z.object({
  areas: z.array(
    z.object({
      areaId: z.string(),
      weight: Percent,
      stages: z.array(z.object({ stageId: z.string(), weight: Percent })),
    }),
  ),
});
export type Weights = z.infer<typeof WeightsSchema>;

export const toHundredths = (percent: number): number => Math.round(percent * 100);
const fromHundredths = (h: number): number => h / 100;

export interface WeightIssue {
  path: string;
  message: string;
}

/** Every area once, every stage once within each area, and both levels summing to exactly 100%. */
export function checkWeights(weights: Weights, fw: Pick<Framework, 'areas' | 'stages'>): WeightIssue[] {
  const issues: WeightIssue[] = [];
  const areaIds = fw.areas.map((a) => a.id);
  const stageIds = fw.stages.map((s) => s.id);
  const given = weights.areas.map((a) => a.areaId);
  for (const id of areaIds) {
    if (given.filter((g) => g === id).length !== 1) issues.push({ path: 'areas', message: `capability area "${id}" needs exactly one weight` });
  }
  for (const g of given) {
    if (!areaIds.includes(g)) issues.push({ path: 'areas', message: `"${g}" is not a capability area of this framework` });
  }
  const areaTotal = weights.areas.reduce((sum, a) => sum + toHundredths(a.weight), 0);
  if (areaTotal !== 10_000) {
    issues.push({ path: 'areas', message: `capability area weights total ${fromHundredths(areaTotal)}%; they must total 100%` });
  }
  weights.areas.forEach((area, i) => {
    const title = fw.areas.find((a) => a.id === area.areaId)?.title ?? area.areaId;
    const givenStages = area.stages.map((s) => s.stageId);
    for (const id of stageIds) {
      if (givenStages.filter((g) => g === id).length !== 1) {
        issues.push({ path: `areas.${i}.stages`, message: `"${title}" needs exactly one weight for stage "${id}"` });
      }
    }
    for (const g of givenStages) {
      if (!stageIds.includes(g)) issues.push({ path: `areas.${i}.stages`, message: `"${g}" is not a stage of this framework` });
    }
    const stageTotal = area.stages.reduce((sum, s) => sum + toHundredths(s.weight), 0);
    if (stageTotal !== 10_000) {
      issues.push({
        path: `areas.${i}.stages`,
        message: `stage weights within "${title}" total ${fromHundredths(stageTotal)}%; they must total 100%`,
      });
    }
  });
  return issues;
}

/** Share of the whole total each criterion carries, in percent: area weight × stage weight within the area. */
export function effectiveWeights(weights: Weights): Map<string, number> {
  const result = new Map<string, number>();
  for (const area of weights.areas) {
    for (const stage of area.stages) {
      result.set(criterionId(area.areaId, stage.stageId), (area.weight * stage.weight) / 100);
    }
  }
  return result;
}

/** Splits 100% as evenly as hundredths allow, giving any remainder to the first items. */
export function evenSplit(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(10_000 / count);
  const remainder = 10_000 - base * count;
  return Array.from({ length: count }, (_, i) => fromHundredths(base + (i < remainder ? 1 : 0)));
}

export function defaultWeights(fw: Pick<Framework, 'areas' | 'stages'>): Weights {
  const areaShares = evenSplit(fw.areas.length);
  const stageShares = evenSplit(fw.stages.length);
  return {
    areas: fw.areas.map((area, i) => ({
      areaId: area.id,
      weight: areaShares[i] ?? 0,
      stages: fw.stages.map((stage, j) => ({ stageId: stage.id, weight: stageShares[j] ?? 0 })),
    })),
  };
}
