/*
 * `npm run bench` (not part of `npm test`): builds a large synthetic evaluation in a fresh data folder and
 * measures what its users wait for, at two sizes — today's (1×: 60 bidders, 21,600 sealed scores) and four
 * times the bidders (4×: 240 bidders, 86,400 sealed scores; synthetic.ts) — and prints one table: each row's
 * figure at 1× and at 4× (median and p95 over repeated runs, baselines and ratios), the issue's target for
 * each size and `met`, and the growth from 1× to 4×, which must be no worse than linear (≤ 4×). Writes
 * bench/results/latest.json for comparison over time. Commit a dated copy (bench/results/YYYY-MM-DD-<topic>.json)
 * when closing a performance issue, not on every run.
 *
 *   npm run bench                  both sizes (about 10–15 minutes on the 2-core development machine)
 *   npm run bench -- --size 1      one size only (the growth column is then left out)
 *
 * At each size, in a data folder of its own:
 *   1. seeding (synthetic.ts)            the evaluation through the real contract, in process, each person
 *                                        acting through their own session
 *   2. inserting all scores (insert.ts)  the app's bulk write path vs bare better-sqlite3 (baselines.ts); the
 *                                        last run's store is the seeded data folder
 *   3. through the built web host (host.ts: out/main/web-host.js, the core on its worker thread, in a process
 *      of its own with host-monitor.mjs loaded into it), on that folder:
 *        reads (reads.ts)                moderation board, ranking with sensitivity, workbook export (vs bare
 *                                        exceljs), evidence pack export
 *        writes (writes.ts)              score save and seal round trips, a 13th evaluator at work
 *        score sheet (score-sheet-import.ts)   a 15th evaluator's sheet generated, filled and imported
 *        oversized score sheet (oversized-score-sheet.ts)   a 300,000-row sheet refused before parsing
 *        backup and restore (backup-restore.ts)   the administrator backs the store up and restores it
 *   4. cold start (cold-start.ts)        host spawn → profile screen visible in Chromium, on that store
 *   5. evaluator pack and score return (score-return.ts)   a ~60 MiB pack made, sent in parts and opened,
 *                                        and one evaluator's return imported — each installation a host
 *
 * Every operation through a host is also measured from inside the host (operations.ts): the longest stall
 * of its event loop (target < 50 ms at both sizes: the core works on its own thread, so the host should
 * only route) and its peak resident memory, the core's thread included (target < 300 MB at 1×, < 400 MB
 * at 4×, the 60 MiB pack made and opened included). Each gets a row per operation, and one for the worst.
 *
 * BENCH_KEEP_DATA=1 keeps the data folders (their paths are printed) for poking at afterwards.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, DATABASE_FILE_NAME } from '../electron/core';
import { measureBackupRestore } from './backup-restore';
import { launchBrowser, measureColdStart } from './cold-start';
import { ensureBuilt, ROOT, startHost } from './host';
import { measureInserts } from './insert';
import { OperationLog } from './operations';
import { measureOversizedScoreSheet } from './oversized-score-sheet';
import { measureReads, type Measured, type RunPlan } from './reads';
import { measureScoreReturn } from './score-return';
import { measureScoreSheetImport } from './score-sheet-import';
import { asBaseline, figure, NO_TARGET, percentile, samplesOf, TARGETS, under, type Measure } from './stats';
import { printRows, rowsAsJson, rowsOf } from './table';
import { benchSize, SCALES, SEED_KDF_LOG_N, sealedScores, seedSetUp, type Scale } from './synthetic';
import { measureWrites } from './writes';

/** Run counts per size (4× runs fewer of the long ones, to keep both sizes within about 15 minutes). */
const RUNS: Record<Scale, { insert: number; seals: number; coldStart: number; scoreReturn: number; oversizedSheet: number; scoreSheet: number; backup: number }> = {
  1: { insert: 5, seals: 10, coldStart: 5, scoreReturn: 5, oversizedSheet: 5, scoreSheet: 3, backup: 2 },
  4: { insert: 3, seals: 10, coldStart: 3, scoreReturn: 3, oversizedSheet: 3, scoreSheet: 2, backup: 1 },
};
/** For the host reads, a time budget: as many runs as fit, within [min, max]. */
const READ_PLANS: Record<'board' | 'boardAll' | 'ranking' | 'export' | 'evidencePack', RunPlan> = {
  board: { min: 30, max: 100, budgetMs: 3_000 },
  boardAll: { min: 10, max: 30, budgetMs: 8_000 },
  ranking: { min: 10, max: 50, budgetMs: 10_000 },
  export: { min: 3, max: 10, budgetMs: 20_000 },
  evidencePack: { min: 2, max: 5, budgetMs: 15_000 },
};

