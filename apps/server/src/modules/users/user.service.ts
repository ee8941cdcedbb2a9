/** Account administration (system administrator) and role assignment (security administrator). */
import type { CreateUserRequest, GrantRoleRequest, Page, UserSummary } from '@zhiping/contracts';
import type { z } from 'zod';
import type { UpdateUserRequest } from '@zhiping/contracts';
import { hasPermission, requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { endSessionsOfUser, findRoleGrantsOfUsers } from '../auth/auth.service.ts';
import { generateTemporaryPassword, hashPassword } from '../auth/password.ts';
import { checkGrant } from './user.policy.ts';
import * as repo from './user.repository.ts';

function requireUserAdminOrSecurity(ctx: ServiceContext) {
  if (!hasPermission(ctx.actor, 'users:manage') && !hasPermission(ctx.actor, 'roles:assign')) throw new AppError('FORBIDDEN');
}

async function toSummaries(ctx: ServiceContext, rows: repo.UserRow[]): Promise<UserSummary[]> {
  const grants = await findRoleGrantsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    isDisabled: r.is_disabled,
    mustChangePassword: r.must_change_password,
    isLocked: !!r.locked_until && r.locked_until > now,
    lastLoginAt: r.last_login_at ? r.last_login_at.toISOString() : null,
    teacherId: r.teacher_id,
    roles: (grants.get(r.id) ?? []).map((g) => ({
      id: g.id,
      role: g.role,
      office: g.office,
      schoolId: g.schoolId,
      schoolName: g.schoolName,
    })),
  }));
}

/** A page of accounts. */
export async function listUsers(
  ctx: ServiceContext,
  query: { page: number; pageSize: number; q?: string | undefined },
): Promise<Page<UserSummary>> {
  requireUserAdminOrSecurity(ctx);
  const { total, rows } = await repo.findUserPage(
    ctx.db,
    { q: query.q },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: await toSummaries(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

async function getUser(ctx: ServiceContext, id: number): Promise<UserSummary> {
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw notFound('账号');
  return (await toSummaries(ctx, [row]))[0]!;
}

/** Creates an account with a one-time password that must be changed at first sign-in. */
export async function createUser(ctx: ServiceContext, input: CreateUserRequest): Promise<{ userId: number; temporaryPassword: string }> {
  requirePermission(ctx.actor, 'users:manage');
  if (await repo.isUsernameTaken(ctx.db, input.username))
    throw new AppError('CONFLICT', {
      userMessage: `用户名 ${input.username} 已存在`,
      issues: [{ path: 'username', message: '用户名已存在' }],
    });
  if (input.teacherId && !(await repo.findTeacherSchool(ctx.db, input.teacherId)))
    throw new AppError('VALIDATION_FAILED', {
      userMessage: '关联的教师档案不存在',
      issues: [{ path: 'teacherId', message: '教师档案不存在' }],
    });
  const temporaryPassword = generateTemporaryPassword();
  const hash = await hashPassword(temporaryPassword);
  const userId = await inTransaction(ctx, async (tx) => {
    const id = await repo.insertUser(tx.db, {
      username: input.username,
      display_name: input.displayName,
      password_hash: hash,
      must_change_password: true,
      teacher_id: input.teacherId,
      locked_until: null,
      last_login_at: null,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      summary: `创建账号 ${input.username}（${input.displayName}）`,
      after: input,
    });
    return id;
  });
  return { userId, temporaryPassword };
}

/** Renames, disables or re-enables an account (disabling ends its sessions). */
export async function updateUser(ctx: ServiceContext, id: number, input: z.infer<typeof UpdateUserRequest>): Promise<UserSummary> {
  requirePermission(ctx.actor, 'users:manage');
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw notFound('账号');
  if (id === ctx.actor.userId && input.isDisabled) throw new AppError('INVALID_STATE', { userMessage: '不能停用自己的账号' });
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.isDisabled !== undefined ? { is_disabled: input.isDisabled } : {}),
      updated_at: ctx.clock.now(),
    });
    if (input.isDisabled) await endSessionsOfUser(tx.db, id);
    await recordAudit(tx.db, ctx.actor, {
      action: input.isDisabled === true ? 'user.disable' : input.isDisabled === false ? 'user.enable' : 'user.update',
      entityType: 'user',
      entityId: id,
      summary: `修改账号 ${row.username}`,
      before: { display_name: row.display_name, is_disabled: row.is_disabled },
      after: input,
    });
  });
  return getUser(ctx, id);
}

