import { z } from 'zod';
import type { Framework } from './framework';
import { isOnScale, type Scale } from './scale';

export const ThresholdSchema = z.object({
  id: z.string().min(1).max(64),
  /** Which criteria the rule covers; null means every area (or every stage). */
  areaId: z.string().nullable(),
  stageId: z.string().nullable(),
  minScore: z.number().int(),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

export const AGGREGATION_RULES = ['consensus', 'mean-unless-flagged', 'median-unless-flagged', 'mean', 'median'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];
export const AGGREGATION_LABELS: Record<AggregationRule, string> = {
  consensus: 'Consensus (moderated score) on every criterion',
  'mean-unless-flagged': 'Mean of evaluators’ scores; consensus where flagged',
  'median-unless-flagged': 'Median of evaluators’ scores; consensus where flagged',
  mean: 'Mean of evaluators’ scores',
  median: 'Median of evaluators’ scores',
};

/** Under these rules a recorded consensus can count: every criterion, or only those the spread flags. */
export const usesConsensus = (rule: AggregationRule): boolean => rule === 'consensus' || rule.endsWith('-unless-flagged');

export const TieBreakSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('leave-as-tie') }),
  z.object({ kind: z.literal('stage-subtotal'), stageId: z.string() }),
  z.object({ kind: z.literal('area-subtotal'), areaId: z.string() }),
]);
export type TieBreak = z.infer<typeof TieBreakSchema>;

export const RulesSchema = z.object({
  aggregation: z.enum(AGGREGATION_RULES),
  tieBreak: TieBreakSchema,
  /** Spread (max − min of sealed scores) at or above which a criterion is flagged for moderation. */
  spreadTolerance: z.number().int().min(1).max(100),
  rationaleMinLength: z.number().int().min(0).max(2000),
});
export type Rules = z.infer<typeof RulesSchema>;

export const DEFAULT_RULES: Rules = {
  aggregation: 'consensus',
  tieBreak: { kind: 'leave-as-tie' },
  spreadTolerance: 2,
  rationaleMinLength: 50,
};

type Fw = Pick<Framework, 'areas' | 'stages'>;

/** Plain-English wording of a threshold, as it is published to bidders. */
export function describeThreshold(t: Threshold, fw: Fw): string {
  const stage = t.stageId ? fw.stages.find((s) => s.id === t.stageId)?.label ?? t.stageId : null;
  const area = t.areaId ? fw.areas.find((a) => a.id === t.areaId)?.title ?? t.areaId : null;
  const scope =
    stage && area ? `the ${stage} criterion of “${area}”` : stage ? `any ${stage} criterion` : area ? `any criterion of “${area}”` : 'any criterion';
  return `A score below ${t.minScore} on ${scope} fails`;
}

export function describeTieBreak(t: TieBreak, fw: Fw): string {
  switch (t.kind) {
    case 'leave-as-tie':
      return 'Equal totals are left as ties';
    case 'stage-subtotal':
      return `Equal totals are ordered by the higher ${fw.stages.find((s) => s.id === t.stageId)?.label ?? t.stageId} sub-total`;
    case 'area-subtotal':
      return `Equal totals are ordered by the higher “${fw.areas.find((a) => a.id === t.areaId)?.title ?? t.areaId}” sub-total`;
  }
}

export function checkThresholds(thresholds: Threshold[], fw: Fw, scale: Scale): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  thresholds.forEach((t, i) => {
    if (ids.has(t.id)) issues.push({ path: `${i}.id`, message: `duplicate threshold id "${t.id}"` });
    ids.add(t.id);
    if (t.areaId !== null && !fw.areas.some((a) => a.id === t.areaId)) {
      issues.push({ path: `${i}.areaId`, message: `"${t.areaId}" is not a capability area of this framework` });
    }
    if (t.stageId !== null && !fw.stages.some((s) => s.id === t.stageId)) {
      issues.push({ path: `${i}.stageId`, message: `"${t.stageId}" is not a stage of this framework` });
    }
    if (!isOnScale(scale, t.minScore)) {
      issues.push({ path: `${i}.minScore`, message: `minimum score ${t.minScore} is not a point on the scoring scale` });
    }
  });
  return issues;
}

export function checkTieBreak(t: TieBreak, fw: Fw): { path: string; message: string }[] {
  if (t.kind === 'stage-subtotal' && !fw.stages.some((s) => s.id === t.stageId)) {
    return [{ path: 'tieBreak.stageId', message: `"${t.stageId}" is not a stage of this framework` }];
  }
  if (t.kind === 'area-subtotal' && !fw.areas.some((a) => a.id === t.areaId)) {
    return [{ path: 'tieBreak.areaId', message: `"${t.areaId}" is not a capability area of this framework` }];
  }
  return [];
}
