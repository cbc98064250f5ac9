import { listCriteria, type Framework } from './framework';
import { isOnScale, type Scale } from './scale';

export const INDICATOR_MARKS = ['evidenced', 'partly', 'not-evidenced'] as const;
export type IndicatorMark = (typeof INDICATOR_MARKS)[number];
export const INDICATOR_MARK_LABELS: Record<IndicatorMark, string> = {
  evidenced: 'Evidenced',
  partly: 'Partly evidenced',
  'not-evidenced': 'Not evidenced',
};

export interface DraftScore {
  criterionId: string;
  score: number | null;
  rationale: string;
}

export interface CompletenessIssue {
  criterionId: string;
  message: string;
}

/** What stops an evaluator sealing a bidder: every criterion scored on the scale with a long-enough rationale. */
export function sealBlockers(
  fw: Pick<Framework, 'areas' | 'stages'>,
  scale: Scale,
  rationaleMinLength: number,
  scores: readonly DraftScore[],
): CompletenessIssue[] {
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s]));
  const issues: CompletenessIssue[] = [];
  for (const criterion of listCriteria(fw)) {
    const area = fw.areas.find((a) => a.id === criterion.areaId)?.title ?? criterion.areaId;
    const stage = fw.stages.find((s) => s.id === criterion.stageId)?.label ?? criterion.stageId;
    const name = `${area} — ${stage}`;
    const entry = byCriterion.get(criterion.id);
    if (!entry || entry.score === null) {
      issues.push({ criterionId: criterion.id, message: `${name}: no score yet` });
      continue;
    }
    if (!isOnScale(scale, entry.score)) issues.push({ criterionId: criterion.id, message: `${name}: ${entry.score} is not on the scale` });
    const length = entry.rationale.trim().length;
    if (length === 0) issues.push({ criterionId: criterion.id, message: `${name}: the rationale is missing` });
    else if (length < rationaleMinLength) {
      issues.push({ criterionId: criterion.id, message: `${name}: the rationale has ${length} characters; at least ${rationaleMinLength} are required` });
    }
  }
  return issues;
}

/** The one sentence both the core and the UI use when a seal is refused for blockers. */
export const sealRefusal = (blockerCount: number): string =>
  `Your scores for this bidder cannot be sealed yet: ${blockerCount === 1 ? '1 thing needs' : `${blockerCount} things need`} attention first.`;
