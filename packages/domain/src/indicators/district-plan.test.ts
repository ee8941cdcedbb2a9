import { describe, expect, it } from 'vitest';
import type { BalancedSchoolPart } from './balanced-stage.ts';
import { weightedCV } from './cv.ts';
import { levelIndicator, planDistrict } from './district-plan.ts';
import { atStandard, CTX } from './test-fixtures.ts';
import type { Threshold } from './types.ts';
import { zeroAdditions } from './what-if.ts';

const AREA = 'balanced.teaching_area_per_student';
const BACKBONE = 'balanced.backbone_teachers_per100';
type Level = { students: number; resource: number };
const cv = (levels: Level[], add: number[]) =>
  weightedCV(levels.map((l, i) => ({ value: ((l.resource + add[i]!) * 100) / l.students, weight: l.students }))).cv!;

/** Smallest total of whole additions (each 0…max) that brings the CV within the limit, by trying every combination. */
function bruteForce(levels: Level[], limit: number, max: number): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (i: number, add: number[]) => {
    if (i === levels.length) {
      const total = add.reduce((a, b) => a + b, 0);
      if (total < best && cv(levels, add) <= limit + 1e-12) best = total;
      return;
    }
    for (let k = 0; k <= max; k += 1) walk(i + 1, [...add, k]);
  };
  walk(0, []);
  return best;
}

describe('levelIndicator (indivisible: teachers per 100 pupils)', () => {
  it.each([
    // S = 100, 200, 300; backbone 0, 1, 6 → 0, 0.5, 2.0 per 100; X̄ = 700/600 = 1.1667; CV = 0.7284.
    // +1 at the 100- and 200-pupil schools → 1, 1, 2 per 100: X̄ = 1.5, S² = (1/6)(.25) + (2/6)(.25) + (3/6)(.25) → CV 1/3.
    [
      [
        { students: 100, resource: 0 },
        { students: 200, resource: 1 },
        { students: 300, resource: 6 },
      ],
      0.45,
      [1, 1, 0],
    ],
    [
      [
        { students: 100, resource: 0 },
        { students: 200, resource: 1 },
        { students: 300, resource: 6 },
      ],
      0.2,
      [2, 2, 0],
    ],
    // Already within: nothing added.
    [
      [
        { students: 60, resource: 0 },
        { students: 150, resource: 1 },
        { students: 400, resource: 3 },
        { students: 900, resource: 14 },
      ],
      0.45,
      [0, 0, 0, 0],
    ],
    // A 30-pupil school is skipped: one teacher there would jump it from 0 to 3.3 per 100.
    [
      [
        { students: 30, resource: 0 },
        { students: 500, resource: 2 },
        { students: 800, resource: 12 },
      ],
      0.3,
      [0, 3, 0],
    ],
  ])('case %# → %j', (levels, limit, expected) => {
    const add = levelIndicator(levels, 100, limit, false)!;
    expect(add).toEqual(expected);
    expect(cv(levels, add)).toBeLessThanOrEqual(limit);
    expect(add.reduce((a, b) => a + b, 0)).toBe(bruteForce(levels, limit, 8));
  });

  it('reaches the limit with the brute-force minimum on 40 generated 3-school cases', () => {
    let seed = 7; // fixed linear congruential sequence: the test is deterministic
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let t = 0; t < 40; t += 1) {
      const levels = [0, 1, 2].map(() => ({ students: 20 + Math.floor(next() * 400), resource: Math.floor(next() * 8) }));
      if (levels.every((l) => l.resource === 0)) continue;
      const limit = [0.45, 0.5, 0.3][t % 3]!;
      const best = bruteForce(levels, limit, 10);
      if (!Number.isFinite(best)) continue;
      const add = levelIndicator(levels, 100, limit, false)!;
      expect(cv(levels, add)).toBeLessThanOrEqual(limit + 1e-12);
      expect(add.reduce((a, b) => a + b, 0)).toBe(best);
    }
  });

  it('gives up (null) when the step budget is too small', () => {
    expect(
      levelIndicator(
        [
          { students: 100, resource: 0 },
          { students: 100, resource: 10 },
        ],
        100,
        0.1,
        false,
        2,
      ),
    ).toBeNull();
  });
});

