/**
 * Who may do what in 交流轮岗: 教师科 staff and the district admin run it (rules, eligible list, plans,
 * approval); other district staff read it; a school administrator reviews the moves from and to their
 * school; a teacher sees and acknowledges their own move.
 */
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The office that runs teacher rotation. */
export const ROTATION_OFFICE = '教师科';

/** What the actor may reach in rotation. */
export interface RotationAccess {
  /** Runs rotation (district_admin, district_staff of 教师科). */
  isManager: boolean;
  /** Reads everything (any district role). */
  isDistrictReader: boolean;
  /** Schools the actor administers. */
  adminSchoolIds: number[];
  /** The actor's own teacher record. */
  teacherId: number | null;
}

/** The access of an actor. */
export function rotationAccess(actor: Actor): RotationAccess {
  const g = actor.grants;
  return {
    isManager: g.some((x) => x.role === 'district_admin' || (x.role === 'district_staff' && x.office === ROTATION_OFFICE)),
    isDistrictReader: g.some((x) => x.role === 'district_admin' || x.role === 'district_staff'),
    adminSchoolIds: [...new Set(g.filter((x) => x.role === 'school_admin' && x.schoolId !== null).map((x) => x.schoolId!))],
    teacherId: actor.teacherId,
  };
}

/** Throws FORBIDDEN unless the actor runs rotation. */
export function requireManager(access: RotationAccess): void {
  if (!access.isManager) throw new AppError('FORBIDDEN', { userMessage: '交流轮岗由区教师科（或区级管理员）办理' });
}

/** Throws FORBIDDEN unless the actor reads district-wide rotation data. */
export function requireDistrictReader(access: RotationAccess): void {
  if (!access.isDistrictReader) throw new AppError('FORBIDDEN', { userMessage: '仅区级用户可查看' });
}

/** The workflow capacities of the actor on a plan. */
export function planCapacities(access: RotationAccess): string[] {
  return access.isManager ? ['district'] : [];
}
