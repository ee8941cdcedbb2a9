/**
 * SQL of the demo loader for what the import writers do not cover: streets with their codes, closed
 * schools, past assignments (调动, 交流轮岗), extra recognitions and the demo accounts.
 */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Rows per multi-row INSERT. */
const BATCH = 1000;

async function insertInBatches<T extends keyof DB>(db: Kysely<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
}

/** True when any school exists (the demo loads only into an empty district). */
export async function hasAnySchool(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('school').select('id').limit(1).executeTakeFirst());
}

/** The district org unit. */
export function findDistrictUnit(db: Kysely<DB>, districtId: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'region_code'])
    .where('id', '=', districtId)
    .where('kind', '=', 'district')
    .executeTakeFirst();
}

/** Creates the streets with their own codes (existing codes are left alone). */
export async function insertStreets(db: Kysely<DB>, districtId: number, streets: { code: string; name: string }[]): Promise<void> {
  if (streets.length === 0) return;
  await db
    .insertInto('org_unit')
    .values(streets.map((s) => ({ kind: 'street' as const, code: s.code, name: s.name, parent_id: districtId, region_code: null })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Ids of schools by 学校标识码. */
export async function findSchoolIds(db: Kysely<DB>, codes: string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('school').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Marks schools closed. */
export async function closeSchools(db: Kysely<DB>, closures: { schoolId: number; closedOn: string }[]): Promise<void> {
  for (const c of closures) await db.updateTable('school').set({ closed_on: c.closedOn }).where('id', '=', c.schoolId).execute();
}

/** Ids of teachers by ID-number hash. */
export async function findTeacherIdsByHash(db: Kysely<DB>, hashes: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < hashes.length; i += BATCH) {
    const rows = await db
      .selectFrom('teacher')
      .select(['id', 'id_number_hash'])
      .where('id_number_hash', 'in', hashes.slice(i, i + BATCH))
      .execute();
    for (const r of rows) out.set(r.id_number_hash, r.id);
  }
  return out;
}

/** Adds assignment history rows. */
export function insertAssignments(db: Kysely<DB>, rows: Insertable<DB['teacher_assignment']>[]): Promise<void> {
  return insertInBatches(db, 'teacher_assignment', rows);
}

/** Sets the reason of teachers' open full assignments (the import writer records a generic one). */
export async function setOpenAssignmentReasons(db: Kysely<DB>, items: { teacherId: number; reason: string }[]): Promise<void> {
  for (const it of items) {
    await db
      .updateTable('teacher_assignment')
      .set({ reason: it.reason })
      .where('teacher_id', '=', it.teacherId)
      .where('kind', '=', 'full')
      .where('valid_to', 'is', null)
      .execute();
  }
}

/** Adds recognitions. */
export function insertRecognitions(db: Kysely<DB>, rows: Insertable<DB['teacher_recognition']>[]): Promise<void> {
  return insertInBatches(db, 'teacher_recognition', rows);
}

/** The password hash of the initial district administrator account, when it exists. */
export async function findAdminPasswordHash(db: Kysely<DB>): Promise<string | undefined> {
  const admin = await db
    .selectFrom('app_user as u')
    .innerJoin('role_grant as g', 'g.user_id', 'u.id')
    .select('u.password_hash')
    .where('g.role', '=', 'district_admin')
    .orderBy((eb) => eb.case().when('u.username', '=', 'admin').then(0).else(1).end())
    .orderBy('u.id')
    .executeTakeFirst();
  return admin?.password_hash;
}

/** Usernames among these that already exist. */
export async function findExistingUsernames(db: Kysely<DB>, usernames: string[]): Promise<string[]> {
  if (usernames.length === 0) return [];
  return (await db.selectFrom('app_user').select('username').where('username', 'in', usernames).execute()).map((r) => r.username);
}

/** Creates one account with one role grant; returns the user id. */
export async function insertAccount(
  db: Kysely<DB>,
  a: {
    username: string;
    displayName: string;
    passwordHash: string;
    teacherId: number | null;
    role: string;
    office: string | null;
    schoolId: number | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('app_user')
    .values({
      username: a.username,
      display_name: a.displayName,
      password_hash: a.passwordHash,
      must_change_password: true,
      teacher_id: a.teacherId,
      locked_until: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grant')
    .values({ user_id: id, role: a.role, office: a.office, school_id: a.schoolId, granted_by: null })
    .execute();
  return id;
}
