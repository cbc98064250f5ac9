/*
 * `npm run bench` (not part of `npm test`): builds a large synthetic evaluation in a fresh data folder and
 * measures what its users wait for, printing one table (median and p95 over repeated runs, baselines and
 * ratios, the targets) and writing bench/results/latest.json for comparison over time. Commit a
 * dated copy (bench/results/YYYY-MM-DD-<topic>.json) when closing a performance issue, not on every run.
 *
 *   1. seeding (synthetic.ts)           the evaluation through the real contract, in process, each person
 *                                       acting through their own session
 *   2. inserting all scores (insert.ts) the app's bulk write path vs bare better-sqlite3 (baselines.ts);
 *                                       the last run's store is the seeded data folder
 *   3. reads (reads.ts)                 moderation board, ranking, workbook export (vs bare exceljs) —
 *                                       HTTP round trips to the built web host (host.ts) on that folder
 *   4. writes (writes.ts)               score save and seal round trips, a 13th evaluator at work
 *   5. host peak RSS                    VmHWM of that host process after 3 and 4
 *   6. cold start (cold-start.ts)       host spawn → profile screen visible in Chromium
 *   7. score return (score-return.ts)   exchange.importReturn of one evaluator's 1,800 scores
 *   8. oversized score sheet (oversized-score-sheet.ts)   a 300,000-row Excel score sheet refused before parsing
 *
 * BENCH_KEEP_DATA=1 keeps the data folder (its path is printed) for poking at afterwards.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createCore, DATABASE_FILE_NAME } from '../electron/core';
import { launchBrowser, measureColdStart } from './cold-start';
import { ensureBuilt, ROOT, startHost } from './host';
import { measureInserts } from './insert';
import { measureReads } from './reads';
import { measureOversizedScoreSheet } from './oversized-score-sheet';
import { measureScoreReturn } from './score-return';
import { figure, percentile, printTable, type Figure } from './stats';
import { SEED_KDF_LOG_N, SIZE, sealedScores, seedSetUp } from './synthetic';
import { measureWrites } from './writes';

/** Fixed run counts, and for the host reads a time budget: as many runs as fit, within [min, max]. */
const RUNS = { insert: 5, seals: 10, coldStart: 5, scoreReturn: 5, oversizedSheet: 5 };
const READ_PLANS = {
  board: { min: 30, max: 100, budgetMs: 3_000 },
  boardAll: { min: 10, max: 30, budgetMs: 8_000 },
  ranking: { min: 10, max: 50, budgetMs: 10_000 },
  export: { min: 5, max: 10, budgetMs: 20_000 },
};
const RSS_LIMIT_MB = 400;

const figures: Figure[] = [];
const notes: string[] = [];
const failures: string[] = [];
const benchStart = performance.now();
const elapsed = () => `${((performance.now() - benchStart) / 1000).toFixed(0)} s`;

async function group(title: string, work: () => Promise<{ figures: Figure[]; notes: string[] }>): Promise<void> {
  console.log(`▶ ${title} (${elapsed()})`);
  try {
    const out = await work();
    figures.push(...out.figures);
    notes.push(...out.notes);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    failures.push(`${title}: ${message}`);
    console.error(`  ✗ ${title} failed: ${message}`);
  }
}

const median = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const commit = () => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim() + (execSync('git status --porcelain', { cwd: ROOT }).toString().trim() ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
};

const load = () => loadavg()[0]!;

