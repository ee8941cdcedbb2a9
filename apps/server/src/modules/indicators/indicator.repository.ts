/**
 * The set-based queries one school year's indicators are loaded with: schools as they stood, grade rows
 * summed per stage part, conditions, teacher buckets, cohort cells, population, memberships, rotation,
 * and a fingerprint of all of it read from the data-change log. A few statements per year, whatever the
 * number of schools.
 */
import { DEFAULT_ROTATION_RULES } from '@zhiping/domain';
import { sql, type Kysely } from 'kysely';
import {
  backboneTeachersOn,
  classSizeColumns,
  isBackboneOn,
  kindergartenWithinLimit,
  placedTeachers,
  schoolVersionsOn,
  teacherCountColumns,
  typeGradeStages,
  type TeacherBucketRow,
  type TeacherColumnOptions,
  type TeacherSlice,
} from '../../db/expressions/indicators.ts';
import type { DB } from '../../db/schema.ts';

/**
 * School years with grade rows, newest first. A loose index scan on school_year_stat_year (one index
 * probe per year, not a scan of every grade row): every dashboard request asks this first.
 */
export async function findYearsWithStats(db: Kysely<DB>): Promise<number[]> {
  const r = await sql<{ y: number }>`WITH RECURSIVE years(y) AS (
      SELECT max(school_year) FROM school_year_stat
      UNION ALL SELECT (SELECT max(s.school_year) FROM school_year_stat s WHERE s.school_year < years.y) FROM years WHERE years.y IS NOT NULL)
    SELECT y FROM years WHERE y IS NOT NULL`.execute(db);
  return r.rows.map((x) => x.y);
}

/** The district's GB/T 2260 code (population rows carry it). */
export async function findDistrictRegionCode(db: Kysely<DB>): Promise<string | null> {
  const d = await db.selectFrom('org_unit').select(['code', 'region_code']).where('kind', '=', 'district').orderBy('id').executeTakeFirst();
  return d ? (d.region_code ?? d.code) : null;
}

/**
 * Tables every year's indicators read as a whole. Each is logged in data_change by triggers (migration
 * 20261123000000_data_change_log), with 'training_credit' and the yearly tables.
 */
const SHARED_TABLES = [
  'school',
  'school_version',
  'org_unit',
  'teacher',
  'teacher_assignment',
  'teacher_recognition',
  'school_group',
  'school_group_member',
  'indicator_threshold',
  'data_quality_rule',
  'training_rule',
  'training_credit',
  'rotation_rule_set',
];
/** Yearly tables, with the years (relative to the computed one) a year's indicators read. */
const YEARLY_TABLES: [table: string, yearColumn: string, from: number, to: number][] = [
  ['school_year_stat', 'school_year', -9, 0],
  ['school_condition', 'school_year', -1, 0],
  ['population', 'year', 0, 0],
];

/** A (table, year) key of the data-change log with more than COMPACT_ABOVE rows, and the largest id read. */
export interface DataChangeKey {
  table: string;
  year: number | null;
  maxId: string;
}

/** Log rows of one key above which findDataState's callers compact the key (compactDataChanges). */
export const COMPACT_ABOVE = 200;

/** Rows of one base table now, and the planner's estimate of them (pg_class.reltuples; −1: never analysed). */
export interface TableCount {
  name: string;
  rows: number;
  estimate: number;
}

/** Fingerprints of some years and the row counts of the base tables, read in one statement. */
export interface DataState {
  fingerprints: Map<number, string>;
  /** The planner-statistics tables (BASE_TABLES of planner-statistics.service.ts) with their counts. */
  tables: TableCount[];
  /** Log keys to compact (see compactDataChanges); empty almost always. */
  oversized: DataChangeKey[];
  /** Version of each shared table ('count.maxId' of its log rows): partial results keyed by the tables they read. */
  versions: Map<string, string>;
}

