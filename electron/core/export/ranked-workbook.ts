import type ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { listCriteria, type Indicator } from '../../../shared/domain/framework';
import { AGGREGATION_LABELS, describeThreshold } from '../../../shared/domain/rules';
import { scaleMax, scaleMin } from '../../../shared/domain/scale';
import { weightedPoints } from '../../../shared/domain/totals';
import { effectiveWeights } from '../../../shared/domain/weights';
import { DECLARATION_LABELS, EXCLUSION_WORDING, MITIGATION_LABELS } from '../../../shared/domain/conflicts';
import { MEMBER_ROLE_LABELS } from '../../../shared/api/evaluations';
import type { ResultsSnapshot } from './snapshot';
import { addStyledRow, addTable, filterTable, scoreShading, STYLE, workbookWriter, type SheetMeta } from './sheet-style';

export type Progress = (done: number, total: number) => void;

/** Lets the event loop breathe during a long export so the host keeps answering (and progress can be read). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Evidence indicators as numbered, indented lines (1., 1.1., …). */
export function numberIndicators(items: readonly Indicator[]): string {
  const lines: string[] = [];
  const walk = (list: readonly Indicator[], prefix: string, depth: number) =>
    list.forEach((item, i) => {
      const number = `${prefix}${i + 1}`;
      lines.push(`${'  '.repeat(depth)}${number}. ${item.text}`);
      walk(item.children, `${number}.`, depth + 1);
    });
  walk(items, '', 0);
  return lines.join('\n');
}

export const SHEETS = ['Ranking', 'Breakdown', 'Framework & scale', 'Individual scores', 'Moderation log', 'Conflicts of interest'] as const;

/** The Breakdown columns the Ranking formulas read: weighted points, whether the row is in the ranking, and numeric keys. */
const BREAKDOWN = { weighted: 'H', inRanking: 'I', bidderNo: 'J', areaNo: 'K', stageNo: 'L' } as const;

/**
 * The ranked-results workbook procurement leads hand to their boards. Written with exceljs's streaming
 * writer; totals on the Ranking sheet are live formulas over the Breakdown sheet whose cached values are
 * the app's own figures. The formulas find a bidder's rows by number (the bidder's place on the Ranking
 * sheet, the capability area's and stage's places in the framework), never by comparing names, which can
 * collide or begin like a formula; so they still add the right rows after the Breakdown is sorted.
 */