const benchStart = performance.now();
const elapsed = () => `${((performance.now() - benchStart) / 1000).toFixed(0)} s`;
const median = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const load = () => loadavg()[0]!;
const commit = () => {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim() + (execSync('git status --porcelain', { cwd: ROOT }).toString().trim() ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
};

interface SizeResult {
  measures: Measure[];
  notes: string[];
  failures: string[];
}

async function measureSize(scale: Scale): Promise<SizeResult> {
  const size = benchSize(scale);
  const runs = RUNS[scale];
  const measures: Measure[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  const log = new OperationLog();
  const group = async (title: string, work: () => Promise<Measured>): Promise<void> => {
    console.log(`▶ ${scale}×: ${title} (${elapsed()}, load ${load().toFixed(2)})`);
    try {
      const out = await work();
      measures.push(...out.measures);
      notes.push(...out.notes);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${scale}×, ${title}: ${message}`);
      console.error(`  ✗ ${title} failed: ${message}`);
    }
  };

  const root = mkdtempSync(join(tmpdir(), `capability-bench-${scale}x-`));
  const templateDir = join(root, 'set-up');
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  try {
    console.log(`▶ ${scale}×: seeding a fresh evaluation in ${root} (${elapsed()})`);
    // Seeding is not measured: the profiles' passphrases are hashed at a low cost (each hash keeps its own parameters).
    const core = createCore({ dataDir: templateDir, backupsToKeep: 1, backupEveryMs: 0, profileKdfLogN: SEED_KDF_LOG_N });
    const seed = await seedSetUp(core, size);
    core.close();
    let sets = sealedScores(seed);
    const scores = sets.reduce((n, s) => n + s.entries.length, 0);
    const seals = sets.length;
    const rationale = Math.round(sets.flatMap((s) => s.entries).reduce((n, e) => n + e.rationale.length, 0) / scores);
    console.log(
      `  · ${size.areas} areas × ${size.stages} stages, ${seed.bidders.length} bidders, ${seed.evaluatorIds.length} evaluators: ` +
        `${scores.toLocaleString('en-GB')} scores (rationales ${rationale} characters on average), ${seals.toLocaleString('en-GB')} seals to write (${elapsed()})`,
    );

    await group('inserting all scores: the app’s bulk write path, then bare better-sqlite3', async () => {
      const t = measureInserts(join(templateDir, DATABASE_FILE_NAME), join(root, 'scratch'), dataDir, sets, runs.insert);
      const app = samplesOf(t.app);
      const bare = samplesOf(t.bare);
      return {
        measures: [
          figure('insert', 'insert all sealed scores + seals', app, under(app.median / bare.median, TARGETS.insertRatio[scale], '×', 'bare better-sqlite3'), bare.median),
          asBaseline(figure('insert-bare', '  baseline: bare better-sqlite3, one transaction', bare, NO_TARGET), 'insert'),
        ],
        notes: [
          `insert: ${scores.toLocaleString('en-GB')} scores + ${seals.toLocaleString('en-GB')} seals; diagnostic (bare better-sqlite3 with the app’s schema added back, medians): bare ${bare.median.toFixed(0)} ms; ` +
            t.features.map((f) => `${f.label} ${median(f.ms).toFixed(0)} ms`).join('; '),
        ],
      };
    });
    sets = []; // ~100 MB at 4×, not needed again
    const storeMb = statSync(join(dataDir, DATABASE_FILE_NAME)).size / 1024 / 1024;
    notes.push(`the seeded store: ${storeMb.toFixed(0)} MiB`);

    const host = await startHost(dataDir, log);
    try {
      await group('reads through the web host: moderation board, ranking, workbook and evidence pack exports', () => measureReads(host, seed, READ_PLANS));
      await group('writes through the web host: save and seal', () => measureWrites(host, seed, runs.seals));
      await group('a score sheet generated, filled in and imported', () => measureScoreSheetImport(host, seed, runs.scoreSheet));
      await group('refusing a 300,000-row Excel score sheet', () => measureOversizedScoreSheet(host, seed, runs.oversizedSheet));
      await group('backing up the store and restoring it', () => measureBackupRestore(host, seed, runs.backup));
    } finally {
      await host.stop();
    }

    await group('cold start to the first screen in Chromium', async () => {
      const browser = await launchBrowser();
      try {
        return await measureColdStart(browser, dataDir, runs.coldStart, scale);
      } finally {
        await browser.close();
      }
    });

    await group('an evaluator’s pack made and opened, and their score return imported', () => measureScoreReturn(dataDir, seed, runs.scoreReturn, log));

    measures.push(...log.measures(scale));
    notes.push(`host windows: ${log.worst()}`);
    notes.push(`host peak RSS per operation, MB (the RSS its window began with): ${log.risesNote()}`);
    if (log.sampledOnly.length > 0) notes.push(`peak RSS only sampled every 20 ms (VmHWM could not be reset) for: ${log.sampledOnly.join(', ')}`);
    return { measures, notes: notes.map((n) => `${scale}×: ${n}`), failures };
  } finally {
    if (process.env.BENCH_KEEP_DATA) console.log(`(data kept in ${root})`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function chosenScales(): Scale[] {
  const { values } = parseArgs({ options: { size: { type: 'string', multiple: true } } });
  if (!values.size) return [...SCALES];
  return values.size.map((s) => {
    const scale = Number(s.replace(/x$/i, ''));
    if (!SCALES.includes(scale as Scale)) throw new Error(`--size is ${SCALES.join(' or ')}, not “${s}”`);
    return scale as Scale;
  });
}

async function main(): Promise<void> {
  const scales = chosenScales();
  const loadAtStart = load();
  const started = new Date().toISOString();
  console.log(
    `Capability Assessment benchmark — ${started} — commit ${commit()} — Node ${process.version}, ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, load average ${loadAtStart.toFixed(2)} — sizes ${scales.map((s) => `${s}×`).join(', ')}`,
  );
  if (loadAtStart > 0.5 * cpus().length) console.log(`  ! the machine is busy (1-minute load ${loadAtStart.toFixed(2)} on ${cpus().length} cores): figures will be slower and noisier than on an idle machine`);
  ensureBuilt();

  const measured: { scale: Scale; measure: Measure }[] = [];
  const notes: string[] = [];
  const failures: string[] = [];
  const loads: string[] = [];
  for (const scale of scales) {
    const before = load();
    const result = await measureSize(scale);
    loads.push(`${scale}×: ${before.toFixed(2)} → ${load().toFixed(2)}`);
    measured.push(...result.measures.map((measure) => ({ scale, measure })));
    notes.push(...result.notes);
    failures.push(...result.failures);
  }

  const rows = rowsOf(measured);
  console.log(`\nResults (${elapsed()} in all; targets on a 2-core machine; 1-minute load average at the start and end of each size: ${loads.join('; ')})`);
  printRows(rows, scales);
  console.log('\nNotes');
  for (const n of notes) console.log(`  - ${n}`);

  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const results = { started, commit: commit(), node: process.version, cpus: cpus().length, load: loads, scales, rows: rowsAsJson(rows), notes };
  writeFileSync(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWrote bench/results/latest.json');
  const missed = rows.flatMap((r) => [
    ...scales.filter((s) => r.at[s]?.met === false).map((s) => `${r.section === 'time' ? '' : `${r.section}: `}${r.name.trim()} at ${s}×`),
    ...(r.linear === false ? [`${r.section === 'time' ? '' : `${r.section}: `}${r.name.trim()} grows worse than linear (${r.growth}×)`] : []),
  ]);
  console.log(missed.length === 0 ? 'Every target met.' : `Targets missed: ${missed.join('; ')}`);
  if (failures.length > 0) {
    console.log(`\n${failures.length} measurement group(s) FAILED:`);
    for (const f of failures) console.log(`  - ${f.split('\n')[0]}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