/**
 * Fingerprints of every row the indicators of some years read, and the row counts of the base tables,
 * from the data-change log alone (no base table is scanned): triggers append one row per write statement
 * and table (per affected year for the yearly tables) carrying the change of the row count, so
 * `SELECT table_name, year, count(*), max(id), sum(row_delta) FROM data_change GROUP BY 1, 2` gives each
 * key's version — (count, max id): a transaction that took a lower id but committed later still raises
 * the count, a compaction always raises max id — and its row count. A year's fingerprint is the shared
 * tables' versions and the yearly tables' versions of the years it reads; the planner-statistics check
 * compares the row counts with pg_class.reltuples, read in the same statement.
 */
export async function findDataState(db: Kysely<DB>, years: readonly number[], statisticsTables: readonly string[]): Promise<DataState> {
  const rows = (
    await sql<{ k: string; t: string; y: number | null; n: string; x: string; r: string }>`
      SELECT 'log' AS k, table_name AS t, year AS y, count(*)::text AS n, max(id)::text AS x, sum(row_delta)::text AS r
      FROM data_change GROUP BY table_name, year
      ${
        statisticsTables.length
          ? sql`UNION ALL SELECT 'estimate', c.relname::text, NULL, c.reltuples::text, '', '' FROM pg_class c
              WHERE c.oid IN (${sql.join(statisticsTables.map((t) => sql`${t}::regclass`))})`
          : sql``
      }`.execute(db)
  ).rows;
  const logged = rows.filter((r) => r.k === 'log');
  const versions = new Map(
    SHARED_TABLES.map((t) => {
      const r = logged.find((x) => x.t === t && x.y === null);
      return [t, `${r?.n ?? 0}.${r?.x ?? 0}`];
    }),
  );
  const shared = SHARED_TABLES.map((t) => versions.get(t)!).join('|');
  const fingerprints = new Map(
    years.map((year) => {
      const yearly = YEARLY_TABLES.flatMap(([t, , from, to]) =>
        logged
          .filter((r) => r.t === t && r.y !== null && r.y >= year + from && r.y <= year + to)
          .sort((a, b) => a.y! - b.y!)
          .map((r) => `${t}@${r.y}:${r.n}.${r.x}`),
      );
      return [year, `${shared}|${yearly.join(',')}`];
    }),
  );
  const tables = statisticsTables.map((name) => ({
    name,
    rows: logged.filter((r) => r.t === name).reduce((n, r) => n + Number(r.r), 0),
    estimate: Number(rows.find((r) => r.k === 'estimate' && r.t === name)?.n ?? -1),
  }));
  const oversized = logged.filter((r) => Number(r.n) > COMPACT_ABOVE).map((r) => ({ table: r.t, year: r.y, maxId: r.x }));
  return { fingerprints, tables, oversized, versions };
}

/**
 * Compacts keys of the data-change log: the rows of each key up to the largest id read are replaced by
 * one row carrying their summed delta, one statement (its own transaction) per key. Concurrent
 * compactions of a key cannot lose or double a delta: each inserts the sum of exactly the rows it
 * deleted (a row deleted by the other is skipped), and nothing when it deleted none. Writers only
 * insert, so they never wait for a compaction. Must not run inside a caller's transaction.
 */
export async function compactDataChanges(db: Kysely<DB>, keys: readonly DataChangeKey[]): Promise<void> {
  for (const k of keys) {
    await sql`WITH d AS (
        DELETE FROM data_change WHERE table_name = ${k.table} AND year IS NOT DISTINCT FROM ${k.year}::int AND id <= ${k.maxId}::bigint
        RETURNING row_delta)
      INSERT INTO data_change (table_name, year, row_delta) SELECT ${k.table}, ${k.year}::int, sum(row_delta) FROM d HAVING count(*) > 0`.execute(
      db,
    );
  }
}

/** Every school with the version in force on asOf (street name included). */
export function findSchoolsOn(db: Kysely<DB>, asOf: string) {
  return sql<{
    id: number;
    code: string;
    name: string;
    type_code: string;
    sponsor: 'public' | 'private';
    is_inclusive: boolean;
    urban_rural_code: string;
    street_id: number | null;
    street_name: string | null;
  }>`SELECT s.id, s.code, v.name, v.type_code, v.sponsor, v.is_inclusive, v.urban_rural_code, v.street_id, st.name AS street_name
    FROM school s JOIN ${schoolVersionsOn(asOf)} v ON v.school_id = s.id LEFT JOIN org_unit st ON st.id = v.street_id
    ORDER BY s.code`
    .execute(db)
    .then((r) => r.rows);
}

