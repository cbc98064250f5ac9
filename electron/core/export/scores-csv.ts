import { stringify } from 'csv-stringify/sync';
import { EXCLUSION_WORDING } from '../../../shared/domain/conflicts';
import { BASIS_WORDING } from '../../../shared/domain/counting';
import { listCriteria } from '../../../shared/domain/framework';
import { safeCellText as safe } from '../../../shared/domain/safe-cell-text';
import type { ResultsSnapshot } from './snapshot';

/**
 * One row per sealed individual score, per score that counts (with what it rests on in `by`) and per
 * consensus version, with the same columns, for analysis elsewhere; `excluded` gives why a sealed score
 * takes no part in the results (a conflict of interest not permitted, or its evaluator removed from the
 * panel with their scores).
 */
export function scoresCsv(snap: ResultsSnapshot): string {
  const { framework } = snap.evaluation;
  const criteria = new Map(listCriteria(framework).map((c) => [c.id, c]));
  const area = (id: string) => framework.areas.find((a) => a.id === criteria.get(id)?.areaId)?.title ?? '';
  const stage = (id: string) => framework.stages.find((s) => s.id === criteria.get(id)?.stageId)?.label ?? '';
  const bidderName = new Map(snap.evaluation.bidders.map((b) => [b.id, b.name]));
  const records: (string | number)[][] = [];
  for (const b of snap.board) {
    const sealed = snap.individualScores(b.bidderId);
    for (const c of b.criteria) {
      for (const s of sealed.get(c.criterionId) ?? []) {
        const excluded = s.excludedBecause ? EXCLUSION_WORDING[s.excludedBecause] : '';
        records.push(['individual', safe(b.bidderName), safe(area(c.criterionId)), safe(stage(c.criterionId)), safe(s.evaluatorName), s.score, safe(s.rationale), s.sealedAt, '', excluded]);
      }
    }
  }
  for (const b of snap.board) {
    for (const c of b.criteria) {
      if (c.aggregated !== null) records.push(['score that counts', safe(b.bidderName), safe(area(c.criterionId)), safe(stage(c.criterionId)), BASIS_WORDING[c.basis], c.aggregated, '', snap.takenAt, '', '']);
    }
  }
  for (const entry of snap.moderationLog) {
    entry.versions.forEach((v, i) => {
      records.push([
        i === 0 ? 'consensus' : 'consensus (superseded)',
        safe(bidderName.get(entry.bidderId) ?? ''),
        safe(area(entry.criterionId)),
        safe(stage(entry.criterionId)),
        safe(v.recordedBy),
        v.score,
        safe(v.bidderExplanation),
        v.recordedAt,
        safe(v.reason),
        '',
      ]);
    });
  }
  return stringify(records, {
    header: true,
    columns: ['kind', 'bidder', 'capability_area', 'stage', 'by', 'score', 'rationale_or_explanation', 'at', 'reason', 'excluded'],
    bom: true,
  });
}
