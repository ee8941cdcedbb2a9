import { describe, expect, it } from 'vitest';
import { BALANCED_RESOURCE_CODES, type BalancedResourceCode } from './balanced.ts';
import type { BalancedSchoolPart } from './balanced-stage.ts';
import { atStandard, CTX } from './test-fixtures.ts';
import { describeAdditions, planFailingSchools, planSchoolAdditions, requiredAddition, zeroAdditions, type CostModel } from './what-if.ts';

const AREA = 'balanced.teaching_area_per_student';
const ROOMS = 'balanced.multimedia_rooms_per100';
const ABOVE = 'balanced.teachers_above_qualification_per100';
const BACKBONE = 'balanced.backbone_teachers_per100';
const only = (add: Partial<Record<BalancedResourceCode, number>>) => ({ ...zeroAdditions(), ...add });
const costs = (over: Partial<Record<BalancedResourceCode, number>>): CostModel => ({
  kind: 'unit_costs',
  costs: { ...(Object.fromEntries(BALANCED_RESOURCE_CODES.map((c) => [c, 1])) as Record<BalancedResourceCode, number>), ...over },
});

describe('requiredAddition', () => {
  it.each([
    // 初中 1000 pupils, 7 backbone → need 1.0 × 1000 / 100 = 10 → +3.
    [BACKBONE, { backboneCountyOrAbove: 7 }, 1000, 1.0, 3],
    // 1050 pupils → need 10.5 → 4 whole teachers (ceil 3.5).
    [BACKBONE, { backboneCountyOrAbove: 7, students: 1050 }, 1050, 1.0, 4],
    // 5.3 × 1000 / 100 = 53 exactly (5.3 × 1000 is 5300.000000000001 in floating point): 50 → +3, not +4.
    [ABOVE, { teachersAboveQualification: 50 }, 1000, 5.3, 3],
    // 4000 m² for 1000 pupils to 5.8 → +1800; to 85 % (4.93) → +930.
    [AREA, { teachingArea: 4000 }, 1000, 5.8, 1800],
    [AREA, { teachingArea: 4000 }, 1000, 5.8 * 0.85, 930],
    // Already there → 0.
    [ROOMS, {}, 1000, 2.4, 0],
  ] as const)('%s %j → %s', (code, over, students, target, expected) => {
    expect(requiredAddition(code, atStandard('junior', students, over), target)).toBe(expected);
  });
});

describe('planSchoolAdditions', () => {
  // 初中 1000 pupils; teaching area 4.0 (69 % of 5.8) and rooms 2.1 (87.5 % of 2.4); all else at standard.
  const failing = atStandard('junior', 1000, { teachingArea: 4000, multimediaRooms: 21 });

  it('compares the 8 candidate plans and takes the cheapest (relative cost)', () => {
    // all to standard: +1800 m², +3 rooms → 1800/5800 + 3/24 = 0.4353
    // area at 85 %:     +930 m², +3 rooms  → 930/5800 + 3/24  = 0.2853  ← cheapest
    // rooms at 85 %:    +1800 m² (rooms 2.1 ≥ 2.04 already) → 0.3103
    const plan = planSchoolAdditions(failing, { stage: 'junior', schoolId: 'B', label: '二中' }, CTX);
    expect(plan.status).toBe('plan');
    expect([plan.exempt, plan.additions]).toEqual([AREA, only({ [AREA]: 930, [ROOMS]: 3 })]);
    expect(plan.cost).toBeCloseTo(930 / 5800 + 3 / 24, 12);
    expect(plan.options.map((o) => o.exempt)).toEqual([AREA, ROOMS, null]);
    expect(plan.verdictAfter?.status).toBe('pass');
    expect(plan.reason).toBe('需增加：教学及辅助用房面积 930m²、网络多媒体教室 3间，生均教学及辅助用房面积只需达到标准的85%');
  });

  it('lets unit costs change the choice (a room at 2,000,000 元, a m² at 3000 元)', () => {
    // area at 85 %: 930 × 3000 + 3 × 2,000,000 = 8,790,000; rooms at 85 %: 1800 × 3000 = 5,400,000 ← cheapest.
    const plan = planSchoolAdditions(failing, { stage: 'junior' }, CTX, costs({ [AREA]: 3000, [ROOMS]: 2_000_000 }));
    expect([plan.exempt, plan.additions, plan.cost]).toEqual([ROOMS, only({ [AREA]: 1800 }), 5_400_000]);
  });

  it('counts teachers in whole persons and compares per-person costs', () => {
    // 50 above-qualification (94 % of 5.3) and 7 backbone (70 % of 1.0):
    // exempt above-qualification (4.505 needs 45.05 ≤ 50): backbone +3 → 3 teachers.
    // exempt backbone (0.85 needs 8.5 → +2) and above-qualification +3 → 5 teachers.
    const inputs = atStandard('junior', 1000, { teachersAboveQualification: 50, backboneCountyOrAbove: 7 });
    const perPerson = planSchoolAdditions(inputs, { stage: 'junior' }, CTX, costs({ [ABOVE]: 200_000, [BACKBONE]: 200_000 }));
    expect([perPerson.exempt, perPerson.additions]).toEqual([ABOVE, only({ [BACKBONE]: 3 })]);
    // Relative cost weighs one backbone teacher as 1/10 of the requirement but one of 53 as 1/53: 2/10 + 3/53 < 3/10.
    const relative = planSchoolAdditions(inputs, { stage: 'junior' }, CTX);
    expect([relative.exempt, relative.additions]).toEqual([BACKBONE, only({ [ABOVE]: 3, [BACKBONE]: 2 })]);
  });

  it('needs nothing for a passing part and cannot plan without pupils', () => {
    expect(planSchoolAdditions(atStandard('primary', 1000, { multimediaRooms: 20 }), { stage: 'primary' }, CTX).status).toBe('passes');
    expect(planSchoolAdditions(atStandard('primary', 1000, { students: 0 }), { stage: 'primary' }, CTX).status).toBe('no_data');
  });

  it('describes additions in Chinese', () => {
    expect(describeAdditions(only({ [BACKBONE]: 3, [AREA]: 120 }))).toBe('县级以上骨干教师 3人、教学及辅助用房面积 120m²');
    expect(describeAdditions(zeroAdditions())).toBe('无');
  });
});

describe('planFailingSchools', () => {
  it('plans the failing school and shows the effect on the CVs', () => {
    // A at standard (5.8), B as above (4.0), 1000 pupils each.
    // Teaching-area CV before: mean 4.9, S 0.9 → 0.18367; after B reaches 4.93: mean 5.365, S 0.435 → 0.081081.
    const parts: BalancedSchoolPart[] = [
      { schoolId: 'A', typeCode: '311', inputs: atStandard('junior', 1000) },
      { schoolId: 'B', typeCode: '311', inputs: atStandard('junior', 1000, { teachingArea: 4000, multimediaRooms: 21 }) },
    ];
    const r = planFailingSchools({ stage: 'junior', parts, context: CTX });
    expect(r.schools.map((s) => s.schoolId)).toEqual(['B']);
    expect(r.totals).toEqual(only({ [AREA]: 930, [ROOMS]: 3 }));
    expect(r.cvBefore[3]!.value).toBeCloseTo(0.9 / 4.9, 12);
    expect(r.cvAfter[3]!.value).toBeCloseTo(0.435 / 5.365, 12);
    expect(r.cvAfter[6]!.value).toBeCloseTo(0, 12);
  });
});
