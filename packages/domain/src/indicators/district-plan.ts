/**
 * District plan: additions that make every failing school pass (optional) and then bring each of the
 * 7 CVs of a stage within its limit, with totals per resource.
 *
 * Heuristic (greedy levelling). The indicators are independent (each has its own resource, and pupils
 * do not change), so each CV is levelled on its own. One more unit of resource at school i changes
 * CV² at the rate (2 / (P·X̄²))·((Xi − X̄) − S²/X̄): the school furthest below the mean lowers the CV
 * most. For divisible resources (m², 元) the greedy therefore "fills from the bottom": every school
 * below a floor level y is raised to y, and y is the lowest level whose CV is within the limit (CV
 * falls strictly as y rises, so bisection finds it); whole units are then rounded up. For indivisible
 * resources (teachers, rooms) a step is one unit, and each step goes to the school where that unit
 * lowers the CV most (the lowest school, corrected for the size of the step in a small school).
 * The result reaches the limit but is not guaranteed minimal; the tests compare it with brute force.
 */
import { BALANCED_RESOURCE_CODES, resourceAmount, type BalancedResourceCode, type BalancedStage } from './balanced.ts';
import { computeStageCVs, selectBalancedSchools, type BalancedSchoolPart, type BalancedSelectionOptions } from './balanced-stage.ts';
import { cvCodeOf } from './catalog-balanced.ts';
import { getIndicator } from './catalog.ts';
import { weightedCV } from './cv.ts';
import { compareToThreshold, resolveThreshold } from './thresholds.ts';
import type { EvaluationContext, IndicatorValue } from './types.ts';
import { applyAdditions, planSchoolAdditions, sumAdditions, zeroAdditions, type CostModel, type ResourceAdditions } from './what-if.ts';

/** Resources added one whole unit at a time; the others are levelled continuously and rounded up. */
const INDIVISIBLE: ReadonlySet<BalancedResourceCode> = new Set([
  'balanced.teachers_above_qualification_per100',
  'balanced.backbone_teachers_per100',
  'balanced.pe_art_teachers_per100',
  'balanced.multimedia_rooms_per100',
]);

/** One school's resource and pupils for one indicator. */
export interface LevellingSchool {
  students: number;
  resource: number;
}

const cvOf = (levels: readonly LevellingSchool[], factor: number) =>
  weightedCV(levels.map((l) => ({ value: (l.resource * factor) / l.students, weight: l.students }))).cv;

/** Whole-unit additions per school that bring the weighted CV of one indicator within the limit, or null if maxSteps is not enough. */
export function levelIndicator(
  levels: readonly LevellingSchool[],
  factor: number,
  limit: number,
  divisible: boolean,
  maxSteps = 100_000,
): number[] | null {
  const add = levels.map(() => 0);
  const withAdd = (extra: (l: LevellingSchool, i: number) => number) =>
    levels.map((l, i) => ({ students: l.students, resource: l.resource + extra(l, i) }));
  const within = (ls: readonly LevellingSchool[]) => {
    const cv = cvOf(ls, factor);
    return cv === null || compareToThreshold(cv, { comparator: '<=', value: limit });
  };
  if (within(levels)) return add;
  if (divisible) {
    // Raise every school below the floor y to y; bisect for the lowest y within the limit.
    const ys = levels.map((l) => (l.resource * factor) / l.students);
    const raised = (y: number) => withAdd((l) => Math.max(0, (y * l.students) / factor - l.resource));
    let lo = Math.min(...ys);
    let hi = Math.max(...ys);
    for (let k = 0; k < 100; k += 1) {
      const mid = (lo + hi) / 2;
      if (within(raised(mid))) hi = mid;
      else lo = mid;
    }
    levels.forEach((l, i) => {
      add[i] = Math.max(0, Math.ceil((hi * l.students) / factor - l.resource - 1e-9));
    });
  }
  // Whole-unit greedy (from the start for indivisible resources, to absorb rounding for divisible ones).
  // With A = ΣRi and B = ΣRi²/Si, CV² = P·B/A² − 1; one unit at i gives the same A for every i and adds
  // (2Ri + 1)/Si to B, so the best school is the one with the lowest (Ri + ½)/Si.
  for (let step = 0; step < maxSteps && !within(withAdd((_, i) => add[i]!)); step += 1) {
    let best = 0;
    let bestKey = Number.POSITIVE_INFINITY;
    levels.forEach((l, i) => {
      const key = (2 * (l.resource + add[i]!) + 1) / l.students;
      if (key < bestKey) {
        bestKey = key;
        best = i;
      }
    });
    add[best]! += 1;
  }
  return within(withAdd((_, i) => add[i]!)) ? add : null;
}

