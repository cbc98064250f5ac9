/*
 * What the host went through during each operation of one size's run: the longest stall of its event loop
 * and its peak resident memory, gathered window by window (host.ts `operation`), the worst of every window
 * of the same operation kept. Becomes two rows per operation, and the two overall rows the issue targets.
 */
import { TARGETS, type Measure } from './stats';
import type { Scale } from './synthetic';

export interface HostWindow {
  longestStallMs: number;
  peakRssMb: number;
  /** The host's RSS when the window began: a host's memory seldom falls back, so a peak carries what earlier operations left. */
  startRssMb: number;
  /** Whether the peak is VmHWM reset at the window's start (exact), or only sampled every 20 ms. */
  exactPeak: boolean;
}

interface Seen extends HostWindow {
  windows: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export class OperationLog {
  private readonly seen = new Map<string, Seen>();

  record(operation: string, w: HostWindow): void {
    const was = this.seen.get(operation);
    this.seen.set(
      operation,
      was
        ? {
            longestStallMs: Math.max(was.longestStallMs, w.longestStallMs),
            peakRssMb: Math.max(was.peakRssMb, w.peakRssMb),
            startRssMb: w.peakRssMb > was.peakRssMb ? w.startRssMb : was.startRssMb,
            exactPeak: was.exactPeak && w.exactPeak,
            windows: was.windows + 1,
          }
        : { ...w, windows: 1 },
    );
  }

  get operations(): string[] {
    return [...this.seen.keys()];
  }

  measures(scale: Scale): Measure[] {
    const stallLimit = TARGETS.stallMs[scale];
    const rssLimit = TARGETS.rssMb[scale];
    const all = [...this.seen.entries()];
    const row = (operation: string, s: Seen): Measure[] => [
      {
        key: `stall:${slug(operation)}`,
        name: operation,
        section: 'stall',
        unit: 'ms',
        median: round(s.longestStallMs),
        p95: null,
        runs: s.windows,
        target: `< ${stallLimit} ms`,
        met: s.longestStallMs < stallLimit,
      },
      {
        key: `rss:${slug(operation)}`,
        name: operation,
        section: 'memory',
        unit: 'MB',
        median: round(s.peakRssMb),
        p95: null,
        runs: s.windows,
        // A host's memory seldom falls back, so one operation's peak carries what earlier ones left: the
        // target is held against the highest peak of all (the row below), each operation's shown for context.
        target: '—',
        met: null,
      },
    ];
    const worst = (pick: (s: Seen) => number) => all.reduce<[string, Seen] | null>((w, e) => (w === null || pick(e[1]) > pick(w[1]) ? e : w), null);
    const stall = worst((s) => s.longestStallMs);
    const rss = worst((s) => s.peakRssMb);
    const overall: Measure[] = [];
    if (stall) overall.push({ ...row(stall[0], stall[1])[0]!, key: 'stall:any', name: 'ANY OPERATION' });
    if (rss)
      overall.push({
        ...row(rss[0], rss[1])[1]!,
        key: 'rss:any',
        name: 'ANY OPERATION (60 MiB pack made and opened included)',
        target: `< ${rssLimit} MB`,
        met: rss[1].peakRssMb < rssLimit,
      });
    return [...all.flatMap(([operation, s]) => row(operation, s)), ...overall];
  }

  /** Each operation's peak and the RSS its window began with, for the notes. */
  risesNote(): string {
    return [...this.seen.entries()].map(([op, s]) => `${op} ${s.peakRssMb.toFixed(0)} (from ${s.startRssMb.toFixed(0)})`).join('; ');
  }

  /** Which operation was the worst for each, for the notes. */
  worst(): string {
    const all = [...this.seen.entries()];
    const by = (pick: (s: Seen) => number) => all.reduce((w, e) => (pick(e[1]) > pick(w[1]) ? e : w), all[0]!)[0];
    return all.length === 0
      ? 'no host operation measured'
      : `longest host stall during ${by((s) => s.longestStallMs)}; highest peak RSS during ${by((s) => s.peakRssMb)}`;
  }

  /** Operations whose peak was only sampled (Linux refused to reset VmHWM). */
  get sampledOnly(): string[] {
    return [...this.seen.entries()].filter(([, s]) => !s.exactPeak).map(([op]) => op);
  }
}
