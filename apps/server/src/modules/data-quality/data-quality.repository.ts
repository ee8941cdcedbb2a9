/**
 * SQL of data quality: the rules table, the row source of each target (one row per grade row, school,
 * conditions row or teacher, with the fields rules may use), and the evaluation of every enabled rule
 * in one statement: `WITH grade AS (…), school AS (…), … SELECT … FROM grade f WHERE <when> AND NOT
 * coalesce(<left op right>, true) UNION ALL …`, filtered, counted and paged in SQL.
 */
import { GRADES } from '@zhiping/domain';
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import { schoolStageOfGrade, schoolVersionsOn, teacherPlacements } from '../../db/expressions/indicators.ts';
import { schoolInScope } from '../../db/expressions/scope.ts';
import type { DB } from '../../db/schema.ts';
import type { DataScope } from '../../platform/access.ts';
import { compileComparison, compileExpression, parseExpression, type RuleOperator, type RuleTarget } from './rule-expression.ts';

export type RuleRow = Selectable<DB['data_quality_rule']>;

/** Every rule in display order. */
export function findRules(db: Kysely<DB>): Promise<RuleRow[]> {
  return db.selectFrom('data_quality_rule').selectAll().orderBy('sort_order').orderBy('code').execute();
}

/** One rule. */
export function findRule(db: Kysely<DB>, code: string): Promise<RuleRow | undefined> {
  return db.selectFrom('data_quality_rule').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Inserts a rule. */
export async function insertRule(db: Kysely<DB>, row: Insertable<DB['data_quality_rule']>): Promise<void> {
  await db.insertInto('data_quality_rule').values(row).execute();
}

/** Updates a rule. */
export async function updateRule(db: Kysely<DB>, code: string, row: Updateable<DB['data_quality_rule']>): Promise<void> {
  await db.updateTable('data_quality_rule').set(row).where('code', '=', code).execute();
}

const GRADE_LABEL = sql`CASE y.grade ${sql.join(
  GRADES.map((g) => sql`WHEN ${sql.lit(g.code)} THEN ${sql.lit(g.label)}`),
  sql` `,
)} ELSE y.grade END`;

/** The row sources of the four targets for a school year (teachers: the placements of that year). */
function targetSources(year: number): Record<RuleTarget, RawBuilder<unknown>> {
  const asOf = `${year}-09-01`;
  const yearEnd = `${year + 1}-08-31`;
  return {
    grade: sql`SELECT y.school_id, ${GRADE_LABEL} AS entity, y.grade AS sort_key, y.students, y.girls, y.classes, y.new_entrants, y.graduates,
        y.transfers_in, y.transfers_out, y.migrant_children, y.disabled_students
      FROM school_year_stat y WHERE y.school_year = ${year}`,
    school: sql`SELECT g.school_id, '全校' AS entity, '' AS sort_key, g.students, g.stage_students, p.students AS prev_students, g.girls, g.classes,
        (c.school_id IS NOT NULL)::int AS has_condition, coalesce(ft.n, 0) AS full_time_teachers
      FROM (SELECT y.school_id, sum(y.students) AS students, sum(y.girls) AS girls, sum(y.classes) AS classes,
              coalesce(sum(y.students) FILTER (WHERE ${schoolStageOfGrade('v.type_code', 'y.grade')} IS NOT NULL), 0) AS stage_students
            FROM school_year_stat y JOIN ${schoolVersionsOn(asOf)} v ON v.school_id = y.school_id WHERE y.school_year = ${year} GROUP BY 1) g
      LEFT JOIN (SELECT school_id, sum(students) AS students FROM school_year_stat WHERE school_year = ${year - 1} GROUP BY 1) p ON p.school_id = g.school_id
      LEFT JOIN school_condition c ON c.school_id = g.school_id AND c.school_year = ${year}
      LEFT JOIN (SELECT pl.school_id, count(*) AS n FROM ${teacherPlacements(asOf, yearEnd)} pl JOIN teacher t ON t.id = pl.teacher_id
                 WHERE t.post = 'teacher' AND t.is_full_time GROUP BY 1) ft ON ft.school_id = g.school_id`,
    condition: sql`SELECT c.school_id, '办学条件' AS entity, '' AS sort_key, c.teaching_area, c.gym_area, c.sports_ground_area, c.equipment_value,
        c.multimedia_rooms, c.music_rooms, c.art_rooms, c.books, coalesce(s.students, 0) AS students, pc.teaching_area AS prev_teaching_area
      FROM school_condition c
      LEFT JOIN (SELECT school_id, sum(students) AS students FROM school_year_stat WHERE school_year = ${year} GROUP BY 1) s ON s.school_id = c.school_id
      LEFT JOIN school_condition pc ON pc.school_id = c.school_id AND pc.school_year = ${year - 1}
      WHERE c.school_year = ${year}`,
    teacher: sql`SELECT t.school_id, t.name || '（' || t.id_number_masked || '）' AS entity, t.name AS sort_key,
        (t.school_id IS NOT NULL)::int AS has_school, (sc.id IS NOT NULL AND (sc.closed_on IS NULL OR sc.closed_on > ${asOf}::date))::int AS school_open,
        count(*) OVER (PARTITION BY t.name, t.gender, t.birth_date) AS same_person_count,
        (t.post = 'teacher' AND t.is_full_time)::int AS is_full_time_teacher, (t.teaching_stage IS NOT NULL)::int AS has_teaching_stage,
        (t.subject IS NOT NULL)::int AS has_subject, extract(year FROM age(${asOf}::date, t.birth_date))::int AS age
      FROM teacher t LEFT JOIN school sc ON sc.id = t.school_id WHERE t.is_active`,
  };
}

/** Filters of an evaluation. */
export interface FailureFilter {
  schoolId?: number | undefined;
  severity?: string | undefined;
  rule?: string | undefined;
}

/**
 * The failures of the enabled rules in a year: a WITH list of the targets the rules use (each computed
 * once) and the UNION ALL of one SELECT per rule giving (rule code, school id, entity, sort key, left, right).
 */
function failuresSource(rules: readonly RuleRow[], year: number): { with: RawBuilder<unknown>; union: RawBuilder<unknown> } | null {
  const sources = targetSources(year);
  const enabled = rules.filter((x) => x.is_enabled);
  if (enabled.length === 0) return null;
  const targets = [...new Set(enabled.map((r) => r.target as RuleTarget))];
  const selects = enabled.map((r) => {
    const target = r.target as RuleTarget;
    const expr = (text: string) => compileExpression(parseExpression(text, target), 'f');
    const left = expr(r.left_expr);
    const right = expr(r.right_expr);
    const when =
      r.when_left && r.when_operator && r.when_right
        ? sql`coalesce(${compileComparison(expr(r.when_left), r.when_operator as RuleOperator, expr(r.when_right))}, false)`
        : sql`true`;
    const holds = compileComparison(left, r.operator as RuleOperator, right);
    return sql`SELECT ${r.code}::text AS rule_code, f.school_id, f.entity::text AS entity, f.sort_key::text AS sort_key,
        ${left}::float8 AS left_value, ${right}::float8 AS right_value
      FROM ${sql.table(`t_${target}`)} f WHERE ${when} AND NOT coalesce(${holds}, true)`;
  });
  return {
    with: sql`WITH ${sql.join(targets.map((t) => sql`${sql.table(`t_${t}`)} AS MATERIALIZED (${sources[t]})`))}`,
    union: sql`(${sql.join(selects, sql` UNION ALL `)})`,
  };
}

/** Failure rows as the page shows them. */
export interface FailureRow {
  rule_code: string;
  school_id: number | null;
  school_code: string | null;
  school_name: string | null;
  entity: string;
  left_value: number | null;
  right_value: number | null;
  total: number;
}

/** One page of failures within the scope, ordered by school code, rule order and entity. */
export async function findFailurePage(
  db: Kysely<DB>,
  rules: readonly RuleRow[],
  year: number,
  scope: DataScope,
  f: FailureFilter,
  page: { offset: number; limit: number },
): Promise<FailureRow[]> {
  const source = failuresSource(rules, year);
  if (!source) return [];
  const allowed = rules
    .filter((r) => (f.severity === undefined || r.severity === f.severity) && (f.rule === undefined || r.code === f.rule))
    .map((r) => r.code);
  if (allowed.length === 0) return [];
  const order = sql`CASE x.rule_code ${sql.join(
    rules.map((r, i) => sql`WHEN ${r.code} THEN ${sql.lit(i)}`),
    sql` `,
  )} END`;
  const r =
    await sql<FailureRow>`${source.with} SELECT x.rule_code, x.school_id, s.code AS school_code, v.name AS school_name, x.entity, x.left_value, x.right_value,
      count(*) OVER ()::int AS total
    FROM ${source.union} x LEFT JOIN school s ON s.id = x.school_id
    LEFT JOIN school_version v ON v.school_id = x.school_id AND v.valid_to IS NULL
    WHERE x.rule_code IN (${sql.join(allowed)}) AND ${scope.kind === 'district' ? sql`true` : sql`x.school_id IS NOT NULL AND ${schoolInScope(scope, 'x.school_id')}`}
      ${f.schoolId !== undefined ? sql`AND x.school_id = ${f.schoolId}` : sql``}
    ORDER BY s.code NULLS FIRST, ${order}, x.sort_key, x.entity
    OFFSET ${page.offset} LIMIT ${page.limit}`.execute(db);
  return r.rows;
}

/** Failure counts per school and rule within the scope. */
export async function countFailures(db: Kysely<DB>, rules: readonly RuleRow[], year: number, scope: DataScope) {
  const source = failuresSource(rules, year);
  if (!source) return [];
  const r = await sql<{ school_id: number | null; school_code: string | null; school_name: string | null; rule_code: string; n: number }>`
    ${source.with} SELECT x.school_id, s.code AS school_code, v.name AS school_name, x.rule_code, count(*)::int AS n
    FROM ${source.union} x LEFT JOIN school s ON s.id = x.school_id LEFT JOIN school_version v ON v.school_id = x.school_id AND v.valid_to IS NULL
    WHERE ${scope.kind === 'district' ? sql`true` : sql`x.school_id IS NOT NULL AND ${schoolInScope(scope, 'x.school_id')}`}
    GROUP BY 1, 2, 3, 4 ORDER BY 2 NULLS FIRST, 4`.execute(db);
  return r.rows;
}

/** The school years with grade rows, newest first. */
export async function findLatestYear(db: Kysely<DB>): Promise<number | null> {
  const r = await db
    .selectFrom('school_year_stat')
    .select((eb) => eb.fn.max('school_year').as('y'))
    .executeTakeFirst();
  return r?.y ?? null;
}
