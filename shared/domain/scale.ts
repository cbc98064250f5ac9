import { z } from 'zod';

export const ScalePointSchema = z.object({
  value: z.number().int('score points are whole numbers').min(0).max(100),
  label: z.string().trim().min(1, 'each score point needs a label').max(80),
  descriptor: z.string().trim().min(1, 'each score point needs a descriptor').max(1000),
});
export type ScalePoint = z.infer<typeof ScalePointSchema>;

export const ScaleSchema = z
  .object({ points: z.array(ScalePointSchema).min(2, 'a scale needs at least two points').max(11) })
  .superRefine((scale, ctx) => {
    scale.points.forEach((p, i) => {
      const prev = scale.points[i - 1];
      if (prev && p.value <= prev.value) {
        ctx.addIssue({
          code: 'custom',
          path: ['points', i, 'value'],
          message: `score points must rise: ${p.value} follows ${prev.value}`,
        });
      }
    });
  });
export type Scale = z.infer<typeof ScaleSchema>;

/** A 0–5 confidence scale in the style UK public bodies publish (Merton §3.1 ranks "confidence to be had in their capability"). */
export const DEFAULT_SCALE: Scale = {
  points: [
    { value: 0, label: 'No confidence', descriptor: 'Not evidenced: the response does not address the criterion or gives no evidence of capability.' },
    { value: 1, label: 'Very limited confidence', descriptor: 'Major gaps: the response addresses the criterion only in part, with little relevant evidence.' },
    { value: 2, label: 'Limited confidence', descriptor: 'Some evidence, with significant weaknesses or omissions that raise concern about delivery.' },
    { value: 3, label: 'Moderate confidence', descriptor: 'Satisfactory: the criterion is addressed with relevant evidence; minor weaknesses only.' },
    { value: 4, label: 'Good confidence', descriptor: 'Good: the criterion is fully addressed with clear, specific evidence of capability.' },
    { value: 5, label: 'High confidence', descriptor: 'Excellent: comprehensive, specific and verifiable evidence; capability is demonstrated beyond doubt.' },
  ],
};

export const scaleMin = (scale: Scale): number => scale.points[0]?.value ?? 0;
export const scaleMax = (scale: Scale): number => scale.points[scale.points.length - 1]?.value ?? 0;
export const isOnScale = (scale: Scale, value: number): boolean => scale.points.some((p) => p.value === value);
