import { describe, expect, it } from 'vitest';
import { weightedCV } from '../indicators/cv.ts';
import { rotationLowerBound, solveExhaustively, minimalS2 } from './exact.ts';
import type { PlanInput } from './model.ts';
import { optimizeRotationPlan } from './optimizer.ts';
import {
  checkShares,
  computeQuota,
  DEFAULT_ROTATION_RULES,
  judgeEligibility,
  requiredBackbone,
  validateRotationRules,
  wholeYearsBetween,
  type EligibilityInput,
} from './rules.ts';
import { buildSyntheticInstance } from './synthetic.ts';

const R = DEFAULT_ROTATION_RULES;
const teacher = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  post: 'teacher',
  isFullTime: true,
  teachingStage: 'primary',
  gender: 'female',
  birthDate: '1985-03-01',
  serviceStart: '2018-09-01',
  isOnRotation: false,
  exemption: null,
  ...over,
});

describe('eligibility', () => {
  it('counts whole years, anniversaries on the day', () => {
    expect(wholeYearsBetween('2020-09-01', '2026-09-01')).toBe(6);
    expect(wholeYearsBetween('2020-09-02', '2026-09-01')).toBe(5);
  });
  it.each([
    ['6 years at the school', teacher({ serviceStart: '2020-09-01' }), 'eligible'],
    ['5 years', teacher({ serviceStart: '2021-09-01' }), 'not_due'],
    ['leader after 2 terms (10 years)', teacher({ post: 'leader', serviceStart: '2016-09-01' }), 'eligible'],
    ['leader after 8 years', teacher({ post: 'leader', serviceStart: '2018-09-01' }), 'not_due'],
    ['admin staff', teacher({ post: 'admin', serviceStart: '2000-09-01' }), 'not_due'],
    ['senior-school teacher', teacher({ teachingStage: 'senior', serviceStart: '2000-09-01' }), 'not_due'],
    ['on a rotation now', teacher({ isOnRotation: true, serviceStart: '2000-09-01' }), 'not_due'],
    ['part-time', teacher({ isFullTime: false, serviceStart: '2000-09-01' }), 'not_due'],
    ['pregnant', teacher({ serviceStart: '2010-09-01', exemption: { reason: 'pregnancy', note: '预产期2027年1月' } }), 'exempt'],
    ['woman of 53 (2 years to 55)', teacher({ birthDate: '1973-05-01', serviceStart: '2000-09-01' }), 'exempt'],
    ['man of 56 (4 years to 60)', teacher({ gender: 'male', birthDate: '1970-05-01', serviceStart: '2000-09-01' }), 'eligible'],
  ])('%s', (_label, t, status) => {
    expect(judgeEligibility(t, R, '2026-09-01').status).toBe(status);
  });
  it('records the exemption reason', () => {
    const v = judgeEligibility(
      teacher({ serviceStart: '2010-09-01', exemption: { reason: 'illness', note: '术后康复' } }),
      R,
      '2026-09-01',
    );
    expect(v.exemptionReason).toBe('illness');
    expect(v.reason).toContain('患重大疾病（术后康复）');
    const old = judgeEligibility(teacher({ birthDate: '1973-05-01', serviceStart: '2000-09-01' }), R, '2026-09-01');
    expect(old.exemptionReason).toBe('near_retirement');
  });
  it('validates rule sets', () => {
    expect(validateRotationRules(R)).toEqual([]);
    expect(validateRotationRules({ ...R, minShare: 0.3, maxShare: 0.2 })).toContain('交流比例上限不能低于年度交流比例');
  });
});

