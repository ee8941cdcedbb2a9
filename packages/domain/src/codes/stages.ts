/**
 * Internal stage (学段) and grade (年级) codes. No national 学段 code was confirmed (standards.md §7.3),
 * so Zhiping keeps an internal enum and maps grade labels used in the 学籍 system to it.
 */

/** The stages of schooling a district bureau administers. */
export const STAGES = ['preschool', 'primary', 'junior', 'senior', 'vocational', 'special'] as const;
export type Stage = (typeof STAGES)[number];

/** Chinese labels of the stages. */
export const STAGE_LABELS: Record<Stage, string> = {
  preschool: '学前',
  primary: '小学',
  junior: '初中',
  senior: '高中',
  vocational: '中职',
  special: '特教',
};

/** One grade with its stage and its position within the stage (1-based). */
export interface Grade {
  /** Stable internal code, e.g. "P1" for 一年级. */
  code: string;
  /** Label used in templates and the UI, e.g. "一年级". */
  label: string;
  stage: Stage;
  /** Year of schooling within the stage, 1-based (托班 is 0). */
  year: number;
}

const G = (code: string, label: string, stage: Stage, year: number): Grade => ({ code, label, stage, year });

/** Every grade Zhiping records statistics for, in order. */
export const GRADES: readonly Grade[] = [
  G('K0', '托班', 'preschool', 0),
  G('K1', '小班', 'preschool', 1),
  G('K2', '中班', 'preschool', 2),
  G('K3', '大班', 'preschool', 3),
  G('P1', '一年级', 'primary', 1),
  G('P2', '二年级', 'primary', 2),
  G('P3', '三年级', 'primary', 3),
  G('P4', '四年级', 'primary', 4),
  G('P5', '五年级', 'primary', 5),
  G('P6', '六年级', 'primary', 6),
  G('J1', '七年级', 'junior', 1),
  G('J2', '八年级', 'junior', 2),
  G('J3', '九年级', 'junior', 3),
  G('S1', '高一', 'senior', 1),
  G('S2', '高二', 'senior', 2),
  G('S3', '高三', 'senior', 3),
  G('V1', '中职一年级', 'vocational', 1),
  G('V2', '中职二年级', 'vocational', 2),
  G('V3', '中职三年级', 'vocational', 3),
];

const BY_CODE = new Map(GRADES.map((g) => [g.code, g]));
const BY_LABEL = new Map(GRADES.map((g) => [g.label, g]));
BY_LABEL.set('初一', BY_CODE.get('J1')!);
BY_LABEL.set('初二', BY_CODE.get('J2')!);
BY_LABEL.set('初三', BY_CODE.get('J3')!);

/** Finds a grade by internal code. */
export function findGrade(code: string): Grade | undefined {
  return BY_CODE.get(code);
}

/** Finds a grade by its Chinese label (accepts 初一/初二/初三 as aliases of 七/八/九年级). */
export function findGradeByLabel(label: string): Grade | undefined {
  return BY_LABEL.get(label.trim());
}

/** The grades that belong to a stage, in order. */
export function gradesOfStage(stage: Stage): Grade[] {
  return GRADES.filter((g) => g.stage === stage);
}
