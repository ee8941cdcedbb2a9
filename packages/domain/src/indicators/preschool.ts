/**
 * 学前普及普惠 indicators (standards.md §2): 毛入园率, 普惠率, 公办园占比, teachers : children and
 * class-size compliance, per kindergarten and for the district.
 */
import type { Sponsor } from '../codes/enums.ts';
import {
  computeKindergartenClassCompliance,
  KINDERGARTEN_CLASS_LIMITS,
  type KindergartenClass,
  type KindergartenClassKind,
} from './class-size.ts';
import { computeRatioIndicator } from './compute.ts';
import type { PopulationSum } from './population.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** One kindergarten (or 附设幼儿班) on the evaluation date. */
export interface KindergartenInput {
  schoolId: string;
  label?: string;
  sponsor: Sponsor;
  /** Published 普惠性 status on the evaluation date (relevant for private kindergartens; public ones are always 普惠). */
  isInclusive: boolean;
  /** 在园幼儿数 (all ages). */
  children: number;
  /** 专任教师数. */
  fullTimeTeachers: number;
  /** Classes, when known (for class-size compliance). */
  classes?: readonly KindergartenClass[];
}

/** True when a kindergarten's children count as 普惠: every public one, and private ones with the published 普惠 status. */
export function isInclusiveKindergarten(k: Pick<KindergartenInput, 'sponsor' | 'isInclusive'>): boolean {
  return k.sponsor === 'public' || k.isInclusive;
}

/** Children per full-time teacher and class-size compliance of one kindergarten. */
export function computeKindergartenIndicators(
  k: KindergartenInput,
  context: EvaluationContext,
  limits: Readonly<Record<KindergartenClassKind, number>> = KINDERGARTEN_CLASS_LIMITS,
): IndicatorValue[] {
  const scope: IndicatorScope = { level: 'school', schoolId: k.schoolId, stage: 'preschool' };
  if (k.label !== undefined) scope.label = k.label;
  const values = [
    computeRatioIndicator({
      code: 'preschool.children_per_teacher',
      numerator: k.children,
      denominator: k.fullTimeTeachers,
      scope,
      context,
    }),
  ];
  if (k.classes) values.push(computeKindergartenClassCompliance(k.classes, scope, context, limits));
  return values;
}

/** The district's preschool indicators. */
export interface PreschoolIndicators {
  grossEnrolmentRate: IndicatorValue;
  inclusiveShare: IndicatorValue;
  publicShare: IndicatorValue;
  childrenPerTeacher: IndicatorValue;
  /** Over the classes of kindergartens that reported classes; null when none did. */
  classSizeCompliance: IndicatorValue | null;
}

/** Computes the district's 毛入园率, 普惠率, 公办园占比, children per teacher and class-size compliance. */
export function computePreschoolIndicators(input: {
  kindergartens: readonly KindergartenInput[];
  /** Population aged 3–5 (sumPopulation(rows, 3, 5, basis)). */
  population: PopulationSum;
  scope: IndicatorScope;
  context: EvaluationContext;
  classLimits?: Readonly<Record<KindergartenClassKind, number>>;
}): PreschoolIndicators {
  const { kindergartens: ks, context } = input;
  const scope: IndicatorScope = { ...input.scope, stage: 'preschool' };
  const children = ks.reduce((s, k) => s + k.children, 0);
  const inclusive = ks.filter(isInclusiveKindergarten).reduce((s, k) => s + k.children, 0);
  const pub = ks.filter((k) => k.sponsor === 'public').reduce((s, k) => s + k.children, 0);
  const teachers = ks.reduce((s, k) => s + k.fullTimeTeachers, 0);
  const popWarnings = [`人口口径：${input.population.description}`];
  if (input.population.missingAges.length > 0) popWarnings.push(`缺少${input.population.missingAges.join('、')}周岁人口数`);
  const classes = ks.flatMap((k) => k.classes ?? []);
  return {
    grossEnrolmentRate: computeRatioIndicator({
      code: 'preschool.gross_enrolment_rate',
      numerator: children,
      denominator: input.population.total,
      scope,
      context,
      warnings: popWarnings,
    }),
    inclusiveShare: computeRatioIndicator({
      code: 'preschool.inclusive_share',
      numerator: inclusive,
      denominator: children,
      scope,
      context,
    }),
    publicShare: computeRatioIndicator({ code: 'preschool.public_share', numerator: pub, denominator: children, scope, context }),
    childrenPerTeacher: computeRatioIndicator({
      code: 'preschool.children_per_teacher',
      numerator: children,
      denominator: teachers,
      scope,
      context,
    }),
    classSizeCompliance: ks.some((k) => k.classes) ? computeKindergartenClassCompliance(classes, scope, context, input.classLimits) : null,
  };
}
