/**
 * Thresholds as versioned configuration (standards.md §11): the national defaults as data, the rule
 * that picks the version in force, and the comparison on unrounded values.
 *
 * Resolution rule. Each level (国家 → 省 → 市 → 区) contributes at most one version in force on the
 * evaluation date (its latest effectiveFrom; a stage-specific row beats a row for all stages). The
 * least specific level present binds first; a more specific level replaces it only when it is at
 * least as strict as the value binding so far (a district may tighten, never loosen, a higher rule).
 * A looser or contradictory local value is ignored with a warning, so a typo in local configuration
 * can never make a county look better than the national rule allows.
 */
import type { Stage } from '../codes/stages.ts';
import { isIsoDate } from './dates.ts';
import { BALANCED_DOC, CLASS_SIZE_DOC, PRESCHOOL_DOC } from './sources.ts';
import type { Comparator, Threshold, ThresholdLevel } from './types.ts';

/** Chinese labels of threshold levels. */
export const THRESHOLD_LEVEL_LABELS: Record<ThresholdLevel, string> = {
  national: '国家',
  province: '省级',
  city: '市级',
  district: '区级',
};

const LEVEL_ORDER: readonly ThresholdLevel[] = ['national', 'province', 'city', 'district'];

/** 教督〔2017〕6号 was released on 2017-05-23 (news [V]); used as the date its values take effect. */
const BALANCED_FROM = '2017-05-23';
/** The 学前 办法 was issued in February 2020; the day is not verified, so the first of the month is used. */
const PRESCHOOL_FROM = '2020-02-01';

const n = (
  indicatorCode: string,
  stage: Stage | null,
  comparator: Comparator,
  value: number,
  document: string,
  effectiveFrom: string,
  note = '',
): Threshold => ({ indicatorCode, stage, value, comparator, level: 'national', document, effectiveFrom, note });

const balanced = (code: string, stage: Stage | null, c: Comparator, v: number, note = '') =>
  n(code, stage, c, v, BALANCED_DOC, BALANCED_FROM, note);
const preschool = (code: string, c: Comparator, v: number, note: string) => n(code, 'preschool', c, v, PRESCHOOL_DOC, PRESCHOOL_FROM, note);

const RESOURCE_VALUES: readonly [string, number, number][] = [
  ['teachers_above_qualification_per100', 4.2, 5.3],
  ['backbone_teachers_per100', 1.0, 1.0],
  ['pe_art_teachers_per100', 0.9, 0.9],
  ['teaching_area_per_student', 4.5, 5.8],
  ['sports_area_per_student', 7.5, 10.2],
  ['equipment_value_per_student', 2000, 2500],
  ['multimedia_rooms_per100', 2.3, 2.4],
];

