/**
 * Ranking and distribution of per-school values: the best value ranks 1 (highest for a floor, lowest
 * for a ceiling), equal values share a rank (1, 2, 2, 4), values that cannot be computed are unranked
 * and listed last; the distribution is summarised in ten equal-width bins.
 */
import type { IndicatorValue } from '@zhiping/domain';

/** One school's value with its rank. */
export interface RankedValue {
  schoolId: number;
  rank: number | null;
  value: IndicatorValue;
}

/** The distribution of the computed values. */
export interface ValueDistribution {
  count: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  bins: { from: number; to: number; count: number }[];
  met: number;
  notMet: number;
}

const BINS = 10;

/** Summarises values in equal-width bins (one bin when all are equal). */
export function distributionOf(values: readonly IndicatorValue[]): ValueDistribution {
  const xs = values
    .map((v) => v.value)
    .filter((x): x is number => x !== null)
    .sort((a, b) => a - b);
  const met = values.filter((v) => v.status === 'met').length;
  const notMet = values.filter((v) => v.status === 'not_met').length;
  if (xs.length === 0) return { count: 0, min: null, max: null, mean: null, median: null, bins: [], met, notMet };
  const min = xs[0]!;
  const max = xs[xs.length - 1]!;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  const n = max > min ? BINS : 1;
  const width = (max - min) / n || 1;
  const bins = Array.from({ length: n }, (_, i) => ({ from: min + i * width, to: i === n - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const x of xs) bins[Math.min(n - 1, Math.floor((x - min) / width))]!.count += 1;
  return { count: xs.length, min, max, mean: xs.reduce((a, b) => a + b, 0) / xs.length, median, bins, met, notMet };
}

/** Ranks per-school values by an indicator's direction. */
export function rankSchools(
  values: readonly IndicatorValue[],
  direction: 'min' | 'max',
): { items: RankedValue[]; distribution: ValueDistribution } {
  const better = (a: number, b: number) => (direction === 'min' ? b - a : a - b);
  const computed = values.filter((v) => v.value !== null).sort((a, b) => better(a.value!, b.value!));
  const items: RankedValue[] = [];
  computed.forEach((v, i) => {
    const prev = items[i - 1];
    const rank = prev && prev.value.value === v.value ? prev.rank : i + 1;
    items.push({ schoolId: Number(v.scope.schoolId), rank, value: v });
  });
  for (const v of values) if (v.value === null) items.push({ schoolId: Number(v.scope.schoolId), rank: null, value: v });
  return { items, distribution: distributionOf(values) };
}
