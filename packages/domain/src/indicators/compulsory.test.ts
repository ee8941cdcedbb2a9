import { describe, expect, it } from 'vitest';
import { GRADES } from '../codes/stages.ts';
import { classifyClassSize, summariseClassSizes } from './class-size.ts';
import {
  computeMigrantPublicShare,
  computeMusicArtRooms,
  computeSchoolSize,
  computeStudentTeacherRatio,
  computeZonedAdmissionRate,
  type SchoolAdmissions,
} from './compulsory.ts';
import { computeJuniorRetention, computeJuniorRetentionFromRows, computeNineYearRetention, type CohortStatRow } from './retention.ts';
import { CTX } from './test-fixtures.ts';
import type { IndicatorScope } from './types.ts';

const DISTRICT: IndicatorScope = { level: 'district', regionCode: '500104' };

describe('class sizes', () => {
  it.each([
    [35, 'standard'],
    [45, 'standard'],
    [46, 'oversized'],
    [55, 'oversized'],
    [56, 'large'],
    [65, 'large'],
    [66, 'super_large'],
    [80, 'super_large'],
  ] as const)('%s pupils → %s', (size, band) => {
    expect(classifyClassSize(size)).toBe(band);
  });

  it('summarises a 小学 stage part', () => {
    // 8 classes, two per band; max 70 > 45; 6 classes over 45; 大班额 2/8 = 25 %; 超大班额 2/8 = 25 %.
    const s = summariseClassSizes([30, 45, 46, 55, 56, 65, 66, 70], { level: 'stage_part', schoolId: 'x', stage: 'primary' }, CTX);
    expect(s.bands).toEqual({ standard: 2, oversized: 2, large: 2, super_large: 2 });
    expect([s.maxClassSize.value, s.maxClassSize.status, s.classesOverLimit]).toEqual([70, 'not_met', 6]);
    expect([s.largeShare.value, s.largeShare.status]).toEqual([25, 'not_met']);
    expect([s.superLargeShare.value, s.superLargeShare.status]).toEqual([25, 'not_met']);
  });

  it.each([
    ['primary', [45, 45], 'met'], // equality passes
    ['primary', [46], 'not_met'],
    ['junior', [50], 'met'],
    ['junior', [51], 'not_met'],
  ] as const)('%s classes %j → %s', (stage, sizes, status) => {
    expect(summariseClassSizes(sizes, { level: 'stage_part', stage }, CTX).maxClassSize.status).toBe(status);
  });

  it('shares: 1 大班额 of 20 classes = 5 % meets ≤5 %; no classes → no data', () => {
    const sizes = [...Array<number>(19).fill(40), 60];
    expect(summariseClassSizes(sizes, DISTRICT, CTX).largeShare).toMatchObject({ value: 5, status: 'met' });
    const none = summariseClassSizes([], DISTRICT, CTX);
    expect([none.maxClassSize.status, none.largeShare.reason]).toEqual(['no_data', '班级总数为0，无法计算大班额比例']);
  });
});

describe('computeSchoolSize', () => {
  it.each([
    ['211', { primary: 2000 }, 'compulsory.school_size', 2000, 'met'],
    ['211', { primary: 2001 }, 'compulsory.school_size', 2001, 'not_met'],
    // 九年一贯制: 1500 + 1000 = 2500 against 2500.
    ['312', { primary: 1500, junior: 1000 }, 'compulsory.school_size_one_through', 2500, 'met'],
    ['345', { primary: 1500, junior: 1100, senior: 900 }, 'compulsory.school_size_one_through', 2600, 'not_met'],
    // 完全中学: only the 1200 初中 pupils are compulsory, against 2000.
    ['341', { junior: 1200, senior: 1500 }, 'compulsory.school_size', 1200, 'met'],
  ] as const)('type %s %j → %s %s', (typeCode, students, code, value, status) => {
    expect(computeSchoolSize({ schoolId: 's', typeCode, students }, CTX)).toMatchObject({ code, value, status });
  });

  it('is not applicable to a school without compulsory grades', () => {
    expect(computeSchoolSize({ schoolId: 's', typeCode: '342', students: { senior: 3000 } }, CTX)).toBeNull();
  });
});