/** The national default thresholds, each with its document and the date it takes effect. */
export const NATIONAL_THRESHOLDS: readonly Threshold[] = [
  ...RESOURCE_VALUES.flatMap(([k, primary, junior]) => [
    balanced(`balanced.${k}`, 'primary', '>=', primary, '第六条 [V]'),
    balanced(`balanced.${k}`, 'junior', '>=', junior, '第六条 [V]'),
    balanced(`balanced.cv.${k}`, 'primary', '<=', 0.5, '第六条 校际差异系数 [V]'),
    balanced(`balanced.cv.${k}`, 'junior', '<=', 0.45, '第六条 校际差异系数 [V]'),
  ]),
  balanced('balanced.schools_passing_share', null, '>=', 100, '每所学校均须达标 [V]'),
  balanced('balanced.music_art_rooms_per_12_classes', null, '>=', 1, '每12个班音乐、美术教室各1间 [P]'),
  balanced('balanced.special_education_funding_per_student', null, '>=', 6000, '国家标准6000元，部分城市更高 [P]'),
  balanced('balanced.teacher_pay_ratio', null, '>=', 100, '不低于当地公务员平均工资 [V]'),
  balanced('balanced.training_budget_share', null, '>=', 5, '不低于公用经费的5% [V]'),
  balanced('compulsory.school_size', null, '<=', 2000, '[V]'),
  balanced('compulsory.school_size_one_through', null, '<=', 2500, '[V]'),
  balanced('compulsory.max_class_size', 'primary', '<=', 45, '所有班级 [V]'),
  balanced('compulsory.max_class_size', 'junior', '<=', 50, '所有班级 [V]'),
  balanced('compulsory.junior_retention_rate', 'junior', '>=', 95, '[V]'),
  balanced('compulsory.migrant_children_public_share', null, '>=', 85, '[V]'),
  balanced('compulsory.zoned_admission_rate', 'primary', '>=', 100, '城区、镇区公办学校，不含寄宿制 [V]'),
  balanced('compulsory.zoned_admission_rate', 'junior', '>=', 95, '城区、镇区公办学校，不含寄宿制 [V]'),
  balanced('compulsory.quota_allocation_share', 'junior', '>=', 50, '向农村初中倾斜 [V]'),
  balanced('compulsory.disabled_enrolment_rate', null, '>=', 95, '[V]'),
  balanced('teachers.certificate_rate', null, '>=', 100, '[V]'),
  balanced('teachers.training_completion_rate', null, '>=', 100, '5年360学时 [V]'),
  balanced('teachers.rotation_share', null, '>=', 10, '[V]'),
  balanced('teachers.rotation_backbone_share', null, '>=', 20, '[V]'),
  balanced('survey.social_recognition', null, '>=', 85, '[V]'),
  n('compulsory.super_large_class_share', null, '<=', 2, CLASS_SIZE_DOC, '2018-12-31', '2018年底基本消除超大班额（≤2%）[V]'),
  n('compulsory.large_class_share', null, '<=', 5, CLASS_SIZE_DOC, '2020-12-31', '2020年底基本消除大班额（≤5%）[V]'),
  preschool('preschool.gross_enrolment_rate', '>=', 85, '[V]；河南等省要求≥90%'),
  preschool('preschool.inclusive_share', '>=', 80, '[V]'),
  preschool('preschool.public_share', '>=', 50, '[V]'),
  preschool('preschool.children_per_teacher', '<=', 15, '专任教师与幼儿比1:15 [P]'),
  preschool('preschool.class_size_compliance_rate', '>=', 85, '[P]，南江县2024年列为国家标准'),
];

/** The threshold version chosen for one indicator and stage, with what was ignored and why. */
export interface ThresholdResolution {
  threshold: Threshold | null;
  /** Chinese warnings: invalid dates, looser local values ignored, conflicting versions. */
  warnings: string[];
}

/** True when a is at least as strict as b (both with the same comparator). */
function isAtLeastAsStrict(a: Threshold, b: Threshold): boolean {
  return a.comparator === '>=' ? a.value >= b.value : a.value <= b.value;
}

/** Picks the version of one level in force: stage-specific first, then the latest effectiveFrom, then the stricter. */
function pickWithinLevel(rows: Threshold[], warnings: string[]): Threshold {
  const sorted = [...rows].sort((a, b) => {
    const specific = Number(b.stage !== null) - Number(a.stage !== null);
    if (specific !== 0) return specific;
    return a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0;
  });
  const best = sorted[0]!;
  const ties = sorted.filter((r) => r.stage === best.stage && r.effectiveFrom === best.effectiveFrom && r.value !== best.value);
  if (ties.length === 0) return best;
  const label = THRESHOLD_LEVEL_LABELS[best.level];
  const all = [best, ...ties].filter((r) => r.comparator === best.comparator);
  const strictest = all.reduce((s, r) => (isAtLeastAsStrict(r, s) ? r : s));
  warnings.push(
    `${label}阈值在 ${best.effectiveFrom} 有多个版本（${[best, ...ties].map((r) => r.value).join('、')}），取最严格的 ${strictest.value}`,
  );
  return strictest;
}

