/** Small numeric helpers shared by the evaluation engine: point rounding, mean and median. */

/** Rounds points to two decimals, so 0.1 + 0.2 compares equal to 0.3 and totals print cleanly. */
export function roundPoints(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** The arithmetic mean of a non-empty list (0 for an empty one). */
export function meanOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The median of a non-empty list: the middle value, or the mean of the two middle values (0 for an empty one). */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whether two point values are equal once rounded to two decimals. */
export function samePoints(a: number, b: number): boolean {
  return roundPoints(a) === roundPoints(b);
}
