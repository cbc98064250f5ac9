import { z } from 'zod';
import type { Framework } from './framework';
import { checkThresholds, checkTieBreak, DEFAULT_RULES, RulesSchema, ThresholdSchema } from './rules';
import { DEFAULT_SCALE, ScaleSchema, scaleMax, scaleMin } from './scale';
import { checkWeights, defaultWeights, WeightsSchema } from './weights';

/** Everything a procurement lead publishes about how bids are scored, versioned as a whole. */
export const EvaluationSettingsSchema = z.object({
  scale: ScaleSchema,
  weights: WeightsSchema,
  thresholds: z.array(ThresholdSchema).max(50),
  rules: RulesSchema,
});
export type EvaluationSettings = z.infer<typeof EvaluationSettingsSchema>;

export function defaultSettings(fw: Framework): EvaluationSettings {
  return { scale: DEFAULT_SCALE, weights: defaultWeights(fw), thresholds: [], rules: DEFAULT_RULES };
}

/** Cross-field checks that a schema alone cannot express; an empty list means the settings can be published. */
export function checkSettings(s: EvaluationSettings, fw: Framework): { path: string; message: string }[] {
  const prefix = (p: string, list: { path: string; message: string }[]) => list.map((i) => ({ ...i, path: `${p}.${i.path}` }));
  const issues = [
    ...prefix('weights', checkWeights(s.weights, fw)),
    ...prefix('thresholds', checkThresholds(s.thresholds, fw, s.scale)),
    ...prefix('rules', checkTieBreak(s.rules.tieBreak, fw)),
  ];
  if (s.rules.spreadTolerance > scaleMax(s.scale) - scaleMin(s.scale)) {
    issues.push({ path: 'rules.spreadTolerance', message: 'the spread tolerance is larger than the widest possible spread on the scale' });
  }
  return issues;
}
