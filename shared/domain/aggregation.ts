export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Spread (glossary): max − min of the sealed scores for one criterion. */
export const spread = (values: readonly number[]): number | null => (values.length === 0 ? null : Math.max(...values) - Math.min(...values));

/** Population standard deviation: the panel's scores are the whole population, not a sample. */
export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

export const isFlagged = (values: readonly number[], tolerance: number): boolean => (spread(values) ?? 0) >= tolerance;
