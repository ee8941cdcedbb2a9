/**
 * SQL of teaching-achievement awards. Application visibility is applied in SQL: `true` for district
 * roles, else `(a.school_id in (…) or exists (select 1 from award_member m where m.application_id = a.id
 * and m.teacher_id = $teacher))` — a school its own applications, a teacher those they are a member of.
 */
import { AWARD_CALL_WORKFLOW } from '@zhiping/domain';
import { sql, type Expression, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AwardAccess } from './award.policy.ts';

/** The condition that application `a` is visible to the access. */
export function applicationVisibleTo(access: AwardAccess): Expression<SqlBool> {
  if (access.isDistrictReader) return sql<SqlBool>`true`;
  const bySchool =
    access.adminSchoolIds.length > 0 ? sql<SqlBool>`a.school_id in (${sql.join(access.adminSchoolIds)})` : sql<SqlBool>`false`;
  const bySelf =
    access.teacherId !== null
      ? sql<SqlBool>`exists (select 1 from award_member m where m.application_id = a.id and m.teacher_id = ${access.teacherId})`
      : sql<SqlBool>`false`;
  return sql<SqlBool>`(${bySchool} or ${bySelf})`;
}

const callState = (db: Kysely<DB>) =>
  db.selectFrom('award_call as c').innerJoin('workflow_instance as wi', (j) =>
    j
      .on('wi.definition_key', '=', AWARD_CALL_WORKFLOW.key)
      .on('wi.subject_type', '=', 'award_call')
      .on(sql<SqlBool>`wi.subject_id = c.id::text`),
  );

/** Filters of the round list. */
export interface CallFilter {
  ids?: number[] | undefined;
  year?: number | undefined;
  state?: string | undefined;
  isDraftVisible: boolean;
}

function callBase(db: Kysely<DB>, f: CallFilter) {
  let q = callState(db).selectAll('c').select(['wi.state', 'wi.version']);
  if (f.ids) q = q.where('c.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  if (f.year) q = q.where('c.year', '=', f.year);
  if (f.state) q = q.where('wi.state', '=', f.state);
  if (!f.isDraftVisible) q = q.where('wi.state', '<>', 'draft');
  return q;
}
export type CallRow = Awaited<ReturnType<typeof findCalls>>[number];

/** Rounds, newest first. */
export function findCalls(db: Kysely<DB>, f: CallFilter, page?: { offset: number; limit: number }) {
  let q = callBase(db, f).orderBy('c.year', 'desc').orderBy('c.id', 'desc');
  if (page) q = q.offset(page.offset).limit(page.limit);
  return q.execute();
}

/** How many rounds match. */
export async function countCalls(db: Kysely<DB>, f: CallFilter): Promise<number> {
  const r = await db
    .selectFrom(callBase(db, f).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Counts per round. */
export async function countByCall(db: Kysely<DB>, callIds: number[]) {
  if (callIds.length === 0) return new Map<number, Record<string, number>>();
  const rows = await db
    .selectFrom('award_application')
    .select((eb) => [
      'call_id',
      eb.fn.count<number>(sql`case when status not in ('draft','withdrawn') then 1 end`).as('applications'),
      eb.fn.count<number>(sql`case when status = 'submitted' then 1 end`).as('submitted'),
      eb.fn.count<number>(sql`case when status = 'accepted' then 1 end`).as('accepted'),
      eb.fn.count<number>(sql`case when status = 'returned' then 1 end`).as('returned'),
      eb.fn.count<number>(sql`case when grade is not null and excluded_reason is null then 1 end`).as('awarded'),
      eb.fn.count<number>(sql`case when is_recommended then 1 end`).as('recommended'),
      eb.fn.count<number>(sql`case when city_result in ('first','second','third') then 1 end`).as('cityAwarded'),
      eb.fn.count<number>(sql`case when city_result is not null then 1 end`).as('cityRecorded'),
    ])
    .where('call_id', 'in', callIds)
    .groupBy('call_id')
    .execute();
  return new Map(rows.map((r) => [r.call_id, Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)]))]));
}

