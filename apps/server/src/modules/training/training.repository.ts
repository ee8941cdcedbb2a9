/** SQL of courses, sessions, enrolment and the ledger rows of continuing education. */
import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TrainingCreditTable } from '../../db/tables-training.ts';
import type { TeacherReach } from './training.policy.ts';

/** Condition that a teacher-id/school-id pair lies within reach: `true`, `t.school_id in (…)`, `t.id = $1` or `false`. */
export function teacherInReach(reach: TeacherReach, teacherIdColumn: string, schoolIdColumn: string): RawBuilder<boolean> {
  switch (reach.kind) {
    case 'all':
      return sql<boolean>`true`;
    case 'schools':
      return sql<boolean>`${sql.ref(schoolIdColumn)} in (${sql.join(reach.schoolIds)})`;
    case 'self':
      return sql<boolean>`${sql.ref(teacherIdColumn)} = ${reach.teacherId}`;
    case 'none':
      return sql<boolean>`false`;
  }
}

/** Condition on a course `c` visible to a reader: district courses, and 校本 courses of reachable schools. */
function courseVisible(reach: TeacherReach): RawBuilder<boolean> {
  if (reach.kind === 'all') return sql<boolean>`true`;
  if (reach.kind === 'schools') return sql<boolean>`(c.school_id is null or c.school_id in (${sql.join(reach.schoolIds)}))`;
  return sql<boolean>`false`;
}

/** Filters of the course list. */
export interface CourseFilter {
  q?: string | undefined;
  level?: string | undefined;
  category?: string | undefined;
  year?: number | undefined;
  ids?: number[];
}

function courseBase(db: Kysely<DB>, reach: TeacherReach, f: CourseFilter) {
  let q = db
    .selectFrom('training_course as c')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'c.school_id').on('v.valid_to', 'is', null))
    .where(courseVisible(reach));
  if (f.ids) q = q.where('c.id', 'in', f.ids.length ? f.ids : [0]);
  if (f.q) q = q.where('c.title', 'like', `%${f.q.replace(/[\\%_]/g, (x) => '\\' + x)}%`);
  if (f.level) q = q.where('c.level', '=', f.level as 'city');
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.year)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('training_session as s')
          .whereRef('s.course_id', '=', 'c.id')
          .where('s.starts_on', '<=', `${f.year}-12-31`)
          .where('s.ends_on', '>=', `${f.year}-01-01`),
      ),
    );
  return q;
}

