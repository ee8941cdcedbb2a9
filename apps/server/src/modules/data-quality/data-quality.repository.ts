/**
 * SQL of data quality: the rules table, the row source of each target (one row per grade row, school,
 * conditions row or teacher, with the fields rules may use), and the evaluation of every enabled rule
 * in one statement: `WITH grade AS (…), school AS (…), … SELECT … FROM grade f WHERE <when> AND NOT
 * coalesce(<left op right>, true) UNION ALL …`, filtered, counted and paged in SQL.
 */
import { GRADES } from '@zhiping/domain';
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable, type Updateable } from 'kysely';
import { schoolVersionsOn, typeGradeStages } from '../../db/expressions/indicators.ts';
import { schoolInScope } from '../../db/expressions/scope.ts';
import type { DB } from '../../db/schema.ts';
import type { DataScope } from '../../platform/access.ts';
import {
  TARGET_FIELDS,
  compileComparison,
  compileOperand,
  parseExpression,
  type Expr,
  type RuleOperator,
  type RuleTarget,
} from './rule-expression.ts';

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

/** One target's row source: the FROM clause, its school id and entity key, and each field's expression. */
interface TargetSource {
  /** The FROM clause (only the fields the enabled rules use are selected, so unused joins are removed by the planner). */
  from: RawBuilder<unknown>;
  schoolId: string;
  /** Identifies the row within the school (grade code, teacher id); labelled only for failing rows. */
  key: string;
  fields: Record<string, string>;
}

/**
 * The row sources of the four targets for a school year (teacher rules, and a school's full-time teachers,
 * check the current roster). Only the fields the enabled rules use are selected, so an unused costly
 * join (full-time teachers) is removed by the planner and the same-person check runs only when a rule
 * uses it.
 */
function targetSources(year: number): Record<RuleTarget, TargetSource> {
  const asOf = `${year}-09-01`;
  return {
    grade: {
      from: sql`school_year_stat y WHERE y.school_year = ${year}`,
      schoolId: 'y.school_id',
      key: 'y.grade',
      fields: Object.fromEntries(TARGET_FIELDS.grade.map((f) => [f, `y.${f}`])),
    },
    school: {
      from: sql`(SELECT y.school_id, sum(y.students) AS students, sum(y.girls) AS girls, sum(y.classes) AS classes,
              coalesce(sum(y.students) FILTER (WHERE tgs.stage IS NOT NULL), 0) AS stage_students
            FROM school_year_stat y JOIN ${schoolVersionsOn(asOf)} v ON v.school_id = y.school_id
            LEFT JOIN ${typeGradeStages('tgs')} ON tgs.type_code = v.type_code AND tgs.grade = y.grade
            WHERE y.school_year = ${year} GROUP BY 1) g
      LEFT JOIN (SELECT school_id, sum(students) AS students FROM school_year_stat WHERE school_year = ${year - 1} GROUP BY 1) p ON p.school_id = g.school_id
      LEFT JOIN school_condition c ON c.school_id = g.school_id AND c.school_year = ${year}
      LEFT JOIN (SELECT school_id, count(*) AS n FROM teacher WHERE is_active AND post = 'teacher' AND is_full_time GROUP BY 1) ft ON ft.school_id = g.school_id`,
      schoolId: 'g.school_id',
      key: "''",
      fields: {
        students: 'g.students',
        stage_students: 'g.stage_students',
        prev_students: 'p.students',
        girls: 'g.girls',
        classes: 'g.classes',
        has_condition: '(c.school_id IS NOT NULL)::int',
        full_time_teachers: 'coalesce(ft.n, 0)',
      },
    },
    condition: {
      from: sql`school_condition c
      LEFT JOIN (SELECT school_id, sum(students) AS students FROM school_year_stat WHERE school_year = ${year} GROUP BY 1) s ON s.school_id = c.school_id
      LEFT JOIN school_condition pc ON pc.school_id = c.school_id AND pc.school_year = ${year - 1}
      WHERE c.school_year = ${year}`,
      schoolId: 'c.school_id',
      key: "''",
      fields: {
        ...Object.fromEntries(
          [
            'teaching_area',
            'gym_area',
            'sports_ground_area',
            'equipment_value',
            'multimedia_rooms',
            'music_rooms',
            'art_rooms',
            'books',
          ].map((f) => [f, `c.${f}`]),
        ),
        students: 'coalesce(s.students, 0)',
        prev_teaching_area: 'pc.teaching_area',
      },
    },
    teacher: {
      from: sql`teacher t LEFT JOIN school sc ON sc.id = t.school_id WHERE t.is_active`,
      schoolId: 't.school_id',
      key: 't.id::text',
      fields: {
        has_school: '(t.school_id IS NOT NULL)::int',
        school_open: `(sc.id IS NOT NULL AND (sc.closed_on IS NULL OR sc.closed_on > DATE '${asOf}'))::int`,
        // Active teachers with this one's name, gender and birth date. The keys shared by more than one
        // are grouped in the order of the partial index teacher_same_person (the ordered subquery makes
        // PostgreSQL read the index and group without hashing or sorting 400,000 keys; PGlite sorts) and
        // probed as a hashed set; only their members are counted.
        same_person_count: `CASE WHEN (t.birth_date, t.name, t.gender) IN (SELECT k.birth_date, k.name, k.gender FROM (
            SELECT birth_date, name, gender FROM teacher WHERE is_active ORDER BY 1, 2, 3 OFFSET 0) k
            GROUP BY 1, 2, 3 HAVING count(*) > 1)
          THEN (SELECT count(*) FROM teacher u WHERE u.is_active AND u.birth_date = t.birth_date AND u.name = t.name AND u.gender = t.gender)
          ELSE 1 END`,
        is_full_time_teacher: "(t.post = 'teacher' AND t.is_full_time)::int",
        has_teaching_stage: '(t.teaching_stage IS NOT NULL)::int',
        has_subject: '(t.subject IS NOT NULL)::int',
        age: `extract(year FROM age(DATE '${asOf}', t.birth_date))::int`,
      },
    },
  };
}