describe('shares', () => {
  const eligible = new Map([
    [1, 25],
    [2, 14],
    [3, 30],
  ]);
  const quota = computeQuota(eligible, new Set([1, 2]), R);
  it('computes the quotas: ⌈10 % of sending eligible⌉ and ⌊10 %⌋ per sending school', () => {
    expect(quota.eligibleSending).toBe(39);
    expect(quota.minRotated).toBe(4);
    expect([...quota.perSchool]).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(quota.maxRotated).toBe(13); // ⌊0.2 × 69⌋
  });
  it('骨干 ≥ 20 % of the rotated, or of the eligible pool when configured', () => {
    expect(requiredBackbone(4, quota, R)).toBe(1);
    expect(requiredBackbone(6, quota, R)).toBe(2);
    expect(requiredBackbone(6, quota, { ...R, backboneBasis: 'eligible' })).toBe(14);
  });
  it('reports each unmet share', () => {
    const sending = new Set([1, 2]);
    const ok = checkShares(
      [
        { fromSchoolId: 1, countsAsBackbone: true },
        { fromSchoolId: 1, countsAsBackbone: false },
        { fromSchoolId: 2, countsAsBackbone: false },
        { fromSchoolId: 2, countsAsBackbone: false },
      ],
      quota,
      R,
      sending,
    );
    expect(ok.isMinimumMet && ok.isBackboneMet).toBe(true);
    expect(ok.share).toBeCloseTo(4 / 39);
    const bad = checkShares(
      [
        { fromSchoolId: 2, countsAsBackbone: false },
        { fromSchoolId: 3, countsAsBackbone: false },
      ],
      quota,
      R,
      sending,
    );
    expect(bad.isMinimumMet).toBe(false);
    expect(bad.isBackboneMet).toBe(false);
    expect(bad.schoolsBelowQuota).toEqual([{ schoolId: 1, moved: 0, required: 2 }]);
    expect(bad.findings.join('；')).toContain('骨干教师交流 0 人');
  });
});

/** Two urban schools rich in 骨干, two rural ones poor; one physics teacher only at school 1. */
function tinyInstance(): PlanInput {
  const school = (id: number, isSending: boolean, lon: number, subjectCounts: Record<string, number>) => ({
    id,
    name: `S${id}`,
    isSending,
    longitude: lon,
    latitude: 29.5,
    subjectCounts,
  });
  const cand = (teacherId: number, schoolId: number, subject: string, isBackbone: boolean, isAbove = true) => ({
    teacherId,
    name: `T${teacherId}`,
    schoolId,
    stage: 'primary' as const,
    subject,
    isBackbone,
    isAboveQualification: isAbove,
    backboneRestriction: null,
  });
  const rules = { ...R, maxShare: 0.5 };
  const quota = computeQuota(
    new Map([
      [1, 10],
      [2, 10],
      [3, 1],
    ]),
    new Set([1, 2]),
    rules,
  );
  return {
    rules,
    quota,
    schools: [
      school(1, true, 106.5, { 'primary|物理': 1, 'primary|语文': 5 }),
      school(2, true, 106.52, { 'primary|语文': 4, 'primary|数学': 4 }),
      school(3, false, 106.6, { 'primary|物理': 1, 'primary|数学': 2 }),
      school(4, false, 106.62, { 'primary|语文': 2 }),
    ],
    parts: [
      { schoolId: 1, stage: 'primary', inputs: { students: 600, backboneCountyOrAbove: 8, teachersAboveQualification: 30 } },
      { schoolId: 2, stage: 'primary', inputs: { students: 500, backboneCountyOrAbove: 6, teachersAboveQualification: 26 } },
      { schoolId: 3, stage: 'primary', inputs: { students: 300, backboneCountyOrAbove: 1, teachersAboveQualification: 10 } },
      { schoolId: 4, stage: 'primary', inputs: { students: 200, backboneCountyOrAbove: 0, teachersAboveQualification: 6 } },
    ],
    candidates: [
      cand(1, 1, '物理', true),
      cand(2, 1, '语文', true),
      cand(3, 1, '语文', false),
      cand(4, 2, '语文', true),
      cand(5, 2, '数学', false, false),
      cand(6, 3, '物理', false, false),
    ],
    fixed: [],
    excluded: [],
  };
}

