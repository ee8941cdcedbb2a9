/**
 * The rules of a teaching-achievement award round (教育教学成果奖) as versioned configuration. Basis:
 * 《教学成果奖励条例》(国务院令第151号, 1994) for the award itself; the district's own 申报评审办法
 * fixes the yearly quota (10 区级成果奖), the reviewer count and the 公示 period. A call stores a
 * snapshot of the rules in force when it was created, so a past round is always judged by its own rules.
 */

/** One scored criterion of a call's rubric. */
export interface AwardCriterion {
  code: string;
  title: string;
  maxPoints: number;
  description?: string | undefined;
}

/** How the 公示 period is counted. */
export interface PublicityRule {
  /** Length of the period. */
  days: number;
  /** 'working': Monday–Friday minus listed holidays; 'calendar': every day. */
  kind: 'working' | 'calendar';
}

/** The configurable rules of a round. */
export interface AwardRules {
  /** Version label of this rule set. */
  version: string;
  /** Document numbers the rules come from. */
  basis: string;
  /** Reviewers drawn for each application. */
  reviewersPerApplication: number;
  /** From this many reviewers on, one highest and one lowest total are dropped before averaging. */
  trimFromReviewers: number;
  /** A reviewer is avoided for a school they worked at within this many years (current school always). */
  coiLookbackYears: number;
  /** The 公示 period. */
  publicity: PublicityRule;
  /** 区级成果奖 per grade (一等/二等/三等); the sum is the yearly quota. */
  gradeQuotas: { first: number; second: number; third: number };
  /** Lowest consolidated score that may receive an award. */
  minAwardScore: number;
  /** Applications the district may recommend to the city this round. */
  cityQuota: number;
}

/** The district rules in force since 2021 (10 awards a year: 2 一等, 3 二等, 5 三等). */
export const AWARD_RULES_2021: AwardRules = {
  version: '2021-1',
  basis: '《教学成果奖励条例》（国务院令第151号）；区教育教学成果奖申报评审办法（2021年）',
  reviewersPerApplication: 5,
  trimFromReviewers: 5,
  coiLookbackYears: 3,
  publicity: { days: 5, kind: 'working' },
  gradeQuotas: { first: 2, second: 3, third: 5 },
  minAwardScore: 60,
  cityQuota: 11,
};

/** The default rubric (100 points) of a district round. */
export const DEFAULT_AWARD_RUBRIC: readonly AwardCriterion[] = [
  { code: 'C1', title: '创新性', maxPoints: 30, description: '成果在理念、内容、方法上的创新程度' },
  { code: 'C2', title: '实践成效', maxPoints: 30, description: '经实践检验，对提高教育教学质量的实际效果' },
  { code: 'C3', title: '推广价值', maxPoints: 20, description: '示范引领作用与推广应用范围' },
  { code: 'C4', title: '科学性与规范性', maxPoints: 20, description: '理论依据、研究过程与材料的规范程度' },
];

/** District award grades and city results. */
export type AwardGrade = 'first' | 'second' | 'third';
export type CityResult = 'first' | 'second' | 'third' | 'none';

export const AWARD_GRADE_LABELS: Record<AwardGrade, string> = { first: '一等奖', second: '二等奖', third: '三等奖' };
export const CITY_RESULT_LABELS: Record<CityResult, string> = {
  first: '市级一等奖',
  second: '市级二等奖',
  third: '市级三等奖',
  none: '未获奖',
};

/** The total of a rubric. */
export function rubricMax(criteria: readonly AwardCriterion[]): number {
  return criteria.reduce((s, c) => s + c.maxPoints, 0);
}

/** Problems of a rubric (Chinese), empty when it is usable. */
export function validateAwardRubric(criteria: readonly AwardCriterion[]): string[] {
  const problems: string[] = [];
  if (criteria.length === 0) problems.push('评分细则至少需要一项');
  const codes = new Set<string>();
  for (const c of criteria) {
    if (codes.has(c.code)) problems.push(`评分项编号 ${c.code} 重复`);
    codes.add(c.code);
    if (!(c.maxPoints > 0)) problems.push(`评分项“${c.title}”的满分须大于 0`);
  }
  return problems;
}

/** Problems (Chinese) of one reviewer's points against the rubric: every criterion, within 0..max. */
export function validateSheet(criteria: readonly AwardCriterion[], points: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  for (const c of criteria) {
    const v = points[c.code];
    if (v === undefined || !Number.isFinite(v)) problems.push(`“${c.title}”未评分`);
    else if (v < 0 || v > c.maxPoints) problems.push(`“${c.title}”的分数须在 0 到 ${c.maxPoints} 之间`);
  }
  for (const code of Object.keys(points)) if (!criteria.some((c) => c.code === code)) problems.push(`评分细则中没有 ${code}`);
  return problems;
}

/** The total of a sheet (sum of criteria points). */
export function sheetTotal(points: Readonly<Record<string, number>>): number {
  return Object.values(points).reduce((s, v) => s + v, 0);
}