/** Field names an expression uses. */
function fieldsOf(e: Expr): string[] {
  switch (e.kind) {
    case 'number':
      return [];
    case 'field':
      return [e.name];
    case 'abs':
    case 'neg':
      return fieldsOf(e.arg);
    case 'binary':
      return [...fieldsOf(e.left), ...fieldsOf(e.right)];
  }
}

/** Filters of an evaluation. */
export interface FailureFilter {
  schoolId?: number | undefined;
  severity?: string | undefined;
  rule?: string | undefined;
}

/**
 * The failures of the enabled rules in a year: per target one scan of its rows (with only the fields the
 * rules use) judging every rule through LATERAL VALUES, all targets in a UNION ALL giving (target, school
 * id, entity key, rule code, left, right).
 */
function failuresSource(rules: readonly RuleRow[], year: number): { with: RawBuilder<unknown>; union: RawBuilder<unknown> } | null {
  const sources = targetSources(year);
  const enabled = rules.filter((x) => x.is_enabled);
  if (enabled.length === 0) return null;
  const parsed = enabled.map((r) => {
    const target = r.target as RuleTarget;
    const parse = (text: string | null) => (text === null ? null : parseExpression(text, target));
    return {
      r,
      target,
      left: parse(r.left_expr)!,
      right: parse(r.right_expr)!,
      whenLeft: parse(r.when_left),
      whenRight: parse(r.when_right),
    };
  });
  const targets = [...new Set(parsed.map((p) => p.target))];
  // One scan per target: every rule of the target is judged on each row through a LATERAL VALUES list.
  const selects = targets.map((t) => {
    const rulesOf = parsed.filter((p) => p.target === t);
    const used = new Set(rulesOf.flatMap((p) => [p.left, p.right, p.whenLeft, p.whenRight].flatMap((e) => (e ? fieldsOf(e) : []))));
    const src = sources[t];
    const cols = [...used].map((f) => sql.raw(`${src.fields[f]} AS ${f}`));
    const checks = rulesOf.map((p, i) => {
      const left = compileOperand(p.left, 'f');
      const right = compileOperand(p.right, 'f');
      const when =
        p.whenLeft && p.whenRight && p.r.when_operator
          ? sql`coalesce(${compileComparison(compileOperand(p.whenLeft, 'f'), p.r.when_operator as RuleOperator, compileOperand(p.whenRight, 'f'))}, false)`
          : sql`true`;
      const failed = sql`(${when} AND NOT coalesce(${compileComparison(left, p.r.operator as RuleOperator, right)}, true))`;
      return {
        failed,
        row: sql`(${p.r.code}::text, ${sql.raw(`f.fail${i}`)}, ${left}::float8, ${right}::float8)`,
        column: sql`${failed} AS ${sql.raw(`fail${i}`)}`,
      };
    });
    // Failing rows are found in one pass; only they are expanded into one row per failed rule.
    const base = sql`SELECT ${sql.raw(src.schoolId)} AS school_id, ${sql.raw(src.key)} AS entity_key${cols.length ? sql`, ${sql.join(cols)}` : sql``} FROM ${src.from}`;
    return sql`SELECT ${t}::text AS target, f.school_id, f.entity_key::text AS entity_key, x.rule_code, x.left_value, x.right_value
      FROM (SELECT f.*, ${sql.join(checks.map((c) => c.column))} FROM (${base}) f) f
      CROSS JOIN LATERAL (VALUES ${sql.join(checks.map((c) => c.row))}) AS x(rule_code, failed, left_value, right_value)
      WHERE (${sql.join(
        checks.map((_, i) => sql.raw(`f.fail${i}`)),
        sql` OR `,
      )}) AND x.failed`;
  });
  return { with: sql``, union: sql`(${sql.join(selects, sql` UNION ALL `)})` };
}

