/**
 * Typed SQL helpers that compute indicator inputs in the database for speed (conventions rule 7). Each
 * is generated from the domain's own constants and mirrors one domain function; the agreement tests in
 * modules/indicators/sql-agreement.db.test.ts prove both give the same answers.
 *
 *   gradeStage('y.grade')                      ↔ findGrade(code).stage
 *   typeGradeStages('tgs')                     ↔ the stage part a grade row belongs to (no row: outside the type)
 *   classSizeColumns('y')                      ↔ classifyClassSize / summariseClassSizes on per-grade averages
 *   kindergartenWithinLimit('y')               ↔ computeKindergartenClassCompliance with KINDERGARTEN_CLASS_LIMITS
 *   teacherCountColumns('t', 'bb', 'ft')       ↔ the per-teacher tests of countTeachersByStagePart
 *   isBackboneOn('t.id', asOf)                 ↔ isBackboneCountyOrAboveOn with backboneValidUntil()
 *   placedTeachers(asOf, yearEnd)              where each teacher counts in a school year (tested against the records)
 */
import {
  BACKBONE_LEVEL,
  BACKBONE_TERM_YEARS,
  CERTIFICATE,
  EDUCATION,
  GRADES,
  KINDERGARTEN_CLASS_LIMITS,
  PE_ART_SUBJECTS,
  REQUIRED_EDUCATION,
  SCHOOL_TYPES,
  STAGES,
  educationRank,
  holdsCertificateFor,
  isCountyOrAbove,
  type CertificateRule,
  type Education,
  type Stage,
} from '@zhiping/domain';
import { sql, type RawBuilder } from 'kysely';

const lit = (s: string) => sql.lit(s);
const list = (values: readonly string[]) => (values.length ? sql.join(values.map(lit)) : sql`NULL`);

/**
 * The stage of a grade code:
 * `CASE y.grade WHEN 'K0' THEN 'preschool' … WHEN 'V3' THEN 'vocational' END`.
 */
export function gradeStage(gradeColumn: string): RawBuilder<Stage | null> {
  const whens = GRADES.map((g) => sql`WHEN ${lit(g.code)} THEN ${lit(g.stage)}`);
  return sql<Stage | null>`(CASE ${sql.ref(gradeColumn)} ${sql.join(whens, sql` `)} END)`;
}

/** Type codes of special-education schools, whose grade rows (P1…J3) all belong to their 'special' part. */
export const SPECIAL_TYPE_CODES = SCHOOL_TYPES.filter((t) => t.stages.length === 1 && t.stages[0] === 'special').map((t) => t.code);

/** The stage part of each (school type, grade) pair that belongs to one: the grade's own stage, or 'special' for every grade of a special school. */
export const TYPE_GRADE_STAGES: readonly [string, string, Stage][] = SCHOOL_TYPES.flatMap((t) =>
  GRADES.flatMap((g): [string, string, Stage][] => {
    if (SPECIAL_TYPE_CODES.includes(t.code)) return [[t.code, g.code, 'special']];
    return t.stages.includes(g.stage) ? [[t.code, g.code, g.stage]] : [];
  }),
);

/**
 * The (type, grade) → stage part table as a FROM item to LEFT JOIN on type and grade; no row (stage NULL)
 * means the grade lies outside the school's type:
 * `(VALUES ('111', 'K0', 'preschool'), …, ('511', 'P1', 'special'), …) AS alias(type_code, grade, stage)`.
 */
export function typeGradeStages(alias: string): RawBuilder<{ type_code: string; grade: string; stage: Stage }> {
  return sql`(VALUES ${sql.join(TYPE_GRADE_STAGES.map(([t, g, s]) => sql`(${lit(t)}, ${lit(g)}, ${lit(s)})`))}) AS ${sql.raw(alias)}(type_code, grade, stage)`;
}

/** Lower bounds of the class-size bands of classifyClassSize (大班额 56–65, 超大班额 ≥66). */
export const CLASS_SIZE_BAND_FLOORS = { large: 56, superLarge: 66 } as const;

