/**
 * Who may do what in continuing education (继续教育):
 * - 教师科 (district_staff of 教师科) and district_admin manage everything: rules, courses at any level,
 *   sessions, enrolment, attendance, completion, imports, approvals;
 * - other district staff and inspectors read the district's compliance (read-only);
 * - a school administrator manages their school's teachers' records: 校本 courses of the school, enrolment,
 *   attendance and completion of their teachers, imports of their teachers' completion lists, and approves
 *   their teachers' outside trainings (the school holds the evidence; the district may approve too);
 * - a teacher sees only their own hours and submits their own outside trainings (减负: nothing else).
 */
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The office that runs teacher training. */
export const TRAINING_OFFICE = '教师科';

/** What the actor may reach in training. */
export interface TrainingAccess {
  userId: number | null;
  /** Manages everything district-wide (教师科, district_admin). */
  isManager: boolean;
  /** Reads the whole district (district roles, inspectors). */
  isDistrictReader: boolean;
  /** Schools whose teachers' records the actor manages (school_admin). */
  adminSchoolIds: number[];
  /** The actor's own teacher record (teacher role). */
  ownTeacherId: number | null;
}

/** The access of an actor. */
export function trainingAccess(actor: Actor): TrainingAccess {
  const g = actor.grants;
  const isManager = g.some((x) => x.role === 'district_admin' || (x.role === 'district_staff' && x.office === TRAINING_OFFICE));
  return {
    userId: actor.userId,
    isManager,
    isDistrictReader: isManager || g.some((x) => x.role === 'district_staff' || x.role === 'inspector'),
    adminSchoolIds: [...new Set(g.filter((x) => x.role === 'school_admin' && x.schoolId !== null).map((x) => x.schoolId!))],
    ownTeacherId: g.some((x) => x.role === 'teacher') ? actor.teacherId : null,
  };
}

/** Whose teacher records a query may return. */
export type TeacherReach =
  { kind: 'all' } | { kind: 'schools'; schoolIds: number[] } | { kind: 'self'; teacherId: number } | { kind: 'none' };

/** The teachers the actor may read: district readers all, school admins their schools, a teacher themself. */
export function readableTeachers(access: TrainingAccess): TeacherReach {
  if (access.isDistrictReader) return { kind: 'all' };
  if (access.adminSchoolIds.length) return { kind: 'schools', schoolIds: access.adminSchoolIds };
  if (access.ownTeacherId !== null) return { kind: 'self', teacherId: access.ownTeacherId };
  return { kind: 'none' };
}

/** The teachers whose records the actor may change: managers all, school admins their schools. */
export function manageableTeachers(access: TrainingAccess): TeacherReach {
  if (access.isManager) return { kind: 'all' };
  if (access.adminSchoolIds.length) return { kind: 'schools', schoolIds: access.adminSchoolIds };
  return { kind: 'none' };
}

/** Throws FORBIDDEN unless the actor has any part in training. */
export function requireTrainingReader(access: TrainingAccess): void {
  if (readableTeachers(access).kind === 'none') throw new AppError('FORBIDDEN', { userMessage: '无权查看继续教育数据' });
}

/** Throws FORBIDDEN unless the actor manages training district-wide. */
export function requireManager(access: TrainingAccess, what = '继续教育'): void {
  if (!access.isManager) throw new AppError('FORBIDDEN', { userMessage: `${what}由区教师科（或区级管理员）管理` });
}

/** Throws FORBIDDEN unless the actor manages some teachers (district or a school). */
export function requireSomeManager(access: TrainingAccess): void {
  if (manageableTeachers(access).kind === 'none') throw new AppError('FORBIDDEN', { userMessage: '只有区教师科或学校管理员可以登记培训' });
}

/** Whether the actor may manage a course (district courses: managers; 校本: also the school's admin). */
export function canManageCourse(access: TrainingAccess, course: { schoolId: number | null }): boolean {
  if (access.isManager) return true;
  return course.schoolId !== null && access.adminSchoolIds.includes(course.schoolId);
}

/** Whether the actor may review an outside training of a teacher at a school. */
export function canReviewOutside(access: TrainingAccess, schoolId: number | null): boolean {
  return access.isManager || (schoolId !== null && access.adminSchoolIds.includes(schoolId));
}
