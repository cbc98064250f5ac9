import { z } from 'zod';
import { nameKey } from './names';

/** Identifiers inside a framework: short, stable, URL- and file-safe. */
export const FrameworkId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

const MAX_INDICATOR_DEPTH = 4;

export interface Indicator {
  id: string;
  text: string;
  children: Indicator[];
}

const indicatorAtDepth = (depth: number): z.ZodType<Indicator> =>
  z.object({
    id: FrameworkId,
    text: z.string().trim().min(1, 'an evidence indicator needs text').max(2000),
    children:
      depth >= MAX_INDICATOR_DEPTH
        ? z.array(z.never()).max(0, `indicators nest at most ${MAX_INDICATOR_DEPTH} deep`)
        : z.array(z.lazy(() => indicatorAtDepth(depth + 1))).max(100),
  }) as z.ZodType<Indicator>;

export const IndicatorSchema = indicatorAtDepth(1);

export const StageSchema = z.object({
  id: FrameworkId,
  label: z.string().trim().min(1).max(60),
  horizon: z.string().trim().max(120),
});
export type Stage = z.infer<typeof StageSchema>;

export const CapabilityAreaSchema = z.object({
  id: FrameworkId,
  title: z.string().trim().min(1, 'a capability area needs a title').max(200),
  questions: z.array(z.string().trim().min(1).max(2000)).max(50),
  /** Evidence indicators keyed by stage id; every stage of the framework has an entry. */
  indicators: z.record(FrameworkId, z.array(IndicatorSchema).max(100)),
});
export type CapabilityArea = z.infer<typeof CapabilityAreaSchema>;

export const FRAMEWORK_SCHEMA_VERSION = 1;

export const FrameworkSchema = z
  .object({
    schemaVersion: z.literal(FRAMEWORK_SCHEMA_VERSION),
    id: FrameworkId,
    name: z.string().trim().min(1, 'a framework needs a name').max(200),
    source: z.string().max(1000).default(''),
    notes: z.array(z.string().max(4000)).max(100).default([]),
    stages: z.array(StageSchema).min(1, 'a framework needs at least one stage').max(10),
    areas: z.array(CapabilityAreaSchema).min(1, 'a framework needs at least one capability area').max(30),
  })
  .superRefine((fw, ctx) => {
    const stageIds = fw.stages.map((s) => s.id);
    reportDuplicates(stageIds, ['stages'], 'stage id', ctx);
    reportDuplicates(
      fw.areas.map((a) => a.id),
      ['areas'],
      'capability area id',
      ctx,
    );
    const indicatorIds: string[] = [];
    fw.areas.forEach((area, i) => {
      for (const stageId of stageIds) {
        if (!(stageId in area.indicators)) {
          ctx.addIssue({
            code: 'custom',
            path: ['areas', i, 'indicators'],
            message: `capability area "${area.title}" has no entry for stage "${stageId}"`,
          });
        }
      }
      for (const [stageId, items] of Object.entries(area.indicators)) {
        if (!stageIds.includes(stageId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['areas', i, 'indicators', stageId],
            message: `capability area "${area.title}" lists indicators for unknown stage "${stageId}"`,
          });
        }
        walkIndicators(items, (ind) => indicatorIds.push(ind.id));
      }
    });
    reportDuplicates(indicatorIds, ['areas'], 'evidence indicator id', ctx);
  });
export type Framework = z.infer<typeof FrameworkSchema>;

/**
 * A framework as it may be saved or imported: FrameworkSchema, and no two capability area titles or stage
 * labels that read the same once case is folded (nameKey: "Ärzte" and "äRZTE" are one title), since
 * people, workbooks and score sheets tell them apart by these words. Frameworks stored before this rule
 * are still read with FrameworkSchema alone; the rule applies when one is next saved.
 */
export const FrameworkToSaveSchema = FrameworkSchema.superRefine((fw, ctx) => {
  // Stages first: the framework editor shows them above the capability areas.
  reportRepeatedWords(
    fw.stages.map((s) => s.label),
    (i) => ['stages', i, 'label'],
    (i, first) =>
      `the label "${fw.stages[i]!.label}" is already the label of stage ${first + 1} ("${fw.stages[first]!.label}"); stage labels must differ, whatever their case`,
    ctx,
  );
  reportRepeatedWords(
    fw.areas.map((a) => a.title),
    (i) => ['areas', i, 'title'],
    (i, first) =>
      `the title "${fw.areas[i]!.title}" is already the title of capability area ${first + 1} ("${fw.areas[first]!.title}"); capability area titles must differ, whatever their case`,
    ctx,
  );
});

/** One issue at each title or label that reads the same as an earlier one, naming both. */
function reportRepeatedWords(
  words: readonly string[],
  path: (index: number) => (string | number)[],
  message: (index: number, firstIndex: number) => string,
  ctx: z.RefinementCtx,
): void {
  const firstWith = new Map<string, number>();
  words.forEach((word, i) => {
    const key = nameKey(word);
    if (key === '') return;
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, i);
    else ctx.addIssue({ code: 'custom', path: path(i), message: message(i, first) });
  });
}

export function walkIndicators(items: readonly Indicator[], visit: (ind: Indicator, depth: number) => void, depth = 1): void {
  for (const item of items) {
    visit(item, depth);
    walkIndicators(item.children, visit, depth + 1);
  }
}

function reportDuplicates(ids: string[], path: (string | number)[], what: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what} "${id}"` });
    seen.add(id);
  }
}

/** A criterion is what one score is given against: one capability area × one stage. */
export interface Criterion {
  id: string;
  areaId: string;
  stageId: string;
}

export const criterionId = (areaId: string, stageId: string): string => `${areaId}/${stageId}`;

export function listCriteria(fw: Pick<Framework, 'areas' | 'stages'>): Criterion[] {
  return fw.areas.flatMap((area) =>
    fw.stages.map((stage) => ({ id: criterionId(area.id, stage.id), areaId: area.id, stageId: stage.id })),
  );
}
