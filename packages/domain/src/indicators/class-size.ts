/**
 * Class sizes: the statistics bands (正常/偏大/大班额/超大班额, standards.md §3), the 优质均衡 limit on
 * every class (小学 ≤45, 初中 ≤50) and the kindergarten norms of 《幼儿园工作规程》 [U].
 */
import { computeMeasureIndicator, computeRatioIndicator } from './compute.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** Class-size band of the 教育事业统计 conventions. */
export type ClassSizeBand = 'standard' | 'oversized' | 'large' | 'super_large';

/** Chinese labels of the bands (classes of 35 or fewer are 正常 too). */
export const CLASS_SIZE_BAND_LABELS: Record<ClassSizeBand, string> = {
  standard: '正常（≤45人）',
  oversized: '偏大（46–55人）',
  large: '大班额（56–65人）',
  super_large: '超大班额（≥66人）',
};

/** Puts a compulsory-school class into its band: ≤45, 46–55, 56–65, ≥66. */
export function classifyClassSize(size: number): ClassSizeBand {
  if (size >= 66) return 'super_large';
  if (size >= 56) return 'large';
  if (size >= 46) return 'oversized';
  return 'standard';
}

/** Class sizes of one scope, by band, with the three class-size indicators. */
export interface ClassSizeSummary {
  total: number;
  bands: Record<ClassSizeBand, number>;
  /** 'compulsory.max_class_size' against 45 / 50 (every class must comply). */
  maxClassSize: IndicatorValue;
  /** Classes above the limit in force (0 when no limit applies). */
  classesOverLimit: number;
  largeShare: IndicatorValue;
  superLargeShare: IndicatorValue;
}

/** Summarises the class sizes of a school stage part or a whole stage of the district. */
export function summariseClassSizes(classSizes: readonly number[], scope: IndicatorScope, context: EvaluationContext): ClassSizeSummary {
  const bands: Record<ClassSizeBand, number> = { standard: 0, oversized: 0, large: 0, super_large: 0 };
  for (const size of classSizes) bands[classifyClassSize(size)] += 1;
  const total = classSizes.length;
  const maxClassSize = computeMeasureIndicator({
    code: 'compulsory.max_class_size',
    value: total === 0 ? null : Math.max(...classSizes),
    reason: '没有班级数据',
    scope,
    context,
  });
  const limit = maxClassSize.threshold?.value;
  const classesOverLimit = limit === undefined ? 0 : classSizes.filter((s) => s > limit).length;
  if (classesOverLimit > 0) maxClassSize.warnings.push(`${classesOverLimit}个班超过${limit}人`);
  return {
    total,
    bands,
    maxClassSize,
    classesOverLimit,
    largeShare: computeRatioIndicator({ code: 'compulsory.large_class_share', numerator: bands.large, denominator: total, scope, context }),
    superLargeShare: computeRatioIndicator({
      code: 'compulsory.super_large_class_share',
      numerator: bands.super_large,
      denominator: total,
      scope,
      context,
    }),
  };
}

/** Kind of kindergarten class: a grade code (K0 托班 … K3 大班) or a mixed-age class. */
export type KindergartenClassKind = 'K0' | 'K1' | 'K2' | 'K3' | 'mixed';

/** Largest class per kind: 小班25, 中班30, 大班35, 混龄30 (《幼儿园工作规程》 [U]); 托班20 [U]. */
export const KINDERGARTEN_CLASS_LIMITS: Readonly<Record<KindergartenClassKind, number>> = { K0: 20, K1: 25, K2: 30, K3: 35, mixed: 30 };

/** One kindergarten class. */
export interface KindergartenClass {
  kind: KindergartenClassKind;
  children: number;
}

/** Computes the share of kindergarten classes within their norm (limits configurable). */
export function computeKindergartenClassCompliance(
  classes: readonly KindergartenClass[],
  scope: IndicatorScope,
  context: EvaluationContext,
  limits: Readonly<Record<KindergartenClassKind, number>> = KINDERGARTEN_CLASS_LIMITS,
): IndicatorValue {
  const within = classes.filter((c) => c.children <= limits[c.kind]).length;
  return computeRatioIndicator({
    code: 'preschool.class_size_compliance_rate',
    numerator: within,
    denominator: classes.length,
    scope,
    context,
  });
}
