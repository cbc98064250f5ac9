import { walkIndicators, type CapabilityArea, type Framework, type Indicator, type Stage } from '../../../../shared/domain/framework';

/** Pure edits of a framework draft: each returns a new framework and leaves its input untouched. */

export const MAX_INDICATOR_DEPTH = 4;

/** How editors change the draft: a pure edit of the whole framework. */
export type EditDraft = (change: (fw: Framework) => Framework) => void;

/** A position in a nested list of evidence indicators: the index at each level, outermost first. */
export type IndicatorPath = readonly number[];

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** A slug of the text that is not yet taken: "thriving", then "thriving-2", "thriving-3"… */
export function uniqueSlug(text: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(text) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

let counter = 0;
/** A fresh id for an item that has no natural name: a counter and a random suffix, lower-case. */
export function newId(prefix: string, taken: ReadonlySet<string>): string {
  for (;;) {
    counter += 1;
    const id = `${prefix}-${counter}-${Math.random().toString(36).slice(2, 6) || '0'}`;
    if (!taken.has(id)) return id;
  }
}

export function indicatorIds(fw: Framework): Set<string> {
  const ids = new Set<string>();
  for (const area of fw.areas) for (const items of Object.values(area.indicators)) walkIndicators(items, (ind) => ids.add(ind.id));
  return ids;
}

export function countIndicators(items: readonly Indicator[]): number {
  let n = 0;
  walkIndicators(items, () => n++);
  return n;
}

// Framework details

export const setName = (fw: Framework, name: string): Framework => ({ ...fw, name });
export const setSource = (fw: Framework, source: string): Framework => ({ ...fw, source });

// Stages

/** A new stage's id: a slug of its label, unique among the stages. */
export const newStageId = (fw: Framework, label: string): string => uniqueSlug(label, new Set(fw.stages.map((s) => s.id)), 'stage');

/** Adds a stage at the end, with an empty list of evidence indicators in every capability area. */
export const addStage = (fw: Framework, stage: Stage): Framework => ({
  ...fw,
  stages: [...fw.stages, stage],
  areas: fw.areas.map((a) => ({ ...a, indicators: { ...a.indicators, [stage.id]: [] } })),
});

export const updateStage = (fw: Framework, stageId: string, change: Partial<Omit<Stage, 'id'>>): Framework => ({
  ...fw,
  stages: fw.stages.map((s) => (s.id === stageId ? { ...s, ...change } : s)),
});

/** Removes the stage and, from every capability area, its evidence indicators. */
export function removeStage(fw: Framework, stageId: string): Framework {
  return {
    ...fw,
    stages: fw.stages.filter((s) => s.id !== stageId),
    areas: fw.areas.map((a) => {
      const { [stageId]: _removed, ...rest } = a.indicators;
      return { ...a, indicators: rest };
    }),
  };
}

export const indicatorsInStage = (fw: Framework, stageId: string): number =>
  fw.areas.reduce((n, a) => n + countIndicators(a.indicators[stageId] ?? []), 0);

// Capability areas

/** A new capability area's id: a slug of its title, unique among the areas. */
export const newAreaId = (fw: Framework, title: string): string => uniqueSlug(title, new Set(fw.areas.map((a) => a.id)), 'area');

/** Adds a capability area at the end, with no questions and an empty list of evidence indicators for every stage. */
export const addArea = (fw: Framework, areaId: string, title: string): Framework => ({
  ...fw,
  areas: [...fw.areas, { id: areaId, title, questions: [], indicators: Object.fromEntries(fw.stages.map((s) => [s.id, []])) }],
});

export const updateArea = (fw: Framework, areaId: string, change: (area: CapabilityArea) => CapabilityArea): Framework => ({
  ...fw,
  areas: fw.areas.map((a) => (a.id === areaId ? change(a) : a)),
});

export const removeArea = (fw: Framework, areaId: string): Framework => ({ ...fw, areas: fw.areas.filter((a) => a.id !== areaId) });

/** Moves a capability area one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveArea(fw: Framework, areaId: string, by: -1 | 1): Framework {
  const from = fw.areas.findIndex((a) => a.id === areaId);
  const to = from + by;
  if (from < 0 || to < 0 || to >= fw.areas.length) return fw;
  const areas = [...fw.areas];
  const [moved] = areas.splice(from, 1);
  if (moved) areas.splice(to, 0, moved);
  return { ...fw, areas };
}

export const setAreaTitle = (fw: Framework, areaId: string, title: string): Framework => updateArea(fw, areaId, (a) => ({ ...a, title }));

// Guidance questions

export const addQuestion = (fw: Framework, areaId: string): Framework => updateArea(fw, areaId, (a) => ({ ...a, questions: [...a.questions, ''] }));

export const setQuestion = (fw: Framework, areaId: string, index: number, text: string): Framework =>
  updateArea(fw, areaId, (a) => ({ ...a, questions: a.questions.map((q, i) => (i === index ? text : q)) }));

export const removeQuestion = (fw: Framework, areaId: string, index: number): Framework =>
  updateArea(fw, areaId, (a) => ({ ...a, questions: a.questions.filter((_, i) => i !== index) }));

// Evidence indicators

function updateIndicators(fw: Framework, areaId: string, stageId: string, change: (items: Indicator[]) => Indicator[]): Framework {
  return updateArea(fw, areaId, (a) => ({ ...a, indicators: { ...a.indicators, [stageId]: change(a.indicators[stageId] ?? []) } }));
}

/** Applies a change to the list that holds the item at the path (the parent's children, or the top level). */
function updateSiblings(items: Indicator[], parentPath: IndicatorPath, change: (siblings: Indicator[]) => Indicator[]): Indicator[] {
  const [head, ...rest] = parentPath;
  if (head === undefined) return change(items);
  return items.map((item, i) => (i === head ? { ...item, children: updateSiblings(item.children, rest, change) } : item));
}

const parentOf = (path: IndicatorPath): IndicatorPath => path.slice(0, -1);
const lastOf = (path: IndicatorPath): number => path[path.length - 1] ?? -1;

/** Adds an empty evidence indicator at the end of the list at parentPath ([] for the top level); returns its id and path. */
export function addIndicator(
  fw: Framework,
  areaId: string,
  stageId: string,
  parentPath: IndicatorPath,
): { framework: Framework; indicatorId: string; path: IndicatorPath } {
  if (parentPath.length >= MAX_INDICATOR_DEPTH) throw new Error(`Evidence indicators nest at most ${MAX_INDICATOR_DEPTH} deep.`);
  const indicatorId = newId('ind', indicatorIds(fw));
  let index = 0;
  const framework = updateIndicators(fw, areaId, stageId, (items) =>
    updateSiblings(items, parentPath, (siblings) => {
      index = siblings.length;
      return [...siblings, { id: indicatorId, text: '', children: [] }];
    }),
  );
  return { framework, indicatorId, path: [...parentPath, index] };
}

export const setIndicatorText = (fw: Framework, areaId: string, stageId: string, path: IndicatorPath, text: string): Framework =>
  updateIndicators(fw, areaId, stageId, (items) =>
    updateSiblings(items, parentOf(path), (siblings) => siblings.map((s, i) => (i === lastOf(path) ? { ...s, text } : s))),
  );

/** Removes the evidence indicator at the path together with its sub-items. */
export const removeIndicator = (fw: Framework, areaId: string, stageId: string, path: IndicatorPath): Framework =>
  updateIndicators(fw, areaId, stageId, (items) =>
    updateSiblings(items, parentOf(path), (siblings) => siblings.filter((_, i) => i !== lastOf(path))),
  );
