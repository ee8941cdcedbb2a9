/**
 * The values of one school: per stage part (the 7 resource indicators with the school verdict, 生师比,
 * 持证率, class sizes, kindergarten ratios) and school-level (规模, 音乐美术教室, 初中三年巩固率). Pure:
 * the domain computes from the year's inputs.
 */
import {
  BALANCED_RESOURCE_CODES,
  computeBalancedIndicators,
  computeDerivedIndicator,
  computeJuniorRetentionFromRows,
  computeKindergartenIndicators,
  computeMeasureIndicator,
  computeMusicArtRooms,
  computeRatioIndicator,
  computeSchoolSize,
  computeStudentTeacherRatio,
  judgeSchoolBalance,
  splitSharedResources,
  type BalancedInputs,
  type EvaluationContext,
  type IndicatorScope,
  type IndicatorValue,
  type SchoolBalanceResult,
  type SchoolBalanceVerdict,
  type Stage,
  type TeacherCounts,
} from '@zhiping/domain';
import { narrowContext } from './narrow-context.ts';
import type { ConditionInputs, SchoolRef, StagePartStats, YearInputs } from './year-inputs.ts';

/** Every code a school's own values use (their threshold versions are all a school's computation needs). */
const SCHOOL_VALUE_CODES = [
  ...BALANCED_RESOURCE_CODES,
  'common.student_teacher_ratio',
  'teachers.certificate_rate',
  'compulsory.max_class_size',
  'compulsory.large_class_share',
  'compulsory.super_large_class_share',
  'preschool.children_per_teacher',
  'preschool.class_size_compliance_rate',
  'compulsory.school_size',
  'compulsory.school_size_one_through',
  'balanced.music_art_rooms_per_12_classes',
  'compulsory.junior_retention_rate',
];

/** Codes computed from the conditions row (no_data without one). */
const CONDITION_CODES = new Set([
  'balanced.teaching_area_per_student',
  'balanced.sports_area_per_student',
  'balanced.equipment_value_per_student',
  'balanced.multimedia_rooms_per100',
]);

/** One stage part of a school with its values. */
export interface PartResult {
  stage: Stage;
  /** Share of the school's shared resources (1 for a single-stage school). */
  share: number;
  students: number;
  /** Inputs of the 7 indicators (primary and junior parts); null when the conditions row is missing. */
  balancedInputs: BalancedInputs | null;
  values: IndicatorValue[];
  verdict: SchoolBalanceVerdict | null;
}

/** All values of one school. */
export interface SchoolResult {
  school: SchoolRef;
  parts: PartResult[];
  schoolValues: IndicatorValue[];
}

const EMPTY_COUNTS: TeacherCounts = { fullTime: 0, aboveQualification: 0, backboneCountyOrAbove: 0, peArt: 0, certified: 0 };

const studentsMemo = new WeakMap<YearInputs['parts'], Map<number, Readonly<Partial<Record<Stage, number>>>>>();

/** Students per stage of a school (one frozen object per school and inputs: the split, the size and the coverage share it). */
export function studentsByStage(inputs: YearInputs, id: number): Readonly<Partial<Record<Stage, number>>> {
  let memo = studentsMemo.get(inputs.parts);
  if (!memo) studentsMemo.set(inputs.parts, (memo = new Map()));
  let out = memo.get(id);
  if (!out) {
    const made: Partial<Record<Stage, number>> = {};
    const parts = inputs.parts.get(id);
    if (parts) for (const p of parts.values()) made[p.stage] = p.students;
    memo.set(id, (out = Object.freeze(made)));
  }
  return out;
}

/** The shared resources of a conditions row, as the split takes them. */
export function sharedResources(c: ConditionInputs) {
  return {
    teachingArea: c.teachingArea,
    gymArea: c.gymArea,
    sportsGroundArea: c.sportsGroundArea,
    equipmentValue: c.equipmentValue,
    multimediaRooms: c.multimediaRooms,
  };
}

