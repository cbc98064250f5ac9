/*
 * Chart colours, checked against WCAG 2.2 (1.4.11 non-text contrast, 1.4.3 text contrast) on the white
 * page background. Colour is never the only carrier of meaning: every series also has a pattern and a
 * label, and every chart has its data in a table.
 */

export const INK = '#0b0c0c';
export const MUTED = '#505a5f';
export const PAGE = '#ffffff';
export const FLAG = '#d4351c'; // 4.86:1 on white

/**
 * Series colours alternate mid and dark, so neighbouring bar segments differ by at least 4:1 and each is
 * at least 3.7:1 against white: #2b8cc4 3.72, #12263f 15.28, #c76b12 3.79, #0b0c0c 19.59 on white;
 * neighbours 4.11, 4.03, 5.17 and (wrapping round) 5.27.
 */
const SERIES = ['#2b8cc4', '#12263f', '#c76b12', '#0b0c0c'] as const;
export const seriesColour = (index: number): string => SERIES[index % SERIES.length]!;

/** Patterns laid over the series colours, so segments differ without colour too. */
export const PATTERNS = ['diagonal', 'solid', 'dots', 'cross'] as const;
export type PatternKind = (typeof PATTERNS)[number];
export const seriesPattern = (index: number): PatternKind => PATTERNS[index % PATTERNS.length]!;

/**
 * A light-to-dark heat scale; the printed score switches to white where black would fall below 4.5:1.
 * Black on the first four: 18.2, 14.8, 10.6, 6.05:1; white on the last two: 5.17, 13.36:1.
 */
const HEAT = [
  { fill: '#f3f7fb', text: INK },
  { fill: '#d2e2f1', text: INK },
  { fill: '#9fc3e3', text: INK },
  { fill: '#5694ca', text: INK },
  { fill: '#1d70b8', text: PAGE },
  { fill: '#0b2f5b', text: PAGE },
] as const;

/** The heat step for a score between the scale's minimum and maximum. */
export function heat(value: number, min: number, max: number): { fill: string; text: string } {
  const share = max === min ? 1 : Math.min(1, Math.max(0, (value - min) / (max - min)));
  return HEAT[Math.round(share * (HEAT.length - 1))]!;
}

export const HEAT_STEPS = HEAT.length;
