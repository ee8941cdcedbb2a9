/**
 * 差异系数 (coefficient of variation) as standards.md §1.2 computes it: weighted by enrolment.
 *
 *   X̄ = Σ(Pi·Xi) / P      S = √( Σ (Pi/P)·(Xi − X̄)² )      CV = S / X̄
 *
 * The unweighted population CV is kept only for comparison: near a limit the two can disagree.
 */

/** One school's value and its weight (enrolment). */
export interface WeightedItem {
  value: number;
  weight: number;
}

/** A CV with the figures it was computed from; cv is null with a reason when it is undefined. */
export interface CvResult {
  cv: number | null;
  /** X̄ (weighted or plain mean); null when there is nothing to average. */
  mean: number | null;
  /** S (weighted or plain population standard deviation). */
  sd: number | null;
  /** Items that entered the computation (weight > 0). */
  count: number;
  /** P = Σ weights. */
  totalWeight: number;
  reason: string | null;
}

const fail = (reason: string, count: number, totalWeight: number, mean: number | null = null, sd: number | null = null): CvResult => ({
  cv: null,
  mean,
  sd,
  count,
  totalWeight,
  reason,
});

/** Enrolment-weighted CV of §1.2; items with weight 0 are skipped, and fewer than two schools or a zero mean give null. */
export function weightedCV(items: readonly WeightedItem[]): CvResult {
  if (items.some((i) => !Number.isFinite(i.weight) || i.weight < 0)) return fail('权重（在校生数）无效', 0, 0);
  const used = items.filter((i) => i.weight > 0);
  if (used.some((i) => !Number.isFinite(i.value))) return fail('存在无效的指标值', used.length, 0);
  const P = used.reduce((s, i) => s + i.weight, 0);
  if (used.length === 0) return fail('没有参与计算的学校', 0, 0);
  if (used.length === 1) return fail('只有1所学校，差异系数无意义', 1, P);
  const mean = used.reduce((s, i) => s + i.weight * i.value, 0) / P;
  const variance = used.reduce((s, i) => s + (i.weight / P) * (i.value - mean) ** 2, 0);
  const sd = Math.sqrt(variance);
  if (mean === 0) return fail('平均值为0，差异系数无意义', used.length, P, mean, sd);
  return { cv: sd / mean, mean, sd, count: used.length, totalWeight: P, reason: null };
}

/** Unweighted population CV (every school counts once), for comparison with the weighted one only. */
export function unweightedCV(values: readonly number[]): CvResult {
  return weightedCV(values.map((value) => ({ value, weight: 1 })));
}
