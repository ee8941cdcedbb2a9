/**
 * 高中阶段 indicators (standards.md §3). 生师比 uses computeStudentTeacherRatio with stage 'senior'.
 */
import { computeRatioIndicator } from './compute.ts';
import type { PopulationSum } from './population.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** In-school students of the 高中阶段. */
export interface HighSchoolEnrolment {
  /** 普通高中 students. */
  generalHigh: number;
  /** 中职 students, 技工学校 included. */
  vocational: number;
  /** 成人高中 students (usually 0 in a district). */
  adultHigh?: number;
}

/** 高中阶段毛入学率 = (普高 + 中职 + 成人高中 students) ÷ population aged 15–17 × 100 %. */
export function computeHighSchoolGrossEnrolment(
  enrolment: HighSchoolEnrolment,
  population: PopulationSum,
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue {
  const warnings = [`人口口径：${population.description}`];
  if (population.missingAges.length > 0) warnings.push(`缺少${population.missingAges.join('、')}周岁人口数`);
  return computeRatioIndicator({
    code: 'high_school.gross_enrolment_rate',
    numerator: enrolment.generalHigh + enrolment.vocational + (enrolment.adultHigh ?? 0),
    denominator: population.total,
    scope,
    context,
    warnings,
  });
}