/** Grade rows of the year summed per school and stage part (stage NULL: grades outside the school's type). */
export function findStagePartStats(db: Kysely<DB>, year: number, asOf: string) {
  const cs = classSizeColumns('y');
  return sql<{
    school_id: number;
    stage: string | null;
    students: number;
    classes: number;
    girls: number;
    migrant_children: number;
    disabled_students: number;
    max_class_size: number | null;
    large_classes: number;
    super_large_classes: number;
    kg_within: number;
  }>`SELECT y.school_id, tgs.stage,
      sum(y.students)::int AS students, sum(y.classes)::int AS classes, sum(y.girls)::int AS girls,
      sum(y.migrant_children)::int AS migrant_children, sum(y.disabled_students)::int AS disabled_students,
      ${cs.maxClassSize}::float8 AS max_class_size, ${cs.largeClasses}::int AS large_classes, ${cs.superLargeClasses}::int AS super_large_classes,
      ${kindergartenWithinLimit('y')}::int AS kg_within
    FROM school_year_stat y JOIN ${schoolVersionsOn(asOf)} v ON v.school_id = y.school_id
    LEFT JOIN ${typeGradeStages('tgs')} ON tgs.type_code = v.type_code AND tgs.grade = y.grade
    WHERE y.school_year = ${year}
    GROUP BY 1, 2`
    .execute(db)
    .then((r) => r.rows);
}

/** 办学条件 of the year. */
export function findConditions(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('school_condition')
    .select([
      'school_id',
      'teaching_area',
      'gym_area',
      'sports_ground_area',
      'equipment_value',
      'multimedia_rooms',
      'music_rooms',
      'art_rooms',
    ])
    .where('school_year', '=', year)
    .execute();
}

/**
 * Teachers placed in the school year, counted per school and raw 任教学段 (see teacherCountColumns), with
 * `rotation_due`: 专任教师 of 小学/初中 who had served at least `eligibleYears` (the 应交流年限 of the rotation
 * rule set in force) at the school on the statistics date.
 */
export function findTeacherBuckets(
  db: Kysely<DB>,
  asOf: string,
  yearEnd: string,
  options: TeacherColumnOptions = {},
  /** Only the teachers of one slice (the slices' buckets add up to the whole). */
  slice?: TeacherSlice,
  /** Years at the school after which a 专任教师 is due for rotation (the rule set's 应交流年限). */
  eligibleYears: number = DEFAULT_ROTATION_RULES.eligibleYears,
): Promise<(TeacherBucketRow & { rotation_due: number })[]> {
  if (!Number.isInteger(eligibleYears) || eligibleYears < 1)
    throw new RangeError(`eligibleYears must be a positive integer, got ${eligibleYears}`);
  const columns = Object.entries(teacherCountColumns('p', 'bb', 'ft', options)).map(
    ([name, expr]) => sql`${expr}::int AS ${sql.ref(name)}`,
  );
  return sql<TeacherBucketRow & { rotation_due: number }>`SELECT p.school_id, p.teaching_stage, ${sql.join(columns)},
      count(*) FILTER (WHERE ft AND p.teaching_stage IN ('primary', 'junior')
        AND p.valid_from <= (${asOf}::date - ${sql.lit(`${eligibleYears} years`)}::interval)::date)::int AS rotation_due
    FROM (SELECT p.*, (b.teacher_id IS NOT NULL) AS bb, (p.post = 'teacher' AND p.is_full_time) AS ft
          FROM ${placedTeachers(asOf, yearEnd, slice)} p LEFT JOIN ${backboneTeachersOn(asOf, slice)} b ON b.teacher_id = p.teacher_id) p
    GROUP BY p.school_id, p.teaching_stage`
    .execute(db)
    .then((r) => r.rows);
}

