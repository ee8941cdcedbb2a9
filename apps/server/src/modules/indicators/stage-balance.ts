/**
 * 资源配置 of one stage over a set of schools: the balanced stage parts that enter the domain's
 * evaluateStageBalance, with schools lacking a conditions row reported and left undecided. The whole
 * district is evaluated once per computed year, before the schools' own values, which then reuse the
 * per-school indicators and verdicts the domain produced.
 */
import {
  BALANCED_RESOURCE_CODES,
  cvCodeOf,
  computeDerivedIndicator,
  evaluateStageBalance,
  type BalancedSchoolPart,
  type BalancedStage,
  type EvaluationContext,
  type Stage,
  type StageBalanceResult,
} from '@zhiping/domain';
import { narrowContext } from './narrow-context.ts';
import { balancedInputsOf, type SchoolResult, type SplitPart } from './school-values.ts';
import type { SchoolRef, YearInputs } from './year-inputs.ts';

/** The codes 资源配置 is judged by (the 7 indicators, their CVs, the share of passing schools). */
export const BALANCED_CONTEXT_CODES = [
  ...BALANCED_RESOURCE_CODES,
  ...BALANCED_RESOURCE_CODES.map(cvCodeOf),
  'balanced.schools_passing_share',
];

/** A school with students in the stage but no conditions row. */
interface MissingPart {
  id: number;
  name: string;
}

/** Evaluates the parts and marks the result undecided when schools lack conditions. */
export function evaluateStage(
  parts: BalancedSchoolPart[],
  missing: readonly MissingPart[],
  stage: BalancedStage,
  context: EvaluationContext,
): StageBalanceResult {
  const ctx = narrowContext(context, BALANCED_CONTEXT_CODES);
  const r = evaluateStageBalance({ stage, parts, context: ctx });
  if (missing.length === 0) return r;
  r.excluded.push(...missing.map((m) => ({ schoolId: String(m.id), label: m.name, reason: '缺少本学年办学条件数据，无法判定' })));
  r.passingShare = computeDerivedIndicator({
    code: 'balanced.schools_passing_share',
    numerator: r.passingShare.numerator,
    denominator: (r.passingShare.denominator ?? 0) + missing.length,
    value: null,
    reason: `${missing.length}所学校缺少办学条件数据，无法判定`,
    scope: r.passingShare.scope,
    context: ctx,
  });
  r.failures.push(`${missing.length}所学校缺少办学条件数据：${missing.map((m) => m.name).join('、')}`);
  r.passed = false;
  return r;
}

/** The balanced stage parts (with conditions) of computed schools, and the schools left out for missing conditions. */
export function balancedPartsOf(
  results: readonly SchoolResult[],
  stage: BalancedStage,
): { parts: BalancedSchoolPart[]; missing: MissingPart[] } {
  const parts: BalancedSchoolPart[] = [];
  const missing: MissingPart[] = [];
  for (const r of results) {
    const p = r.parts.find((x) => x.stage === stage);
    if (!p) continue;
    if (p.balancedInputs)
      parts.push({ schoolId: String(r.school.id), label: r.school.name, typeCode: r.school.typeCode, inputs: p.balancedInputs });
    else if (p.students > 0) missing.push({ id: r.school.id, name: r.school.name });
  }
  return { parts, missing };
}

/** 资源配置 of a stage over computed schools (district filters). */
export function evaluateStageOf(results: readonly SchoolResult[], stage: BalancedStage, context: EvaluationContext): StageBalanceResult {
  const { parts, missing } = balancedPartsOf(results, stage);
  return evaluateStage(parts, missing, stage, context);
}

/** 资源配置 of both compulsory stages straight from a year's inputs (before the schools' own values). */
export function evaluateStagesFromInputs(
  inputs: YearInputs,
  schools: readonly SchoolRef[],
  context: EvaluationContext,
  /** Each school's split (balancedInputsOf), when the caller already computed it. */
  splitOf: (school: SchoolRef) => Map<Stage, SplitPart> = (s) => balancedInputsOf(inputs, s),
): StageBalanceResult[] {
  const parts: Record<BalancedStage, BalancedSchoolPart[]> = { primary: [], junior: [] };
  const missing: Record<BalancedStage, MissingPart[]> = { primary: [], junior: [] };
  for (const s of schools) {
    const students = inputs.parts.get(s.id);
    for (const [stage, p] of splitOf(s)) {
      if (stage !== 'primary' && stage !== 'junior') continue;
      if (!students?.has(stage)) continue;
      if (p.hasConditions) parts[stage].push({ schoolId: String(s.id), label: s.name, typeCode: s.typeCode, inputs: p.inputs });
      else if (p.inputs.students > 0) missing[stage].push({ id: s.id, name: s.name });
    }
  }
  return (['primary', 'junior'] as const)
    .filter((st) => parts[st].length + missing[st].length > 0)
    .map((st) => evaluateStage(parts[st], missing[st], st, context));
}
