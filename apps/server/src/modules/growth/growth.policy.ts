/**
 * Who may do what in teacher growth. The 教师科 (district_staff of 教师科, or district_admin) manages
 * studios, expert teams, selection rounds, the annual test and the targets; every district user reads
 * studios, teams, rounds and the dashboard; a school administrator reads and nominates for their own
 * school; a teacher reads their own growth page, applies for themself, records the activities of a
 * studio they host or the visits of a team they lead, and scores when assigned as a reviewer. Test
 * results are visible to the teacher, their school and the 教师科 only (no one else, no public ranking).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The district office that runs teacher growth. */
export const GROWTH_OFFICE = '教师科';

/** What the actor may reach in teacher growth. */
export interface GrowthAccess {
  userId: number | null;
  /** The teacher record linked to the account (teacher role). */
  teacherId: number | null;
  /** 教师科 or district_admin: manages everything and sees every test result. */
  isManager: boolean;
  /** Any district user (reads studios, teams, rounds, the dashboard and teachers' growth pages). */
  isDistrictReader: boolean;
  /** Schools the actor administers. */
  adminSchoolIds: number[];
  isTeacher: boolean;
}

/** The access of an actor. */
export function growthAccess(actor: Actor): GrowthAccess {
  const g = actor.grants;
  const isTeacher = g.some((x) => x.role === 'teacher');
  return {
    userId: actor.userId,
    teacherId: isTeacher ? actor.teacherId : null,
    isManager: g.some((x) => x.role === 'district_admin' || (x.role === 'district_staff' && x.office === GROWTH_OFFICE)),
    isDistrictReader: g.some((x) => x.role === 'district_admin' || x.role === 'district_staff'),
    adminSchoolIds: [...new Set(g.filter((x) => x.role === 'school_admin' && x.schoolId !== null).map((x) => x.schoolId!))],
    isTeacher,
  };
}

/** Throws FORBIDDEN unless the actor has any part in teacher growth. */
export function requireGrowthReader(access: GrowthAccess): void {
  if (!access.isDistrictReader && access.adminSchoolIds.length === 0 && access.teacherId === null) throw new AppError('FORBIDDEN');
}

/** Throws FORBIDDEN unless the actor manages teacher growth. */
export function requireManager(access: GrowthAccess, what: string): void {
  if (!access.isManager) throw new AppError('FORBIDDEN', { userMessage: `${what}由区教师科（或区级管理员）管理` });
}

/** Whether the actor may open a teacher's growth page (district users, the teacher's school, the teacher). */
export function canSeeTeacher(access: GrowthAccess, teacher: { id: number; schoolId: number | null }): boolean {
  if (access.isDistrictReader) return true;
  if (teacher.schoolId !== null && access.adminSchoolIds.includes(teacher.schoolId)) return true;
  return access.teacherId === teacher.id;
}

/** Whether the actor may see a teacher's test results (教师科, the teacher's school, the teacher). */
export function canSeeTestsOf(access: GrowthAccess, teacher: { id: number; schoolId: number | null }): boolean {
  if (access.isManager) return true;
  if (teacher.schoolId !== null && access.adminSchoolIds.includes(teacher.schoolId)) return true;
  return access.teacherId === teacher.id;
}

/** Whether the actor may open a school's teacher-development page. */
export function canSeeSchool(access: GrowthAccess, schoolId: number): boolean {
  return access.isDistrictReader || access.adminSchoolIds.includes(schoolId);
}

/**
 * The SQL condition on test rows the actor may see: `true` for the 教师科, `<school> in (…)` for school
 * administrators, `<teacher> = $1` for a teacher; FORBIDDEN for anyone else (other district offices).
 */
export function testRowsVisibleTo(access: GrowthAccess, schoolColumn: string, teacherColumn: string): RawBuilder<boolean> {
  if (access.isManager) return sql<boolean>`true`;
  const parts: RawBuilder<boolean>[] = [];
  if (access.adminSchoolIds.length > 0) parts.push(sql<boolean>`${sql.ref(schoolColumn)} in (${sql.join(access.adminSchoolIds)})`);
  if (access.teacherId !== null) parts.push(sql<boolean>`${sql.ref(teacherColumn)} = ${access.teacherId}`);
  if (parts.length === 0) throw new AppError('FORBIDDEN', { userMessage: '教师考核结果仅教师本人、所在学校和区教师科可以查看' });
  return sql<boolean>`(${sql.join(parts, sql` or `)})`;
}