describe('levelIndicator (divisible: m²)', () => {
  it('raises the lowest school to the floor level and rounds up', () => {
    // Two schools of 1000 pupils at 10 and 1 m² per pupil. Raising the second to y: CV = (10 − y)/(10 + y) ≤ 0.45
    // ⇔ y ≥ 5.5/1.45 = 3.7931 → 3793.1 m² → +2794 m² (whole m², rounded up).
    const add = levelIndicator(
      [
        { students: 1000, resource: 10_000 },
        { students: 1000, resource: 1000 },
      ],
      1,
      0.45,
      true,
    )!;
    expect(add).toEqual([0, 2794]);
    expect((10 - 3.794) / (10 + 3.794)).toBeLessThanOrEqual(0.45);
  });
});

describe('planDistrict', () => {
  const parts: BalancedSchoolPart[] = [
    { schoolId: 'A', label: '一中', typeCode: '311', inputs: atStandard('junior', 1000, { teachingArea: 10_000 }) },
    { schoolId: 'B', label: '二中', typeCode: '311', inputs: atStandard('junior', 1000, { teachingArea: 1000 }) },
  ];

  it('levels the CV alone when school passes are not included', () => {
    const r = planDistrict({ stage: 'junior', parts, context: CTX, includeSchoolPasses: false });
    expect(r.cvBefore[3]!.value).toBeCloseTo(4.5 / 5.5, 12);
    expect(r.totals).toEqual({ ...zeroAdditions(), [AREA]: 2794 });
    expect(r.schools).toEqual([
      {
        schoolId: 'B',
        label: '二中',
        forSchoolPass: zeroAdditions(),
        forLevelling: { ...zeroAdditions(), [AREA]: 2794 },
        total: { ...zeroAdditions(), [AREA]: 2794 },
      },
    ]);
    expect(r.reached).toBe(true);
    expect(r.cvAfter[3]!.status).toBe('met');
  });

  it('first makes the failing school pass, which here already brings the CV within the limit', () => {
    // B passes with teaching area at 85 % of 5.8 (the other 6 are at standard): +3930 m² → 4.93;
    // CV = (10 − 4.93)/(10 + 4.93) = 0.3396 ≤ 0.45, so no levelling is needed.
    const r = planDistrict({ stage: 'junior', parts, context: CTX });
    expect(r.totals).toEqual({ ...zeroAdditions(), [AREA]: 3930 });
    expect(r.cvAfter[3]!.value).toBeCloseTo(5.07 / 14.93, 12);
    expect(r.reached).toBe(true);
  });

  it('follows a stricter district CV limit', () => {
    // A district limit of 0.30 for 初中 backbone teachers; backbone 0 and 10 per 1000 pupils → CV 1.0.
    // Whole teachers to the lowest school until (10 − b)/(10 + b) ≤ 0.3 ⇔ b ≥ 5.385 → 6 teachers.
    const strict: Threshold = {
      indicatorCode: 'balanced.cv.backbone_teachers_per100',
      stage: 'junior',
      value: 0.3,
      comparator: '<=',
      level: 'district',
      document: '区教委〔2025〕3号',
      effectiveFrom: '2025-01-01',
      note: '',
    };
    const ps: BalancedSchoolPart[] = [
      { schoolId: 'A', typeCode: '311', inputs: atStandard('junior', 1000) },
      { schoolId: 'B', typeCode: '311', inputs: atStandard('junior', 1000, { backboneCountyOrAbove: 0 }) },
    ];
    const context = { ...CTX, thresholds: [...CTX.thresholds, strict] };
    const r = planDistrict({ stage: 'junior', parts: ps, context, includeSchoolPasses: false });
    expect(r.totals[BACKBONE]).toBe(6);
    expect(r.cvAfter[1]!.threshold?.value).toBe(0.3);
    expect(r.reached).toBe(true);
  });
});