/**
 * Class-size aggregates over grade rows, every class of a grade taken at the grade's average size:
 * `max(y.students::numeric / nullif(y.classes, 0)) AS max_class_size`,
 * `sum(y.classes) FILTER (WHERE y.students >= 56 * y.classes AND y.students < 66 * y.classes) AS large_classes`,
 * `sum(y.classes) FILTER (WHERE y.students >= 66 * y.classes) AS super_large_classes`.
 */
export function classSizeColumns(alias: string) {
  const s = sql.ref(`${alias}.students`);
  const c = sql.ref(`${alias}.classes`);
  const { large, superLarge } = CLASS_SIZE_BAND_FLOORS;
  return {
    // Double division, as the domain divides (students ÷ classes in JavaScript): the same value to the last
    // bit, and far cheaper than numeric division on every grade row.
    maxClassSize: sql<number | null>`max(${s}::float8 / nullif(${c}, 0))`,
    largeClasses: sql<number>`coalesce(sum(${c}) FILTER (WHERE ${c} > 0 AND ${s} >= ${sql.lit(large)} * ${c} AND ${s} < ${sql.lit(superLarge)} * ${c}), 0)`,
    superLargeClasses: sql<number>`coalesce(sum(${c}) FILTER (WHERE ${c} > 0 AND ${s} >= ${sql.lit(superLarge)} * ${c}), 0)`,
  };
}

/**
 * Kindergarten classes within their norm, each class at its grade's average:
 * `sum(y.classes) FILTER (WHERE y.students <= CASE y.grade WHEN 'K0' THEN 20 … END * y.classes)`.
 */
export function kindergartenWithinLimit(alias: string): RawBuilder<number> {
  const kinds = ['K0', 'K1', 'K2', 'K3'] as const;
  const limit = sql`CASE ${sql.ref(`${alias}.grade`)} ${sql.join(
    kinds.map((k) => sql`WHEN ${lit(k)} THEN ${sql.lit(KINDERGARTEN_CLASS_LIMITS[k])}`),
    sql` `,
  )} END`;
  return sql<number>`coalesce(sum(${sql.ref(`${alias}.classes`)}) FILTER (WHERE ${sql.ref(`${alias}.students`)} <= ${limit} * ${sql.ref(`${alias}.classes`)}), 0)`;
}

/** Education levels strictly above a statutory minimum. */
function educationAbove(level: Education): string[] {
  return EDUCATION.values.filter((e) => educationRank(e) > educationRank(level));
}

/** The distinct statutory minimum diplomas, each naming a column `above_<level>`. */
export const REQUIRED_LEVELS: readonly Education[] = [...new Set(Object.values(REQUIRED_EDUCATION))];

/** Column of teachers above the statutory diploma of a stage. */
export function aboveColumnOf(stage: Stage): string {
  return `above_${REQUIRED_EDUCATION[stage]}`;
}

/** The certificates that count for a stage under a rule. */
function certificatesFor(stage: Stage, rule: CertificateRule): string[] {
  return CERTIFICATE.values.filter((c) => holdsCertificateFor(c, stage, rule));
}

/**
 * Column of teachers whose certificate counts for a stage. Stages whose certificate lists are equal share
 * one column (under the rule 'any' every stage counts the same certificates): `certified_<first such stage>`.
 */
export function certifiedColumnOf(stage: Stage, rule: CertificateRule = 'any'): string {
  const key = certificatesFor(stage, rule).join(',');
  const first = STAGES.find((s) => certificatesFor(s, rule).join(',') === key)!;
  return `certified_${first}`;
}

/** Recognition levels that count as 县级以上. */
export const COUNTY_OR_ABOVE_LEVELS = BACKBONE_LEVEL.values.filter(isCountyOrAbove);

/** The condition on a recognition row `r` of being 区级+ and valid on asOf (an open end is issued + 3 years). */
function recognitionValidOn(asOf: string | RawBuilder<unknown>): RawBuilder<boolean> {
  const d = typeof asOf === 'string' ? sql`${asOf}::date` : asOf;
  return sql<boolean>`r.level IN (${list(COUNTY_OR_ABOVE_LEVELS)}) AND r.issued_on <= ${d}
    AND coalesce(r.valid_until, (r.issued_on + ${sql.lit(`${BACKBONE_TERM_YEARS} years`)}::interval)::date) >= ${d}`;
}

