import { describe, expect, it } from 'vitest';
import { computeRotation, computeTrainingCompletion } from './teacher-development.ts';
import {
  computeBackboneSchoolsShare,
  computeTeacherIndicators,
  countTeachersByStagePart,
  holdsCertificateFor,
  isAboveRequiredEducation,
  isBackboneCountyOrAboveOn,
  type TeacherRecord,
} from './teachers.ts';
import { CTX } from './test-fixtures.ts';
import type { IndicatorValue } from './types.ts';

const t = (over: Partial<TeacherRecord>): TeacherRecord => ({
  schoolId: 'A',
  post: 'teacher',
  isFullTime: true,
  teachingStage: 'primary',
  subject: '语文',
  education: 'bachelor',
  certificate: 'primary',
  backboneLevel: null,
  backboneIssuedOn: null,
  backboneValidUntil: null,
  ...over,
});

describe('teacher predicates', () => {
  it.each([
    ['associate', 'primary', true], // 小学: 专科 and above
    ['secondary_normal', 'primary', false],
    ['associate', 'junior', false], // 初中: 本科 and above
    ['bachelor', 'junior', true],
    ['master', 'senior', true],
    ['bachelor', 'senior', false],
  ] as const)('%s is above the %s requirement: %s', (education, stage, expected) => {
    expect(isAboveRequiredEducation(education, stage)).toBe(expected);
  });

  it.each([
    ['district', '2025-09-01', null, true], // recognised on the statistics date itself
    ['district', '2025-09-02', null, false], // not yet
    ['city', '2022-09-01', '2025-09-01', true], // last valid day
    ['city', '2022-09-01', '2025-08-31', false], // expired the day before
    ['school', '2024-09-01', '2027-09-01', false], // 校级 is not 县级以上
  ] as const)('%s issued %s valid until %s → %s on 2025-09-01', (backboneLevel, backboneIssuedOn, backboneValidUntil, expected) => {
    expect(isBackboneCountyOrAboveOn({ backboneLevel, backboneIssuedOn, backboneValidUntil }, '2025-09-01')).toBe(expected);
  });

  it.each([
    ['none', 'primary', 'any', false],
    ['preschool', 'primary', 'any', true],
    ['preschool', 'primary', 'stage_appropriate', false],
    ['senior', 'junior', 'stage_appropriate', true], // a higher level licenses a lower one
    ['primary', 'junior', 'stage_appropriate', false],
  ] as const)('%s certificate for %s under %s → %s', (certificate, stage, rule, expected) => {
    expect(holdsCertificateFor(certificate, stage, rule)).toBe(expected);
  });
});

describe('countTeachersByStagePart', () => {
  // School A is 九年一贯制 with 600 小学 and 400 初中 pupils: shared teachers split 600 : 440 (= 400 × 1.1) of 1040.
  const P = 600 / 1040;
  const J = 440 / 1040;
  const teachers = [
    t({ subject: '体育', backboneLevel: 'district', backboneIssuedOn: '2024-09-10', backboneValidUntil: '2027-09-10' }),
    t({ education: 'secondary_normal', certificate: 'none' }),
    t({ teachingStage: 'junior', education: 'associate', subject: '数学', certificate: 'junior' }),
    t({
      teachingStage: 'junior',
      education: 'master',
      subject: '音乐',
      certificate: 'senior',
      backboneLevel: 'school',
      backboneIssuedOn: '2024-01-01',
    }),
    // Shared: no 任教学段; 专科 is above the 小学 requirement only; its 市级 recognition expired in 2023.
    t({
      teachingStage: null,
      education: 'associate',
      subject: '美术',
      certificate: 'primary',
      backboneLevel: 'city',
      backboneIssuedOn: '2020-09-01',
      backboneValidUntil: '2023-08-31',
    }),
    // A 校级领导 with a valid 区级 recognition counts as 骨干 (not as 专任教师); one without does not count at all.
    t({
      post: 'leader',
      isFullTime: false,
      teachingStage: 'junior',
      backboneLevel: 'district',
      backboneIssuedOn: '2024-09-06',
      backboneValidUntil: '2027-09-05',
    }),
    t({ post: 'leader', isFullTime: false, teachingStage: 'primary' }),
    t({ post: 'admin', isFullTime: false, teachingStage: null }),
    t({ isFullTime: false }),
    t({ schoolId: 'Z' }),
  ];
  const schools = [{ schoolId: 'A', typeCode: '312', students: { primary: 600, junior: 400 } }];

  it('assigns staged teachers to their part and apportions the shared one', () => {
    const r = countTeachersByStagePart(teachers, schools, { asOf: '2025-09-01' });
    const primary = r.parts.find((p) => p.stage === 'primary')!.counts;
    const junior = r.parts.find((p) => p.stage === 'junior')!.counts;
    expect(primary.fullTime).toBeCloseTo(2 + P, 12);
    expect(primary.aboveQualification).toBeCloseTo(1 + P, 12);
    expect(primary.backboneCountyOrAbove).toBe(1);
    expect(primary.peArt).toBeCloseTo(1 + P, 12);
    expect(primary.certified).toBeCloseTo(1 + P, 12);
    expect(junior.fullTime).toBeCloseTo(2 + J, 12);
    expect(junior.aboveQualification).toBe(1);
    expect(junior.backboneCountyOrAbove).toBe(1);
    expect(junior.peArt).toBeCloseTo(1 + J, 12);
    expect(junior.certified).toBeCloseTo(2 + J, 12);
    expect(r.warnings).toEqual(['1名教师所在学校不在计算范围内，未计入']);
  });

  it('leaves 骨干 leaders out when configured', () => {
    const r = countTeachersByStagePart(teachers, schools, { asOf: '2025-09-01', backboneCountsLeaders: false });
    expect(r.parts.find((p) => p.stage === 'junior')!.counts.backboneCountyOrAbove).toBe(0);
  });

  it('applies the stage-appropriate certificate rule to the shared teacher', () => {
    const r = countTeachersByStagePart(teachers, schools, { asOf: '2025-09-01', certificateRule: 'stage_appropriate' });
    expect(r.parts.find((p) => p.stage === 'junior')!.counts.certified).toBe(2);
  });
});

