/** All SQL of sign-in, sessions and grants. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ActorGrant } from '../../platform/context.ts';
import type { Role } from '@zhiping/contracts';

/** Finds a user by username (case-sensitive). */
export function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Finds a user by id. */
export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The grants of users, with school names, keyed by user id. */
export async function findGrantsOfUsers(db: Kysely<DB>, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, (ActorGrant & { id: number; schoolName: string | null })[]>();
  const rows = await db
    .selectFrom('role_grant as g')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'g.school_id').on('v.valid_to', 'is', null))
    .select(['g.id', 'g.user_id', 'g.role', 'g.office', 'g.school_id', 'v.name as school_name'])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.id')
    .execute();
  const map = new Map<number, (ActorGrant & { id: number; schoolName: string | null })[]>();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push({ id: r.id, role: r.role as Role, office: r.office, schoolId: r.school_id, schoolName: r.school_name });
    map.set(r.user_id, list);
  }
  return map;
}

/** Stores a new session (the id is the hash of the cookie token). */
export async function insertSession(db: Kysely<DB>, s: { id: string; userId: number; csrfToken: string; expiresAt: Date }) {
  await db.insertInto('app_session').values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt }).execute();
}

/** Finds a live session with its user. */
export function findLiveSession(db: Kysely<DB>, id: string, now: Date) {
  return db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.must_change_password',
      'u.is_disabled',
      'u.teacher_id',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

/** Moves a session's idle expiry forward. */
export async function touchSession(db: Kysely<DB>, id: string, now: Date, expiresAt: Date) {
  await db.updateTable('app_session').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<DB>, id: string) {
  await db.deleteFrom('app_session').where('id', '=', id).execute();
}

/** Ends every session of a user (password change, disable, role change). */
export async function deleteSessionsOfUser(db: Kysely<DB>, userId: number, exceptId?: string) {
  let q = db.deleteFrom('app_session').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/** Records a sign-in attempt for throttling. */
export async function insertLoginAttempt(db: Kysely<DB>, a: { username: string; ip: string; succeeded: boolean }) {
  await db.insertInto('login_attempt').values(a).execute();
}

/** Failed attempts from one address since a moment. */
export async function countFailedAttemptsFromIp(db: Kysely<DB>, ip: string, since: Date): Promise<number> {
  const r = await db
    .selectFrom('login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Sets the failure counter and lock of a user. */
export async function updateLoginState(
  db: Kysely<DB>,
  userId: number,
  s: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
) {
  await db
    .updateTable('app_user')
    .set({ failed_logins: s.failedLogins, locked_until: s.lockedUntil, ...(s.lastLoginAt ? { last_login_at: s.lastLoginAt } : {}) })
    .where('id', '=', userId)
    .execute();
}

/** Replaces a user's password hash. */
export async function updatePassword(db: Kysely<DB>, userId: number, hash: string, mustChange: boolean, now: Date) {
  await db
    .updateTable('app_user')
    .set({
      password_hash: hash,
      must_change_password: mustChange,
      password_changed_at: now,
      updated_at: now,
      failed_logins: 0,
      locked_until: null,
    })
    .where('id', '=', userId)
    .execute();
}
