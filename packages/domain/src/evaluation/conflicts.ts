/**
 * Conflict-of-interest avoidance (回避) and balanced team assignment for an evaluation campaign.
 * An inspector never evaluates the school they work at, a school they worked at within the lookback
 * period, or a school they declared as related (spouse's school, same 教育集团 …).
 */
import { addYears } from './dates.ts';

/** What the assignment needs to know about an inspector. */
export interface InspectorProfile {
  id: string;
  name?: string;
  currentSchoolId?: string | null;
  /** Schools worked at before, with the last day there (ISO date). */
  pastSchools?: readonly { schoolId: string; until: string }[];
  /** Schools configured as related to the inspector. */
  relatedSchoolIds?: readonly string[];
}

/** The avoidance rule. */
export interface ConflictRules {
  /** The day the assignment is made (ISO date, supplied by the caller). */
  asOf: string;
  /** A past school is avoided when the inspector left it within this many years (inclusive). */
  lookbackYears: number;
}

/** Options of proposeAssignments. */
export interface AssignmentOptions extends ConflictRules {
  /** Inspectors per school. */
  teamSize: number;
  /** The most schools one inspector may take in this campaign (default: no limit). */
  maxSchoolsPerInspector?: number;
  /** Schools already on each inspector's plate (other campaigns), counted in the balance. */
  initialLoads?: Readonly<Record<string, number>>;
}

/** One school's team, with the inspectors it had to avoid. */
export interface SchoolAssignment {
  schoolId: string;
  inspectorIds: string[];
  avoided: { inspectorId: string; reason: string }[];
}

/** A school that could not be staffed, and why. */
export interface UnstaffedSchool {
  schoolId: string;
  reason: string;
  eligibleInspectorIds: string[];
  avoided: { inspectorId: string; reason: string }[];
}

/** The proposal: teams, unstaffed schools, and each inspector's resulting load. */
export interface AssignmentProposal {
  assignments: SchoolAssignment[];
  unstaffed: UnstaffedSchool[];
  loads: { inspectorId: string; schools: number }[];
}

/** The reason an inspector must not evaluate a school (Chinese), or null when there is no conflict. */
export function checkInspectorConflict(inspector: InspectorProfile, schoolId: string, rules: ConflictRules): string | null {
  if (inspector.currentSchoolId === schoolId) return '督学现任职于该校，须回避';
  const cutoff = addYears(rules.asOf, -rules.lookbackYears);
  // ISO dates compare correctly as strings; leaving on the cutoff day itself still counts as within the period.
  const recent = (inspector.pastSchools ?? [])
    .filter((p) => p.schoolId === schoolId && p.until >= cutoff)
    .sort((a, b) => (a.until < b.until ? 1 : -1))[0];
  if (recent) return `督学曾在该校任职至 ${recent.until}，离校未满 ${rules.lookbackYears} 年，须回避`;
  if ((inspector.relatedSchoolIds ?? []).includes(schoolId)) return '该校为督学的关联学校，须回避';
  return null;
}

/**
 * Proposes a team for each school, avoiding conflicts and balancing load. Deterministic greedy: the
 * schools with the fewest eligible inspectors are staffed first; each takes the least-loaded eligible
 * inspectors, earlier-listed inspectors winning ties. A school short of eligible inspectors is
 * reported, not half-staffed.
 */
export function proposeAssignments(
  schools: readonly { id: string }[],
  inspectors: readonly InspectorProfile[],
  options: AssignmentOptions,
): AssignmentProposal {
  const loads = new Map<string, number>(inspectors.map((i) => [i.id, options.initialLoads?.[i.id] ?? 0]));
  const campaignLoads = new Map<string, number>(inspectors.map((i) => [i.id, 0]));
  const limit = options.maxSchoolsPerInspector ?? Infinity;
  const analysed = schools.map((school, index) => {
    const avoided: { inspectorId: string; reason: string }[] = [];
    const eligible: InspectorProfile[] = [];
    for (const inspector of inspectors) {
      const reason = checkInspectorConflict(inspector, school.id, options);
      if (reason) avoided.push({ inspectorId: inspector.id, reason });
      else eligible.push(inspector);
    }
    return { school, index, eligible, avoided };
  });
  const order = [...analysed].sort((a, b) => a.eligible.length - b.eligible.length || a.index - b.index);
  const inspectorIndex = new Map(inspectors.map((i, n) => [i.id, n] as const));
  const outcome = new Map<string, SchoolAssignment | UnstaffedSchool>();

  for (const { school, eligible, avoided } of order) {
    const available = eligible.filter((i) => campaignLoads.get(i.id)! < limit);
    if (available.length < options.teamSize) {
      const atLimit = eligible.length - available.length;
      const reason =
        `需要 ${options.teamSize} 名督学，无利益冲突的仅 ${eligible.length} 名` +
        (avoided.length > 0 ? `（${avoided.length} 名须回避）` : '') +
        (atLimit > 0 ? `，其中 ${atLimit} 名已达本次 ${limit} 所的工作量上限` : '');
      outcome.set(school.id, { schoolId: school.id, reason, eligibleInspectorIds: eligible.map((i) => i.id), avoided });
      continue;
    }
    const team = [...available]
      .sort((a, b) => loads.get(a.id)! - loads.get(b.id)! || inspectorIndex.get(a.id)! - inspectorIndex.get(b.id)!)
      .slice(0, options.teamSize);
    for (const i of team) {
      loads.set(i.id, loads.get(i.id)! + 1);
      campaignLoads.set(i.id, campaignLoads.get(i.id)! + 1);
    }
    const inspectorIds = team.map((i) => i.id).sort((a, b) => inspectorIndex.get(a)! - inspectorIndex.get(b)!);
    outcome.set(school.id, { schoolId: school.id, inspectorIds, avoided });
  }

  const inOrder = schools.map((s) => outcome.get(s.id)!);
  return {
    assignments: inOrder.filter((o): o is SchoolAssignment => 'inspectorIds' in o),
    unstaffed: inOrder.filter((o): o is UnstaffedSchool => 'reason' in o),
    loads: inspectors.map((i) => ({ inspectorId: i.id, schools: loads.get(i.id)! })),
  };
}
