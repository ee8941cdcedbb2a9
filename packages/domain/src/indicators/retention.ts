/**
 * Cohort-based 巩固率 (standards.md §1.4 and §3).
 *
 * Row convention (the same as the 学年学生 import and the demo generator): a row (schoolYear, grade)
 * gives the students at the start of that school year, and the transfers and graduates of that grade
 * during that school year. A cohort that enters grade g0 in year E is in grade k steps later in E + k.
 * Rows of several schools may be passed together: they are summed, so transfers between schools of
 * the district cancel out in (− transfers in + transfers out).
 */
import { GRADES } from '../codes/stages.ts';
import { computeRatioIndicator } from './compute.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** The columns of a 学年学生 row the cohort rates need. */
export interface CohortStatRow {
  schoolYear: number;
  /** Internal grade code (P1 … J3). */
  grade: string;
  students: number;
  graduates: number;
  transfersIn: number;
  transfersOut: number;
}

/** Inputs of 初中三年巩固率 (§1.4). */
export interface JuniorRetentionInput {
  /** Graduates of the cohort (end of its grade-9 year). */
  graduates: number;
  /** Students who transferred into the cohort during its three junior years. */
  transfersIn: number;
  /** Students who transferred out of the cohort during those years. */
  transfersOut: number;
  /** 初一 students of the cohort at the start of its grade-7 year. */
  grade7Enrolment: number;
  /** Deaths in the cohort during the three years; when absent 0 is assumed with a warning. */
  deaths?: number;
}

/** 初中三年巩固率 = (graduates − transfers in + transfers out) ÷ (grade-7 enrolment − deaths) × 100 %. */
export function computeJuniorRetention(input: JuniorRetentionInput, scope: IndicatorScope, context: EvaluationContext): IndicatorValue {
  const warnings = input.deaths === undefined ? ['未提供死亡学生数，按0计'] : [];
  return computeRatioIndicator({
    code: 'compulsory.junior_retention_rate',
    numerator: input.graduates - input.transfersIn + input.transfersOut,
    denominator: input.grade7Enrolment - (input.deaths ?? 0),
    scope: { ...scope, stage: 'junior' },
    context,
    warnings,
  });
}

/** Sums of a cohort's rows along its grades, and the (year, grade) rows that were missing. */
export interface CohortSums {
  /** Students of the first grade at the start of the entry year. */
  entryStudents: number;
  /** Students of the last grade at the start of its year. */
  finalStudents: number;
  /** Graduates of the last grade. */
  graduates: number;
  /** Transfers in and out summed over the years given by transferGrades. */
  transfersIn: number;
  transfersOut: number;
  /** 'YYYY/grade' keys without any row (the sums treat them as 0). */
  missing: string[];
}

/** Follows a cohort that enters `grades[0]` in `entryYear` through the listed grades and sums its rows. */
export function followCohort(
  rows: readonly CohortStatRow[],
  entryYear: number,
  grades: readonly string[],
  transferSteps: number,
): CohortSums {
  const missing: string[] = [];
  const at = (k: number) => {
    const year = entryYear + k;
    const grade = grades[k]!;
    const found = rows.filter((r) => r.schoolYear === year && r.grade === grade);
    if (found.length === 0) missing.push(`${year}/${grade}`);
    return found;
  };
  const byStep = grades.map((_, k) => at(k));
  const sum = (rs: readonly CohortStatRow[], key: 'students' | 'graduates' | 'transfersIn' | 'transfersOut') =>
    rs.reduce((s, r) => s + r[key], 0);
  const transferRows = byStep.slice(0, transferSteps).flat();
  const last = byStep[byStep.length - 1] ?? [];
  return {
    entryStudents: sum(byStep[0] ?? [], 'students'),
    finalStudents: sum(last, 'students'),
    graduates: sum(last, 'graduates'),
    transfersIn: sum(transferRows, 'transfersIn'),
    transfersOut: sum(transferRows, 'transfersOut'),
    missing,
  };
}

const JUNIOR = GRADES.filter((g) => g.stage === 'junior').map((g) => g.code);
const COMPULSORY = GRADES.filter((g) => g.stage === 'primary' || g.stage === 'junior').map((g) => g.code);

/** 初中三年巩固率 of the cohort that graduates at the end of school year `graduationYear` (entered 初一 two years before). */
export function computeJuniorRetentionFromRows(
  rows: readonly CohortStatRow[],
  graduationYear: number,
  scope: IndicatorScope,
  context: EvaluationContext,
  deaths?: number,
): IndicatorValue {
  const c = followCohort(rows, graduationYear - 2, JUNIOR, 3);
  const input: JuniorRetentionInput = {
    graduates: c.graduates,
    transfersIn: c.transfersIn,
    transfersOut: c.transfersOut,
    grade7Enrolment: c.entryStudents,
  };
  if (deaths !== undefined) input.deaths = deaths;
  const value = computeJuniorRetention(input, scope, context);
  if (c.missing.length > 0) value.warnings.push(`缺少学年数据：${c.missing.join('、')}`);
  return value;
}

/** Which 九年义务教育巩固率 is computed. */
export type NineYearVariant = 'statistical' | 'transfer_adjusted';

/**
 * 九年义务教育巩固率 of the cohort in 九年级 in school year `grade9Year`.
 * 'statistical' (default, the 教育事业统计 reading): 九年级 students at the start of that year ÷ 一年级
 * students of the same cohort 8 school years earlier. 'transfer_adjusted' subtracts transfers in and adds
 * transfers out over the 8 years before grade 9 (as §1.4 does for 初中), and deducts deaths.
 */
export function computeNineYearRetention(
  rows: readonly CohortStatRow[],
  grade9Year: number,
  scope: IndicatorScope,
  context: EvaluationContext,
  options: { variant?: NineYearVariant; deaths?: number } = {},
): IndicatorValue {
  const variant = options.variant ?? 'statistical';
  const c = followCohort(rows, grade9Year - 8, COMPULSORY, 8);
  const adjusted = variant === 'transfer_adjusted';
  const warnings = [
    adjusted ? '口径：按转学调整（扣除转入、加回转出、扣除死亡）' : '口径：教育事业统计（九年级在校生 ÷ 8年前一年级在校生，未按转学调整）',
  ];
  if (c.missing.length > 0) warnings.push(`缺少学年数据：${c.missing.join('、')}`);
  const numerator = adjusted ? c.finalStudents - c.transfersIn + c.transfersOut : c.finalStudents;
  const denominator = adjusted ? c.entryStudents - (options.deaths ?? 0) : c.entryStudents;
  const value = computeRatioIndicator({ code: 'compulsory.nine_year_retention_rate', numerator, denominator, scope, context, warnings });
  if (value.value !== null && value.value > 100) value.warnings.push('超过100%：期间净迁入');
  return value;
}
