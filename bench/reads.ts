/*
 * What the moderation meeting and the procurement lead wait for, as HTTP round trips to the running web
 * host on the seeded evaluation (every bidder sealed by all 12 evaluators), each preceded by untimed
 * warm-up calls as in an app that has been open for a while:
 *
 *   moderation.board for one bidder   — as the moderator (declared clear for every bidder); cycles bidders
 *   moderation.board for everything   — as the moderator, as the overview screen asks: counts and flags per bidder
 *   ranking.get                        — as the moderator: ranking, thresholds, tie-break and sensitivity
 *                                        (every criterion of every bidder moved ±1)
 *   export.rankedWorkbook              — as the procurement lead: the xlsx, as bytes in a multipart answer
 *   export.evidencePack                — as the procurement lead: the zip around that workbook
 *
 * and, in this process, the bare exceljs baseline writing the same cells as the exported workbook. Each
 * group of calls (warm-ups included) is one window of its operation (host.ts): the host's longest stall
 * and peak RSS meanwhile.
 */
import { bareWorkbook, cellsOfWorkbook } from './baselines';
import type { Host } from './host';
import { asBaseline, figure, NO_TARGET, TARGETS, timeRuns, under, type Measure } from './stats';
import type { Seeded } from './synthetic';

/** How many timed runs fit a time budget, judged by the warm-up: at least `min`, at most `max`. */
export const runsWithin = (warmMs: number, r: { min: number; max: number; budgetMs: number }) =>
  Math.max(r.min, Math.min(r.max, Math.floor(r.budgetMs / Math.max(warmMs, 0.01))));

export interface RunPlan {
  min: number;
  max: number;
  budgetMs: number;
}

/** Untimed warm-up calls, then as many timed runs as the plan allows. */
async function warmThenTime(warmUps: number, plan: RunPlan, work: (i: number) => Promise<unknown>, before?: (i: number) => Promise<unknown>) {
  let warm = 0;
  for (let i = 0; i < warmUps; i++) {
    await before?.(i);
    const start = performance.now();
    await work(i);
    warm = performance.now() - start;
  }
  return timeRuns(runsWithin(warm, plan), work, before);
}

export interface Measured {
  measures: Measure[];
  notes: string[];
}