/**
 * True when the teacher holds a 区级+ recognition valid on asOf (a date string or a date expression):
 * `EXISTS (SELECT 1 FROM teacher_recognition r WHERE r.teacher_id = t.id AND r.level IN ('district',…)
 *   AND r.issued_on <= $asOf AND coalesce(r.valid_until, (r.issued_on + interval '3 years')::date) >= $asOf)`.
 */
export function isBackboneOn(teacherIdColumn: string, asOf: string | RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT 1 FROM teacher_recognition r WHERE r.teacher_id = ${sql.ref(teacherIdColumn)} AND ${recognitionValidOn(asOf)})`;
}

/** The teachers holding a valid 区级+ recognition on asOf, as a set to join: `(SELECT DISTINCT r.teacher_id FROM teacher_recognition r WHERE …)`. */
export function backboneTeachersOn(asOf: string, slice?: TeacherSlice): RawBuilder<{ teacher_id: number }> {
  return sql<{
    teacher_id: number;
  }>`(SELECT DISTINCT r.teacher_id FROM teacher_recognition r WHERE ${recognitionValidOn(asOf)} ${inSlice('r.teacher_id', slice)})`;
}

/**
 * Each school's attributes on a date: the version in force, else the one nearest in time (a school opened
 * later or closed earlier still gets its name and type):
 * `(SELECT DISTINCT ON (v.school_id) v.* FROM school_version v ORDER BY v.school_id, <in force> DESC, <days away> ASC)`.
 */
export function schoolVersionsOn(asOf: string): RawBuilder<{
  school_id: number;
  type_code: string;
  sponsor: 'public' | 'private';
  is_inclusive: boolean;
  urban_rural_code: string;
  street_id: number | null;
  name: string;
}> {
  const d = sql`${asOf}::date`;
  return sql`(SELECT DISTINCT ON (v.school_id) v.school_id, v.name, v.type_code, v.sponsor, v.is_inclusive, v.urban_rural_code, v.street_id
    FROM school_version v
    ORDER BY v.school_id, (v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to > ${d})) DESC,
      CASE WHEN v.valid_from > ${d} THEN v.valid_from - ${d} ELSE ${d} - coalesce(v.valid_to, v.valid_from) END ASC)`;
}

/** The teacher columns placedTeachers carries. */
export interface PlacedTeacherRow {
  teacher_id: number;
  school_id: number;
  /** First day of the placement (its assignment). */
  valid_from: string;
  post: string;
  is_full_time: boolean;
  teaching_stage: string | null;
  subject: string | null;
  education: string;
  certificate: string;
}

/**
 * Where each teacher counts in a school year, with their attributes: among the 'full' assignments that
 * overlap the school year from the statistics date on, the one in force on that date (the latest-starting
 * when several are), else the first that began during the school year (a teacher first recorded after
 * the statistics date). A teacher without any 'full' assignment counts at teacher.school_id. An inactive
 * teacher counts only through a closed assignment (history). The best candidate of each teacher is the
 * first in one sort of the candidates (DISTINCT ON; measured faster at province scale than an anti-join
 * of the candidates against themselves, which hashes every assignment and probes it again):
 * `(SELECT t.id AS teacher_id, coalesce(p.school_id, t.school_id) AS school_id, … FROM teacher t
 *    LEFT JOIN (SELECT DISTINCT ON (a.teacher_id) … FROM teacher_assignment a WHERE <candidate>
 *               ORDER BY a.teacher_id, <in force on the date> DESC, <days from the date>, a.id DESC) p ON p.teacher_id = t.id
 *    WHERE <placed through p, or without any assignment>)`.
 */
export function placedTeachers(asOf: string, yearEnd: string, slice?: TeacherSlice): RawBuilder<PlacedTeacherRow> {
  const d = sql`${asOf}::date`;
  // In force on the date beats starting later; then the start nearest the date; then the newer row.
  return sql`(SELECT t.id AS teacher_id, coalesce(p.school_id, t.school_id) AS school_id, coalesce(p.valid_from, t.joined_school_on, ${d}) AS valid_from,
      t.post, t.is_full_time, t.teaching_stage, t.subject, t.education, t.certificate
    FROM teacher t
    LEFT JOIN (SELECT DISTINCT ON (a.teacher_id) a.teacher_id, a.school_id, a.valid_from, a.valid_to FROM teacher_assignment a
               WHERE a.kind = 'full' AND a.valid_from <= ${yearEnd}::date AND (a.valid_to IS NULL OR a.valid_to >= ${d}) ${inSlice('a.teacher_id', slice)}
               ORDER BY a.teacher_id, (a.valid_from <= ${d}) DESC, abs(a.valid_from - ${d}), a.id DESC) p
      ON p.teacher_id = t.id
    WHERE CASE WHEN p.teacher_id IS NOT NULL THEN t.is_active OR p.valid_to IS NOT NULL
               ELSE t.is_active AND t.school_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM teacher_assignment x WHERE x.teacher_id = t.id AND x.kind = 'full') END
      ${inSlice('t.id', slice)})`;
}

/** One of `count` disjoint slices of the teachers (teacher id modulo count = index), so a scan can be split across connections. */
export interface TeacherSlice {
  count: number;
  index: number;
}

/** `AND <teacher id column> % count = index` for a slice; nothing without one. */
function inSlice(teacherIdColumn: string, slice: TeacherSlice | undefined): RawBuilder<unknown> {
  return slice ? sql`AND ${sql.ref(teacherIdColumn)} % ${sql.lit(slice.count)} = ${sql.lit(slice.index)}` : sql``;
}

/** Options of the teacher count columns (the same as countTeachersByStagePart's). */
export interface TeacherColumnOptions {
  certificateRule?: CertificateRule;
  /** Count 校级领导 with a valid recognition as 骨干 (default true). */
  backboneCountsLeaders?: boolean;
}

/**
 * Aggregates of one bucket of teachers (t) whose backbone flag is the boolean column `backboneColumn` and
 * whose 专任教师 flag (post 'teacher', full time) is the boolean column `fullTimeColumn`, computed once per
 * row by the caller:
 * `count(*) FILTER (WHERE t.ft) AS full_time`,
 * `… FILTER (WHERE t.ft AND t.education IN ('associate',…)) AS above_secondary_normal` (one per required level),
 * `… FILTER (WHERE t.ft AND t.subject IN ('体育',…)) AS pe_art`,
 * `… FILTER (WHERE t.ft AND t.certificate IN (…)) AS certified_<stage>` (one per distinct certificate list, see certifiedColumnOf),
 * `… FILTER (WHERE bb AND (t.ft OR t.post = 'leader')) AS backbone`.
 */
export function teacherCountColumns(
  alias: string,
  backboneColumn: string,
  fullTimeColumn: string,
  options: TeacherColumnOptions = {},
): Record<string, RawBuilder<number>> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const fullTime = sql.ref(fullTimeColumn);
  const count = (where: RawBuilder<unknown>) => sql<number>`count(*) FILTER (WHERE ${where})`;
  const counted = options.backboneCountsLeaders === false ? fullTime : sql`(${fullTime} OR ${col('post')} = 'leader')`;
  const columns: Record<string, RawBuilder<number>> = {
    full_time: count(sql`${fullTime}`),
    // People who count for anything (专任教师, and 骨干 leaders): the domain's "teachers outside the schools" warning counts these.
    counted: count(sql`${fullTime} OR (${sql.ref(backboneColumn)} AND ${counted})`),
  };
  for (const level of REQUIRED_LEVELS)
    columns[`above_${level}`] = count(sql`${fullTime} AND ${col('education')} IN (${list(educationAbove(level))})`);
  columns.pe_art = count(sql`${fullTime} AND ${col('subject')} IN (${list(PE_ART_SUBJECTS)})`);
  const rule = options.certificateRule ?? 'any';
  for (const stage of STAGES) {
    const name = certifiedColumnOf(stage, rule);
    if (!(name in columns)) columns[name] = count(sql`${fullTime} AND ${col('certificate')} IN (${list(certificatesFor(stage, rule))})`);
  }
  columns.backbone = count(sql`${sql.ref(backboneColumn)} AND ${counted}`);
  return columns;
}

/** One bucket as the database returns it: teachers of one school with one raw 任教学段 (null included). */
export type TeacherBucketRow = { school_id: number; teaching_stage: string | null } & Record<string, number | string | null>;