/** Inserts a round. */
export async function insertCall(db: Kysely<DB>, row: Insertable<DB['award_call']>): Promise<number> {
  return (await db.insertInto('award_call').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Filters of the application list. */
export interface ApplicationFilter {
  ids?: number[] | undefined;
  callId?: number | undefined;
  status?: string | undefined;
  statuses?: string[] | undefined;
  schoolId?: number | undefined;
  q?: string | undefined;
  isAwarded?: boolean | undefined;
  teacherId?: number | undefined;
}

function applicationBase(db: Kysely<DB>, visible: Expression<SqlBool>, f: ApplicationFilter) {
  let q = db
    .selectFrom('award_application as a')
    .innerJoin('award_call as c', 'c.id', 'a.call_id')
    .innerJoin('workflow_instance as wi', (j) =>
      j
        .on('wi.definition_key', '=', AWARD_CALL_WORKFLOW.key)
        .on('wi.subject_type', '=', 'award_call')
        .on(sql<SqlBool>`wi.subject_id = c.id::text`),
    )
    .innerJoin('teacher as t', 't.id', 'a.lead_teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'a.school_id').on('v.valid_to', 'is', null))
    .where(visible);
  if (f.ids) q = q.where('a.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  if (f.callId) q = q.where('a.call_id', '=', f.callId);
  if (f.status) q = q.where('a.status', '=', f.status as 'draft');
  if (f.statuses) q = q.where('a.status', 'in', f.statuses as 'draft'[]);
  if (f.schoolId) q = q.where('a.school_id', '=', f.schoolId);
  if (f.q) q = q.where((eb) => eb.or([eb('a.title', 'ilike', `%${f.q}%`), eb('t.name', 'ilike', `%${f.q}%`)]));
  if (f.isAwarded === true) q = q.where('a.grade', 'is not', null).where('a.excluded_reason', 'is', null);
  if (f.teacherId)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('award_member as m')
          .select('m.teacher_id')
          .whereRef('m.application_id', '=', 'a.id')
          .where('m.teacher_id', '=', f.teacherId!),
      ),
    );
  return q
    .selectAll('a')
    .select(['c.title as call_title', 'c.year as call_year', 'wi.state as call_state', 't.name as lead_name', 'v.name as school_name']);
}
export type ApplicationRow = Awaited<ReturnType<typeof findApplications>>[number];

/** Applications, by round, rank, then id. */
export function findApplications(
  db: Kysely<DB>,
  visible: Expression<SqlBool>,
  f: ApplicationFilter,
  page?: { offset: number; limit: number },
) {
  let q = applicationBase(db, visible, f)
    .orderBy('c.year', 'desc')
    .orderBy(sql`a.rank nulls last`)
    .orderBy('a.id');
  if (page) q = q.offset(page.offset).limit(page.limit);
  return q.execute();
}

/** How many applications match. */
export async function countApplications(db: Kysely<DB>, visible: Expression<SqlBool>, f: ApplicationFilter): Promise<number> {
  const r = await db
    .selectFrom(applicationBase(db, visible, f).as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Members of applications (lead first) with names and their schools. */
export async function findMembers(db: Kysely<DB>, applicationIds: number[]) {
  if (applicationIds.length === 0)
    return new Map<number, { teacherId: number; name: string; schoolId: number; schoolName: string; position: number }[]>();
  const rows = await db
    .selectFrom('award_member as m')
    .innerJoin('teacher as t', 't.id', 'm.teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'm.school_id').on('v.valid_to', 'is', null))
    .select(['m.application_id', 'm.teacher_id', 't.name', 'm.school_id', 'v.name as school_name', 'm.position'])
    .where('m.application_id', 'in', applicationIds)
    .orderBy('m.application_id')
    .orderBy('m.position')
    .execute();
  const out = new Map<number, { teacherId: number; name: string; schoolId: number; schoolName: string; position: number }[]>();
  for (const r of rows) {
    const list = out.get(r.application_id) ?? [];
    list.push({ teacherId: r.teacher_id, name: r.name, schoolId: r.school_id, schoolName: r.school_name, position: r.position });
    out.set(r.application_id, list);
  }
  return out;
}

/** Replaces the members of an application. */
export async function replaceMembers(db: Kysely<DB>, applicationId: number, members: { teacherId: number; schoolId: number }[]) {
  await db.deleteFrom('award_member').where('application_id', '=', applicationId).execute();
  if (members.length > 0)
    await db
      .insertInto('award_member')
      .values(members.map((m, i) => ({ application_id: applicationId, teacher_id: m.teacherId, school_id: m.schoolId, position: i })))
      .execute();
}

/** Teachers with their current school, by id. */
export function findTeachers(db: Kysely<DB>, ids: number[]) {
  return db
    .selectFrom('teacher as t')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select(['t.id', 't.name', 't.school_id', 'v.name as school_name', 't.subject', 't.teaching_stage', 't.is_active'])
    .where('t.id', 'in', ids.length > 0 ? ids : [-1])
    .execute();
}

/** Active teachers matching a name, for the member picker (first 30). */
export function searchTeachers(db: Kysely<DB>, q: string, schoolId?: number) {
  let query = db
    .selectFrom('teacher as t')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select(['t.id', 't.name', 't.school_id', 'v.name as school_name', 't.subject', 't.teaching_stage'])
    .where('t.is_active', '=', true)
    .where('t.school_id', 'is not', null);
  if (q) query = query.where('t.name', 'like', `%${q}%`);
  if (schoolId) query = query.where('t.school_id', '=', schoolId);
  return query.orderBy('t.name').orderBy('t.id').limit(30).execute();
}

/** Metadata of an application's attachments. */
export function findAttachments(db: Kysely<DB>, applicationId: number) {
  return db
    .selectFrom('award_attachment')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

/** One attachment with content when it belongs to the application. */
export function findAttachment(db: Kysely<DB>, applicationId: number, fileId: number) {
  return db
    .selectFrom('award_attachment')
    .selectAll()
    .where('id', '=', fileId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

/** The expert pool with accounts and current schools. */
export function findExperts(db: Kysely<DB>, f: { ids?: number[]; userId?: number | null; isActive?: boolean } = {}) {
  let q = db
    .selectFrom('award_expert as e')
    .innerJoin('app_user as u', 'u.id', 'e.user_id')
    .leftJoin('teacher as t', 't.id', 'u.teacher_id')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select([
      'e.id',
      'e.user_id',
      'u.username',
      'e.name',
      'e.organisation',
      'e.specialty',
      'e.is_active',
      'u.teacher_id',
      't.school_id',
      'v.name as school_name',
    ]);
  if (f.ids) q = q.where('e.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  if (f.userId !== undefined) q = q.where('e.user_id', '=', f.userId ?? -1);
  if (f.isActive !== undefined) q = q.where('e.is_active', '=', f.isActive);
  return q.orderBy('e.id').execute();
}
export type ExpertRow = Awaited<ReturnType<typeof findExperts>>[number];

/** Every assignment of a set of teachers' past schools (teacher_assignment history). */
export async function findPastSchools(db: Kysely<DB>, teacherIds: number[]) {
  const out = new Map<number, { schoolId: number; until: string | null }[]>();
  if (teacherIds.length === 0) return out;
  const rows = await db
    .selectFrom('teacher_assignment')
    .select(['teacher_id', 'school_id', 'valid_to'])
    .where('teacher_id', 'in', teacherIds)
    .execute();
  for (const r of rows) {
    const list = out.get(r.teacher_id) ?? [];
    list.push({ schoolId: r.school_id, until: r.valid_to });
    out.set(r.teacher_id, list);
  }
  return out;
}

/** Assignments (with sheet state) of applications. */
export function findAssignments(db: Kysely<DB>, applicationIds: number[]) {
  return db
    .selectFrom('award_assignment as g')
    .innerJoin('award_expert as e', 'e.id', 'g.expert_id')
    .leftJoin('award_score as s', (j) => j.onRef('s.application_id', '=', 'g.application_id').onRef('s.expert_id', '=', 'g.expert_id'))
    .select([
      'g.application_id',
      'g.expert_id',
      'e.name',
      'g.method',
      's.points',
      's.total',
      's.is_submitted',
      's.is_dropped',
      's.submitted_at',
    ])
    .where('g.application_id', 'in', applicationIds.length > 0 ? applicationIds : [-1])
    .orderBy('g.application_id')
    .orderBy('g.expert_id')
    .execute();
}

/** Objections of a round's applications. */
export function findObjections(db: Kysely<DB>, callId: number, f: { ids?: number[] } = {}) {
  let q = db
    .selectFrom('award_objection as o')
    .innerJoin('award_application as a', 'a.id', 'o.application_id')
    .selectAll('o')
    .select('a.title as application_title')
    .where('a.call_id', '=', callId);
  if (f.ids) q = q.where('o.id', 'in', f.ids.length > 0 ? f.ids : [-1]);
  return q.orderBy('o.filed_at').orderBy('o.id').execute();
}

/** Sets consolidation results of many applications in one statement:
 * `update award_application a set … from (values (…), …) v(id, score, raw_mean, rank, is_tie, grade) where a.id = v.id`. */
export async function setResults(
  db: Kysely<DB>,
  rows: { id: number; score?: number; rawMean?: number; rank: number | null; isTie: boolean; grade: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::int, ${r.score ?? null}::numeric, ${r.rawMean ?? null}::numeric, ${r.rank}::int, ${r.isTie}::boolean, ${r.grade}::text)`,
    ),
  );
  const keepScores = rows[0]!.score === undefined;
  await sql`update award_application a set
      score = ${keepScores ? sql`a.score` : sql`v.score`},
      raw_mean = ${keepScores ? sql`a.raw_mean` : sql`v.raw_mean`},
      rank = v.rank, is_tie = v.is_tie, grade = v.grade
    from (values ${values}) as v(id, score, raw_mean, rank, is_tie, grade) where a.id = v.id`.execute(db);
}

/** Marks which sheets of applications were dropped as the highest or lowest (all others kept). */
export async function setDroppedSheets(db: Kysely<DB>, applicationIds: number[], dropped: { applicationId: number; expertId: number }[]) {
  if (applicationIds.length === 0) return;
  await db.updateTable('award_score').set({ is_dropped: false }).where('application_id', 'in', applicationIds).execute();
  if (dropped.length === 0) return;
  const pairs = sql.join(dropped.map((d) => sql`(${d.applicationId}::int, ${d.expertId}::int)`));
  await sql`update award_score set is_dropped = true where (application_id, expert_id) in (values ${pairs})`.execute(db);
}
