/**
 * The district side of 资源配置 for one stage: which school stage parts count, the enrolment-weighted
 * CV of each of the 7 indicators against its limit (小学 ≤0.50, 初中 ≤0.45), and every school's verdict.
 */
import { SCHOOL_TYPES } from '../codes/school-types.ts';
import {
  BALANCED_RESOURCE_CODES,
  computeBalancedIndicators,
  judgeSchoolBalance,
  resourceAmount,
  type BalancedInputs,
  type BalancedStage,
  type SchoolBalanceVerdict,
} from './balanced.ts';
import { cvCodeOf } from './catalog-balanced.ts';
import { getIndicator } from './catalog.ts';
import { computeDerivedIndicator, computeRatioIndicator } from './compute.ts';
import { weightedCV } from './cv.ts';
import { describeIndicatorValue } from './format.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** One school stage part as it enters the stage evaluation. */
export interface BalancedSchoolPart {
  schoolId: string;
  /** School name for reasons. */
  label?: string;
  /** 办学类型 of the whole school (decides exclusions). */
  typeCode: string;
  inputs: BalancedInputs;
}

/** Which schools count for the 7 indicators and their CVs. */
export interface BalancedSelectionOptions {
  /** 办学类型 codes left out entirely (special-education and vocational schools by default). */
  excludedTypeCodes: readonly string[];
  /** 办学类型 codes of 教学点. */
  teachingPointTypeCodes: readonly string[];
  /** 教学点 with fewer pupils than this are left out (Hebei rule, 50 [P]). */
  teachingPointMinStudents: number;
}

/** Default selection: no 特殊教育学校, no 职业学校 (incl. 职业初中 321), no 教学点 under 50 pupils [P]. */
export const DEFAULT_BALANCED_SELECTION: BalancedSelectionOptions = {
  excludedTypeCodes: [
    '321',
    ...SCHOOL_TYPES.filter((t) => t.stages.includes('special') || t.stages.includes('vocational')).map((t) => t.code),
  ],
  teachingPointTypeCodes: ['218'],
  teachingPointMinStudents: 50,
};

/** A school stage part left out, and why. */
export interface ExcludedPart {
  schoolId: string;
  label?: string;
  reason: string;
}

/** Splits stage parts into those that count and those left out (with a Chinese reason). */
export function selectBalancedSchools(
  parts: readonly BalancedSchoolPart[],
  options: BalancedSelectionOptions = DEFAULT_BALANCED_SELECTION,
): { included: BalancedSchoolPart[]; excluded: ExcludedPart[] } {
  const included: BalancedSchoolPart[] = [];
  const excluded: ExcludedPart[] = [];
  for (const p of parts) {
    const out = (reason: string) =>
      excluded.push(p.label === undefined ? { schoolId: p.schoolId, reason } : { schoolId: p.schoolId, label: p.label, reason });
    if (options.excludedTypeCodes.includes(p.typeCode)) out(`办学类型 ${p.typeCode} 不参与资源配置指标计算`);
    else if (p.inputs.students <= 0) out('该学段无在校生');
    else if (options.teachingPointTypeCodes.includes(p.typeCode) && p.inputs.students < options.teachingPointMinStudents)
      out(`教学点在校生 ${p.inputs.students} 人，少于 ${options.teachingPointMinStudents} 人`);
    else included.push(p);
  }
  return { included, excluded };
}

/** Computes the weighted CV of each of the 7 indicators over the given stage parts, against the stage's limit. */
export function computeStageCVs(
  parts: readonly Pick<BalancedSchoolPart, 'inputs'>[],
  stage: BalancedStage,
  context: EvaluationContext,
  regionCode?: string,
): IndicatorValue[] {
  const scope: IndicatorScope = { level: 'district', stage };
  if (regionCode !== undefined) scope.regionCode = regionCode;
  return BALANCED_RESOURCE_CODES.map((code) => {
    const factor = getIndicator(code).factor;
    const items = parts.map((p) => ({
      value: p.inputs.students > 0 ? (resourceAmount(code, p.inputs) * factor) / p.inputs.students : 0,
      weight: p.inputs.students,
    }));
    const r = weightedCV(items);
    return computeDerivedIndicator({
      code: cvCodeOf(code),
      numerator: r.sd,
      denominator: r.mean,
      value: r.cv,
      reason: r.reason,
      scope,
      context,
    });
  });
}

/** One school stage part with its 7 values and verdict. */
export interface SchoolBalanceResult {
  schoolId: string;
  label?: string;
  indicators: IndicatorValue[];
  verdict: SchoolBalanceVerdict;
}

/** The 资源配置 result of one stage of the district. */
export interface StageBalanceResult {
  stage: BalancedStage;
  schools: SchoolBalanceResult[];
  excluded: ExcludedPart[];
  /** The 7 CVs, each against its limit. */
  cvs: IndicatorValue[];
  /** Share of counted stage parts that pass (must be 100 %); null when a part cannot be judged. */
  passingShare: IndicatorValue;
  /** True when every counted part passes and every CV is within its limit. */
  passed: boolean;
  /** Chinese reasons for every failing school and CV. */
  failures: string[];
}

/** Evaluates 资源配置 for one stage: selection, per-school verdicts, the 7 CVs and the share of passing schools. */
export function evaluateStageBalance(input: {
  stage: BalancedStage;
  parts: readonly BalancedSchoolPart[];
  context: EvaluationContext;
  selection?: BalancedSelectionOptions;
  regionCode?: string;
}): StageBalanceResult {
  const { stage, context } = input;
  const { included, excluded } = selectBalancedSchools(input.parts, input.selection);
  const schools = included.map((p) => {
    const ref = p.label === undefined ? { stage, schoolId: p.schoolId } : { stage, schoolId: p.schoolId, label: p.label };
    const indicators = computeBalancedIndicators(p.inputs, ref, context);
    const result: SchoolBalanceResult = { schoolId: p.schoolId, indicators, verdict: judgeSchoolBalance(indicators) };
    if (p.label !== undefined) result.label = p.label;
    return result;
  });
  const cvs = computeStageCVs(included, stage, context, input.regionCode);
  const scope: IndicatorScope = { level: 'district', stage };
  if (input.regionCode !== undefined) scope.regionCode = input.regionCode;
  const undecided = schools.filter((s) => s.verdict.status === 'no_data').length;
  const passing = schools.filter((s) => s.verdict.status === 'pass').length;
  const passingShare =
    undecided > 0
      ? computeDerivedIndicator({
          code: 'balanced.schools_passing_share',
          numerator: passing,
          denominator: schools.length,
          value: null,
          reason: `${undecided}所学校数据不全，无法判定`,
          scope,
          context,
        })
      : computeRatioIndicator({ code: 'balanced.schools_passing_share', numerator: passing, denominator: schools.length, scope, context });
  const failures = [
    ...schools.filter((s) => s.verdict.status !== 'pass').map((s) => s.verdict.reason),
    ...cvs.filter((v) => v.status !== 'met').map(describeIndicatorValue),
  ];
  return { stage, schools, excluded, cvs, passingShare, passed: failures.length === 0 && passingShare.status === 'met', failures };
}