describe('初中三年巩固率', () => {
  it.each([
    // (290 − 12 + 20) ÷ (300 − 1) = 298/299 = 99.666 %.
    [{ graduates: 290, transfersIn: 12, transfersOut: 20, grade7Enrolment: 300, deaths: 1 }, (298 / 299) * 100, 'met'],
    // (270 − 5 + 3) ÷ 290 = 268/290 = 92.414 %.
    [{ graduates: 270, transfersIn: 5, transfersOut: 3, grade7Enrolment: 290, deaths: 0 }, (268 / 290) * 100, 'not_met'],
    // 285 ÷ 300 = 95 % exactly: equality passes.
    [{ graduates: 285, transfersIn: 0, transfersOut: 0, grade7Enrolment: 300, deaths: 0 }, 95, 'met'],
  ])('%j → %s', (input, value, status) => {
    const v = computeJuniorRetention(input, DISTRICT, CTX);
    expect(v.value).toBeCloseTo(value, 10);
    expect([v.status, v.threshold?.value, v.warnings]).toEqual([status, 95, []]);
  });

  it('assumes no deaths with a warning when none are given', () => {
    const v = computeJuniorRetention({ graduates: 285, transfersIn: 0, transfersOut: 0, grade7Enrolment: 300 }, DISTRICT, CTX);
    expect(v.warnings).toEqual(['未提供死亡学生数，按0计']);
  });

  const row = (
    schoolYear: number,
    grade: string,
    students: number,
    transfersIn: number,
    transfersOut: number,
    graduates = 0,
  ): CohortStatRow => ({
    schoolYear,
    grade,
    students,
    graduates,
    transfersIn,
    transfersOut,
  });

  it('follows the cohort through three years of rows, with transfers', () => {
    // 2022 J1: 300, +4 −6 → 2023 J2: 298, +3 −5 → 2024 J3: 296, +2 −3, 5 drop out, 290 graduate.
    // (290 − (4+3+2) + (6+5+3)) ÷ 300 = 295/300 = 98.333 %: exactly the 5 drop-outs are lost.
    const rows = [row(2022, 'J1', 300, 4, 6), row(2023, 'J2', 298, 3, 5), row(2024, 'J3', 296, 2, 3, 290), row(2024, 'J1', 999, 9, 9)];
    const v = computeJuniorRetentionFromRows(rows, 2024, DISTRICT, CTX, 0);
    expect([v.numerator, v.denominator, v.status]).toEqual([295, 300, 'met']);
    expect(v.value).toBeCloseTo(98.3333, 4);
  });

  it('sums rows of several schools and warns about a missing year', () => {
    // Two schools' 2022 J1 rows: 150 + 150; a transfer between them (out of one, into the other) cancels.
    const rows = [row(2022, 'J1', 150, 0, 1), row(2022, 'J1', 150, 1, 0), row(2024, 'J3', 300, 0, 0, 300)];
    const v = computeJuniorRetentionFromRows(rows, 2024, DISTRICT, CTX, 0);
    expect([v.value, v.warnings]).toEqual([100, ['缺少学年数据：2023/J2']]);
  });
});

