/** SQL of accounts and role grants (sign-in state lives in the auth module). */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** A page of users, optionally filtered by username or display name. */
export async function findUserPage(db: Kysely<DB>, f: { q?: string | undefined }, page: { offset: number; limit: number }) {
  let q = db.selectFrom('app_user');
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select(['id', 'username', 'display_name', 'is_disabled', 'must_change_password', 'locked_until', 'last_login_at', 'teacher_id'])
    .orderBy('id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(total.n), rows };
}
export type UserRow = Awaited<ReturnType<typeof findUserPage>>['rows'][number];

/** One user. */
export function findUser(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'is_disabled', 'must_change_password', 'locked_until', 'last_login_at', 'teacher_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** True when the username is taken. */
export async function isUsernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  return !!(await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst());
}

/** Inserts a user; returns the id. */
export async function insertUser(db: Kysely<DB>, u: Insertable<DB['app_user']>): Promise<number> {
  return (await db.insertInto('app_user').values(u).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a user. */
export async function updateUser(db: Kysely<DB>, id: number, u: Updateable<DB['app_user']>): Promise<void> {
  await db.updateTable('app_user').set(u).where('id', '=', id).execute();
}

/** Raw grants of a user. */
export function findGrantRows(db: Kysely<DB>, userId: number) {
  return db.selectFrom('role_grant').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

/** Adds a grant; returns its id. */
export async function insertGrant(db: Kysely<DB>, g: Insertable<DB['role_grant']>): Promise<number> {
  return (await db.insertInto('role_grant').values(g).returning('id').executeTakeFirstOrThrow()).id;
}

/** Removes a grant of a user; returns the number removed. */
export async function deleteGrant(db: Kysely<DB>, userId: number, grantId: number): Promise<number> {
  const r = await db.deleteFrom('role_grant').where('id', '=', grantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** How many grants of a role exist (to keep at least one security administrator). */
export async function countGrantsOfRole(db: Kysely<DB>, role: string): Promise<number> {
  const r = await db
    .selectFrom('role_grant')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A teacher's current school (teacher role grants must match it). */
export function findTeacherSchool(db: Kysely<DB>, teacherId: number) {
  return db.selectFrom('teacher').select(['id', 'school_id']).where('id', '=', teacherId).executeTakeFirst();
}

/** Whether a school exists. */
export async function schoolExists(db: Kysely<DB>, schoolId: number): Promise<boolean> {
  return !!(await db.selectFrom('school').select('id').where('id', '=', schoolId).executeTakeFirst());
}

/** Schools by name or code, for role assignment pickers (current names). */
export function findSchoolOptions(db: Kysely<DB>, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['s.id', 's.code', 'v.name'])
    .where('s.closed_on', 'is', null)
    .where((eb) => eb.or([eb('v.name', 'like', like), eb('s.code', 'like', like)]))
    .orderBy('s.code')
    .limit(50)
    .execute();
}

/** Teachers by name, for linking an account to a teacher record (masked IDs only). */
export function findTeacherOptions(db: Kysely<DB>, q: string) {
  const like = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return db
    .selectFrom('teacher as t')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select(['t.id', 't.name', 'v.name as school_name', 't.id_number_masked'])
    .where('t.is_active', '=', true)
    .where('t.name', 'like', like)
    .orderBy('t.name')
    .limit(50)
    .execute();
}
