import type { Role } from './auth.ts';

/** Permissions. The UI reads them to shape navigation; the server's policies enforce them. */
export const PERMISSIONS = [
  'base:read', // schools, statistics, conditions, population (scoped to the user's unit)
  'base:write',
  'teachers:read',
  'teachers:write',
  'teachers:unmask', // read full ID numbers and phones (audited)
  'population:write',
  'imports:run',
  'exports:run',
  'users:manage', // create, disable, reset passwords (sys_admin)
  'roles:assign', // grant and revoke roles (security_admin)
  'audit:read', // audit_admin only
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** What each role may do; scope (district, one school, own record) is applied on top. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sys_admin: ['users:manage'],
  security_admin: ['roles:assign'],
  audit_admin: ['audit:read'],
  district_admin: [
    'base:read',
    'base:write',
    'teachers:read',
    'teachers:write',
    'teachers:unmask',
    'population:write',
    'imports:run',
    'exports:run',
  ],
  district_staff: ['base:read', 'teachers:read', 'exports:run'],
  inspector: ['base:read'],
  school_admin: ['base:read', 'base:write', 'teachers:read', 'teachers:write', 'teachers:unmask', 'imports:run', 'exports:run'],
  teacher: ['teachers:read'],
};

/** Union of the permissions of a set of roles. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const s = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) s.add(p);
  return [...s].sort();
}
