import type { EvidenceRef } from '../../../shared/api/scoring';
import { listCriteria, walkIndicators, type Framework } from '../../../shared/domain/framework';
import { isOnScale, type Scale } from '../../../shared/domain/scale';
import type { IndicatorMark } from '../../../shared/domain/scoring';

export interface Issue {
  path: string;
  message: string;
}

export interface SaveDraft {
  criterionId: string;
  score: number | null;
  evidenceRefs: EvidenceRef[];
  indicatorMarks: Record<string, IndicatorMark>;
}

/** The ids of every evidence indicator (at any depth) of one criterion's capability area and stage. */
export function indicatorIdsOf(fw: Framework, areaId: string, stageId: string): Set<string> {
  const ids = new Set<string>();
  const area = fw.areas.find((a) => a.id === areaId);
  walkIndicators(area?.indicators[stageId] ?? [], (ind) => ids.add(ind.id));
  return ids;
}

export const findCriterion = (fw: Framework, criterionId: string) => listCriteria(fw).find((c) => c.id === criterionId);

/**
 * What is wrong with a save, judged against the evaluation's frozen framework, its published scale and
 * the bidder's own documents. An empty list means it may be saved.
 */
export function saveIssues(fw: Framework, scale: Scale, bidderDocumentIds: ReadonlySet<string>, draft: SaveDraft): Issue[] {
  const criterion = findCriterion(fw, draft.criterionId);
  if (!criterion) return [{ path: 'criterionId', message: `“${draft.criterionId}” is not a criterion of this evaluation’s capability framework` }];
  const issues: Issue[] = [];
  if (draft.score !== null && !isOnScale(scale, draft.score)) {
    issues.push({ path: 'score', message: `${draft.score} is not a point on the scoring scale (${scale.points.map((p) => p.value).join(', ')})` });
  }
  draft.evidenceRefs.forEach((ref, i) => {
    if (!bidderDocumentIds.has(ref.documentId)) {
      issues.push({
        path: `evidenceRefs.${i}.documentId`,
        message: 'an evidence reference cites a document that is not one of this bidder’s documents',
      });
    }
  });
  const indicators = indicatorIdsOf(fw, criterion.areaId, criterion.stageId);
  for (const id of Object.keys(draft.indicatorMarks)) {
    if (!indicators.has(id)) {
      issues.push({ path: `indicatorMarks.${id}`, message: `“${id}” is not an evidence indicator of this criterion` });
    }
  }
  return issues;
}

/** The same marks in a stable key order, so that an unchanged autosave compares equal. */
export const sortedMarks = (marks: Record<string, IndicatorMark>): Record<string, IndicatorMark> =>
  Object.fromEntries(Object.entries(marks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
