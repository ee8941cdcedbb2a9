import { describe, expect, it } from 'vitest';
import {
  computeCoverage,
  isMemberOn,
  type CoverageKind,
  type CoverageOptions,
  type CoverageSchool,
  type Membership,
} from './organisation.ts';
import { CTX } from './test-fixtures.ts';

const S = (schoolId: string, typeCode: string, sponsor: 'public' | 'private', students: CoverageSchool['students']): CoverageSchool => ({
  schoolId,
  typeCode,
  sponsor,
  students,
});
const SCHOOLS = [
  S('A', '211', 'public', { primary: 1000 }),
  S('B', '211', 'public', { primary: 500 }),
  S('C', '311', 'public', { junior: 800 }),
  S('D', '211', 'private', { primary: 700 }),
  S('E', '312', 'public', { primary: 300, junior: 200 }),
  S('F', '111', 'public', { preschool: 300 }),
];
const M = (schoolId: string, kind: CoverageKind, joinedOn: string, leftOn: string | null = null): Membership => ({
  schoolId,
  kind,
  unitId: `${kind}-1`,
  joinedOn,
  leftOn,
});
const MEMBERSHIPS = [
  M('A', 'group', '2020-09-01'),
  M('B', 'group', '2025-09-02'), // joins the day after the evaluation date
  M('C', 'group', '2019-01-01', '2025-09-01'), // left on the evaluation date
  M('D', 'group', '2021-03-01'),
  M('E', 'community', '2024-09-01'),
  ...['A', 'B', 'C', 'E', 'D'].map((id) => M(id, 'school_district', '2022-01-01')),
];

const coverage = (kind: CoverageKind, options?: CoverageOptions, asOf = CTX.asOf) =>
  computeCoverage({
    kind,
    schools: SCHOOLS,
    memberships: MEMBERSHIPS,
    scope: { level: 'district' },
    context: { ...CTX, asOf },
    ...(options ? { options } : {}),
  });

describe('coverage', () => {
  it.each([
    ['2025-08-31', true],
    ['2025-09-01', false],
  ])('a membership that ends on 2025-09-01 holds on %s: %s', (asOf, expected) => {
    expect(isMemberOn({ joinedOn: '2019-01-01', leftOn: '2025-09-01' }, asOf)).toBe(expected);
  });

  it.each([
    // All 6 schools; members on 2025-09-01 are A and D → 2/6.
    ['group', undefined, 2, 6, '口径：按学校数'],
    // 小学 students: A 1000 + B 500 + D 700 + E 300 = 2500; members A + D = 1700 → 68 %.
    ['group', { basis: 'students', stages: ['primary'], publicOnly: false }, 1700, 2500, '口径：按在校生数，学段 小学'],
    // Public compulsory schools A, B, C, E; member A only → 1/4.
    ['group', { basis: 'schools', stages: ['primary', 'junior'], publicOnly: true }, 1, 4, '口径：按学校数（仅公办），学段 小学/初中'],
    // 学区: public schools A, B, C, E, F; in a 学区: A, B, C, E (D is private) → 4/5 = 80 %.
    ['school_district', undefined, 4, 5, '口径：按学校数（仅公办）'],
    // 教共体: E only → 1/6.
    ['community', undefined, 1, 6, '口径：按学校数'],
  ] as const)('%s %j → %s / %s', (kind, options, numerator, denominator, note) => {
    const v = coverage(kind, options as CoverageOptions | undefined);
    expect([v.numerator, v.denominator, v.warnings]).toEqual([numerator, denominator, [note]]);
    expect(v.value).toBeCloseTo((numerator * 100) / denominator, 12);
  });

  it('reproduces an earlier date: on 2025-08-31 C was still in its group', () => {
    expect(coverage('group', undefined, '2025-08-31').numerator).toBe(3);
  });
});
