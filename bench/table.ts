/*
 * The one table `npm run bench` prints: each row's figure at 1× and at 4× with that size's target and `met`,
 * and its growth from 1× to 4× (4× figure / 1× figure), which must be no worse than linear (≤ 4: every
 * row's work grows at most four-fold from one size to the other).
 */
import type { Measure, Section, Unit } from './stats';
import type { Scale } from './synthetic';

export const LINEAR_GROWTH = 4;
/**
 * Figures under these count as these in the growth check, so that noise near zero is not read as growth: an
 * idle event loop shows ~5 ms between ticks of the stall monitor's 5 ms timer, and a 0.4 ms figure that
 * becomes 2 ms is a round trip's jitter.
 */
const GROWTH_FLOOR: Record<Section, number> = { time: 1, stall: 10, memory: 0 };

export interface Row {
  key: string;
  name: string;
  section: Section;
  unit: Unit;
  at: Partial<Record<Scale, Measure>>;
  /** 4× figure / 1× figure (medians), when both sizes ran. */
  growth: number | null;
  /** Whether that growth is no worse than linear; null when only one size ran. */
  linear: boolean | null;
}

export function rowsOf(measures: readonly { scale: Scale; measure: Measure }[]): Row[] {
  const rows = new Map<string, Row>();
  for (const { scale, measure } of measures) {
    const row = rows.get(measure.key) ?? {
      key: measure.key,
      name: measure.name,
      section: measure.section,
      unit: measure.unit,
      at: {},
      growth: null,
      linear: null,
    };
    row.at[scale] = measure;
    rows.set(measure.key, row);
  }
  for (const row of rows.values()) {
    const [one, four] = [row.at[1], row.at[4]];
    if (!one || !four) continue;
    const floor = GROWTH_FLOOR[row.section];
    row.growth = Math.round((four.median / one.median) * 100) / 100;
    row.linear = one.baseline_of ? null : Math.max(four.median, floor) / Math.max(one.median, floor) <= LINEAR_GROWTH;
  }
  const order: Section[] = ['time', 'stall', 'memory'];
  return [...rows.values()].sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
}

const TITLES: Record<Section, string> = {
  time: 'Times (ms; median and p95 over the runs; ×base = median against the bare library in the same run)',
  stall: 'Longest event-loop stall of the host per operation (ms; the longest over all its runs, warm-ups included)',
  memory: 'Peak resident memory of the host per operation (MB = 10⁶ bytes; the core’s worker thread included; the target is on the highest)',
};

const number = (n: number, unit: Unit) => (unit === 'MB' ? n.toFixed(0) : n >= 100 ? n.toFixed(0) : n.toFixed(2));
const yesNo = (met: boolean | null | undefined) => (met === null || met === undefined ? '—' : met ? 'yes' : 'NO');

export function printRows(rows: readonly Row[], scales: readonly Scale[]): void {
  const header = [
    'measure',
    ...scales.flatMap((s) => [`${s}× median`, 'p95', '×base', 'target', 'met']),
    ...(scales.length > 1 ? ['4×/1×', '≤ linear'] : []),
  ];
  for (const section of ['time', 'stall', 'memory'] as const) {
    const inSection = rows.filter((r) => r.section === section);
    if (inSection.length === 0) continue;
    const cells = inSection.map((r) => [
      r.name,
      ...scales.flatMap((s) => {
        const m = r.at[s];
        if (!m) return ['', '', '', '', ''];
        return [
          number(m.median, m.unit),
          m.p95 === null ? '' : number(m.p95, m.unit),
          m.ratio === undefined ? '' : `${m.ratio.toFixed(2)}×`,
          m.target,
          yesNo(m.met),
        ];
      }),
      ...(scales.length > 1 ? [r.growth === null ? '' : `${r.growth.toFixed(2)}`, yesNo(r.linear)] : []),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
    const textColumn = (i: number) => i === 0 || header[i] === 'target';
    const line = (c: string[]) => c.map((x, i) => (textColumn(i) ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
    console.log(`\n${TITLES[section]}\n`);
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const c of cells) console.log(line(c));
  }
}

/** The rows as bench/results/latest.json holds them. */
export function rowsAsJson(rows: readonly Row[]) {
  return rows.map((r) => ({
    name: r.name,
    key: r.key,
    unit: r.unit,
    ...Object.fromEntries(
      Object.entries(r.at).map(([scale, m]) => [
        `at_${scale}x`,
        { median: m.median, p95: m.p95, runs: m.runs, baseline: m.baseline, ratio: m.ratio, target: m.target, met: m.met },
      ]),
    ),
    growth_1x_to_4x: r.growth,
    no_worse_than_linear: r.linear,
  }));
}
