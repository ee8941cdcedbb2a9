/** Sign-in, sessions, CSRF and password change. */
import { NewPassword, permissionsOf, type ChangePasswordRequest, type LoginRequest, type Me } from '@zhiping/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor, Clock, ServiceContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { randomToken, safeEqual, sha256 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';

/** Throttling and session limits. */
export const AUTH_LIMITS = {
  /** Failed passwords in a row before the account is locked. */
  maxFailuresPerUser: 5,
  lockMinutes: 15,
  /** Failed attempts from one address within the window before it is refused. */
  maxFailuresPerIp: 30,
  ipWindowMinutes: 15,
  /** Idle timeout of a session. */
  idleHours: 8,
} as const;

/** A session as the HTTP layer needs it. */
export interface SessionInfo {
  token: string;
  me: Me;
}

/** Builds the Me answer from a user and grants. */
async function buildMe(
  db: Kysely<DB>,
  user: { id: number; username: string; display_name: string; must_change_password: boolean; teacher_id: number | null },
  csrfToken: string,
): Promise<Me> {
  const grants = (await repo.findGrantsOfUsers(db, [user.id])).get(user.id) ?? [];
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    mustChangePassword: user.must_change_password,
    teacherId: user.teacher_id,
    csrfToken,
    roles: grants.map((g) => ({ id: g.id, role: g.role, office: g.office, schoolId: g.schoolId, schoolName: g.schoolName })),
    permissions: permissionsOf(grants.map((g) => g.role)),
  };
}

/** Checks a username and password, applies throttling, and opens a session. */
export async function login(ctx: ServiceContext, input: LoginRequest): Promise<SessionInfo> {
  const ip = ctx.actor.ip ?? 'unknown';
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - AUTH_LIMITS.ipWindowMinutes * 60_000);
  if ((await repo.countFailedAttemptsFromIp(ctx.db, ip, since)) >= AUTH_LIMITS.maxFailuresPerIp) {
    throw new AppError('LIMIT_EXCEEDED', { userMessage: '登录失败次数过多，请 15 分钟后再试' });
  }
  const user = await repo.findUserByUsername(ctx.db, input.username);
  const wrong = new AppError('UNAUTHENTICATED', { userMessage: '用户名或密码错误' });
  if (!user) {
    await repo.insertLoginAttempt(ctx.db, { username: input.username, ip, succeeded: false });
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$invalidinvalidinvalidinvalidinvalidinvalid', input.password);
    throw wrong;
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('LIMIT_EXCEEDED', { userMessage: '账号因多次密码错误已临时锁定，请 15 分钟后再试或联系系统管理员' });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const actor: Actor = { ...ctx.actor, userId: user.id, username: user.username, displayName: user.display_name };
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lockedUntil = failures >= AUTH_LIMITS.maxFailuresPerUser ? new Date(now.getTime() + AUTH_LIMITS.lockMinutes * 60_000) : null;
    await inTransaction(ctx, async (tx) => {
      await repo.insertLoginAttempt(tx.db, { username: input.username, ip, succeeded: false });
      await repo.updateLoginState(tx.db, user.id, { failedLogins: lockedUntil ? 0 : failures, lockedUntil });
      await recordAudit(tx.db, actor, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        summary: lockedUntil ? '密码错误，账号已锁定' : '密码错误',
      });
    });
    throw wrong;
  }
  if (user.is_disabled) throw new AppError('FORBIDDEN', { userMessage: '账号已停用，请联系系统管理员' });
  const token = randomToken();
  const csrfToken = randomToken(24);
  await inTransaction(ctx, async (tx) => {
    await repo.insertLoginAttempt(tx.db, { username: input.username, ip, succeeded: true });
    await repo.updateLoginState(tx.db, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await repo.insertSession(tx.db, { id: sha256(token), userId: user.id, csrfToken, expiresAt: sessionExpiry(now) });
    await recordAudit(tx.db, actor, { action: 'auth.login', entityType: 'user', entityId: user.id, summary: '登录成功' });
  });
  return { token, me: await buildMe(ctx.db, user, csrfToken) };
}

function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + AUTH_LIMITS.idleHours * 3600_000);
}

/** The signed-in state behind a session cookie, or null when it is missing, expired or disabled. */
export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  actor: Omit<Actor, 'ip'>;
  mustChangePassword: boolean;
}

/** Resolves a cookie token to its session and actor, extending the idle timeout. */
export async function resolveSession(db: Kysely<DB>, clock: Clock, token: string): Promise<ResolvedSession | null> {
  const id = sha256(token);
  const now = clock.now();
  const s = await repo.findLiveSession(db, id, now);
  if (!s || s.is_disabled) return null;
  if (now.getTime() - s.last_seen_at.getTime() > 60_000) await repo.touchSession(db, id, now, sessionExpiry(now));
  const grants = (await repo.findGrantsOfUsers(db, [s.user_id])).get(s.user_id) ?? [];
  return {
    sessionId: id,
    csrfToken: s.csrf_token,
    mustChangePassword: s.must_change_password,
    actor: {
      userId: s.user_id,
      username: s.username,
      displayName: s.display_name,
      teacherId: s.teacher_id,
      grants: grants.map(({ role, office, schoolId }) => ({ role, office, schoolId })),
    },
  };
}

/** The Me answer for a resolved session. */
export async function currentUser(ctx: ServiceContext, session: ResolvedSession): Promise<Me> {
  const user = await repo.findUserById(ctx.db, session.actor.userId!);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return buildMe(ctx.db, user, session.csrfToken);
}

/** True when the request's CSRF header matches the session's token. */
export function isCsrfValid(session: ResolvedSession, header: string | undefined): boolean {
  return typeof header === 'string' && safeEqual(header, session.csrfToken);
}

/** Ends the current session. */
export async function logout(ctx: ServiceContext, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await repo.deleteSession(tx.db, sessionId);
    await recordAudit(tx.db, ctx.actor, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId, summary: '退出登录' });
  });
}

/** Changes the actor's own password (policy-checked) and ends their other sessions. */
export async function changeOwnPassword(ctx: ServiceContext, sessionId: string, input: ChangePasswordRequest): Promise<void> {
  const user = await repo.findUserById(ctx.db, ctx.actor.userId!);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '当前密码不正确',
      issues: [{ path: 'currentPassword', message: '当前密码不正确' }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '新密码不能与当前密码相同',
      issues: [{ path: 'newPassword', message: '新密码不能与当前密码相同' }],
    });
  }
  if (input.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '密码不能包含用户名',
      issues: [{ path: 'newPassword', message: '密码不能包含用户名' }],
    });
  }
  NewPassword.parse(input.newPassword);
  const hash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await repo.updatePassword(tx.db, user.id, hash, false, ctx.clock.now());
    await repo.deleteSessionsOfUser(tx.db, user.id, sessionId);
    await recordAudit(tx.db, ctx.actor, { action: 'auth.change_password', entityType: 'user', entityId: user.id, summary: '修改密码' });
  });
}

/** Ends every session of a user (used when an account is disabled or its password reset). */
export async function endSessionsOfUser(db: Kysely<DB>, userId: number): Promise<void> {
  await repo.deleteSessionsOfUser(db, userId);
}

/** Role grants of several users with school names, keyed by user id. */
export function findRoleGrantsOfUsers(db: Kysely<DB>, userIds: number[]) {
  return repo.findGrantsOfUsers(db, userIds);
}