/** Issues a new one-time password, unlocks the account and ends its sessions. */
export async function resetPassword(ctx: ServiceContext, id: number): Promise<{ userId: number; temporaryPassword: string }> {
  requirePermission(ctx.actor, 'users:manage');
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw notFound('账号');
  if (id === ctx.actor.userId) throw new AppError('INVALID_STATE', { userMessage: '请通过“修改密码”修改自己的密码' });
  const temporaryPassword = generateTemporaryPassword();
  const hash = await hashPassword(temporaryPassword);
  await inTransaction(ctx, async (tx) => {
    await repo.updateUser(tx.db, id, {
      password_hash: hash,
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: ctx.clock.now(),
      updated_at: ctx.clock.now(),
    });
    await endSessionsOfUser(tx.db, id);
    await recordAudit(tx.db, ctx.actor, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      summary: `重置账号 ${row.username} 的密码`,
    });
  });
  return { userId: id, temporaryPassword };
}

/** Grants a role (security administrator), enforcing separation of duties and scope rules. */
export async function grantRole(ctx: ServiceContext, userId: number, input: GrantRoleRequest): Promise<UserSummary> {
  requirePermission(ctx.actor, 'roles:assign');
  const row = await repo.findUser(ctx.db, userId);
  if (!row) throw notFound('账号');
  const existing = await repo.findGrantRows(ctx.db, userId);
  const teacher = row.teacher_id ? await repo.findTeacherSchool(ctx.db, row.teacher_id) : undefined;
  const refusal = checkGrant(
    input,
    existing.map((g) => g.role as GrantRoleRequest['role']),
    {
      isSelf: userId === ctx.actor.userId,
      teacherId: row.teacher_id,
      teacherSchoolId: teacher?.school_id ?? null,
    },
  );
  if (refusal) throw new AppError('VALIDATION_FAILED', { userMessage: refusal, issues: [{ path: 'role', message: refusal }] });
  if (input.schoolId !== null && !(await repo.schoolExists(ctx.db, input.schoolId)))
    throw new AppError('VALIDATION_FAILED', { userMessage: '学校不存在', issues: [{ path: 'schoolId', message: '学校不存在' }] });
  if (existing.some((g) => g.role === input.role && g.school_id === input.schoolId && (g.office ?? null) === input.office))
    throw new AppError('CONFLICT', { userMessage: '该账号已有此角色' });
  await inTransaction(ctx, async (tx) => {
    const grantId = await repo.insertGrant(tx.db, {
      user_id: userId,
      role: input.role,
      office: input.office,
      school_id: input.schoolId,
      granted_by: ctx.actor.userId,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'role.grant',
      entityType: 'user',
      entityId: userId,
      schoolId: input.schoolId,
      summary: `为账号 ${row.username} 授予角色 ${input.role}`,
      after: { grantId, ...input },
    });
  });
  return getUser(ctx, userId);
}

/** Revokes a role; the last security administrator cannot be removed. */
export async function revokeRole(ctx: ServiceContext, userId: number, grantId: number): Promise<UserSummary> {
  requirePermission(ctx.actor, 'roles:assign');
  const row = await repo.findUser(ctx.db, userId);
  if (!row) throw notFound('账号');
  if (userId === ctx.actor.userId) throw new AppError('INVALID_STATE', { userMessage: '不能修改自己的角色' });
  const grant = (await repo.findGrantRows(ctx.db, userId)).find((g) => g.id === grantId);
  if (!grant) throw notFound('角色');
  if (grant.role === 'security_admin' && (await repo.countGrantsOfRole(ctx.db, 'security_admin')) <= 1) {
    throw new AppError('INVALID_STATE', { userMessage: '必须至少保留一名安全管理员' });
  }
  await inTransaction(ctx, async (tx) => {
    await repo.deleteGrant(tx.db, userId, grantId);
    await recordAudit(tx.db, ctx.actor, {
      action: 'role.revoke',
      entityType: 'user',
      entityId: userId,
      schoolId: grant.school_id,
      summary: `撤销账号 ${row.username} 的角色 ${grant.role}`,
      before: { role: grant.role, office: grant.office, school_id: grant.school_id },
    });
  });
  return getUser(ctx, userId);
}

/** Schools to pick when granting a school-scoped role (security administrator). */
export async function listSchoolOptions(ctx: ServiceContext, q: string): Promise<{ id: number; code: string; name: string }[]> {
  requireUserAdminOrSecurity(ctx);
  return repo.findSchoolOptions(ctx.db, q);
}

/** Teacher records to link to an account (system administrator); names and masked IDs only. */
export async function listTeacherOptions(
  ctx: ServiceContext,
  q: string,
): Promise<{ id: number; name: string; schoolName: string | null; idNumberMasked: string }[]> {
  requirePermission(ctx.actor, 'users:manage');
  if (!q) return [];
  const rows = await repo.findTeacherOptions(ctx.db, q);
  return rows.map((r) => ({ id: r.id, name: r.name, schoolName: r.school_name, idNumberMasked: r.id_number_masked }));
}
