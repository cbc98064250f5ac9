import type { z } from 'zod';
import { FrameworkToSaveSchema, type Framework } from '../../../../shared/domain/framework';
import type { ActionResult } from '../../stores/attempt';
import { areaName, indicatorNumber, stageName } from './names';

type Issue = z.core.$ZodIssue;

/** Checks the draft as the core will; on failure, every problem is named in the editor's own words. */
export function validateDraft(draft: Framework): { ok: true; framework: Framework } | { ok: false; result: ActionResult } {
  const parsed = FrameworkToSaveSchema.safeParse(draft);
  if (parsed.success) return { ok: true, framework: parsed.data };
  const messages = [...new Set(parsed.error.issues.map((issue) => `${where(draft, issue.path)}: ${what(issue)}`))];
  return {
    ok: false,
    result: {
      ok: false,
      message: `The framework was not saved: ${messages.length === 1 ? 'there is 1 problem' : `there are ${messages.length} problems`} to put right.`,
      issues: messages.map((message, i) => ({ path: String(i), message })),
    },
  };
}

/** The schema's own wording where it has one; plain words in place of zod's defaults ("Too small: …"). */
function what(issue: Issue): string {
  const isDefault = /^(Too small|Too big)/.test(issue.message);
  if (!isDefault) return issue.message;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'it needs text';
  if (issue.code === 'too_big' && issue.origin === 'string') return `it is longer than ${issue.maximum} characters`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `there can be at most ${issue.maximum}`;
  return issue.message;
}

function where(fw: Framework, path: readonly PropertyKey[]): string {
  const [top, index, field, ...rest] = path;
  if (top === 'name') return 'Framework name';
  if (top === 'source') return 'Source';
  if (top === 'notes') return 'Notes';
  if (top === 'stages') {
    if (typeof index !== 'number') return 'Stages';
    const fieldName = field === 'label' ? 'Label' : field === 'horizon' ? 'Horizon' : 'Identifier';
    return `${fieldName} of stage ${index + 1}`;
  }
  if (top === 'areas') {
    if (typeof index !== 'number') return 'Capability areas';
    const area = fw.areas[index];
    const inArea = `in ${areaName(area, index)}`;
    if (field === 'title') return `Title of capability area ${index + 1}`;
    if (field === 'questions') return typeof rest[0] === 'number' ? `Guidance question ${rest[0] + 1} ${inArea}` : `Guidance questions ${inArea}`;
    if (field === 'indicators') {
      const [stageId, ...inner] = rest;
      if (typeof stageId !== 'string') return `Evidence indicators ${inArea}`;
      const stageIndex = fw.stages.findIndex((s) => s.id === stageId);
      const under = `under ${stageIndex < 0 ? stageId : stageName(fw.stages[stageIndex], stageIndex)} ${inArea}`;
      const numbers = inner.filter((p): p is number => typeof p === 'number');
      return numbers.length > 0 ? `Evidence indicator ${indicatorNumber(numbers)} ${under}` : `Evidence indicators ${under}`;
    }
    return `Capability area ${index + 1} (${areaName(area, index)})`;
  }
  return 'The framework';
}
