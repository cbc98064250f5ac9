/** Timing helpers: every figure is a median and a 95th percentile over repeated runs. */
export interface Figure {
  name: string;
  median_ms: number;
  p95_ms: number;
  baseline_ms?: number;
  ratio?: number;
  target: string;
  /** null where the issue sets no target for the figure (a baseline, or a figure shown for context). */
  met: boolean | null;
  runs: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export async function timeRuns(
  runs: number,
  work: (i: number) => unknown | Promise<unknown>,
  /** Untimed work before each run (e.g. a change, so that nothing cached answers). */
  before?: (i: number) => unknown | Promise<unknown>,
): Promise<{ median: number; p95: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await before?.(i);
    const start = performance.now();
    await work(i);
    samples.push(performance.now() - start);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), samples };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function figure(name: string, t: { median: number; p95: number; samples: number[] }, target: { text: string; met: boolean | null }, baseline?: number): Figure {
  return {
    name,
    median_ms: round(t.median),
    p95_ms: round(t.p95),
    ...(baseline !== undefined ? { baseline_ms: round(baseline), ratio: round(t.median / baseline) } : {}),
    target: target.text,
    met: target.met,
    runs: t.samples.length,
  };
}

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    f.median_ms.toFixed(2),
    f.p95_ms.toFixed(2),
    f.baseline_ms === undefined ? '' : f.baseline_ms.toFixed(2),
    f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`,
    f.target,
    f.met === null ? '—' : f.met ? 'yes' : 'NO',
  ]);
  const header = ['measure', 'median ms', 'p95 ms', 'baseline ms', 'ratio', 'target', 'met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
