/**
 * 达标模拟 for one school stage part: the smallest whole additions (teachers, m², 元, rooms) that make
 * it pass, and what the additions of all failing schools do to the district CVs.
 *
 * A part passes with all 7 indicators at standard, or 6 at standard and the seventh at ≥85 %. So
 * there are 8 candidate plans: "all 7 to standard", and for each indicator j "the other 6 to standard,
 * j to 85 %". Each is priced and the cheapest wins. Additions are rounded up to whole units. With no
 * unit costs the price is relative: each addition as a share of that indicator's full requirement
 * (t·students/factor), so 1 teacher of 53 required weighs as much as 109 m² of 5800.
 */
import {
  BALANCED_PASS_FRACTION,
  BALANCED_RESOURCE_CODES,
  computeBalancedIndicators,
  judgeSchoolBalance,
  resourceAmount,
  type BalancedInputs,
  type BalancedResourceCode,
  type SchoolBalanceVerdict,
  type StagePartRef,
} from './balanced.ts';
import { computeStageCVs, selectBalancedSchools, type BalancedSchoolPart, type BalancedSelectionOptions } from './balanced-stage.ts';
import { getIndicator } from './catalog.ts';
import { compareToThreshold, resolveThreshold } from './thresholds.ts';
import type { EvaluationContext, IndicatorValue } from './types.ts';

/** What is added for each indicator, in whole units. */
export type ResourceAdditions = Record<BalancedResourceCode, number>;

/** The resource behind each indicator, with the unit additions are counted in. */
export const RESOURCE_LABELS: Readonly<Record<BalancedResourceCode, { name: string; unit: string }>> = {
  'balanced.teachers_above_qualification_per100': { name: '高于规定学历专任教师', unit: '人' },
  'balanced.backbone_teachers_per100': { name: '县级以上骨干教师', unit: '人' },
  'balanced.pe_art_teachers_per100': { name: '体育、艺术专任教师', unit: '人' },
  'balanced.teaching_area_per_student': { name: '教学及辅助用房面积', unit: 'm²' },
  'balanced.sports_area_per_student': { name: '体育运动场馆面积', unit: 'm²' },
  'balanced.equipment_value_per_student': { name: '教学仪器设备值', unit: '元' },
  'balanced.multimedia_rooms_per100': { name: '网络多媒体教室', unit: '间' },
};

/** How plans are priced: relative shares of the requirement, or 元 per unit of each resource. */
export type CostModel = { kind: 'relative' } | { kind: 'unit_costs'; costs: Readonly<Record<BalancedResourceCode, number>> };

/** Additions of zero for every resource. */
export function zeroAdditions(): ResourceAdditions {
  return Object.fromEntries(BALANCED_RESOURCE_CODES.map((c) => [c, 0])) as ResourceAdditions;
}

/** Sums several sets of additions. */
export function sumAdditions(list: readonly ResourceAdditions[]): ResourceAdditions {
  const total = zeroAdditions();
  for (const a of list) for (const c of BALANCED_RESOURCE_CODES) total[c] += a[c];
  return total;
}

/** Inputs after additions (sports area is added to the sports ground). */
export function applyAdditions(inputs: BalancedInputs, add: ResourceAdditions): BalancedInputs {
  return {
    ...inputs,
    teachersAboveQualification: inputs.teachersAboveQualification + add['balanced.teachers_above_qualification_per100'],
    backboneCountyOrAbove: inputs.backboneCountyOrAbove + add['balanced.backbone_teachers_per100'],
    peArtTeachers: inputs.peArtTeachers + add['balanced.pe_art_teachers_per100'],
    teachingArea: inputs.teachingArea + add['balanced.teaching_area_per_student'],
    sportsGroundArea: inputs.sportsGroundArea + add['balanced.sports_area_per_student'],
    equipmentValue: inputs.equipmentValue + add['balanced.equipment_value_per_student'],
    multimediaRooms: inputs.multimediaRooms + add['balanced.multimedia_rooms_per100'],
  };
}

/** Describes additions in Chinese, e.g. '高于规定学历专任教师 3人、教学及辅助用房面积 580m²'; '无' when empty. */
export function describeAdditions(add: ResourceAdditions): string {
  const parts = BALANCED_RESOURCE_CODES.filter((c) => add[c] > 0).map(
    (c) => `${RESOURCE_LABELS[c].name} ${add[c]}${RESOURCE_LABELS[c].unit}`,
  );
  return parts.length > 0 ? parts.join('、') : '无';
}

/** Smallest whole number of units to add so that the indicator reaches target (0 when it already does). */
export function requiredAddition(code: BalancedResourceCode, inputs: BalancedInputs, target: number): number {
  const f = getIndicator(code).factor;
  const S = inputs.students;
  const R = resourceAmount(code, inputs);
  const meets = (r: number) => compareToThreshold((r * f) / S, { comparator: '>=', value: target });
  if (meets(R)) return 0;
  let a = Math.max(0, Math.ceil((target * S) / f - R - 1e-9));
  while (!meets(R + a)) a += 1;
  return a;
}

