/** Timing helpers, and the measures every group returns: a median and a 95th percentile over repeated runs. */
import type { Scale } from './synthetic';

export type Unit = 'ms' | 'MB';
/** Times, then the host's longest event-loop stall per operation, then its peak resident memory per operation. */
export type Section = 'time' | 'stall' | 'memory';

/** One figure at one size. */
export interface Measure {
  /** The same row at both sizes (a name may say "21,600" at one size and "86,400" at the other). */
  key: string;
  name: string;
  section: Section;
  unit: Unit;
  median: number;
  /** null for a figure that is one value (the longest stall, the peak memory over the runs). */
  p95: number | null;
  runs: number;
  baseline?: number;
  ratio?: number;
  target: string;
  /** null where the issue sets no target for the figure at this size (a baseline, or context). */
  met: boolean | null;
  /** A bare library's figure, shown for its ratio: its own growth is the library's, not held to the linear rule. */
  baseline_of?: string;
}

export interface Samples {
  median: number;
  p95: number;
  samples: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function samplesOf(samples: number[]): Samples {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), samples };
}

export async function timeRuns(
  runs: number,
  work: (i: number) => unknown | Promise<unknown>,
  /** Untimed work before each run (e.g. a change, so that nothing cached answers). */
  before?: (i: number) => unknown | Promise<unknown>,
): Promise<Samples> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i);
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  return samplesOf(samples);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A timed figure (ms); with a baseline, its ratio to it. */
export function figure(
  key: string,
  name: string,
  t: Samples,
  target: { text: string; met: boolean | null },
  baseline?: number,
): Measure {
  return {
    key,
    name,
    section: 'time',
    unit: 'ms',
    median: round(t.median),
    p95: round(t.p95),
    runs: t.samples.length,
    ...(baseline !== undefined ? { baseline: round(baseline), ratio: round(t.median / baseline) } : {}),
    target: target.text,
    met: target.met,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* The targets, per size                                                                     */
/* ------------------------------------------------------------------------------------------------ */

export const TARGETS = {
  /** Longest host event-loop stall during any operation. */
  stallMs: { 1: 50, 4: 50 },
  coldStartMs: { 1: 1000, 4: 1500 },
  /** Ranked-results workbook export against bare exceljs on the same cells. */
  exportRatio: { 1: 1.5, 4: 1.5 },
  /** Inserting all scores against bare better-sqlite3. */
  insertRatio: { 1: 2, 4: 2 },
  rankingMs: { 1: 100, 4: 250 },
  boardMs: { 1: 50, 4: 50 },
  saveP95Ms: { 1: 5, 4: 5 },
  /** Peak host RSS, a 60 MiB pack made and opened included (MB = 10⁶ bytes). */
  rssMb: { 1: 300, 4: 400 },
  /** Today's targets the table does not restate: kept at 1×; at 4× the growth check stands for them. */
  returnImportMs: { 1: 1000, 4: null },
  /** The same 300,000-row file at both sizes. */
  oversizedSheetP95Ms: { 1: 1000, 4: 1000 },
} satisfies Record<string, Record<Scale, number | null>>;

export const NO_TARGET = { text: '—', met: null };

/** A bare library doing the same work as the row `of`: no target, and no growth rule of its own. */
export const asBaseline = (m: Measure, of: string): Measure => ({ ...m, baseline_of: of });

/**
 * A time target: `what` (median, p95) under `limit` ms; or, with unit '×', a ratio of at most `limit` against
 * the bare library named by `what`. A null limit: no target at this size.
 */
export function under(value: number, limit: number | null, unit: 'ms' | '×' = 'ms', what = 'median'): { text: string; met: boolean | null } {
  if (limit === null) return { text: '— (growth only)', met: null };
  if (unit === '×') return { text: `≤ ${limit}× ${what}`, met: value <= limit };
  return { text: `${what} < ${limit.toLocaleString('en-GB')} ms`, met: value < limit };
}