describe('optimizer', () => {
  it('meets the shares, keeps subject coverage and lowers the CV, with reasons', () => {
    const r = optimizeRotationPlan(tinyInstance());
    expect(r.isFeasible).toBe(true);
    expect(r.shares.isMinimumMet && r.shares.isBackboneMet).toBe(true);
    expect(r.objectiveAfter).toBeLessThan(r.objectiveBefore);
    // The CV terms are the indicator engine's weightedCV of the amounts after the moves.
    const bb = r.cvAfter.find((t) => t.stage === 'primary' && t.indicator === 'backbone')!;
    const amounts = new Map([
      [1, 8],
      [2, 6],
      [3, 1],
      [4, 0],
    ]);
    for (const m of r.moves)
      if (m.isBackbone) {
        amounts.set(m.fromSchoolId, amounts.get(m.fromSchoolId)! - 1);
        amounts.set(m.toSchoolId, amounts.get(m.toSchoolId)! + 1);
      }
    const students = new Map([
      [1, 600],
      [2, 500],
      [3, 300],
      [4, 200],
    ]);
    expect(bb.cv).toBeCloseTo(
      weightedCV([...amounts].map(([id, a]) => ({ value: (a * 100) / students.get(id)!, weight: students.get(id)! }))).cv!,
      12,
    );
    // The only physics teacher of S1 may leave only if a physics teacher comes back.
    if (r.moves.some((m) => m.teacherId === 1)) expect(r.moves.some((m) => m.teacherId === 6 && m.toSchoolId === 1)).toBe(true);
    for (const m of r.moves) expect(m.reasons.length).toBeGreaterThan(0);
    expect(r.moves.find((m) => m.isBackbone)!.reasons[0]).toMatch(
      /骨干教师从 S\d（小学每百名学生 [\d.]+ 人）调往 S\d（[\d.]+ 人），小学骨干教师差异系数 [\d.]+→[\d.]+/,
    );
  });

  it('finds the exhaustive optimum on the tiny instance', () => {
    const input = tinyInstance();
    const exact = solveExhaustively(input);
    const r = optimizeRotationPlan(input);
    expect(exact.isFeasible).toBe(true);
    expect(r.objectiveAfter).toBeCloseTo(exact.objective, 7);
  });

  it('finds the exhaustive optimum on 40 random tiny instances (5 schools, 7 candidates, 3 subjects)', () => {
    let feasible = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const input = buildSyntheticInstance({
        schools: 5,
        teachers: 30,
        eligible: 7,
        seed,
        subjects: ['语文', '数学', '物理'],
        rules: { maxShare: 0.6, maxDistanceKm: 80, minShare: 0.3 },
      });
      const exact = solveExhaustively(input);
      const r = optimizeRotationPlan(input);
      expect(r.isFeasible, `seed ${seed}`).toBe(exact.isFeasible);
      if (!exact.isFeasible) continue;
      feasible += 1;
      expect(r.objectiveAfter, `seed ${seed}`).toBeLessThanOrEqual(exact.objective + 1e-7);
      expect(rotationLowerBound(input).total, `seed ${seed}`).toBeLessThanOrEqual(exact.objective + 1e-9);
    }
    expect(feasible).toBeGreaterThan(20);
  });

  it('honours locks, manual moves, exclusions, distance and 师德 restrictions', () => {
    const input = tinyInstance();
    input.fixed = [{ teacherId: 3, toSchoolId: 4, source: 'manual' }];
    input.excluded = [4];
    input.candidates = input.candidates.map((c) =>
      c.teacherId === 2 ? { ...c, backboneRestriction: '师德处分期内（记过，至2027-03-01）' } : c,
    );
    const r = optimizeRotationPlan(input);
    expect(r.moves.find((m) => m.teacherId === 3)).toMatchObject({ toSchoolId: 4, source: 'manual' });
    expect(r.moves.some((m) => m.teacherId === 4 || m.teacherId === 2)).toBe(false);
    const far = optimizeRotationPlan({ ...tinyInstance(), rules: { ...tinyInstance().rules, maxDistanceKm: 1 } });
    expect(far.moves.every((m) => Math.abs(m.fromSchoolId - m.toSchoolId) === 1)).toBe(true);
  });

  it('reports an unreachable quota instead of pretending', () => {
    const input = tinyInstance();
    input.excluded = [1, 2, 3, 4, 5];
    const r = optimizeRotationPlan(input);
    expect(r.isFeasible).toBe(false);
    expect(r.problems.join('；')).toContain('未达到本校交流人数要求');
  });
});

describe('lower bound', () => {
  it('is the free water level when the transfer cap does not bind', () => {
    // Two parts of equal enrolment, 4 and 0: one unit moves each way to 2 and 2 → S2 = 8/100·… = 2·4/100.
    expect(minimalS2([100, 100], [4, 0], [0, 0], 10)).toBeCloseTo(0.08);
    // Only one unit may move: 3 and 1.
    expect(minimalS2([100, 100], [4, 0], [0, 0], 1)).toBeCloseTo(0.1);
    // Nothing movable at the rich part: stays.
    expect(minimalS2([100, 100], [4, 0], [4, 0], 10)).toBeCloseTo(0.16);
  });
});
