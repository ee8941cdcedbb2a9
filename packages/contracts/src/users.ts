import { z } from 'zod';
import { ROLES, RoleGrant } from './auth.ts';
import { PageQuery, pageOf } from './common.ts';

export const UserSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  isDisabled: z.boolean(),
  mustChangePassword: z.boolean(),
  isLocked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  teacherId: z.number().int().nullable(),
  roles: z.array(RoleGrant),
});
export type UserSummary = z.infer<typeof UserSummary>;
export const UserPage = pageOf(UserSummary);

export const UserListQuery = PageQuery.extend({ q: z.string().trim().max(64).optional() });

export const CreateUserRequest = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, '用户名为3–64位字母、数字、下划线、点或连字符'),
  displayName: z.string().trim().min(1, '请输入姓名').max(50),
  teacherId: z.number().int().positive().nullable().default(null),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** Created users and reset passwords get a one-time password shown once. */
export const OneTimePassword = z.object({ userId: z.number().int(), temporaryPassword: z.string() });

export const UpdateUserRequest = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  isDisabled: z.boolean().optional(),
});

export const GrantRoleRequest = z.object({
  role: z.enum(ROLES),
  office: z.string().trim().max(50).nullable().default(null),
  schoolId: z.number().int().positive().nullable().default(null),
});
export type GrantRoleRequest = z.infer<typeof GrantRoleRequest>;

export const AuditQuery = PageQuery.extend({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  from: z
    .string()
    .datetime({ offset: true })
    .or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .optional(),
  to: z
    .string()
    .datetime({ offset: true })
    .or(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  schoolId: z.number().int().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);

/** A school to pick when granting a school-scoped role (minimal fields; no base-data access needed). */
export const SchoolOption = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
/** A teacher record to link to an account (masked ID only). */
export const TeacherOption = z.object({
  id: z.number().int(),
  name: z.string(),
  schoolName: z.string().nullable(),
  idNumberMasked: z.string(),
});
export const OptionQuery = z.object({ q: z.string().trim().max(50).default('') });