export async function measureReads(
  host: Host,
  seed: Seeded,
  plans: { board: RunPlan; boardAll: RunPlan; ranking: RunPlan; export: RunPlan; evidencePack: RunPlan },
): Promise<Measured> {
  const { evaluationId, moderatorId, leadId, bidders } = seed;
  const scale = seed.size.scale;
  const notes: string[] = [];
  const measures: Measure[] = [];

  // Moderation board, one bidder.
  const one = await host.operation('moderation board, one bidder', () =>
    warmThenTime(5, plans.board, (i) => host.call(moderatorId, 'moderation.board', { evaluationId, bidderId: bidders[(i * 7) % bidders.length]!.id })),
  );
  const sample = await host.call(moderatorId, 'moderation.board', { evaluationId, bidderId: bidders[0]!.id });
  const sealedOne = sample.bidders[0]!.criteria.reduce((n, c) => n + c.sealed.length, 0);
  measures.push(figure('board-one', 'moderation board, one bidder', one, under(one.median, TARGETS.boardMs[scale])));
  notes.push(`moderation board, one bidder: ${sealedOne} sealed scores, ${(JSON.stringify(sample).length / 1024).toFixed(0)} KiB of JSON`);

  // Moderation board, the whole evaluation, as the app loads it: the overview of every bidder (counts and
  // flags); each bidder's sealed scores and rationales load when that bidder is opened.
  const all = await host.operation('moderation board, overview', () =>
    warmThenTime(1, plans.boardAll, () => host.call(moderatorId, 'moderation.board', { evaluationId, summary: true })),
  );
  const whole = await host.call(moderatorId, 'moderation.board', { evaluationId, summary: true });
  const flagged = whole.bidders.reduce((n, b) => n + b.criteria.filter((c) => c.flagged).length, 0);
  measures.push(figure('board-all', 'moderation board, whole evaluation (overview)', all, NO_TARGET));
  notes.push(`moderation board, whole evaluation (overview): ${whole.bidders.length} bidders, ${flagged} criteria flagged, ${(JSON.stringify(whole).length / 1024).toFixed(0)} KiB of JSON`);

  // Ranking with sensitivity: recomputed, because a change (untimed) comes before every run; and the same
  // ranking opened again with nothing changed, which the host answers from its cache.
  const change = (i: number) => host.call(leadId, 'evaluations.saveDetails', { evaluationId, name: `Bench evaluation (${i % 2})`, reference: 'BENCH' });
  const ranking = await host.operation('ranking with sensitivity', () =>
    warmThenTime(3, plans.ranking, () => host.call(moderatorId, 'ranking.get', { evaluationId }), change),
  );
  const again = await host.operation('ranking with sensitivity', () => warmThenTime(1, plans.ranking, () => host.call(moderatorId, 'ranking.get', { evaluationId })));
  const result = await host.call(moderatorId, 'ranking.get', { evaluationId });
  measures.push(figure('ranking', 'full ranking with sensitivity (after a change)', ranking, under(ranking.median, TARGETS.rankingMs[scale])));
  measures.push(figure('ranking-again', 'ranking opened again, nothing changed', again, NO_TARGET));
  notes.push(
    `ranking: ${result.ranked.length} ranked, ${result.failed.length} failing a threshold, ${result.sensitivity.length} sensitivity flags, provisional: ${result.provisional}`,
  );

  // Ranked-results workbook, and the bare exceljs baseline on the very same cells.
  const exportOnce = () => host.call(leadId, 'export.rankedWorkbook', { evaluationId });
  const { first, firstMs, exported } = await host.operation('workbook export', async () => {
    const firstStart = performance.now();
    const first = await exportOnce();
    const firstMs = performance.now() - firstStart;
    return { first, firstMs, exported: await timeRuns(runsWithin(firstMs, plans.export), exportOnce) };
  });
  const xlsx = Buffer.from(first.content);
  const sheets = cellsOfWorkbook(xlsx);
  const cells = sheets.reduce((n, s) => n + s.cells, 0);
  // The baseline runs as many times as the export did, so both figures have the same statistical footing.
  await bareWorkbook(sheets);
  const bare = await timeRuns(exported.samples.length, () => bareWorkbook(sheets));
  const bareBytes = (await bareWorkbook(sheets)).bytes;
  const ratio = exported.median / bare.median;
  measures.push(figure('export', 'export ranked-results workbook', exported, under(ratio, TARGETS.exportRatio[scale], '×', 'bare exceljs'), bare.median));
  measures.push(asBaseline(figure('export-bare', '  baseline: bare exceljs streaming writer, same cells', bare, NO_TARGET), 'export'));
  notes.push(
    `workbook: ${cells.toLocaleString('en-GB')} cells in ${sheets.length} sheets (${sheets.map((s) => `${s.name} ${s.cells.toLocaleString('en-GB')}`).join(', ')}); ` +
      `app file ${(xlsx.length / 1024 / 1024).toFixed(1)} MiB, bare file ${(bareBytes / 1024 / 1024).toFixed(1)} MiB; first export ${firstMs.toFixed(0)} ms`,
  );

  // The evidence pack: the same workbook, the audit log, framework, scale and rules, conflicts register,
  // document hashes and a manifest, in one zip.
  let packBytes = 0;
  const evidence = await host.operation('evidence pack export', async () => {
    const start = performance.now();
    packBytes = (await host.call(leadId, 'export.evidencePack', { evaluationId })).bytes;
    return timeRuns(runsWithin(performance.now() - start, plans.evidencePack), () => host.call(leadId, 'export.evidencePack', { evaluationId }));
  });
  measures.push(figure('evidence-pack', 'export evidence pack (zip)', evidence, NO_TARGET));
  notes.push(`evidence pack: ${(packBytes / 1024 / 1024).toFixed(1)} MiB`);
  return { measures, notes };
}