/** The 7 resource values of a part; the four from the conditions row are no_data without one. */
function balancedValues(
  inputs: BalancedInputs,
  hasConditions: boolean,
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue[] {
  const ref = { stage: scope.stage as 'primary' | 'junior', schoolId: scope.schoolId!, label: scope.label! };
  return computeBalancedIndicators(inputs, ref, narrowContext(context, BALANCED_RESOURCE_CODES)).map((v) =>
    !hasConditions && CONDITION_CODES.has(v.code)
      ? computeDerivedIndicator({
          code: v.code,
          numerator: null,
          denominator: inputs.students,
          value: null,
          reason: '缺少本学年办学条件数据',
          scope: v.scope,
          context,
        })
      : v,
  );
}

/** Values of one stage part: the 7 indicators (compulsory), 生师比, 持证率, class sizes or kindergarten ratios. */
function partValues(
  school: SchoolRef,
  stats: StagePartStats,
  counts: TeacherCounts,
  balanced: BalancedInputs | null,
  hasConditions: boolean,
  context: EvaluationContext,
): IndicatorValue[] {
  const scope: IndicatorScope = { level: 'stage_part', schoolId: String(school.id), label: school.name, stage: stats.stage };
  const values: IndicatorValue[] = [];
  if (balanced) values.push(...balancedValues(balanced, hasConditions, scope, context));
  if (stats.stage === 'preschool') {
    const k = {
      schoolId: String(school.id),
      label: school.name,
      sponsor: school.sponsor,
      isInclusive: school.isInclusive,
      children: stats.students,
      fullTimeTeachers: counts.fullTime,
    };
    values.push(...computeKindergartenIndicators(k, context));
    const kScope: IndicatorScope = { level: 'school', schoolId: String(school.id), label: school.name, stage: 'preschool' };
    values.push(
      computeRatioIndicator({
        code: 'preschool.class_size_compliance_rate',
        numerator: stats.kindergartenWithinLimit,
        denominator: stats.classes,
        scope: kScope,
        context,
        warnings: ['按各年级平均班额估算（无逐班数据）'],
      }),
    );
  } else if (stats.stage !== 'special') {
    values.push(computeStudentTeacherRatio({ students: stats.students, fullTimeTeachers: counts.fullTime }, scope, context));
  }
  values.push(
    computeRatioIndicator({ code: 'teachers.certificate_rate', numerator: counts.certified, denominator: counts.fullTime, scope, context }),
  );
  if (stats.stage === 'primary' || stats.stage === 'junior') values.push(...classSizeValues(stats, scope, context));
  return values;
}

/** 最大班额, 大班额 and 超大班额 shares of a compulsory part, every class at its grade's average size. */
export function classSizeValues(
  stats: Pick<StagePartStats, 'maxClassSize' | 'largeClasses' | 'superLargeClasses' | 'classes'>,
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue[] {
  const warnings = ['按各年级平均班额估算（无逐班数据）'];
  return [
    computeMeasureIndicator({
      code: 'compulsory.max_class_size',
      value: stats.maxClassSize,
      reason: '没有班级数据',
      scope,
      context,
      warnings,
    }),
    computeRatioIndicator({
      code: 'compulsory.large_class_share',
      numerator: stats.largeClasses,
      denominator: stats.classes,
      scope,
      context,
      warnings,
    }),
    computeRatioIndicator({
      code: 'compulsory.super_large_class_share',
      numerator: stats.superLargeClasses,
      denominator: stats.classes,
      scope,
      context,
      warnings,
    }),
  ];
}

/** One stage part of a school after the split of its shared resources. */
export interface SplitPart {
  share: number;
  inputs: BalancedInputs;
  hasConditions: boolean;
}

/** The inputs of the 7 indicators of each compulsory part after the split (null without conditions: zeros stand in). */
export function balancedInputsOf(inputs: YearInputs, school: SchoolRef): Map<Stage, SplitPart> {
  const c = inputs.conditions.get(school.id);
  const zero: ConditionInputs = {
    teachingArea: 0,
    gymArea: 0,
    sportsGroundArea: 0,
    equipmentValue: 0,
    multimediaRooms: 0,
    musicRooms: 0,
    artRooms: 0,
  };
  const { parts } = splitSharedResources({
    typeCode: school.typeCode,
    students: studentsByStage(inputs, school.id),
    shared: sharedResources(c ?? zero),
  });
  const out = new Map<Stage, SplitPart>();
  for (const p of parts) {
    const t = inputs.teachers.get(school.id)?.get(p.stage) ?? EMPTY_COUNTS;
    out.set(p.stage, {
      share: p.share,
      hasConditions: c !== undefined,
      inputs: {
        students: p.students,
        teachersAboveQualification: t.aboveQualification,
        backboneCountyOrAbove: t.backboneCountyOrAbove,
        peArtTeachers: t.peArt,
        ...p.resources,
      },
    });
  }
  return out;
}

/** Every value of one school in the year (the data-quality note is added by applySchoolQualityNote). */
export function computeSchoolResult(
  inputs: YearInputs,
  school: SchoolRef,
  fullContext: EvaluationContext,
  /** The domain's 资源配置 result of a stage part, when the whole district was already evaluated. */
  judged: (stage: Stage) => SchoolBalanceResult | undefined = () => undefined,
  /** The school's split (balancedInputsOf), when the caller already computed it. */
  split: Map<Stage, SplitPart> = balancedInputsOf(inputs, school),
): SchoolResult {
  const context = narrowContext(fullContext, SCHOOL_VALUE_CODES);
  const parts: PartResult[] = [];
  for (const stats of inputs.parts.get(school.id)?.values() ?? []) {
    const counts = inputs.teachers.get(school.id)?.get(stats.stage) ?? EMPTY_COUNTS;
    const s = split.get(stats.stage);
    const isCompulsory = stats.stage === 'primary' || stats.stage === 'junior';
    const balanced = isCompulsory && s ? s.inputs : null;
    const done = balanced && s?.hasConditions ? judged(stats.stage) : undefined;
    const values = done
      ? [...done.indicators, ...partValues(school, stats, counts, null, false, context)]
      : partValues(school, stats, counts, balanced, s?.hasConditions ?? false, context);
    const verdict = done ? done.verdict : balanced ? judgeSchoolBalance(values.slice(0, 7)) : null;
    parts.push({
      stage: stats.stage,
      share: s?.share ?? 1,
      students: stats.students,
      balancedInputs: balanced && s?.hasConditions ? balanced : null,
      values,
      verdict,
    });
  }
  const scope: IndicatorScope = { level: 'school', schoolId: String(school.id), label: school.name };
  const schoolValues: IndicatorValue[] = [];
  const size = computeSchoolSize(
    { schoolId: String(school.id), label: school.name, typeCode: school.typeCode, students: studentsByStage(inputs, school.id) },
    context,
  );
  if (size) schoolValues.push(size);
  const compulsory = parts.filter((p) => p.stage === 'primary' || p.stage === 'junior');
  const c = inputs.conditions.get(school.id);
  if (compulsory.length > 0 && c) {
    const classes = compulsory.reduce((n, p) => n + (inputs.parts.get(school.id)!.get(p.stage)!.classes ?? 0), 0);
    schoolValues.push(computeMusicArtRooms({ classes, musicRooms: c.musicRooms, artRooms: c.artRooms }, scope, context));
  }
  const cohort = inputs.juniorCohort.get(school.id);
  if (cohort && parts.some((p) => p.stage === 'junior'))
    schoolValues.push(computeJuniorRetentionFromRows(cohort, inputs.year, scope, context));
  return { school, parts, schoolValues };
}

/** Adds the data-quality note to every value of a school whose inputs fail validations (errors or warnings). */
export function applySchoolQualityNote(inputs: YearInputs, result: SchoolResult): void {
  const q = inputs.quality.get(result.school.id);
  if (q && q.error + q.warning > 0) {
    const note = `数据质量：本校本学年有${q.error + q.warning}项校验未通过（错误${q.error}、警告${q.warning}），结果可能受影响`;
    for (const v of [...result.parts.flatMap((p) => p.values), ...result.schoolValues]) v.warnings.push(note);
  }
}