describe('九年义务教育巩固率', () => {
  // Cohort enters 一年级 in 2016 with 500 pupils; each of the 8 years before 九年级: +10 in, −5 out, no losses.
  // So 九年级 in 2024 has 500 + 8·5 = 540. Statistical: 540/500 = 108 %. Adjusted: (540 − 80 + 40) / 500 = 100 %.
  const codes = GRADES.filter((g) => g.stage === 'primary' || g.stage === 'junior').map((g) => g.code);
  const rows: CohortStatRow[] = codes.map((grade, k) => ({
    schoolYear: 2016 + k,
    grade,
    students: 500 + 5 * k,
    graduates: 0,
    transfersIn: 10,
    transfersOut: 5,
  }));

  it('statistical variant: grade-9 students ÷ grade-1 students 8 years earlier (may exceed 100 %)', () => {
    const v = computeNineYearRetention(rows, 2024, DISTRICT, CTX);
    expect([v.numerator, v.denominator, v.value, v.status]).toEqual([540, 500, 108, 'no_threshold']);
    expect(v.warnings).toContain('超过100%：期间净迁入');
  });

  it('transfer-adjusted variant removes the net migration', () => {
    const v = computeNineYearRetention(rows, 2024, DISTRICT, CTX, { variant: 'transfer_adjusted' });
    expect([v.numerator, v.denominator, v.value]).toEqual([500, 500, 100]);
  });
});

describe('shares over plain inputs', () => {
  it.each([
    // (850 + 30) ÷ 1000 = 88 % ≥ 85 %.
    [{ inPublicSchools: 850, inPurchasedPlaces: 30, total: 1000 }, 88, 'met'],
    [{ inPublicSchools: 800, inPurchasedPlaces: 50, total: 1000 }, 85, 'met'],
    [{ inPublicSchools: 0, inPurchasedPlaces: 0, total: 0 }, null, 'no_data'],
  ])('随迁子女 %j → %s', (input, value, status) => {
    expect(computeMigrantPublicShare(input, DISTRICT, CTX)).toMatchObject({ value, status });
  });

  const admissions = (
    sponsor: 'public' | 'private',
    urbanRuralCode: string,
    isBoarding: boolean,
    admittedInZone: number,
    admitted: number,
  ): SchoolAdmissions => ({
    sponsor,
    urbanRuralCode,
    isBoarding,
    admittedInZone,
    admitted,
  });

  it.each([
    // Only the urban public day school counts: 200/200 = 100 % (小学 needs 100 %).
    [
      'primary',
      [
        admissions('public', '111', false, 200, 200),
        admissions('public', '121', true, 50, 100),
        admissions('public', '220', false, 40, 80),
        admissions('private', '111', false, 0, 100),
      ],
      100,
      'met',
    ],
    // 190/200 = 95 % meets 初中 ≥95 %; 189/200 = 94.5 % does not.
    ['junior', [admissions('public', '112', false, 190, 200)], 95, 'met'],
    ['junior', [admissions('public', '112', false, 189, 200)], 94.5, 'not_met'],
  ] as const)('zoned admission %s → %s', (stage, schools, value, status) => {
    expect(computeZonedAdmissionRate(schools, stage, DISTRICT, CTX)).toMatchObject({ value, status });
  });

  it.each([
    // 24 classes need 2 of each; music 2, art 1 → 1/2 = 0.5.
    [{ classes: 24, musicRooms: 2, artRooms: 1 }, 0.5, 'not_met'],
    // 25 classes need 3 → 3/3 = 1.
    [{ classes: 25, musicRooms: 3, artRooms: 3 }, 1, 'met'],
    [{ classes: 12, musicRooms: 1, artRooms: 1 }, 1, 'met'],
    [{ classes: 0, musicRooms: 1, artRooms: 1 }, null, 'no_data'],
  ])('music/art rooms %j → %s', (input, value, status) => {
    expect(computeMusicArtRooms(input, { level: 'school', schoolId: 's' }, CTX)).toMatchObject({ value, status });
  });

  it('生师比 = 1350 ÷ 100 = 13.5, without a national threshold', () => {
    expect(
      computeStudentTeacherRatio({ students: 1350, fullTimeTeachers: 100 }, { level: 'district', stage: 'senior' }, CTX),
    ).toMatchObject({
      value: 13.5,
      status: 'no_threshold',
    });
  });
});
