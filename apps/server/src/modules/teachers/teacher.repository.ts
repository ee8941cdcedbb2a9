/** All SQL of teacher records, their assignments (transfers) and backbone recognitions. */
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { schoolInScope } from '../../db/expressions/scope.ts';
import type { DataScope } from '../../platform/access.ts';

/** Filters of the teacher list. */
export interface TeacherFilter {
  q?: string | undefined;
  schoolId?: number | undefined;
  post?: string | undefined;
  subject?: string | undefined;
  teachingStage?: string | undefined;
  backbone?: 'any' | 'county_or_above' | undefined;
  /** Recognitions count when issued on or before and valid on this date. */
  today: string;
}

/** Condition restricting `t` (teacher) to the scope: the school's teachers, or one's own record. */
function teacherInScope(scope: DataScope) {
  if (scope.kind === 'self') return scope.teacherId ? sql<boolean>`t.id = ${scope.teacherId}` : sql<boolean>`false`;
  return schoolInScope(scope, 't.school_id');
}

const LEVEL_RANK = sql<number>`case r.level when 'national' then 5 when 'province' then 4 when 'city' then 3 when 'district' then 2 else 1 end`;

function baseQuery(db: Kysely<DB>, scope: DataScope, today: string) {
  return db
    .selectFrom('teacher as t')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .where(teacherInScope(scope))
    .select([
      't.id',
      't.name',
      't.gender',
      't.id_number_masked',
      't.birth_date',
      't.school_id',
      'v.name as school_name',
      't.post',
      't.is_full_time',
      't.teaching_stage',
      't.subject',
      't.education',
      't.title',
      't.certificate',
      't.staffing',
      't.joined_school_on',
      't.phone_masked',
      't.id_number_enc',
      't.phone_enc',
      (eb) =>
        eb
          .selectFrom('teacher_recognition as r')
          .select('r.level')
          .whereRef('r.teacher_id', '=', 't.id')
          .where('r.issued_on', '<=', today)
          .where((w) => w.or([w('r.valid_until', 'is', null), w('r.valid_until', '>=', today)]))
          .orderBy(LEVEL_RANK, 'desc')
          .limit(1)
          .as('backbone_level'),
    ]);
}

/** One page of teachers in scope. */
export async function findTeacherPage(db: Kysely<DB>, scope: DataScope, f: TeacherFilter, page: { offset: number; limit: number }) {
  let q = baseQuery(db, scope, f.today).where('t.is_active', '=', true);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('t.name', 'like', like), eb('v.name', 'like', like)]));
  }
  if (f.schoolId) q = q.where('t.school_id', '=', f.schoolId);
  if (f.post) q = q.where('t.post', '=', f.post);
  if (f.subject) q = q.where('t.subject', '=', f.subject);
  if (f.teachingStage) q = q.where('t.teaching_stage', '=', f.teachingStage);
  if (f.backbone) {
    const levels =
      f.backbone === 'any' ? ['school', 'district', 'city', 'province', 'national'] : ['district', 'city', 'province', 'national'];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('teacher_recognition as r')
          .select('r.id')
          .whereRef('r.teacher_id', '=', 't.id')
          .where('r.level', 'in', levels)
          .where('r.issued_on', '<=', f.today)
          .where((w) => w.or([w('r.valid_until', 'is', null), w('r.valid_until', '>=', f.today)])),
      ),
    );
  }
  const total = await db
    .selectFrom(q.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q.orderBy('t.school_id').orderBy('t.name').orderBy('t.id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), rows };
}
export type TeacherRow = Awaited<ReturnType<typeof findTeacherPage>>['rows'][number];

/** One teacher in scope (active or not). */
export function findTeacher(db: Kysely<DB>, scope: DataScope, id: number, today: string) {
  return baseQuery(db, scope, today).where('t.id', '=', id).executeTakeFirst();
}

/** Finds a teacher id and school by the keyed hash of the ID number. */
export function findTeacherByIdHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('teacher').select(['id', 'school_id']).where('id_number_hash', '=', hash).executeTakeFirst();
}

/** Recognitions of a teacher, newest first. */
export function findRecognitions(db: Kysely<DB>, teacherId: number) {
  return db.selectFrom('teacher_recognition').selectAll().where('teacher_id', '=', teacherId).orderBy('issued_on', 'desc').execute();
}

/** Assignments of a teacher with school names, newest first. */
export function findAssignments(db: Kysely<DB>, teacherId: number) {
  return db
    .selectFrom('teacher_assignment as a')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'a.school_id').on('v.valid_to', 'is', null))
    .leftJoin('school_version as h', (j) => j.onRef('h.school_id', '=', 'a.home_school_id').on('h.valid_to', 'is', null))
    .select([
      'a.id',
      'a.school_id',
      'v.name as school_name',
      'a.home_school_id',
      'h.name as home_school_name',
      'a.kind',
      'a.valid_from',
      'a.valid_to',
      'a.reason',
    ])
    .where('a.teacher_id', '=', teacherId)
    .orderBy('a.valid_from', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

/** Inserts a teacher; returns the id. */
export async function insertTeacher(db: Kysely<DB>, t: Insertable<DB['teacher']>): Promise<number> {
  return (await db.insertInto('teacher').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a teacher's fields. */
export async function updateTeacher(db: Kysely<DB>, id: number, t: Updateable<DB['teacher']>): Promise<void> {
  await db.updateTable('teacher').set(t).where('id', '=', id).execute();
}

/** Closes the open assignment(s) of a teacher at `date` (exclusive end). */
export async function closeOpenAssignments(db: Kysely<DB>, teacherId: number, date: string): Promise<void> {
  await db
    .updateTable('teacher_assignment')
    .set({ valid_to: date })
    .where('teacher_id', '=', teacherId)
    .where('valid_to', 'is', null)
    .execute();
}

/** Opens an assignment. */
export async function insertAssignment(db: Kysely<DB>, a: Insertable<DB['teacher_assignment']>): Promise<void> {
  await db.insertInto('teacher_assignment').values(a).execute();
}

/** The open assignment's start, to refuse transfers dated before it. */
export function findOpenAssignment(db: Kysely<DB>, teacherId: number) {
  return db
    .selectFrom('teacher_assignment')
    .selectAll()
    .where('teacher_id', '=', teacherId)
    .where('valid_to', 'is', null)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

/** Adds a recognition; returns false when the same (level, issued date) exists. */
export async function insertRecognition(db: Kysely<DB>, r: Insertable<DB['teacher_recognition']>): Promise<boolean> {
  const res = await db
    .insertInto('teacher_recognition')
    .values(r)
    .onConflict((oc) => oc.columns(['teacher_id', 'level', 'issued_on']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether a school exists and is open (for assignment targets). */
export function findOpenSchool(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['s.id', 'v.name', 's.closed_on'])
    .where('s.id', '=', schoolId)
    .executeTakeFirst();
}
