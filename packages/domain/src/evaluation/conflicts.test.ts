import { describe, expect, it } from 'vitest';
import { checkInspectorConflict, proposeAssignments, type InspectorProfile } from './conflicts.ts';

const RULES = { asOf: '2025-09-01', lookbackYears: 3 }; // the lookback reaches back to 2022-09-01

describe('checkInspectorConflict', () => {
  const inspector: InspectorProfile = {
    id: 'I1',
    currentSchoolId: 'S-now',
    pastSchools: [
      { schoolId: 'S-2y', until: '2023-07-15' },
      { schoolId: 'S-4y', until: '2021-07-15' },
      { schoolId: 'S-edge', until: '2022-09-01' },
      { schoolId: 'S-just-out', until: '2022-08-31' },
    ],
    relatedSchoolIds: ['S-rel'],
  };

  it.each([
    ['the school they work at', 'S-now', '督学现任职于该校，须回避'],
    ['a school left 2 years ago, lookback 3', 'S-2y', '督学曾在该校任职至 2023-07-15，离校未满 3 年，须回避'],
    ['a school left 4 years ago, lookback 3', 'S-4y', null],
    ['a school left exactly 3 years ago (inclusive)', 'S-edge', '督学曾在该校任职至 2022-09-01，离校未满 3 年，须回避'],
    ['a school left 3 years and a day ago', 'S-just-out', null],
    ['a related school', 'S-rel', '该校为督学的关联学校，须回避'],
    ['an unrelated school', 'S-other', null],
  ])('%s', (_case, schoolId, expected) => {
    expect(checkInspectorConflict(inspector, schoolId, RULES)).toBe(expected);
  });

  it('counts calendar years from a leap day', () => {
    // 2024-02-29 minus 1 year is 2023-02-28: leaving on 2023-02-28 is still within the year.
    expect(
      checkInspectorConflict({ id: 'I', pastSchools: [{ schoolId: 'S', until: '2023-02-28' }] }, 'S', {
        asOf: '2024-02-29',
        lookbackYears: 1,
      }),
    ).not.toBeNull();
    expect(
      checkInspectorConflict({ id: 'I', pastSchools: [{ schoolId: 'S', until: '2023-02-27' }] }, 'S', {
        asOf: '2024-02-29',
        lookbackYears: 1,
      }),
    ).toBeNull();
  });
});

describe('proposeAssignments', () => {
  const inspectors: InspectorProfile[] = [
    { id: 'I1', currentSchoolId: 'S1' },
    { id: 'I2', relatedSchoolIds: ['S2'] },
    { id: 'I3' },
    { id: 'I4' },
  ];
  const schools = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'].map((id) => ({ id }));

  it('balances load while avoiding conflicts, deterministically', () => {
    // S1 (I1 avoids) and S2 (I2 avoids) have 3 eligible inspectors and go first; then S3…S6.
    // S1: all at 0 → I2, I3. S2: I1 0, I4 0, I3 1 → I1, I4. Now all at 1.
    // S3: I1, I2 (earlier wins ties) → 2,2,1,1. S4: I3, I4. S5: I1, I2. S6: I3, I4 → 3 each.
    const p = proposeAssignments(schools, inspectors, { ...RULES, teamSize: 2 });
    expect(p.assignments.map((a) => [a.schoolId, a.inspectorIds])).toEqual([
      ['S1', ['I2', 'I3']],
      ['S2', ['I1', 'I4']],
      ['S3', ['I1', 'I2']],
      ['S4', ['I3', 'I4']],
      ['S5', ['I1', 'I2']],
      ['S6', ['I3', 'I4']],
    ]);
    expect(p.loads).toEqual([
      { inspectorId: 'I1', schools: 3 },
      { inspectorId: 'I2', schools: 3 },
      { inspectorId: 'I3', schools: 3 },
      { inspectorId: 'I4', schools: 3 },
    ]);
    expect(p.assignments[0]!.avoided).toEqual([{ inspectorId: 'I1', reason: '督学现任职于该校，须回避' }]);
    expect(p.unstaffed).toEqual([]);
  });

  it('keeps loads within one of each other when the slots do not divide evenly', () => {
    // 5 schools × 2 = 10 slots over 4 inspectors → 3, 3, 2, 2.
    const p = proposeAssignments(schools.slice(0, 5), inspectors, { ...RULES, teamSize: 2 });
    const loads = p.loads.map((l) => l.schools);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('reports a school that cannot be staffed without conflicts, and staffs the rest', () => {
    const withS7 = [
      ...inspectors.slice(0, 2).map((i) => ({ ...i, relatedSchoolIds: [...(i.relatedSchoolIds ?? []), 'S7'] })),
      { id: 'I3', pastSchools: [{ schoolId: 'S7', until: '2024-07-01' }] },
      { id: 'I4' },
    ];
    const p = proposeAssignments([...schools, { id: 'S7' }], withS7, { ...RULES, teamSize: 2 });
    expect(p.unstaffed).toEqual([
      {
        schoolId: 'S7',
        reason: '需要 2 名督学，无利益冲突的仅 1 名（3 名须回避）',
        eligibleInspectorIds: ['I4'],
        avoided: [
          { inspectorId: 'I1', reason: '该校为督学的关联学校，须回避' },
          { inspectorId: 'I2', reason: '该校为督学的关联学校，须回避' },
          { inspectorId: 'I3', reason: '督学曾在该校任职至 2024-07-01，离校未满 3 年，须回避' },
        ],
      },
    ]);
    expect(p.assignments).toHaveLength(6);
    expect(p.loads.map((l) => l.schools)).toEqual([3, 3, 3, 3]); // the unstaffed school takes no one's time
  });

  it('respects a per-inspector limit and explains the shortfall', () => {
    // 3 inspectors, at most 1 school each, teams of 2: S1 takes I1 and I2; S2 has only I3 left.
    const p = proposeAssignments([{ id: 'S1' }, { id: 'S2' }], [{ id: 'I1' }, { id: 'I2' }, { id: 'I3' }], {
      ...RULES,
      teamSize: 2,
      maxSchoolsPerInspector: 1,
    });
    expect(p.assignments.map((a) => a.inspectorIds)).toEqual([['I1', 'I2']]);
    expect(p.unstaffed[0]).toMatchObject({
      schoolId: 'S2',
      reason: '需要 2 名督学，无利益冲突的仅 3 名，其中 2 名已达本次 1 所的工作量上限',
    });
  });

  it('counts load carried from other campaigns', () => {
    // I1 already has 2 schools elsewhere, so I2 and I3 are chosen first.
    const p = proposeAssignments([{ id: 'S1' }], [{ id: 'I1' }, { id: 'I2' }, { id: 'I3' }], {
      ...RULES,
      teamSize: 2,
      initialLoads: { I1: 2 },
    });
    expect(p.assignments[0]!.inspectorIds).toEqual(['I2', 'I3']);
    expect(p.loads).toEqual([
      { inspectorId: 'I1', schools: 2 },
      { inspectorId: 'I2', schools: 1 },
      { inspectorId: 'I3', schools: 1 },
    ]);
  });
});
