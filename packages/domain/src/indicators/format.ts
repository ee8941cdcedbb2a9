/**
 * Display of indicator values and the Chinese reason strings built from them. Formatting never feeds
 * back into a comparison: statuses are decided on unrounded values before anything is formatted.
 */
import { STAGE_LABELS } from '../codes/stages.ts';
import { getIndicator } from './catalog.ts';
import type { IndicatorScope, IndicatorValue, Threshold } from './types.ts';

/**
 * Formats a value of an indicator with its display precision and unit, e.g. '4.2', '95.0%', '2150人', '13.50:1'.
 * Given the threshold it was compared with, it adds decimals until a value that differs from the
 * threshold also looks different (a failing 0.996 shows as '0.996', never as '1.0' against '≥1.0').
 */
export function formatIndicatorValue(code: string, value: number, comparedWith?: number): string {
  const def = getIndicator(code);
  let digits = def.precision;
  if (comparedWith !== undefined && value !== comparedWith) {
    while (digits < def.precision + 6 && value.toFixed(digits) === comparedWith.toFixed(digits)) digits += 1;
  }
  const v = value.toFixed(digits);
  switch (def.unit) {
    case '%':
      return `${v}%`;
    case 'm2_per_student':
      return `${v}m²`;
    case 'yuan_per_student':
      return `${v}元`;
    case 'students':
      return `${v}人`;
    case 'students_per_teacher':
      return `${v}:1`;
    case 'children_per_teacher':
      return `1:${v}`;
    case 'per_100_students':
    case 'ratio':
    case 'cv':
    case 'count':
      return v;
  }
}

/** Formats a threshold as '≥4.2' or '≤0.50'. */
export function formatThreshold(code: string, threshold: Pick<Threshold, 'value' | 'comparator'>): string {
  return `${threshold.comparator === '>=' ? '≥' : '≤'}${formatIndicatorValue(code, threshold.value)}`;
}

/** Names a scope for a reason string: '某小学（初中部）', '全区（小学）'. */
export function describeScope(scope: IndicatorScope): string {
  const stage = scope.stage ? STAGE_LABELS[scope.stage] : null;
  if (scope.level === 'district') return stage ? `全区（${stage}）` : '全区';
  const name = scope.label ?? scope.schoolId ?? '学校';
  return stage && scope.level === 'stage_part' ? `${name}（${stage}）` : name;
}

/** One Chinese sentence on a value: where, what, how much, against which standard — or why it is missing. */
export function describeIndicatorValue(v: IndicatorValue): string {
  const def = getIndicator(v.code);
  const where = describeScope(v.scope);
  if (v.value === null) return `${where}：${def.name}无法计算（${v.reason ?? '缺少数据'}）`;
  const shown = formatIndicatorValue(v.code, v.value, v.threshold?.value);
  if (!v.threshold) return `${where}：${def.name} ${shown}（无适用标准）`;
  const verdict = v.status === 'met' ? '达标' : '未达标';
  return `${where}：${def.name} ${shown}，标准${formatThreshold(v.code, v.threshold)}，${verdict}`;
}