/** Picks the threshold in force for an indicator and stage on a date, under the rule in this file's header. */
export function resolveThreshold(thresholds: readonly Threshold[], code: string, stage: Stage | null, asOf: string): ThresholdResolution {
  const warnings: string[] = [];
  if (!isIsoDate(asOf)) return { threshold: null, warnings: [`评价日期无效：${asOf}`] };
  const inForce: Threshold[] = [];
  for (const t of thresholds) {
    if (t.indicatorCode !== code) continue;
    if (t.stage !== null && t.stage !== stage) continue;
    if (!isIsoDate(t.effectiveFrom) || (t.effectiveTo != null && !isIsoDate(t.effectiveTo))) {
      warnings.push(`${THRESHOLD_LEVEL_LABELS[t.level]}阈值（${t.document}）的生效日期无效，已忽略`);
      continue;
    }
    if (t.effectiveFrom > asOf) continue;
    if (t.effectiveTo != null && t.effectiveTo < asOf) continue;
    inForce.push(t);
  }
  let binding: Threshold | null = null;
  for (const level of LEVEL_ORDER) {
    const rows = inForce.filter((t) => t.level === level);
    if (rows.length === 0) continue;
    const candidate = pickWithinLevel(rows, warnings);
    if (binding === null) {
      binding = candidate;
    } else if (candidate.comparator !== binding.comparator) {
      warnings.push(
        `${THRESHOLD_LEVEL_LABELS[level]}阈值的比较方向（${candidate.comparator}）与上级（${binding.comparator}）不一致，已忽略`,
      );
    } else if (isAtLeastAsStrict(candidate, binding)) {
      binding = candidate;
    } else {
      warnings.push(
        `${THRESHOLD_LEVEL_LABELS[level]}阈值 ${candidate.value}（${candidate.document}）低于${THRESHOLD_LEVEL_LABELS[binding.level]}标准 ${binding.value}，不予采用`,
      );
    }
  }
  return { threshold: binding, warnings };
}

/** Resolutions memoised per list of threshold versions (see resolveThresholdCached): date → code → stage. */
interface ResolutionCache {
  /** Length of the list when the cache was filled: a list that grew or shrank in place starts afresh. */
  length: number;
  byDate: Map<string, Map<string, Map<Stage | null, ThresholdResolution>>>;
}

const resolutionCaches = new WeakMap<readonly Threshold[], ResolutionCache>();

/**
 * resolveThreshold memoised per list of versions, date, indicator and stage. A computed year resolves the
 * same few dozen (code, stage) pairs for hundreds of thousands of values; the rule is pure, so each pair
 * is resolved once per list. The list is treated as a value: changed configuration is a new array (every
 * loader builds one), and a list changed in place by push/splice is noticed by its length and resolved
 * afresh. The returned resolution is shared: callers must not mutate it (copy `warnings` before adding).
 */
export function resolveThresholdCached(
  thresholds: readonly Threshold[],
  code: string,
  stage: Stage | null,
  asOf: string,
): ThresholdResolution {
  let cache = resolutionCaches.get(thresholds);
  if (!cache || cache.length !== thresholds.length) {
    cache = { length: thresholds.length, byDate: new Map() };
    resolutionCaches.set(thresholds, cache);
  }
  let byCode = cache.byDate.get(asOf);
  if (!byCode) cache.byDate.set(asOf, (byCode = new Map()));
  let byStage = byCode.get(code);
  if (!byStage) byCode.set(code, (byStage = new Map()));
  let r = byStage.get(stage);
  if (!r) {
    r = resolveThreshold(thresholds, code, stage, asOf);
    byStage.set(stage, r);
  }
  return r;
}

/** Relative tolerance that absorbs binary floating-point error (4.2 stored as 4.199999…); far below any display precision. */
export const FLOAT_TOLERANCE = 1e-9;

/** True when an unrounded value meets a threshold; equality passes. */
export function compareToThreshold(value: number, threshold: Pick<Threshold, 'value' | 'comparator'>): boolean {
  const tol = FLOAT_TOLERANCE * Math.max(1, Math.abs(threshold.value));
  return threshold.comparator === '>=' ? value >= threshold.value - tol : value <= threshold.value + tol;
}