async function main(): Promise<void> {
  const loadAtStart = load();
  console.log(
    `Capability Assessment benchmark — ${new Date().toISOString()} — commit ${commit()} — Node ${process.version}, ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, load average ${loadAtStart.toFixed(2)}`,
  );
  if (loadAtStart > 0.5 * cpus().length) console.log(`  ! the machine is busy (1-minute load ${loadAtStart.toFixed(2)} on ${cpus().length} cores): figures will be slower and noisier than on an idle machine`);
  ensureBuilt();
  const root = mkdtempSync(join(tmpdir(), 'capability-bench-'));
  const templateDir = join(root, 'set-up');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  try {
    console.log(`▶ seeding a fresh evaluation in ${root}`);
    // Seeding is not measured: the profiles' passphrases are hashed at a low cost (each hash keeps its own parameters).
    const core = createCore({ dataDir: templateDir, backupsToKeep: 1, backupEveryMs: 0, profileKdfLogN: SEED_KDF_LOG_N });
    const seed = await seedSetUp(core);
    core.close();
    const sets = sealedScores(seed);
    const scores = sets.reduce((n, s) => n + s.entries.length, 0);
    const rationale = Math.round(sets.flatMap((s) => s.entries).reduce((n, e) => n + e.rationale.length, 0) / scores);
    console.log(
      `  · ${SIZE.areas} areas × ${SIZE.stages} stages, ${seed.bidders.length} bidders, ${seed.evaluatorIds.length} evaluators: ` +
        `${scores.toLocaleString('en-GB')} scores (rationales ${rationale} characters on average), ${sets.length} seals to write (${elapsed()})`,
    );

    await group('inserting all scores: the app’s bulk write path, then bare better-sqlite3', async () => {
      const t = measureInserts(join(templateDir, DATABASE_FILE_NAME), join(root, 'scratch'), dataDir, sets, RUNS.insert);
      const stats = (samples: number[]) => {
        const sorted = [...samples].sort((a, b) => a - b);
        return { median: percentile(sorted, 50), p95: percentile(sorted, 95), samples };
      };
      const app = stats(t.app);
      const bare = stats(t.bare);
      const ratio = app.median / bare.median;
      return {
        figures: [
          figure(`insert all ${scores.toLocaleString('en-GB')} scores + ${sets.length} seals`, app, { text: '≤ 3× bare better-sqlite3', met: ratio <= 3 }, bare.median),
          figure('  baseline: bare better-sqlite3, one transaction', bare, { text: '—', met: null }),
        ],
        notes: [
          `insert diagnostic (bare better-sqlite3 with the app’s schema added back, medians): bare ${bare.median.toFixed(0)} ms; ` +
            t.features.map((f) => `${f.label} ${median(f.ms).toFixed(0)} ms`).join('; '),
        ],
      };
    });

    const host = await startHost(dataDir);
    let rss = { peakMb: Number.NaN, rssMb: Number.NaN };
    const steps: string[] = [`started ${host.memory().peakMb.toFixed(0)}`];
    const mark = (step: string) => steps.push(`${step} ${host.memory().peakMb.toFixed(0)}`);
    try {
      await group('reads through the web host: moderation board, ranking, workbook export', () => measureReads(host, seed, READ_PLANS, mark));
      await group('writes through the web host: save and seal', () => measureWrites(host, seed, RUNS.seals, mark));
      rss = host.memory();
      notes.push(`host peak RSS (VmHWM, MiB) after each step: ${steps.join(' → ')}`);
    } finally {
      await host.stop();
    }

    await group('cold start to the first screen in Chromium', async () => {
      const browser = await launchBrowser();
      try {
        return await measureColdStart(browser, dataDir, RUNS.coldStart);
      } finally {
        await browser.close();
      }
    });

    await group('importing one evaluator’s score return', () => measureScoreReturn(dataDir, seed, RUNS.scoreReturn));
    await group('refusing a 300,000-row Excel score sheet', () => measureOversizedScoreSheet(dataDir, seed, RUNS.oversizedSheet));

    const loadAtEnd = load();
    console.log(`\nResults (${elapsed()} in all; times in ms; targets on a 2-core machine; load average ${loadAtStart.toFixed(2)} at the start, ${loadAtEnd.toFixed(2)} at the end)\n`);
    printTable(figures);
    const rssMet = rss.peakMb < RSS_LIMIT_MB;
    console.log(
      `\nhost peak RSS (VmHWM after every host measurement above): ${rss.peakMb.toFixed(0)} MiB (now ${rss.rssMb.toFixed(0)} MiB) — target < ${RSS_LIMIT_MB} MB — ${rssMet ? 'met' : 'NOT MET'}`,
    );
    console.log('\nNotes');
    for (const n of notes) console.log(`  - ${n}`);

    const results = [
      ...figures.map(({ runs: _runs, ...f }) => ({ ...f, name: f.name.trim() })),
      { name: 'host_rss_mb', value_mb: Math.round(rss.peakMb * 10) / 10, target: `< ${RSS_LIMIT_MB} MB`, met: rssMet },
    ];
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nWrote bench/results/latest.json');
    const missed = [...figures.filter((f) => f.met === false).map((f) => f.name.trim()), ...(rssMet ? [] : ['host peak RSS'])];
    console.log(missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.join('; ')}`);
    if (failures.length > 0) {
      console.log(`\n${failures.length} measurement group(s) FAILED:`);
      for (const f of failures) console.log(`  - ${f.split('\n')[0]}`);
      process.exitCode = 1;
    }
  } finally {
    if (process.env.BENCH_KEEP_DATA) console.log(`(data kept in ${root})`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
