/**
 * Compulsory-stage indicators over plain inputs: school size (≤2000, 一贯制 ≤2500), 生师比, 随迁子女 in
 * public schools, and zoned admission in urban and town public schools. Class sizes are in
 * class-size.ts and cohort 巩固率 in retention.ts.
 */
import { isUrbanOrTown, type Sponsor } from '../codes/enums.ts';
import { findSchoolType } from '../codes/school-types.ts';
import type { Stage } from '../codes/stages.ts';
import { computeMeasureIndicator, computeRatioIndicator } from './compute.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** A school with its students per stage. */
export interface SchoolEnrolment {
  schoolId: string;
  label?: string;
  typeCode: string;
  students: Partial<Record<Stage, number>>;
}

const schoolScope = (s: { schoolId: string; label?: string }): IndicatorScope =>
  s.label === undefined ? { level: 'school', schoolId: s.schoolId } : { level: 'school', schoolId: s.schoolId, label: s.label };

/** School size in the compulsory grades against 2000, or 2500 for 九年/十二年一贯制; null for a school without compulsory grades. */
export function computeSchoolSize(school: SchoolEnrolment, context: EvaluationContext): IndicatorValue | null {
  const stages = findSchoolType(school.typeCode)?.stages ?? [];
  const hasPrimary = stages.includes('primary');
  const hasJunior = stages.includes('junior');
  if (!hasPrimary && !hasJunior) return null;
  const students = (hasPrimary ? (school.students.primary ?? 0) : 0) + (hasJunior ? (school.students.junior ?? 0) : 0);
  const code = hasPrimary && hasJunior ? 'compulsory.school_size_one_through' : 'compulsory.school_size';
  return computeMeasureIndicator({ code, value: students, scope: schoolScope(school), context });
}

/** 生师比 = students ÷ full-time teachers (专任教师) for any scope; stated as X:1. */
export function computeStudentTeacherRatio(
  input: { students: number; fullTimeTeachers: number },
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue {
  return computeRatioIndicator({
    code: 'common.student_teacher_ratio',
    numerator: input.students,
    denominator: input.fullTimeTeachers,
    scope,
    context,
  });
}

/** 随迁子女 counts of the district's compulsory schools. */
export interface MigrantChildrenInput {
  /** 随迁子女 in public schools. */
  inPublicSchools: number;
  /** 随迁子女 in private schools on places the government buys (政府购买学位). */
  inPurchasedPlaces: number;
  /** All 随迁子女 in compulsory education in the district. */
  total: number;
}

/** Share of 随迁子女 in public schools or government-purchased places (优质均衡 第七条第十五项, ≥85 %). */
export function computeMigrantPublicShare(input: MigrantChildrenInput, scope: IndicatorScope, context: EvaluationContext): IndicatorValue {
  return computeRatioIndicator({
    code: 'compulsory.migrant_children_public_share',
    numerator: input.inPublicSchools + input.inPurchasedPlaces,
    denominator: input.total,
    scope,
    context,
  });
}

/** True when a school's admissions count for the zoned-admission item: public, 城区 or 镇区, not boarding. */
export function isZonedAdmissionSchool(school: { sponsor: Sponsor; urbanRuralCode: string; isBoarding: boolean }): boolean {
  return school.sponsor === 'public' && isUrbanOrTown(school.urbanRuralCode) && !school.isBoarding;
}

/** One school's first-grade admissions. */
export interface SchoolAdmissions {
  sponsor: Sponsor;
  urbanRuralCode: string;
  isBoarding: boolean;
  /** New entrants admitted to the school of their zone (划片). */
  admittedInZone: number;
  /** All new entrants. */
  admitted: number;
}

/** Share of new entrants admitted to their zoned school over the counted schools of a stage (小学 100 %, 初中 ≥95 %). */
export function computeZonedAdmissionRate(
  schools: readonly SchoolAdmissions[],
  stage: 'primary' | 'junior',
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue {
  const counted = schools.filter(isZonedAdmissionSchool);
  return computeRatioIndicator({
    code: 'compulsory.zoned_admission_rate',
    numerator: counted.reduce((s, x) => s + x.admittedInZone, 0),
    denominator: counted.reduce((s, x) => s + x.admitted, 0),
    scope: { ...scope, stage },
    context,
  });
}

/** Music and art rooms against classes: min(rooms) ÷ ⌈classes ÷ 12⌉ (≥1 means one of each per 12 classes). */
export function computeMusicArtRooms(
  input: { classes: number; musicRooms: number; artRooms: number },
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue {
  return computeRatioIndicator({
    code: 'balanced.music_art_rooms_per_12_classes',
    numerator: Math.min(input.musicRooms, input.artRooms),
    denominator: Math.ceil(input.classes / 12),
    scope,
    context,
    warnings: ['专用教室面积（音乐≥96m²、美术≥90m²）须现场核实'],
  });
}
