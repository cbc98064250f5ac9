import type { EvaluationDetail } from '../../../../shared/api/evaluations';
import { listCriteria, type CapabilityArea, type Stage } from '../../../../shared/domain/framework';
import { sealBlockers, type CompletenessIssue } from '../../../../shared/domain/scoring';
import { EMPTY_DRAFT, type Draft } from '../../stores/scoring';

export interface CriterionView {
  id: string;
  area: CapabilityArea;
  areaNumber: number;
  stage: Stage;
  /** "Governance and leadership — Developing", as sealBlockers names it too. */
  name: string;
}

export function criteriaOf(evaluation: EvaluationDetail): CriterionView[] {
  const fw = evaluation.framework;
  return listCriteria(fw).map((c) => {
    const areaIndex = fw.areas.findIndex((a) => a.id === c.areaId);
    const area = fw.areas[areaIndex]!;
    const stage = fw.stages.find((s) => s.id === c.stageId)!;
    return { id: c.id, area, areaNumber: areaIndex + 1, stage, name: `${area.title} — ${stage.label}` };
  });
}

export type CriterionStatus = 'not-started' | 'in-progress' | 'complete';
export const STATUS_LABELS: Record<CriterionStatus, string> = { 'not-started': 'Not started', 'in-progress': 'In progress', complete: 'Complete' };

const isEmpty = (d: Draft) =>
  d.score === null && d.rationale.trim() === '' && d.evidenceRefs.length === 0 && Object.keys(d.indicatorMarks).length === 0;

/** Where each criterion stands, and what would stop a seal — the same rule the core applies. */
export function assess(
  evaluation: EvaluationDetail,
  drafts: Record<string, Draft>,
): { statuses: Record<string, CriterionStatus>; blockers: CompletenessIssue[] } {
  const { scale, rules } = evaluation.settings;
  const blockers = sealBlockers(
    evaluation.framework,
    scale,
    rules.rationaleMinLength,
    Object.entries(drafts).map(([criterionId, d]) => ({ criterionId, score: d.score, rationale: d.rationale })),
  );
  const blocked = new Set(blockers.map((b) => b.criterionId));
  const statuses = Object.fromEntries(
    listCriteria(evaluation.framework).map((c) => {
      const draft = drafts[c.id] ?? EMPTY_DRAFT;
      return [c.id, !blocked.has(c.id) ? 'complete' : isEmpty(draft) ? 'not-started' : 'in-progress'] as const;
    }),
  );
  return { statuses, blockers };
}

export const formatTime = (iso: string): string =>
  new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
export const formatDateTime = (iso: string): string => new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
