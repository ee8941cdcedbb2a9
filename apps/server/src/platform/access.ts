/**
 * Data scope: which schools' records an actor may see. Every repository query that returns school-
 * or teacher-owned rows takes a DataScope and filters by it, so scoping is enforced in the data layer.
 */
import { ROLE_PERMISSIONS, type Permission } from '@zhiping/contracts';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

export type DataScope =
  /** The whole district. */
  | { kind: 'district' }
  /** Only these schools. */
  | { kind: 'schools'; schoolIds: number[] }
  /** Only one teacher's own record. */
  | { kind: 'self'; teacherId: number | null };

/** True when any of the actor's roles grants the permission. */
export function hasPermission(actor: Actor, permission: Permission): boolean {
  return actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

/** Throws FORBIDDEN unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!hasPermission(actor, permission)) throw new AppError('FORBIDDEN');
}

/**
 * The widest scope under which the actor holds `permission`: district-wide grants win, then the union
 * of school grants, then the teacher's own record.
 */
export function scopeFor(actor: Actor, permission: Permission): DataScope {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  if (grants.length === 0) throw new AppError('FORBIDDEN');
  if (grants.some((g) => g.schoolId === null && g.role !== 'teacher')) return { kind: 'district' };
  const schoolIds = [...new Set(grants.filter((g) => g.role !== 'teacher' && g.schoolId !== null).map((g) => g.schoolId!))];
  if (schoolIds.length > 0) return { kind: 'schools', schoolIds };
  return { kind: 'self', teacherId: actor.teacherId };
}

/** True when a school's records fall inside the scope. */
export function scopeIncludesSchool(scope: DataScope, schoolId: number | null): boolean {
  switch (scope.kind) {
    case 'district':
      return true;
    case 'schools':
      return schoolId !== null && scope.schoolIds.includes(schoolId);
    case 'self':
      return false;
  }
}

/** Throws NOT_FOUND (not FORBIDDEN: other schools' records are not revealed) when out of scope. */
export function assertSchoolInScope(scope: DataScope, schoolId: number | null, what = '学校'): void {
  if (!scopeIncludesSchool(scope, schoolId)) {
    throw new AppError('NOT_FOUND', { userMessage: `${what}不存在或无权查看` });
  }
}