/** The district plan of one stage. */
export interface DistrictPlan {
  stage: BalancedStage;
  /** True when every CV is within its limit after the plan. */
  reached: boolean;
  schools: {
    schoolId: string;
    label?: string;
    forSchoolPass: ResourceAdditions;
    forLevelling: ResourceAdditions;
    total: ResourceAdditions;
  }[];
  totals: ResourceAdditions;
  cvBefore: IndicatorValue[];
  cvAfter: IndicatorValue[];
  notes: string[];
}

/** Plans additions that make failing schools pass (unless disabled) and bring every CV of the stage within its limit. */
export function planDistrict(input: {
  stage: BalancedStage;
  parts: readonly BalancedSchoolPart[];
  context: EvaluationContext;
  selection?: BalancedSelectionOptions;
  /** First make every failing school pass (default true). */
  includeSchoolPasses?: boolean;
  costModel?: CostModel;
  maxSteps?: number;
}): DistrictPlan {
  const { stage, context } = input;
  const { included } = selectBalancedSchools(input.parts, input.selection);
  const notes: string[] = [];
  const pass = included.map((p) => {
    if (input.includeSchoolPasses === false) return zeroAdditions();
    const plan = planSchoolAdditions(p.inputs, { stage, schoolId: p.schoolId }, context, input.costModel);
    return plan.status === 'plan' ? plan.additions : zeroAdditions();
  });
  const afterPass = included.map((p, i) => applyAdditions(p.inputs, pass[i]!));
  const level = included.map(() => zeroAdditions());
  let reached = true;
  for (const code of BALANCED_RESOURCE_CODES) {
    const limit = resolveThreshold(context.thresholds, cvCodeOf(code), stage, context.asOf).threshold;
    if (!limit) {
      notes.push(`${getIndicator(cvCodeOf(code)).name}无适用标准，未调整`);
      continue;
    }
    const levels = afterPass.map((x) => ({ students: x.students, resource: resourceAmount(code, x) }));
    const add = levelIndicator(levels, getIndicator(code).factor, limit.value, !INDIVISIBLE.has(code), input.maxSteps);
    if (add === null) {
      reached = false;
      notes.push(`${getIndicator(cvCodeOf(code)).name}在步数上限内未能降到${limit.value}以下`);
      continue;
    }
    add.forEach((a, i) => {
      level[i]![code] = a;
    });
  }
  const schools = included
    .map((p, i) => {
      const s = { schoolId: p.schoolId, forSchoolPass: pass[i]!, forLevelling: level[i]!, total: sumAdditions([pass[i]!, level[i]!]) };
      return p.label === undefined ? s : { ...s, label: p.label };
    })
    .filter((s) => BALANCED_RESOURCE_CODES.some((c) => s.total[c] > 0));
  const after = included.map((p, i) => ({ inputs: applyAdditions(afterPass[i]!, level[i]!) }));
  const cvAfter = computeStageCVs(after, stage, context);
  return {
    stage,
    reached: reached && cvAfter.every((v) => v.status === 'met' || v.value === null),
    schools,
    totals: sumAdditions(schools.map((s) => s.total)),
    cvBefore: computeStageCVs(included, stage, context),
    cvAfter,
    notes,
  };
}
