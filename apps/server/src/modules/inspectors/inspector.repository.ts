/**
 * SQL of inspectors: the users holding the inspector role with their profile (phone, title, duties),
 * their work history through the linked teacher record (for 回避), their related schools, and the
 * responsible-inspector assignments (责任督学, dated; one current per school).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Enabled users with the inspector role, with profile and the linked teacher's current school. */
export function findInspectorUsers(db: Kysely<DB>, ids?: number[]) {
  let q = db
    .selectFrom('app_user as u')
    .leftJoin('inspector_profile as p', 'p.user_id', 'u.id')
    .leftJoin('teacher as t', 't.id', 'u.teacher_id')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.teacher_id',
      'p.phone',
      'p.title',
      'p.duties',
      't.is_active as teacher_active',
      't.school_id as teacher_school_id',
      'v.name as teacher_school_name',
    ])
    .where('u.is_disabled', '=', false)
    .where(sql<SqlBool>`exists (select 1 from role_grant g where g.user_id = u.id and g.role = 'inspector')`);
  if (ids) q = q.where('u.id', 'in', ids.length > 0 ? ids : [-1]);
  return q.orderBy('u.display_name').orderBy('u.id').execute();
}
export type InspectorUserRow = Awaited<ReturnType<typeof findInspectorUsers>>[number];

/** Past and current assignments of teacher records (school and last day; null while open). */
export async function findWorkHistory(db: Kysely<DB>, teacherIds: number[]) {
  if (teacherIds.length === 0) return [];
  return db
    .selectFrom('teacher_assignment')
    .select(['teacher_id', 'school_id', 'valid_from', 'valid_to'])
    .where('teacher_id', 'in', teacherIds)
    .execute();
}

/** Related schools of inspectors, with the school name. */
export async function findRelatedSchools(db: Kysely<DB>, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('inspector_related_school as r')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'r.school_id').on('v.valid_to', 'is', null))
    .select(['r.user_id', 'r.school_id', 'r.reason', 'v.name as school_name'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.school_id')
    .execute();
}

/** Stores an inspector's profile. */
export async function upsertProfile(
  db: Kysely<DB>,
  userId: number,
  p: { phone: string; title: string; duties: string },
  byName: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('inspector_profile')
    .values({ user_id: userId, ...p, updated_by_name: byName, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...p, updated_by_name: byName, updated_at: now }))
    .execute();
}

/** Replaces an inspector's related schools. */
export async function replaceRelatedSchools(db: Kysely<DB>, userId: number, rows: { schoolId: number; reason: string }[]): Promise<void> {
  await db.deleteFrom('inspector_related_school').where('user_id', '=', userId).execute();
  if (rows.length > 0)
    await db
      .insertInto('inspector_related_school')
      .values(rows.map((r) => ({ user_id: userId, school_id: r.schoolId, reason: r.reason })))
      .execute();
}

/** Open schools with their current responsible inspector (if any). */
export function findSchoolsWithResponsible(db: Kysely<DB>, f: { inspectorId?: number | undefined; schoolIds?: number[] | undefined }) {
  let q = db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .leftJoin('responsible_inspector as ri', (j) => j.onRef('ri.school_id', '=', 's.id').on('ri.valid_to', 'is', null))
    .leftJoin('app_user as u', 'u.id', 'ri.inspector_id')
    .select([
      's.id as school_id',
      's.code as school_code',
      'v.name as school_name',
      'v.address',
      'st.name as street_name',
      'ri.inspector_id',
      'u.display_name as inspector_name',
      'ri.valid_from as since',
    ])
    .where('s.closed_on', 'is', null);
  if (f.inspectorId) q = q.where('ri.inspector_id', '=', f.inspectorId);
  if (f.schoolIds) q = q.where('s.id', 'in', f.schoolIds.length > 0 ? f.schoolIds : [-1]);
  return q.orderBy('s.code').execute();
}

/** School ids an inspector is currently responsible for. */
export async function findResponsibleSchoolIds(db: Kysely<DB>, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('responsible_inspector')
    .select('school_id')
    .where('inspector_id', '=', userId)
    .where('valid_to', 'is', null)
    .execute();
  return rows.map((r) => r.school_id);
}