/** Per school, the rows of the cohort that graduates from 初中 at the end of `year`. */
export function findJuniorCohortRows(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('school_year_stat')
    .select(['school_id', 'school_year', 'grade', 'students', 'graduates', 'transfers_in', 'transfers_out'])
    .where((eb) =>
      eb.or([
        eb.and([eb('school_year', '=', year - 2), eb('grade', '=', 'J1')]),
        eb.and([eb('school_year', '=', year - 1), eb('grade', '=', 'J2')]),
        eb.and([eb('school_year', '=', year), eb('grade', '=', 'J3')]),
      ]),
    )
    .execute();
}

/** The cells (year − 8 + k, k-th compulsory grade) of the cohort in grade 9 in `year`, summed by street and sponsor as of asOf. */
export function findNineYearCells(db: Kysely<DB>, year: number, asOf: string, grades: readonly string[]) {
  const cells = grades.map((g, k) => sql`(${year - grades.length + 1 + k}::int, ${g}::text)`);
  return sql<{
    street_id: number | null;
    sponsor: 'public' | 'private';
    school_year: number;
    grade: string;
    students: number;
    graduates: number;
    transfers_in: number;
    transfers_out: number;
  }>`
    SELECT v.street_id, v.sponsor, y.school_year, y.grade, sum(y.students)::int AS students, sum(y.graduates)::int AS graduates,
      sum(y.transfers_in)::int AS transfers_in, sum(y.transfers_out)::int AS transfers_out
    FROM school_year_stat y JOIN ${schoolVersionsOn(asOf)} v ON v.school_id = y.school_id
    WHERE (y.school_year, y.grade) IN (VALUES ${sql.join(cells)})
    GROUP BY 1, 2, 3, 4`
    .execute(db)
    .then((r) => r.rows);
}

/** Population rows of the district in a year (every age and basis). */
export function findPopulation(db: Kysely<DB>, regionCode: string, year: number) {
  return db
    .selectFrom('population')
    .select(['age', 'count', 'basis', 'source'])
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .execute();
}

/** Every membership of groups, 教共体 and 学区 (dated; the domain picks those in force). */
export function findMemberships(db: Kysely<DB>) {
  return db
    .selectFrom('school_group_member as m')
    .innerJoin('school_group as g', 'g.id', 'm.group_id')
    .select(['m.school_id', 'g.kind', 'g.id as group_id', 'm.valid_from', 'm.valid_to'])
    .where('g.kind', 'in', ['education_group', 'community', 'school_district'])
    .execute();
}

/** How a full (编制-moving) assignment is marked as 交流轮岗: the rotation module writes this word into its reason. */
export const ROTATION_REASON_MARK = '交流轮岗';

/**
 * Per sending school: teachers who began a 交流轮岗 during the school year, and the 骨干 among them. A rotation is
 * a 'partial' assignment (编制 stays at the home school, which sends) or a 'full' one whose reason carries
 * {@link ROTATION_REASON_MARK} (the school of the teacher's previous assignment sends).
 */
export function findRotations(db: Kysely<DB>, asOf: string, yearEnd: string) {
  return sql<{ school_id: number; rotated: number; rotated_backbone: number }>`
    SELECT coalesce(a.home_school_id, prev.school_id, t.school_id) AS school_id, count(DISTINCT a.teacher_id)::int AS rotated,
      count(DISTINCT a.teacher_id) FILTER (WHERE ${isBackboneOn('a.teacher_id', sql`a.valid_from`)})::int AS rotated_backbone
    FROM teacher_assignment a JOIN teacher t ON t.id = a.teacher_id
    LEFT JOIN LATERAL (
      SELECT p.school_id FROM teacher_assignment p
      WHERE p.teacher_id = a.teacher_id AND p.id <> a.id AND p.kind = 'full' AND p.valid_from < a.valid_from
      ORDER BY p.valid_from DESC LIMIT 1
    ) prev ON a.kind = 'full'
    WHERE (a.kind = 'partial' OR a.reason LIKE ${`%${ROTATION_REASON_MARK}%`})
      AND a.valid_from BETWEEN ${asOf}::date AND ${yearEnd}::date
    GROUP BY 1`
    .execute(db)
    .then((r) => r.rows.filter((x) => x.school_id !== null));
}
