/** All SQL of 交流轮岗: rule sets, exemptions, the teachers due on a date, plans, moves, exclusions, history. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { backboneTeachersOn, isBackboneOn, placedTeachers } from '../../db/expressions/indicators.ts';
import type { DB } from '../../db/schema.ts';

// ───────────── rule sets ─────────────

/** Every rule-set version, newest first. */
export function findRuleSets(db: Kysely<DB>) {
  return db.selectFrom('rotation_rule_set').selectAll().orderBy('valid_from', 'desc').execute();
}

/** The rule set in force on a date (the latest starting on or before it). */
export function findRuleSetOn(db: Kysely<DB>, date: string) {
  return db
    .selectFrom('rotation_rule_set')
    .selectAll()
    .where('valid_from', '<=', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** One rule set. */
export function findRuleSet(db: Kysely<DB>, id: number) {
  return db.selectFrom('rotation_rule_set').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a rule-set version; returns its id. */
export async function insertRuleSet(db: Kysely<DB>, row: Insertable<DB['rotation_rule_set']>): Promise<number> {
  return (await db.insertInto('rotation_rule_set').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

// ───────────── teachers on a date ─────────────

/** A 专任教师 or 校级领导 of a compulsory stage placed in the school year, with what eligibility needs. */
export interface DueRow {
  teacher_id: number;
  name: string;
  school_id: number;
  post: string;
  is_full_time: boolean;
  teaching_stage: string | null;
  subject: string | null;
  education: string;
  title: string;
  gender: 'male' | 'female';
  birth_date: string;
  placed_from: string;
  last_return: string | null;
  on_rotation: boolean;
  is_backbone: boolean;
}

/**
 * Teachers where the indicators place them on the reference date (placedTeachers), with the end of their last
 * 交流 before it (continuous service restarts on return), whether they are away on one, and 区级+ 骨干.
 */
export function findTeachersOn(db: Kysely<DB>, onDate: string, yearEnd: string): Promise<DueRow[]> {
  return sql<DueRow>`SELECT p.teacher_id, t.name, p.school_id, p.post, p.is_full_time, p.teaching_stage, p.subject, p.education, t.title,
      t.gender, t.birth_date::text AS birth_date, p.valid_from::text AS placed_from,
      (SELECT max(a.valid_to) FROM teacher_assignment a WHERE a.teacher_id = p.teacher_id AND a.kind = 'partial' AND a.valid_to < ${onDate}::date)::text AS last_return,
      EXISTS (SELECT 1 FROM teacher_assignment a WHERE a.teacher_id = p.teacher_id AND a.kind = 'partial' AND a.valid_from <= ${onDate}::date
        AND (a.valid_to IS NULL OR a.valid_to >= ${onDate}::date)) AS on_rotation,
      (bb.teacher_id IS NOT NULL) AS is_backbone
    FROM ${placedTeachers(onDate, yearEnd)} p JOIN teacher t ON t.id = p.teacher_id
    LEFT JOIN ${backboneTeachersOn(onDate)} bb ON bb.teacher_id = p.teacher_id
    WHERE p.post IN ('teacher', 'leader') AND p.teaching_stage IN ('primary', 'junior')`
    .execute(db)
    .then((r) => r.rows);
}

/**
 * Schools as they stood on a date (the version in force, else the nearest), with coordinates and 城乡分类:
 * `SELECT DISTINCT ON (v.school_id) … ORDER BY v.school_id, <in force> DESC, <days away>`.
 */
export function findSchoolsOn(db: Kysely<DB>, onDate: string) {
  const d = sql`${onDate}::date`;
  return sql<{
    id: number;
    name: string;
    type_code: string;
    urban_rural_code: string;
    longitude: number | null;
    latitude: number | null;
    closed_on: string | null;
  }>`SELECT s.id, v.name, v.type_code, v.urban_rural_code, v.longitude::float8 AS longitude, v.latitude::float8 AS latitude, s.closed_on::text AS closed_on
    FROM school s JOIN (SELECT DISTINCT ON (v.school_id) v.* FROM school_version v
      ORDER BY v.school_id, (v.valid_from <= ${d} AND (v.valid_to IS NULL OR v.valid_to >= ${d})) DESC, abs(v.valid_from - ${d})) v ON v.school_id = s.id
    ORDER BY s.code`
    .execute(db)
    .then((r) => r.rows);
}

/** Exemptions recorded for a year. */
export function findExemptions(db: Kysely<DB>, year: number) {
  return db.selectFrom('rotation_exemption').selectAll().where('school_year', '=', year).execute();
}

/** Inserts an exemption; returns its id. */
export async function insertExemption(db: Kysely<DB>, row: Insertable<DB['rotation_exemption']>): Promise<number> {
  return (await db.insertInto('rotation_exemption').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One exemption. */
export function findExemption(db: Kysely<DB>, id: number) {
  return db.selectFrom('rotation_exemption').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes an exemption. */
export async function deleteExemption(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('rotation_exemption').where('id', '=', id).execute();
}

// ───────────── plans and moves ─────────────

/** Plans (with move counts), newest first, optionally of one year. */
export function findPlans(db: Kysely<DB>, year?: number) {
  let q = db
    .selectFrom('rotation_plan as p')
    .innerJoin('rotation_rule_set as r', 'r.id', 'p.rule_set_id')
    .leftJoin('workflow_instance as w', (j) =>
      j
        .onRef(sql`w.subject_id`, '=', sql`p.id::text`)
        .on('w.subject_type', '=', 'rotation_plan')
        .on('w.definition_key', '=', 'rotation.plan'),
    )
    .select((eb) => [
      'p.id',
      'p.school_year',
      'p.title',
      'p.effective_from',
      'p.computed_at',
      'p.executed_at',
      'p.result',
      'p.rule_set_id',
      'r.title as rule_title',
      'r.document_number',
      'w.state',
      'w.version',
      eb
        .selectFrom('rotation_move as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.plan_id', '=', 'p.id')
        .as('moves'),
    ])
    .orderBy('p.school_year', 'desc')
    .orderBy('p.id', 'desc');
  if (year !== undefined) q = q.where('p.school_year', '=', year);
  return q.execute();
}

/** One plan with its state. */
export async function findPlan(db: Kysely<DB>, id: number) {
  return (await findPlansWhere(db, id))[0];
}

function findPlansWhere(db: Kysely<DB>, id: number) {
  return findPlans(db).then((rows) => rows.filter((r) => r.id === id));
}

/** Inserts a plan; returns its id. */
export async function insertPlan(db: Kysely<DB>, row: Insertable<DB['rotation_plan']>): Promise<number> {
  return (await db.insertInto('rotation_plan').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a plan. */
export async function updatePlan(db: Kysely<DB>, id: number, row: Updateable<DB['rotation_plan']>): Promise<void> {
  await db.updateTable('rotation_plan').set(row).where('id', '=', id).execute();
}

/** Every move of a plan. */
export function findMoves(db: Kysely<DB>, planId: number) {
  return db.selectFrom('rotation_move').selectAll().where('plan_id', '=', planId).orderBy('id').execute();
}

/** Filters of a page of moves. */
export interface MoveFilter {
  planId?: number;
  /** Moves from or to one of these schools. */
  schoolIds?: number[];
  teacherId?: number;
  q?: string;
  review?: 'pending' | 'accepted' | 'objected';
  /** Plans in these states only. */
  states?: string[];
}

/** A page of moves with names (from/to school names as of the plan's effective date). */
export async function findMovePage(db: Kysely<DB>, f: MoveFilter, page: { offset: number; limit: number }) {
  let q = db
    .selectFrom('rotation_move as m')
    .innerJoin('rotation_plan as p', 'p.id', 'm.plan_id')
    .innerJoin('teacher as t', 't.id', 'm.teacher_id')
    .innerJoin('workflow_instance as w', (j) =>
      j
        .onRef(sql`w.subject_id`, '=', sql`p.id::text`)
        .on('w.subject_type', '=', 'rotation_plan')
        .on('w.definition_key', '=', 'rotation.plan'),
    );
  if (f.planId !== undefined) q = q.where('m.plan_id', '=', f.planId);
  if (f.teacherId !== undefined) q = q.where('m.teacher_id', '=', f.teacherId);
  if (f.schoolIds) {
    const ids = f.schoolIds.length ? f.schoolIds : [-1];
    q = q.where((eb) => eb.or([eb('m.from_school_id', 'in', ids), eb('m.to_school_id', 'in', ids)]));
  }
  if (f.q) q = q.where('t.name', 'like', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (f.review) q = q.where((eb) => eb.or([eb('m.from_review', '=', f.review!), eb('m.to_review', '=', f.review!)]));
  if (f.states) q = q.where('w.state', 'in', f.states.length ? f.states : ['-']);
  const total = (await q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const rows = await q
    .select([
      'm.id',
      'm.plan_id',
      'p.title as plan_title',
      'p.effective_from',
      'w.state as plan_state',
      'm.teacher_id',
      't.name as teacher_name',
      'm.from_school_id',
      'm.to_school_id',
      'm.stage',
      'm.subject',
      'm.kind',
      'm.is_backbone',
      'm.counts_as_backbone',
      'm.is_high_quality',
      'm.source',
      'm.reasons',
      'm.from_review',
      'm.from_review_note',
      'm.to_review',
      'm.to_review_note',
      'm.acknowledged_at',
      'm.assignment_id',
    ])
    .orderBy('m.plan_id', 'desc')
    .orderBy('m.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, rows };
}

/** One move. */
export function findMove(db: Kysely<DB>, id: number) {
  return db.selectFrom('rotation_move').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts moves in one statement. */
export async function insertMoves(db: Kysely<DB>, rows: Insertable<DB['rotation_move']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('rotation_move')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Updates a move. */
export async function updateMove(db: Kysely<DB>, id: number, row: Updateable<DB['rotation_move']>): Promise<void> {
  await db.updateTable('rotation_move').set(row).where('id', '=', id).execute();
}

/** Deletes one move. */
export async function deleteMove(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('rotation_move').where('id', '=', id).execute();
}

/** Deletes the optimizer's unlocked moves of a plan (before a re-run). */
export async function deleteOptimizerMoves(db: Kysely<DB>, planId: number): Promise<void> {
  await db.deleteFrom('rotation_move').where('plan_id', '=', planId).where('source', '=', 'optimizer').execute();
}

/** Resets every school review and acknowledgement of a plan (after a send-back). */
export async function resetReviews(db: Kysely<DB>, planId: number): Promise<void> {
  await db
    .updateTable('rotation_move')
    .set({ from_review: 'pending', from_review_note: '', to_review: 'pending', to_review_note: '', acknowledged_at: null })
    .where('plan_id', '=', planId)
    .execute();
}

/** Exclusions of a plan with names. */
export function findExclusions(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('rotation_exclusion as x')
    .innerJoin('teacher as t', 't.id', 'x.teacher_id')
    .select(['x.teacher_id', 'x.reason', 't.name', 't.school_id'])
    .where('x.plan_id', '=', planId)
    .orderBy('x.teacher_id')
    .execute();
}

/** Adds an exclusion (idempotent). */
export async function insertExclusion(db: Kysely<DB>, row: Insertable<DB['rotation_exclusion']>): Promise<void> {
  await db
    .insertInto('rotation_exclusion')
    .values(row)
    .onConflict((oc) => oc.columns(['plan_id', 'teacher_id']).doUpdateSet({ reason: row.reason }))
    .execute();
}

/** Removes an exclusion. */
export async function deleteExclusion(db: Kysely<DB>, planId: number, teacherId: number): Promise<number> {
  const r = await db.deleteFrom('rotation_exclusion').where('plan_id', '=', planId).where('teacher_id', '=', teacherId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Teachers per school, stage and subject placed on a date (subject coverage). */
export function findSubjectCounts(db: Kysely<DB>, onDate: string, yearEnd: string) {
  return sql<{ school_id: number; teaching_stage: string; subject: string; n: number }>`
    SELECT p.school_id, p.teaching_stage, p.subject, count(*)::int AS n FROM ${placedTeachers(onDate, yearEnd)} p
    WHERE p.post = 'teacher' AND p.teaching_stage IN ('primary', 'junior') AND p.subject IS NOT NULL
    GROUP BY 1, 2, 3`
    .execute(db)
    .then((r) => r.rows);
}

// ───────────── history (reports) ─────────────

/**
 * Rotations that began in the school years: 交流 ('partial') assignments, and 'full' assignments an executed
 * plan created; with the home school, 骨干 on the first day, and the title (for high-quality teachers).
 */
export function findRotationHistory(db: Kysely<DB>, fromYear: number, toYear: number) {
  return sql<{ teacher_id: number; home_school_id: number; valid_from: string; is_backbone: boolean; title: string }>`
    SELECT a.teacher_id, coalesce(a.home_school_id, m.from_school_id, t.school_id) AS home_school_id, a.valid_from::text AS valid_from,
      ${isBackboneOn('a.teacher_id', sql`a.valid_from`)} AS is_backbone,
      t.title
    FROM teacher_assignment a JOIN teacher t ON t.id = a.teacher_id
    LEFT JOIN rotation_move m ON m.assignment_id = a.id
    WHERE (a.kind = 'partial' OR m.id IS NOT NULL)
      AND a.valid_from BETWEEN ${`${fromYear}-09-01`}::date AND ${`${toYear + 1}-08-31`}::date`
    .execute(db)
    .then((r) => r.rows.filter((x) => x.home_school_id !== null));
}

// ───────────── execution ─────────────

/** The open assignment of each teacher. */
export function findOpenAssignments(db: Kysely<DB>, teacherIds: number[]) {
  if (teacherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('teacher_assignment')
    .select(['id', 'teacher_id', 'school_id', 'home_school_id', 'kind', 'valid_from'])
    .where('teacher_id', 'in', teacherIds)
    .where('valid_to', 'is', null)
    .execute();
}

/** Closes the open assignments of teachers the day before a date. */
export async function closeAssignments(db: Kysely<DB>, teacherIds: number[], date: string): Promise<void> {
  if (teacherIds.length === 0) return;
  await db
    .updateTable('teacher_assignment')
    .set({ valid_to: sql`(${date}::date - 1)` })
    .where('teacher_id', 'in', teacherIds)
    .where('valid_to', 'is', null)
    .execute();
}

/** Inserts an assignment; returns its id. */
export async function insertAssignment(db: Kysely<DB>, row: Insertable<DB['teacher_assignment']>): Promise<number> {
  return (await db.insertInto('teacher_assignment').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Moves the teacher row to the new school (the current placement). */
export async function setTeacherSchool(db: Kysely<DB>, teacherId: number, schoolId: number, on: string, now: Date): Promise<void> {
  await db.updateTable('teacher').set({ school_id: schoolId, joined_school_on: on, updated_at: now }).where('id', '=', teacherId).execute();
}