/** The current responsibility of a school, or undefined. */
export function findCurrentResponsibility(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('responsible_inspector as ri')
    .innerJoin('app_user as u', 'u.id', 'ri.inspector_id')
    .select(['ri.id', 'ri.inspector_id', 'u.display_name as inspector_name', 'ri.valid_from'])
    .where('ri.school_id', '=', schoolId)
    .where('ri.valid_to', 'is', null)
    .executeTakeFirst();
}

/** Ends a responsibility on a day. */
export async function endResponsibility(db: Kysely<DB>, id: number, validTo: string): Promise<void> {
  await db.updateTable('responsible_inspector').set({ valid_to: validTo }).where('id', '=', id).execute();
}

/** Removes a responsibility that would end before it began (replaced on its first day). */
export async function deleteResponsibility(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('responsible_inspector').where('id', '=', id).execute();
}

/** Starts a responsibility. */
export async function insertResponsibility(db: Kysely<DB>, schoolId: number, inspectorId: number, validFrom: string): Promise<void> {
  await db.insertInto('responsible_inspector').values({ school_id: schoolId, inspector_id: inspectorId, valid_from: validFrom }).execute();
}

/** Visit dates per school (for the visit rhythm). */
export async function findVisitDates(db: Kysely<DB>, schoolIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (schoolIds.length === 0) return out;
  const rows = await db
    .selectFrom('inspector_visit')
    .select(['school_id', 'visit_date'])
    .where('school_id', 'in', schoolIds)
    .orderBy('visit_date')
    .execute();
  for (const r of rows) out.set(r.school_id, [...(out.get(r.school_id) ?? []), r.visit_date]);
  return out;
}

/** A setting's value, or undefined. */
export async function findSetting(db: Kysely<DB>, key: string): Promise<unknown> {
  return (await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

/** Stores a setting. */
export async function upsertSetting(db: Kysely<DB>, key: string, value: unknown, now: Date): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value: JSON.stringify(value), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
    .execute();
}

/** A school's name, code and address (current version), or undefined. */
export function findSchoolCard(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .innerJoin('org_unit as d', 'd.id', 's.district_id')
    .select(['s.id', 's.code', 'v.name', 'v.address', 'd.name as district_name'])
    .where('s.id', '=', schoolId)
    .executeTakeFirst();
}

/** The id of a user by username. */
export async function findUserId(db: Kysely<DB>, username: string): Promise<number | undefined> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst())?.id;
}

/** Creates inspector accounts (demo data): must change the given password at first sign-in; returns ids by username. */
export async function insertInspectorAccounts(
  db: Kysely<DB>,
  accounts: { username: string; displayName: string; teacherId: number | null }[],
  passwordHash: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (accounts.length === 0) return out;
  const rows = await db
    .insertInto('app_user')
    .values(
      accounts.map((a) => ({
        username: a.username,
        display_name: a.displayName,
        password_hash: passwordHash,
        must_change_password: true,
        teacher_id: a.teacherId,
        locked_until: null,
        last_login_at: null,
      })),
    )
    .returning(['id', 'username'])
    .execute();
  await db
    .insertInto('role_grant')
    .values(rows.map((r) => ({ user_id: r.id, role: 'inspector', office: null, school_id: null, granted_by: null })))
    .execute();
  for (const r of rows) out.set(r.username, r.id);
  return out;
}

/** Starts many responsibilities at once (demo data). */
export async function insertResponsibilities(
  db: Kysely<DB>,
  rows: { schoolId: number; inspectorId: number; validFrom: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('responsible_inspector')
    .values(rows.map((r) => ({ school_id: r.schoolId, inspector_id: r.inspectorId, valid_from: r.validFrom })))
    .execute();
}

/** Open schools with their street, by street name then code (demo data). */
export function findOpenSchoolsByStreet(db: Kysely<DB>) {
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .select(['s.id', 's.code', 'v.name', 'v.type_code', 'st.name as street_name'])
    .where('s.closed_on', 'is', null)
    .orderBy('st.name')
    .orderBy('s.code')
    .execute();
}

/** One active teacher id per given school (lowest id), for linking demo inspectors to a work history. */
export async function findFirstTeachers(db: Kysely<DB>, schoolIds: number[]): Promise<Map<number, number>> {
  if (schoolIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('teacher')
    .select(['school_id', (eb) => eb.fn.min('id').as('id')])
    .where('school_id', 'in', schoolIds)
    .where('is_active', '=', true)
    .groupBy('school_id')
    .execute();
  return new Map(rows.map((r) => [r.school_id!, Number(r.id)]));
}