/** The label of a failing row: the grade, the teacher with the masked ID number, the school or its conditions. */
const ENTITY_LABEL = sql`CASE x.target
  WHEN 'grade' THEN CASE x.entity_key ${sql.join(
    GRADES.map((g) => sql`WHEN ${sql.lit(g.code)} THEN ${sql.lit(g.label)}`),
    sql` `,
  )} ELSE x.entity_key END
  WHEN 'teacher' THEN (SELECT t.name || '（' || t.id_number_masked || '）' FROM teacher t WHERE t.id = x.entity_key::int)
  WHEN 'school' THEN '全校' ELSE '办学条件' END`;

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
  const allowed = rules.filter(
    (r) => (f.severity === undefined || r.severity === f.severity) && (f.rule === undefined || r.code === f.rule),
  );
  const source = failuresSource(allowed, year);
  if (!source) return [];
  const order = sql`CASE x.rule_code ${sql.join(
    rules.map((r, i) => sql`WHEN ${r.code} THEN ${sql.lit(i)}`),
    sql` `,
  )} END`;
  const gradeOrder = sql`CASE x.entity_key ${sql.join(
    GRADES.map((g, i) => sql`WHEN ${sql.lit(g.code)} THEN ${sql.lit(String(i).padStart(2, '0'))}`),
    sql` `,
  )} END`;
  const r = await sql<FailureRow>`${source.with}
    SELECT x.rule_code, x.school_id, s.code AS school_code, v.name AS school_name, ${ENTITY_LABEL} AS entity, x.left_value, x.right_value, x.total
    FROM (SELECT x.*, count(*) OVER ()::int AS total FROM ${source.union} x
          WHERE ${scope.kind === 'district' ? sql`true` : sql`x.school_id IS NOT NULL AND ${schoolInScope(scope, 'x.school_id')}`}
            ${f.schoolId !== undefined ? sql`AND x.school_id = ${f.schoolId}` : sql``}) x
    LEFT JOIN school s ON s.id = x.school_id
    LEFT JOIN school_version v ON v.school_id = x.school_id AND v.valid_to IS NULL
    ORDER BY s.code NULLS FIRST, ${order}, CASE WHEN x.target = 'grade' THEN ${gradeOrder} ELSE ${ENTITY_LABEL} END
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
