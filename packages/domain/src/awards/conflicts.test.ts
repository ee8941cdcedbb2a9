import { describe, expect, it } from 'vitest';
import { checkAwardConflict, type ReviewerProfile } from './conflicts.ts';
import { drawReviewers } from './drawing.ts';

const rules = { asOf: '2026-05-10', lookbackYears: 3 };
const reviewer = (id: number, over: Partial<ReviewerProfile> = {}): ReviewerProfile => ({
  id,
  teacherId: 100 + id,
  currentSchoolId: id,
  pastSchools: [],
  ...over,
});
const application = { id: 1, memberTeacherIds: [500, 501], schoolIds: [7, 8] };

describe('checkAwardConflict', () => {
  it.each([
    ['current school of the lead', reviewer(7), '评审专家现任职于申报学校，须回避'],
    ["current school of a team member's school", reviewer(8), '评审专家现任职于申报学校，须回避'],
    ['an author of the application', reviewer(1, { teacherId: 501 }), '评审专家是该成果的完成人，须回避'],
    [
      'left the school within the lookback (the cutoff day counts)',
      reviewer(1, { pastSchools: [{ schoolId: 7, until: '2023-05-10' }] }),
      '评审专家曾在申报学校任职至 2023-05-10，未满 3 年，须回避',
    ],
    ['left the school before the lookback', reviewer(1, { pastSchools: [{ schoolId: 7, until: '2023-05-09' }] }), null],
    [
      'currently rotated to the school (open assignment)',
      reviewer(1, { pastSchools: [{ schoolId: 8, until: null }] }),
      '评审专家在申报学校任职（含交流轮岗），须回避',
    ],
    ['an outside expert with no school', reviewer(1, { teacherId: null, currentSchoolId: null }), null],
    ['another school', reviewer(3), null],
  ] as const)('%s', (_c, r, expected) => {
    expect(checkAwardConflict(r, application, rules)).toBe(expected);
  });

  it('the lookback is configuration', () => {
    const r = reviewer(1, { pastSchools: [{ schoolId: 7, until: '2021-06-01' }] });
    expect(checkAwardConflict(r, application, rules)).toBeNull();
    expect(checkAwardConflict(r, application, { ...rules, lookbackYears: 5 })).not.toBeNull();
  });
});

describe('drawReviewers', () => {
  const pool = Array.from({ length: 8 }, (_, i) => reviewer(i + 1));
  const apps = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, memberTeacherIds: [900 + i], schoolIds: [(i % 4) + 1] }));

  it('never draws a conflicted reviewer, balances load and is reproducible for a seed', () => {
    const a = drawReviewers(apps, pool, { ...rules, perApplication: 5, seed: 42 });
    const b = drawReviewers(apps, pool, { ...rules, perApplication: 5, seed: 42 });
    expect(a).toEqual(b);
    expect(a.unstaffed).toEqual([]);
    for (const x of a.assignments) {
      expect(x.reviewerIds).toHaveLength(5);
      expect(new Set(x.reviewerIds).size).toBe(5);
      const app = apps.find((p) => p.id === x.applicationId)!;
      for (const id of x.reviewerIds) expect(checkAwardConflict(pool[id - 1]!, app, rules)).toBeNull();
    }
    // 30 seats over 8 reviewers: balanced loads differ by at most one.
    const counts = a.loads.map((l) => l.count);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(30);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('another seed may draw differently', () => {
    const draws = [1, 2, 3, 4, 5].map((seed) =>
      JSON.stringify(drawReviewers(apps, pool, { ...rules, perApplication: 3, seed }).assignments),
    );
    expect(new Set(draws).size).toBeGreaterThan(1);
  });

  it('reports an application without enough eligible reviewers instead of half-staffing it', () => {
    const small = pool.slice(0, 5);
    const r = drawReviewers([{ id: 9, memberTeacherIds: [], schoolIds: [1, 2] }], small, { ...rules, perApplication: 5, seed: 1 });
    expect(r.assignments).toEqual([]);
    expect(r.unstaffed).toEqual([{ applicationId: 9, eligible: 3, needed: 5 }]);
  });

  it('keeps existing reviewers and draws only the shortfall', () => {
    const r = drawReviewers([apps[0]!], pool, { ...rules, perApplication: 5, seed: 7, existing: new Map([[1, [5, 6]]]) });
    expect(r.assignments[0]!.reviewerIds.slice(0, 2)).toEqual([5, 6]);
    expect(r.assignments[0]!.reviewerIds).toHaveLength(5);
  });
});