/** The price of a set of additions for one part under a cost model. */
export function priceAdditions(
  add: ResourceAdditions,
  inputs: BalancedInputs,
  thresholds: Readonly<Record<BalancedResourceCode, number>>,
  model: CostModel,
): number {
  return BALANCED_RESOURCE_CODES.reduce((sum, c) => {
    if (add[c] === 0) return sum;
    if (model.kind === 'unit_costs') return sum + add[c] * model.costs[c];
    return sum + add[c] / ((thresholds[c] * inputs.students) / getIndicator(c).factor);
  }, 0);
}

/** One candidate plan for a part. */
export interface SchoolAdditionOption {
  /** The indicator left between 85 % and 100 % of its standard; null = all 7 reach the standard. */
  exempt: BalancedResourceCode | null;
  additions: ResourceAdditions;
  cost: number;
}

/** The cheapest way for one part to pass, with the alternatives. */
export interface SchoolAdditionPlan {
  status: 'passes' | 'plan' | 'no_data';
  additions: ResourceAdditions;
  exempt: BalancedResourceCode | null;
  cost: number;
  /** Distinct candidate plans, cheapest first. */
  options: SchoolAdditionOption[];
  inputsAfter: BalancedInputs;
  verdictAfter: SchoolBalanceVerdict | null;
  /** Chinese summary. */
  reason: string;
}

/** Finds the cheapest whole additions that make one school stage part pass the 6-of-7-plus-85 % rule. */
export function planSchoolAdditions(
  inputs: BalancedInputs,
  ref: StagePartRef,
  context: EvaluationContext,
  model: CostModel = { kind: 'relative' },
): SchoolAdditionPlan {
  const before = judgeSchoolBalance(computeBalancedIndicators(inputs, ref, context));
  const none = { additions: zeroAdditions(), exempt: null, cost: 0, options: [], inputsAfter: inputs };
  if (before.status === 'no_data') return { ...none, status: 'no_data', verdictAfter: null, reason: before.reason };
  if (before.status === 'pass') return { ...none, status: 'passes', verdictAfter: before, reason: before.reason };
  const thresholds = {} as Record<BalancedResourceCode, number>;
  for (const c of BALANCED_RESOURCE_CODES)
    thresholds[c] = resolveThreshold(context.thresholds, c, ref.stage, context.asOf).threshold!.value;
  const full = (c: BalancedResourceCode) => requiredAddition(c, inputs, thresholds[c]);
  const candidates: SchoolAdditionOption[] = [null, ...BALANCED_RESOURCE_CODES].map((exempt) => {
    const additions = zeroAdditions();
    for (const c of BALANCED_RESOURCE_CODES)
      additions[c] = c === exempt ? requiredAddition(c, inputs, thresholds[c] * BALANCED_PASS_FRACTION) : full(c);
    return { exempt, additions, cost: priceAdditions(additions, inputs, thresholds, model) };
  });
  const kinds = (o: SchoolAdditionOption) => BALANCED_RESOURCE_CODES.filter((c) => o.additions[c] > 0).length;
  const sorted = candidates.sort((a, b) => a.cost - b.cost || kinds(a) - kinds(b));
  const seen = new Set<string>();
  const options = sorted.filter((o) => {
    const key = JSON.stringify(o.additions);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const best = options[0]!;
  const inputsAfter = applyAdditions(inputs, best.additions);
  const verdictAfter = judgeSchoolBalance(computeBalancedIndicators(inputsAfter, ref, context));
  const exemptNote = best.exempt ? `，${getIndicator(best.exempt).name}只需达到标准的85%` : '';
  return {
    status: 'plan',
    additions: best.additions,
    exempt: best.exempt,
    cost: best.cost,
    options,
    inputsAfter,
    verdictAfter,
    reason: `需增加：${describeAdditions(best.additions)}${exemptNote}`,
  };
}

/** Plans of all failing parts of a stage and the district CVs before and after applying them. */
export interface FailingSchoolsPlan {
  schools: { schoolId: string; label?: string; plan: SchoolAdditionPlan }[];
  totals: ResourceAdditions;
  cvBefore: IndicatorValue[];
  cvAfter: IndicatorValue[];
}

/** Plans additions for every failing school stage part of a stage and recomputes the 7 CVs with them applied. */
export function planFailingSchools(input: {
  stage: StagePartRef['stage'];
  parts: readonly BalancedSchoolPart[];
  context: EvaluationContext;
  selection?: BalancedSelectionOptions;
  costModel?: CostModel;
}): FailingSchoolsPlan {
  const { included } = selectBalancedSchools(input.parts, input.selection);
  const schools: FailingSchoolsPlan['schools'] = [];
  const after = included.map((p) => {
    const ref: StagePartRef =
      p.label === undefined ? { stage: input.stage, schoolId: p.schoolId } : { stage: input.stage, schoolId: p.schoolId, label: p.label };
    const plan = planSchoolAdditions(p.inputs, ref, input.context, input.costModel);
    if (plan.status === 'plan')
      schools.push(p.label === undefined ? { schoolId: p.schoolId, plan } : { schoolId: p.schoolId, label: p.label, plan });
    return { ...p, inputs: plan.inputsAfter };
  });
  return {
    schools,
    totals: sumAdditions(schools.map((s) => s.plan.additions)),
    cvBefore: computeStageCVs(included, input.stage, input.context),
    cvAfter: computeStageCVs(after, input.stage, input.context),
  };
}
