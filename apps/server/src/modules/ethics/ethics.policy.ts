/**
 * Who may see and act on ethics cases. Case data is visible only to the 师德办 (district_staff of
 * 师德办, district_admin) and to the one school administrator designated as the handler of a case —
 * not to other administrators of that school, other schools, inspectors, other district offices or the
 * system, security and audit administrators. The accused teacher sees only what is addressed to them,
 * through their own page. Everything else answers 404.
 */
import type { EthicsCapacity } from '@zhiping/domain';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The district office that runs ethics. */
export const ETHICS_OFFICE = '师德办';

/** What the actor may reach in ethics. */
export interface EthicsAccess {
  userId: number | null;
  /** 师德办 staff or district_admin: every case, monitoring, decisions. */
  isOffice: boolean;
  /** Schools the actor administers (a case of one of them is visible only if the actor is its handler). */
  adminSchoolIds: number[];
  /** The teacher record of the actor (their own matters). */
  teacherId: number | null;
}

/** The ethics access of an actor. */
export function ethicsAccess(actor: Actor): EthicsAccess {
  return {
    userId: actor.userId,
    isOffice: actor.grants.some((g) => g.role === 'district_admin' || (g.role === 'district_staff' && g.office === ETHICS_OFFICE)),
    adminSchoolIds: [...new Set(actor.grants.filter((g) => g.role === 'school_admin' && g.schoolId !== null).map((g) => g.schoolId!))],
    teacherId: actor.grants.some((g) => g.role === 'teacher') ? actor.teacherId : null,
  };
}

/** The facts of a case its capacities depend on. */
export interface CaseFacts {
  schoolId: number | null;
  handlerUserId: number | null;
  handlerLevel: 'district' | 'school' | null;
  teacherId: number | null;
}

/** Whether the actor is the designated school handler of a case. */
export function isSchoolHandler(access: EthicsAccess, facts: CaseFacts): boolean {
  return (
    facts.handlerLevel === 'school' &&
    access.userId !== null &&
    facts.handlerUserId === access.userId &&
    facts.schoolId !== null &&
    access.adminSchoolIds.includes(facts.schoolId)
  );
}

/** Staff capacities on a case (empty = the case is not visible to the actor). */
export function caseCapacities(access: EthicsAccess, facts: CaseFacts): EthicsCapacity[] {
  const out: EthicsCapacity[] = [];
  if (access.isOffice) out.push('ethics_office');
  if (access.isOffice && facts.handlerLevel === 'district' && facts.handlerUserId === access.userId) out.push('case_handler');
  if (isSchoolHandler(access, facts)) out.push('case_handler');
  return out;
}

/** Throws FORBIDDEN unless the actor may list cases (the office, or a school administrator who may be a handler). */
export function requireCaseReader(access: EthicsAccess): void {
  if (!access.isOffice && access.adminSchoolIds.length === 0)
    throw new AppError('FORBIDDEN', { userMessage: '师德案件仅限区师德办和承办人查看' });
}

/** Throws FORBIDDEN unless the actor is in the 师德办. */
export function requireOffice(access: EthicsAccess, what = '该操作'): void {
  if (!access.isOffice) throw new AppError('FORBIDDEN', { userMessage: `${what}由区师德办（或区级管理员）办理` });
}