export async function writeRankedWorkbook(snap: ResultsSnapshot, meta: SheetMeta, onProgress: Progress = () => {}): Promise<Buffer> {
  const { evaluation, ranking, board } = snap;
  const { framework, settings } = evaluation;
  const criteria = listCriteria(framework);
  const weights = effectiveWeights(settings.weights);
  const max = scaleMax(settings.scale);
  const areaTitle = new Map(framework.areas.map((a) => [a.id, a.title]));
  const stageLabel = new Map(framework.stages.map((s) => [s.id, s.label]));
  const criterionName = (id: string) => {
    const c = criteria.find((x) => x.id === id);
    return c ? `${areaTitle.get(c.areaId)} — ${stageLabel.get(c.stageId)}` : id;
  };
  const rows = [...ranking.ranked, ...ranking.failed];
  const versionCount = snap.moderationLog.reduce((n, l) => n + l.versions.length, 0);
  const total = rows.length + rows.length * criteria.length + criteria.length + snap.sealedCount + versionCount + snap.declarations.length;
  let done = 0;
  const tick = async (n = 1) => {
    done += n;
    if (done % 500 < n) {
      onProgress(done, total);
      await breathe();
    }
  };

  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = workbookWriter(stream);
  wb.creator = 'Capability Assessment';
  wb.title = evaluation.name;
  wb.created = new Date(meta.exportedAt);

  // Breakdown rows: one per bidder × criterion, in ranking order, with the numbers the Ranking formulas match on.
  const breakdownLast = 1 + rows.length * criteria.length;
  const bd = (col: string) => `Breakdown!$${col}$2:$${col}$${Math.max(2, breakdownLast)}`;
  const rankedOn = new Set(ranking.rankedOn);
  /** Σ weighted points of the Breakdown rows in the ranking whose key columns hold these numbers. */
  const pointsWhere = (...keys: [column: string, value: number][]) =>
    `SUMPRODUCT(${keys.map(([column, value]) => `(${bd(column)}=${value})`).join('*')}*${bd(BREAKDOWN.inRanking)},${bd(BREAKDOWN.weighted)})`;

  // --- Ranking ---------------------------------------------------------------------------------------
  const rk = addTable(wb, 'Ranking', meta, [
    { header: 'Rank', width: 7 },
    { header: 'Bidder', width: 32 },
    { header: 'Lead organisation', width: 32 },
    { header: 'Consortium members', width: 44 },
    { header: 'Total (%)', width: 11 },
    ...framework.areas.map((a) => ({ header: a.title, width: 18 })),
    ...framework.stages.map((s) => ({ header: s.label, width: 13 })),
    { header: 'Threshold status', width: 20 },
    { header: 'Threshold failures', width: 50 },
    { header: 'Tie', width: 30 },
    { header: 'Bidder no. (in Breakdown)', width: 12 },
  ]);
  const firstArea = 6;
  const firstStage = firstArea + framework.areas.length;
  for (const [i, r] of rows.entries()) {
    const bidder = evaluation.bidders.find((b) => b.id === r.bidderId);
    const lead = bidder?.members.find((m) => m.role === 'lead')?.organisation ?? '';
    const members = (bidder?.members ?? [])
      .filter((m) => m.role !== 'lead')
      .map((m) => `${m.organisation} (${MEMBER_ROLE_LABELS[m.role].toLowerCase()})`);
    const bidderNo = i + 1;
    const values: ExcelJS.CellValue[] = [
      r.rank ?? 'Fails threshold',
      r.name,
      lead,
      members.join('; '),
      { formula: pointsWhere([BREAKDOWN.bidderNo, bidderNo]), result: r.total },
      ...framework.areas.map((a, j) => ({
        formula: pointsWhere([BREAKDOWN.bidderNo, bidderNo], [BREAKDOWN.areaNo, j + 1]),
        result: r.byArea.find((x) => x.id === a.id)?.points ?? 0,
      })),
      ...framework.stages.map((s, j) => ({
        formula: pointsWhere([BREAKDOWN.bidderNo, bidderNo], [BREAKDOWN.stageNo, j + 1]),
        result: r.byStage.find((x) => x.id === s.id)?.points ?? 0,
      })),
      r.failures.length === 0 ? (r.complete ? 'Meets all thresholds' : 'Provisional') : 'Fails a threshold',
      r.failures.map((f) => `${f.rule} (${criterionName(f.criterionId)}: ${f.score})`).join('; '),
      r.tied ? 'Tied' : (r.tieBrokenBy ?? ''),
      bidderNo,
    ];
    addStyledRow(rk, values, (c) => (c >= 5 && c < firstStage + framework.stages.length ? STYLE.wrappedTwoDecimals : STYLE.wrapped));
    await tick();
  }
  // Bidders with no score that counts yet: listed, never given a total (a total of nothing would read as 0).
  for (const b of ranking.notYetRanked) {
    const bidder = evaluation.bidders.find((x) => x.id === b.bidderId);
    const lead = bidder?.members.find((m) => m.role === 'lead')?.organisation ?? '';
    const members = (bidder?.members ?? []).filter((m) => m.role !== 'lead').map((m) => `${m.organisation} (${MEMBER_ROLE_LABELS[m.role].toLowerCase()})`);
    const blanks = Array.from({ length: 1 + framework.areas.length + framework.stages.length }, () => '');
    const none = ranking.missing.filter((m) => m.bidderId === b.bidderId).length === criteria.length;
    const why = none ? 'Not yet ranked: no score counts yet' : 'Not yet ranked: no criterion has a score that counts for every bidder yet';
    addStyledRow(rk, ['Not yet ranked', b.name, lead, members.join('; '), ...blanks, why, '', '', ''], () => STYLE.wrapped);
  }
  filterTable(rk, 1 + rows.length + ranking.notYetRanked.length);
  rk.commit();

  // --- Breakdown -------------------------------------------------------------------------------------
  const br = addTable(wb, 'Breakdown', meta, [
    { header: 'Bidder', width: 32 },
    { header: 'Capability area', width: 30 },
    { header: 'Stage', width: 12 },
    { header: 'Criterion', width: 44 },
    { header: `Score (${AGGREGATION_LABELS[settings.rules.aggregation].toLowerCase()})`, width: 16 },
    { header: 'Maximum', width: 10 },
    { header: 'Effective weight (%)', width: 12 },
    { header: 'Weighted score (% points)', width: 14 },
    { header: 'In the ranking (1 = counted in the totals; 0 = left out until every bidder has a score that counts)', width: 18 },
    { header: 'Bidder no. (in Ranking)', width: 10 },
    { header: 'Capability area no.', width: 10 },
    { header: 'Stage no.', width: 8 },
  ]);
  const areaNo = new Map(framework.areas.map((a, i) => [a.id, i + 1]));
  const stageNo = new Map(framework.stages.map((s, i) => [s.id, i + 1]));
  let r = 2;
  for (const [i, bidder] of rows.entries()) {
    const scores = new Map(board.find((b) => b.bidderId === bidder.bidderId)?.criteria.map((c) => [c.criterionId, c.aggregated]));
    for (const c of criteria) {
      const score = scores.get(c.id) ?? null;
      const weight = weights.get(c.id) ?? 0;
      addStyledRow(
        br,
        [
          bidder.name,
          areaTitle.get(c.areaId) ?? '',
          stageLabel.get(c.stageId) ?? '',
          criterionName(c.id),
          score,
          max,
          weight,
          { formula: `IF(E${r}="","",G${r}*E${r}/F${r})`, result: score === null ? '' : weightedPoints(weight, score, max) },
          rankedOn.has(c.id) ? 1 : 0,
          i + 1,
          areaNo.get(c.areaId)!,
          stageNo.get(c.stageId)!,
        ],
        (c) => (c === 5 || c === 7 ? STYLE.twoDecimals : c === 8 ? STYLE.fourDecimals : STYLE.plain),
      );
      r++;
      await tick();
    }
  }
  filterTable(br, Math.max(1, r - 1));
  br.addConditionalFormatting(scoreShading(`E2:E${Math.max(2, r - 1)}`, scaleMin(settings.scale), max));
  br.commit();

  // --- Framework & scale ------------------------------------------------------------------------------
  const fw = addTable(wb, 'Framework & scale', meta, [
    { header: 'Capability area', width: 30 },
    { header: 'Stage', width: 12 },
    { header: 'Time horizon', width: 24 },
    { header: 'Effective weight (%)', width: 12 },
    { header: 'Guidance questions', width: 60 },
    { header: 'Evidence indicators', width: 80 },
  ]);
  for (const c of criteria) {
    const area = framework.areas.find((a) => a.id === c.areaId)!;
    const stage = framework.stages.find((s) => s.id === c.stageId)!;
    addStyledRow(
      fw,
      [
        area.title,
        stage.label,
        stage.horizon,
        weights.get(c.id) ?? 0,
        area.questions.map((q, i) => `${i + 1}. ${q}`).join('\n'),
        numberIndicators(area.indicators[stage.id] ?? []),
      ],
      (c) => (c === 4 ? STYLE.wrappedTwoDecimals : STYLE.wrapped),
    );
    await tick();
  }
  filterTable(fw, 1 + criteria.length);
  const section = (title: string) => {
    fw.addRow([]).commit();
    addStyledRow(fw, [title], () => STYLE.sectionHeading);
  };
  section('Scoring scale');
  const plainRow = (values: ExcelJS.CellValue[]) => addStyledRow(fw, values, () => STYLE.plain);
  plainRow(['Score', 'Label', 'Descriptor']);
  for (const p of settings.scale.points) plainRow([p.value, p.label, p.descriptor]);
  section('Minimum thresholds');
  if (settings.thresholds.length === 0) plainRow(['None']);
  for (const t of settings.thresholds) plainRow([describeThreshold(t, framework)]);
  section('Rules');
  plainRow(['Aggregation rule', AGGREGATION_LABELS[settings.rules.aggregation]]);
  plainRow(['Tie-break rule', ranking.tieBreakRule]);
  plainRow(['Spread tolerance (points)', settings.rules.spreadTolerance]);
  plainRow(['Set-up version', evaluation.settingsVersion, `saved ${evaluation.settingsSavedAt} by ${evaluation.settingsSavedBy}`]);
  plainRow(['Capability framework', framework.name, framework.source]);
  fw.commit();

  // --- Individual scores ------------------------------------------------------------------------------
  const is = addTable(wb, 'Individual scores', meta, [
    { header: 'Evaluator', width: 24 },
    { header: 'Bidder', width: 30 },
    { header: 'Capability area', width: 28 },
    { header: 'Stage', width: 12 },
    { header: 'Score', width: 8 },
    { header: 'Rationale', width: 80 },
    { header: 'Evidence references', width: 40 },
    { header: 'Sealed at', width: 22 },
    { header: 'Excluded from the results', width: 30 },
  ]);
  let isRows = 1;
  for (const b of board) {
    const sealed = snap.individualScores(b.bidderId);
    for (const c of b.criteria) {
      for (const s of sealed.get(c.criterionId) ?? []) {
        const refs = s.evidenceRefs.map((e) => `${snap.documentNames.get(e.documentId) ?? e.documentId}${e.location ? `, ${e.location}` : ''}`);
        addStyledRow(
          is,
          [
            s.evaluatorName,
            b.bidderName,
            areaTitle.get(c.areaId) ?? '',
            stageLabel.get(c.stageId) ?? '',
            s.score,
            s.rationale,
            refs.join('; '),
            s.sealedAt,
            s.excludedBecause ? EXCLUSION_WORDING[s.excludedBecause] : '',
          ],
          () => STYLE.wrapped,
        );
        isRows++;
        await tick();
      }
    }
  }
  filterTable(is, isRows);
  is.addConditionalFormatting(scoreShading(`E2:E${Math.max(2, isRows)}`, scaleMin(settings.scale), max));
  is.commit();

  // --- Moderation log ---------------------------------------------------------------------------------
  const ml = addTable(wb, 'Moderation log', meta, [
    { header: 'Bidder', width: 30 },
    { header: 'Criterion', width: 40 },
    { header: 'Version', width: 9 },
    { header: 'Consensus score', width: 10 },
    { header: 'Moderation note (internal)', width: 60 },
    { header: 'Explanation for the bidder', width: 60 },
    { header: 'Reason', width: 40 },
    { header: 'Recorded by', width: 22 },
    { header: 'Recorded at', width: 22 },
    { header: 'Status', width: 12 },
  ]);
  let mlRows = 1;
  const bidderName = new Map(evaluation.bidders.map((b) => [b.id, b.name]));
  for (const entry of snap.moderationLog) {
    const count = entry.versions.length;
    for (const [i, v] of entry.versions.entries()) {
      addStyledRow(
        ml,
        [
          bidderName.get(entry.bidderId) ?? '',
          criterionName(entry.criterionId),
          count - i,
          v.score,
          v.internalNote,
          v.bidderExplanation,
          v.reason,
          v.recordedBy,
          v.recordedAt,
          i === 0 ? 'Current' : 'Superseded',
        ],
        () => STYLE.wrapped,
      );
      mlRows++;
      await tick();
    }
  }
  filterTable(ml, mlRows);
  ml.commit();

  // --- Conflicts of interest --------------------------------------------------------------------------
  const ci = addTable(wb, 'Conflicts of interest', meta, [
    { header: 'Person', width: 24 },
    { header: 'Bidder', width: 30 },
    { header: 'Declared against', width: 34 },
    { header: 'Declaration', width: 18 },
    { header: 'Description', width: 50 },
    { header: 'Declared at', width: 22 },
    { header: 'Status', width: 12 },
    { header: 'Mitigation decisions', width: 60 },
  ]);
  for (const d of snap.declarations) {
    addStyledRow(
      ci,
      [
        d.personName,
        bidderName.get(d.bidderId) ?? '',
        d.subject,
        DECLARATION_LABELS[d.kind],
        d.description,
        d.declaredAt,
        d.supersededBy ? 'Superseded' : 'Current',
        d.mitigations.map((m) => `${m.decidedAt.slice(0, 10)} ${MITIGATION_LABELS[m.decision]} — ${m.reason} (${m.decidedBy})`).join('\n'),
      ],
      () => STYLE.wrapped,
    );
    await tick();
  }
  filterTable(ci, 1 + snap.declarations.length);
  ci.commit();

  await wb.commit();
  await finished;
  onProgress(total, total);
  return Buffer.concat(chunks);
}
