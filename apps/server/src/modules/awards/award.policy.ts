/**
 * Who may do what with teaching-achievement awards: the 教师科 (district_staff of 教师科, or a
 * district_admin) runs rounds, checks applications, manages the expert pool and decides objections;
 * other district staff read everything; a school administrator prepares and submits applications of
 * their own school and sees them; a teacher sees only the applications they are a member of; an
 * expert sees only the applications assigned to them, blind. Anyone signed in reads the 公示 and may
 * raise an objection while it runs.
 */
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The office that runs teacher growth, training, awards and rotation. */
export const AWARDS_OFFICE = '教师科';

/** What the actor may reach in awards. */
export interface AwardAccess {
  userId: number | null;
  /** Runs rounds (教师科 or district_admin). */
  isManager: boolean;
  /** Reads every application (district roles). */
  isDistrictReader: boolean;
  /** Schools the actor administers. */
  adminSchoolIds: number[];
  /** The actor's own teacher record. */
  teacherId: number | null;
}

/** The access of an actor. */
export function awardAccess(actor: Actor): AwardAccess {
  const g = actor.grants;
  return {
    userId: actor.userId,
    isManager: g.some((x) => x.role === 'district_admin' || (x.role === 'district_staff' && x.office === AWARDS_OFFICE)),
    isDistrictReader: g.some((x) => x.role === 'district_admin' || x.role === 'district_staff'),
    adminSchoolIds: [...new Set(g.filter((x) => x.role === 'school_admin' && x.schoolId !== null).map((x) => x.schoolId!))],
    teacherId: actor.teacherId,
  };
}

/** Throws FORBIDDEN unless the actor runs award rounds. */
export function requireManager(access: AwardAccess, what = '成果奖评审'): void {
  if (!access.isManager) throw new AppError('FORBIDDEN', { userMessage: `${what}由区教师科（或区级管理员）办理` });
}

/** Whether the actor may prepare and submit an application for a school. */
export function canApplyFor(access: AwardAccess, schoolId: number): boolean {
  return access.adminSchoolIds.includes(schoolId);
}
