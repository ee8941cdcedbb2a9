/**
 * The 7 资源配置 indicators of one school stage part (教督〔2017〕6号 第六条) and the school verdict:
 * at least 6 of 7 reach the standard and the remaining one is at least 85 % of its standard.
 */
import type { Stage } from '../codes/stages.ts';
import { getIndicator } from './catalog.ts';
import { computeRatioIndicator } from './compute.ts';
import { describeScope, formatIndicatorValue, formatThreshold } from './format.ts';
import { compareToThreshold } from './thresholds.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue, Threshold } from './types.ts';

/** The 7 resource indicator codes, in the order of 第六条. */
export const BALANCED_RESOURCE_CODES = [
  'balanced.teachers_above_qualification_per100',
  'balanced.backbone_teachers_per100',
  'balanced.pe_art_teachers_per100',
  'balanced.teaching_area_per_student',
  'balanced.sports_area_per_student',
  'balanced.equipment_value_per_student',
  'balanced.multimedia_rooms_per100',
] as const;
/** One of the 7 resource indicator codes. */
export type BalancedResourceCode = (typeof BALANCED_RESOURCE_CODES)[number];

/** Stages the 7 indicators and their CVs are computed for. */
export const BALANCED_STAGES = ['primary', 'junior'] as const satisfies readonly Stage[];
/** 小学 or 初中. */
export type BalancedStage = (typeof BALANCED_STAGES)[number];

/** Inputs of one school stage part, after one-through schools are split (split.ts). */
export interface BalancedInputs {
  /** 在校生数 with 学籍 at the start of the school year. */
  students: number;
  /** 专任教师 above the statutory diploma (小学 专科+, 初中 本科+). */
  teachersAboveQualification: number;
  /** 骨干教师 recognised at county (district) level or above and valid on the statistics date. */
  backboneCountyOrAbove: number;
  /** PE, music and fine-art 专任教师. */
  peArtTeachers: number;
  /** 教学及辅助用房面积, m². */
  teachingArea: number;
  /** 体育馆面积, m². */
  gymArea: number;
  /** 运动场地面积, m². */
  sportsGroundArea: number;
  /** 教学仪器设备值, 元. */
  equipmentValue: number;
  /** 网络多媒体教室, rooms. */
  multimediaRooms: number;
}

/** The resource amount behind an indicator (indicator 5 adds gym and sports-ground area). */
export function resourceAmount(code: BalancedResourceCode, inputs: BalancedInputs): number {
  switch (code) {
    case 'balanced.teachers_above_qualification_per100':
      return inputs.teachersAboveQualification;
    case 'balanced.backbone_teachers_per100':
      return inputs.backboneCountyOrAbove;
    case 'balanced.pe_art_teachers_per100':
      return inputs.peArtTeachers;
    case 'balanced.teaching_area_per_student':
      return inputs.teachingArea;
    case 'balanced.sports_area_per_student':
      return inputs.gymArea + inputs.sportsGroundArea;
    case 'balanced.equipment_value_per_student':
      return inputs.equipmentValue;
    case 'balanced.multimedia_rooms_per100':
      return inputs.multimediaRooms;
  }
}

/** Where a stage part is, for scopes and reason strings. */
export interface StagePartRef {
  stage: BalancedStage;
  schoolId?: string;
  /** School name for reasons. */
  label?: string;
}

/** Computes the 7 indicators of one school stage part against the thresholds in force. */
export function computeBalancedIndicators(inputs: BalancedInputs, ref: StagePartRef, context: EvaluationContext): IndicatorValue[] {
  const scope: IndicatorScope = { level: 'stage_part', stage: ref.stage };
  if (ref.schoolId !== undefined) scope.schoolId = ref.schoolId;
  if (ref.label !== undefined) scope.label = ref.label;
  return BALANCED_RESOURCE_CODES.map((code) =>
    computeRatioIndicator({ code, numerator: resourceAmount(code, inputs), denominator: inputs.students, scope, context }),
  );
}

/** The share of its standard the one indicator a school may miss must still reach. */
export const BALANCED_PASS_FRACTION = 0.85;

/** True when a value reaches the given fraction of a floor threshold (equality passes); ceilings are not relaxed. */
export function meetsFractionOfThreshold(value: number, threshold: Threshold, fraction: number): boolean {
  if (threshold.comparator === '<=') return compareToThreshold(value, threshold);
  return compareToThreshold(value, { comparator: '>=', value: threshold.value * fraction });
}

/** One indicator below its standard. */
export interface Shortfall {
  code: string;
  value: number;
  threshold: number;
  /** value ÷ threshold. */
  ratio: number;
}

/** The verdict on one school stage part. */
export interface SchoolBalanceVerdict {
  status: 'pass' | 'fail' | 'no_data';
  /** Indicators at or above their standard. */
  metCount: number;
  shortfalls: Shortfall[];
  /** Chinese explanation. */
  reason: string;
}

/** Applies the 6-of-7-plus-85 % rule to the 7 values of one stage part. */
export function judgeSchoolBalance(values: readonly IndicatorValue[]): SchoolBalanceVerdict {
  const where = values[0] ? describeScope(values[0].scope) : '学校';
  const missing = values.filter((v) => v.status === 'no_data' || v.status === 'no_threshold');
  if (missing.length > 0 || values.length !== BALANCED_RESOURCE_CODES.length) {
    const names = missing.map((v) => `${getIndicator(v.code).name}（${v.reason ?? '无适用标准'}）`);
    return { status: 'no_data', metCount: 0, shortfalls: [], reason: `${where}：无法判定，${names.join('；') || '指标不全'}` };
  }
  const unmet = values.filter((v) => v.status === 'not_met');
  const shortfalls = unmet.map((v) => ({
    code: v.code,
    value: v.value!,
    threshold: v.threshold!.value,
    ratio: v.value! / v.threshold!.value,
  }));
  const metCount = values.length - unmet.length;
  const list = unmet.map(
    (v) =>
      `${getIndicator(v.code).name} ${formatIndicatorValue(v.code, v.value!, v.threshold!.value)}（标准${formatThreshold(v.code, v.threshold!)}）`,
  );
  if (unmet.length === 0) return { status: 'pass', metCount, shortfalls, reason: `${where}：7项指标全部达标` };
  if (unmet.length === 1) {
    const v = unmet[0]!;
    const pct = ((v.value! / v.threshold!.value) * 100).toFixed(1);
    if (meetsFractionOfThreshold(v.value!, v.threshold!, BALANCED_PASS_FRACTION)) {
      return { status: 'pass', metCount, shortfalls, reason: `${where}：6项达标，${list[0]}为标准的${pct}%，不低于85%` };
    }
    return { status: 'fail', metCount, shortfalls, reason: `${where}：6项达标，但${list[0]}仅为标准的${pct}%，低于85%` };
  }
  return { status: 'fail', metCount, shortfalls, reason: `${where}：${unmet.length}项未达标（最多允许1项）：${list.join('；')}` };
}