describe('teacher indicators', () => {
  it('computes per-100 values and the certificate rate of a 初中 part of 1000 pupils', () => {
    // 53 → 5.3 (met); 9 backbone → 0.9 < 1.0; 9 PE/art → 0.9 (met); 49 of 50 certified = 98 % < 100.
    const counts = { fullTime: 50, aboveQualification: 53, backboneCountyOrAbove: 9, peArt: 9, certified: 49 };
    const values = computeTeacherIndicators(counts, 1000, { level: 'stage_part', schoolId: 'A', stage: 'junior' }, CTX);
    expect(values.map((v) => [v.value, v.status])).toEqual([
      [5.3, 'met'],
      [0.9, 'not_met'],
      [0.9, 'met'],
      [98, 'not_met'],
    ]);
  });

  it('share of schools meeting the backbone standard leaves undecidable schools out', () => {
    // 3 met, 1 not met, 1 without pupils → 3/4 = 75 %.
    const v = (status: IndicatorValue['status']) => ({ code: 'balanced.backbone_teachers_per100', status }) as IndicatorValue;
    const r = computeBackboneSchoolsShare(
      [v('met'), v('met'), v('met'), v('not_met'), v('no_data')],
      { level: 'district', stage: 'primary' },
      CTX,
    );
    expect([r.value, r.status, r.warnings]).toEqual([75, 'no_threshold', ['1所学校无法判定，未计入']]);
  });

  it('rotation: 巴南区 433 of 1875 due = 23.09 %, 144 骨干 of 433 = 33.26 %', () => {
    const [share, backbone] = computeRotation({ eligible: 1875, rotated: 433, rotatedBackbone: 144 }, { level: 'district' }, CTX);
    expect(share.value).toBeCloseTo(23.0933, 4);
    expect(backbone.value).toBeCloseTo(33.2564, 4);
    expect([share.status, backbone.status]).toEqual(['met', 'met']);
    // Against the eligible pool: 144/1875 = 7.68 % < 20 %.
    const [, strict] = computeRotation(
      { eligible: 1875, rotated: 433, rotatedBackbone: 144, backboneBasis: 'eligible' },
      { level: 'district' },
      CTX,
    );
    expect([strict.value, strict.status]).toEqual([7.68, 'not_met']);
  });

  it.each([
    [500, 500, 100, 'met'],
    [500, 480, 96, 'not_met'],
  ] as const)('training: %s in cycle, %s completed → %s %%', (teachersInCycle, completed, value, status) => {
    expect(computeTrainingCompletion({ teachersInCycle, completed }, { level: 'district' }, CTX)).toMatchObject({ value, status });
  });
});
