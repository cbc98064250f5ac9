import type { RankedRow } from '../../../../shared/api/ranking';

/** Two decimal places, as the ranking is published. */
export const twoDp = (n: number): string => n.toFixed(2);

export const percent = (n: number): string => `${twoDp(n)}%`;

/** Sub-totals are weighted points of the whole total, shown against the most they could be. */
export const pointsOfMax = (points: number, max: number): string => `${twoDp(points)} of ${twoDp(max)}`;

/** Scale points are whole; a mean or median can fall between them. */
export const score = (n: number | null): string => (n === null ? '—' : Number.isInteger(n) ? String(n) : twoDp(n));

/** Competition ranking with "=" for a shared place. */
export const rankLabel = (row: Pick<RankedRow, 'rank' | 'tied'>): string => (row.rank === null ? '—' : `${row.tied ? '=' : ''}${row.rank}`);

/** Totals are sums of fractions: equal means equal far below anything displayed. */
export const sameTotal = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

export const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