/** A page of courses with their session and enrolment counts. */
export async function findCoursePage(db: Kysely<DB>, reach: TeacherReach, f: CourseFilter, page: { offset: number; limit: number }) {
  const [{ total }] = (await courseBase(db, reach, f)
    .select(sql<number>`count(*)::int`.as('total'))
    .execute()) as [{ total: number }];
  const rows = await courseBase(db, reach, f)
    .select([
      'c.id',
      'c.title',
      'c.provider',
      'c.level',
      'c.category',
      'c.mode',
      'c.is_seminar',
      'c.hours',
      'c.school_id',
      'v.name as school_name',
      'c.description',
      sql<number>`(select count(*)::int from training_session s where s.course_id = c.id)`.as('sessions'),
      sql<number>`(select count(*)::int from training_enrolment e join training_session s on s.id = e.session_id where s.course_id = c.id and e.status <> 'completed') + (select count(*)::int from training_credit cr join training_session s on s.id = cr.session_id where s.course_id = c.id)`.as(
        'enrolled',
      ),
      sql<number>`(select count(*)::int from training_credit cr join training_session s on s.id = cr.session_id where s.course_id = c.id)`.as(
        'completed',
      ),
      sql<string | null>`(select max(s.starts_on)::text from training_session s where s.course_id = c.id)`.as('last_session_on'),
    ])
    .orderBy(sql`(select max(s.starts_on) from training_session s where s.course_id = c.id) desc nulls first`)
    .orderBy('c.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, rows };
}
export type CourseRow = Awaited<ReturnType<typeof findCoursePage>>['rows'][number];

/** Inserts a course; returns its id. */
export async function insertCourse(db: Kysely<DB>, row: Insertable<DB['training_course']>): Promise<number> {
  const r = await db.insertInto('training_course').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Sessions of courses with enrolment counts. */
export async function findSessions(db: Kysely<DB>, where: { courseId?: number; ids?: number[] }) {
  let q = db
    .selectFrom('training_session as s')
    .select([
      's.id',
      's.course_id',
      's.name',
      's.starts_on',
      's.ends_on',
      's.capacity',
      's.location',
      's.is_closed',
      // Sessions loaded from a completion list have ledger rows but no enrolment records.
      sql<number>`greatest((select count(*)::int from training_enrolment e where e.session_id = s.id), (select count(*)::int from training_credit c where c.session_id = s.id))`.as(
        'enrolled',
      ),
      sql<number>`(select count(*)::int from training_credit c where c.session_id = s.id)`.as('completed'),
      sql<number>`(select count(*)::int from training_enrolment e where e.session_id = s.id and e.status = 'attended')`.as('attended'),
      sql<number>`(select count(*)::int from training_enrolment e where e.session_id = s.id and e.status = 'absent')`.as('absent'),
    ])
    .orderBy('s.starts_on', 'desc')
    .orderBy('s.id', 'desc');
  if (where.courseId !== undefined) q = q.where('s.course_id', '=', where.courseId);
  if (where.ids) q = q.where('s.id', 'in', where.ids.length ? where.ids : [0]);
  return q.execute();
}
export type SessionRow = Awaited<ReturnType<typeof findSessions>>[number];

/** Inserts a session; returns its id. */
export async function insertSession(db: Kysely<DB>, row: Insertable<DB['training_session']>): Promise<number> {
  const r = await db.insertInto('training_session').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Enrolments of a session within reach, one page. */
export async function findEnrolmentPage(
  db: Kysely<DB>,
  sessionId: number,
  reach: TeacherReach,
  f: { status?: string | undefined },
  page: { offset: number; limit: number },
) {
  let q = db
    .selectFrom('training_enrolment as e')
    .innerJoin('teacher as t', 't.id', 'e.teacher_id')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .leftJoin('training_credit as cr', 'cr.id', 'e.credit_id')
    .where('e.session_id', '=', sessionId)
    .where(teacherInReach(reach, 't.id', 't.school_id'));
  if (f.status) q = q.where('e.status', '=', f.status as 'enrolled');
  const [{ total }] = (await q.select(sql<number>`count(*)::int`.as('total')).execute()) as [{ total: number }];
  const rows = await q
    .select([
      'e.id',
      'e.teacher_id',
      't.name as teacher_name',
      't.id_number_masked',
      't.school_id',
      'v.name as school_name',
      'e.status',
      'cr.hours as credited_hours',
    ])
    .orderBy('v.name')
    .orderBy('t.name')
    .orderBy('e.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, rows };
}

/** Active teachers among ids, within reach, with their school. */
export async function findTeachersInReach(db: Kysely<DB>, ids: readonly number[], reach: TeacherReach) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('teacher as t')
    .where('t.id', 'in', [...ids])
    .where('t.is_active', '=', true)
    .where(teacherInReach(reach, 't.id', 't.school_id'))
    .select(['t.id', 't.name', 't.school_id'])
    .execute();
}

/** Enrolments of a session for some teachers. */
export async function findEnrolments(db: Kysely<DB>, sessionId: number, teacherIds: readonly number[]) {
  if (teacherIds.length === 0) return [];
  return db
    .selectFrom('training_enrolment')
    .where('session_id', '=', sessionId)
    .where('teacher_id', 'in', [...teacherIds])
    .select(['id', 'teacher_id', 'status', 'credit_id'])
    .execute();
}

/** Enrols teachers (existing enrolments are left alone). */
export async function insertEnrolments(db: Kysely<DB>, sessionId: number, teacherIds: readonly number[], byName: string): Promise<void> {
  if (teacherIds.length === 0) return;
  await db
    .insertInto('training_enrolment')
    .values(teacherIds.map((teacher_id) => ({ session_id: sessionId, teacher_id, enrolled_by_name: byName })))
    .onConflict((oc) => oc.columns(['session_id', 'teacher_id']).doNothing())
    .execute();
}

/** Sets the status of enrolments. */
export async function setEnrolmentStatus(
  db: Kysely<DB>,
  ids: readonly number[],
  status: 'enrolled' | 'attended' | 'absent' | 'completed',
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('training_enrolment')
    .set({ status })
    .where('id', 'in', [...ids])
    .execute();
}

/** Inserts ledger rows; returns their ids in order. */
export async function insertCredits(db: Kysely<DB>, rows: Insertable<TrainingCreditTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const r = await db.insertInto('training_credit').values(chunk).returning('id').execute();
    ids.push(...r.map((x) => Number(x.id)));
  }
  return ids;
}

/** Links enrolments to their credits and marks them completed. */
export async function completeEnrolments(db: Kysely<DB>, pairs: { enrolmentId: number; creditId: number }[]): Promise<void> {
  if (pairs.length === 0) return;
  await sql`update training_enrolment e set status = 'completed', credit_id = x.credit_id
    from (select unnest(${sql.val(pairs.map((p) => p.enrolmentId))}::int[]) as id, unnest(${sql.val(pairs.map((p) => p.creditId))}::bigint[]) as credit_id) x
    where e.id = x.id`.execute(db);
}

/** Filters of the ledger list. */
export interface CreditFilter {
  teacherId?: number | undefined;
  schoolId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  level?: string | undefined;
  category?: string | undefined;
}

/** A page of ledger rows within reach, newest first. */
export async function findCreditPage(db: Kysely<DB>, reach: TeacherReach, f: CreditFilter, page: { offset: number; limit: number }) {
  let q = db
    .selectFrom('training_credit as c')
    .innerJoin('teacher as t', 't.id', 'c.teacher_id')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .where(teacherInReach(reach, 't.id', 't.school_id'));
  if (f.teacherId) q = q.where('c.teacher_id', '=', f.teacherId);
  if (f.schoolId) q = q.where('t.school_id', '=', f.schoolId);
  if (f.from) q = q.where('c.completed_on', '>=', f.from);
  if (f.to) q = q.where('c.completed_on', '<=', f.to);
  if (f.level) q = q.where('c.level', '=', f.level as 'city');
  if (f.category) q = q.where('c.category', '=', f.category);
  const [{ total }] = (await q.select(sql<number>`count(*)::int`.as('total')).execute()) as [{ total: number }];
  const rows = await q
    .select([
      'c.id',
      'c.teacher_id',
      't.name as teacher_name',
      'v.name as school_name',
      'c.source',
      'c.title',
      'c.provider',
      'c.level',
      'c.category',
      'c.is_seminar',
      'c.hours',
      'c.completed_on',
      'c.evidence',
    ])
    .orderBy('c.completed_on', 'desc')
    .orderBy('c.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, rows };
}
export type CreditRow = Awaited<ReturnType<typeof findCreditPage>>['rows'][number];

/** Closes a session for enrolment. */
export async function closeSession(db: Kysely<DB>, id: number): Promise<void> {
  await db.updateTable('training_session').set({ is_closed: true }).where('id', '=', id).execute();
}
