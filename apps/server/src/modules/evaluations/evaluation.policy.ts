/**
 * Who may do what in supervision: district readers see every evaluation; the 督导室 (district_admin, or
 * district_staff of 督导室) manages campaigns and reviews; a school administrator sees their own
 * school's evaluations; an inspector sees the evaluations they are assigned to and the published
 * results of their responsible schools. The workflow capacities of one evaluation are computed here.
 */
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/** The office whose staff act as the district reviewer. */
export const SUPERVISION_OFFICE = '督导室';

/** Capacities named by EVALUATION_WORKFLOW and RECTIFICATION_WORKFLOW. */
export type Capacity = 'district_supervisor' | 'school_admin' | 'inspector' | 'lead_inspector';

/** What the actor may reach in supervision. */
export interface EvaluationAccess {
  userId: number | null;
  /** Reads every campaign, evaluation and result (district_admin, district_staff). */
  isDistrictReader: boolean;
  /** Manages templates and campaigns, reviews and publishes (district_admin, district_staff of 督导室). */
  isSupervisor: boolean;
  /** Schools the actor administers (school_admin grants). */
  adminSchoolIds: number[];
  /** Holds the inspector role. */
  isInspector: boolean;
  /** Schools the inspector is currently responsible for (责任督学): their published results are visible. */
  responsibleSchoolIds: number[];
}

/** The access of an actor; responsible schools are looked up by the caller (inspectors service). */
export function evaluationAccess(actor: Actor, responsibleSchoolIds: number[] = []): EvaluationAccess {
  const roles = actor.grants;
  return {
    userId: actor.userId,
    isDistrictReader: roles.some((g) => g.role === 'district_admin' || g.role === 'district_staff'),
    isSupervisor: roles.some((g) => g.role === 'district_admin' || (g.role === 'district_staff' && g.office === SUPERVISION_OFFICE)),
    adminSchoolIds: [...new Set(roles.filter((g) => g.role === 'school_admin' && g.schoolId !== null).map((g) => g.schoolId!))],
    isInspector: roles.some((g) => g.role === 'inspector'),
    responsibleSchoolIds,
  };
}

/** Throws FORBIDDEN unless the actor has any part in supervision. */
export function requireSupervisionReader(access: EvaluationAccess): void {
  if (!access.isDistrictReader && access.adminSchoolIds.length === 0 && !access.isInspector) throw new AppError('FORBIDDEN');
}

/** Throws FORBIDDEN unless the actor manages supervision (督导室). */
export function requireSupervisor(access: EvaluationAccess, what = '督导评估'): void {
  if (!access.isSupervisor) throw new AppError('FORBIDDEN', { userMessage: `${what}由区督导室（或区级管理员）管理` });
}

/** One team member as the policy needs it. */
export interface TeamSeat {
  inspectorId: number;
  isLead: boolean;
}

/** The actor's capacities for one evaluation. */
export function capacitiesFor(access: EvaluationAccess, schoolId: number, team: readonly TeamSeat[]): Capacity[] {
  const out: Capacity[] = [];
  if (access.isSupervisor) out.push('district_supervisor');
  if (access.adminSchoolIds.includes(schoolId)) out.push('school_admin');
  const seat = access.userId === null ? undefined : team.find((t) => t.inspectorId === access.userId);
  if (seat && access.isInspector) {
    out.push('inspector');
    if (seat.isLead) out.push('lead_inspector');
  }
  return out;
}

/** States from which the team may read each other's sheets and the consolidation. */
const TEAM_OPEN_STATES = new Set(['consolidation', 'review', 'published']);

/** Whether the actor may read the inspectors' sheets and the consolidation of an evaluation. */
export function canSeeConsolidation(access: EvaluationAccess, capacities: readonly Capacity[], state: string): boolean {
  if (access.isDistrictReader) return true;
  return capacities.includes('inspector') && TEAM_OPEN_STATES.has(state);
}

/** Whether the actor may read the stored result: everyone who sees the evaluation once published; before that the team and the district. */
export function canSeeResult(access: EvaluationAccess, capacities: readonly Capacity[], state: string, hasResult: boolean): boolean {
  if (!hasResult) return false;
  if (state === 'published') return true;
  return canSeeConsolidation(access, capacities, state);
}
