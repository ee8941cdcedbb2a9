import { z } from 'zod';
import { LIMITS } from './common.ts';

/** Roles. Separation of duties (三员分立): sys_admin, security_admin and audit_admin hold no data roles. */
export const ROLES = [
  'sys_admin',
  'security_admin',
  'audit_admin',
  'district_admin',
  'district_staff',
  'inspector',
  'school_admin',
  'teacher',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  district_admin: '区级管理员',
  district_staff: '区级科室人员',
  inspector: '督学',
  school_admin: '学校管理员',
  teacher: '教师',
};

/** Offices of district staff. */
export const OFFICES = ['督导室', '规划科', '教师科', '基础教育科', '学前教育科', '职成教科', '德体卫艺科', '师德办'] as const;

/** Roles whose grant is scoped to one school. */
export const SCHOOL_SCOPED_ROLES: readonly Role[] = ['school_admin', 'teacher'];

export const RoleGrant = z.object({
  /** Grant id (for revoking). */
  id: z.number().int(),
  role: z.enum(ROLES),
  office: z.string().nullable(),
  schoolId: z.number().int().nullable(),
  schoolName: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const LoginRequest = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** What the signed-in user sees of themselves. */
export const Me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(RoleGrant),
  teacherId: z.number().int().nullable(),
  csrfToken: z.string(),
  /** Permissions the UI uses to show navigation; the server enforces them independently. */
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof Me>;

/** Password policy: length, and at least three of lower, upper, digit, symbol. */
export const NewPassword = z
  .string()
  .min(LIMITS.passwordMinLength, `密码至少 ${LIMITS.passwordMinLength} 位`)
  .max(128, '密码最多 128 位')
  .refine((p) => [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3, {
    message: '密码须包含小写字母、大写字母、数字、符号中的至少三类',
  });

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, '请输入当前密码'),
  newPassword: NewPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
