/**
 * Who may act on a rectification item (整改): the school's administrator reports progress and submits;
 * an inspector of the evaluation it came from, or the school's responsible inspector, verifies or sends
 * it back (the lead inspector too); the 督导室, the team of the evaluation (from consolidation on) and
 * the responsible inspector may open items.
 */
import type { Capacity, EvaluationAccess } from '../evaluations/evaluation.policy.ts';

/** Facts about one item the capacities depend on. */
export interface ItemFacts {
  schoolId: number;
  /** The evaluation's team, when the item came from an evaluation. */
  team: { inspectorId: number; isLead: boolean }[];
  /** The school's current responsible inspector. */
  responsibleInspectorId: number | null;
}

/** The actor's capacities for an item. */
export function itemCapacities(access: EvaluationAccess, facts: ItemFacts): Capacity[] {
  const out: Capacity[] = [];
  if (access.isSupervisor) out.push('district_supervisor');
  if (access.adminSchoolIds.includes(facts.schoolId)) out.push('school_admin');
  if (access.isInspector && access.userId !== null) {
    const seat = facts.team.find((t) => t.inspectorId === access.userId);
    if (seat || facts.responsibleInspectorId === access.userId) out.push('inspector');
    if (seat?.isLead) out.push('lead_inspector');
  }
  return out;
}

/** Whether the actor may open an item for a school (with the evaluation's state when it comes from one). */
export function canOpenItem(access: EvaluationAccess, facts: ItemFacts, evaluationState: string | null): boolean {
  if (access.isSupervisor) return true;
  if (!access.isInspector || access.userId === null) return false;
  if (facts.responsibleInspectorId === access.userId) return true;
  const isTeam = facts.team.some((t) => t.inspectorId === access.userId);
  return isTeam && evaluationState !== null && ['consolidation', 'review', 'published'].includes(evaluationState);
}
