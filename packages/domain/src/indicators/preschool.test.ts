import { describe, expect, it } from 'vitest';
import { computeKindergartenClassCompliance } from './class-size.ts';
import { computeHighSchoolGrossEnrolment } from './high-school.ts';
import { sumPopulation, type PopulationByAge } from './population.ts';
import { computeKindergartenIndicators, computePreschoolIndicators, isInclusiveKindergarten, type KindergartenInput } from './preschool.ts';
import { CTX } from './test-fixtures.ts';
import type { IndicatorScope } from './types.ts';

const DISTRICT: IndicatorScope = { level: 'district', regionCode: '500104' };
const pop = (age: number, count: number): PopulationByAge => ({ age, count, basis: 'resident', source: '区统计局' });

const KS: KindergartenInput[] = [
  {
    schoolId: 'k1',
    label: '一幼',
    sponsor: 'public',
    isInclusive: false,
    children: 300,
    fullTimeTeachers: 20,
    classes: [
      { kind: 'K1', children: 25 },
      { kind: 'K2', children: 30 },
      { kind: 'K3', children: 36 },
      { kind: 'mixed', children: 30 },
    ],
  },
  { schoolId: 'k2', sponsor: 'private', isInclusive: true, children: 200, fullTimeTeachers: 14 },
  { schoolId: 'k3', sponsor: 'private', isInclusive: false, children: 100, fullTimeTeachers: 5 },
];

describe('preschool indicators', () => {
  it('counts every public kindergarten as 普惠, private ones by their published status', () => {
    expect(KS.map(isInclusiveKindergarten)).toEqual([true, true, false]);
  });

  it('computes the district figures by hand', () => {
    // Children 300 + 200 + 100 = 600; population 3–5 = 220 + 230 + 250 = 700.
    // 毛入园率 600/700 = 85.714 % ≥ 85; 普惠率 (300 + 200)/600 = 83.33 % ≥ 80; 公办 300/600 = 50 % (equality passes);
    // children per teacher 600/39 = 15.38 > 15; classes within norm 3 of 4 (大班 36 > 35) = 75 % < 85.
    const r = computePreschoolIndicators({
      kindergartens: KS,
      population: sumPopulation([pop(3, 220), pop(4, 230), pop(5, 250), pop(6, 999)], 3, 5, 'resident'),
      scope: DISTRICT,
      context: CTX,
    });
    expect(r.grossEnrolmentRate.value).toBeCloseTo((600 / 700) * 100, 10);
    expect(r.grossEnrolmentRate.status).toBe('met');
    expect(r.grossEnrolmentRate.warnings).toEqual(['人口口径：常住人口（区统计局）']);
    expect([r.inclusiveShare.value, r.inclusiveShare.status]).toEqual([(500 * 100) / 600, 'met']);
    expect([r.publicShare.value, r.publicShare.status]).toEqual([50, 'met']);
    expect([r.childrenPerTeacher.value, r.childrenPerTeacher.status]).toEqual([600 / 39, 'not_met']);
    expect([r.classSizeCompliance?.value, r.classSizeCompliance?.status]).toEqual([75, 'not_met']);
  });

  it('warns about missing ages and gives no rate without population', () => {
    const r = computePreschoolIndicators({
      kindergartens: KS,
      population: sumPopulation([], 3, 5, 'registered'),
      scope: DISTRICT,
      context: CTX,
    });
    expect(r.grossEnrolmentRate).toMatchObject({ value: null, status: 'no_data', reason: '3–5周岁人口数为0，无法计算学前三年毛入园率' });
    expect(r.grossEnrolmentRate.warnings).toEqual(['人口口径：户籍人口（无来源）', '缺少3、4、5周岁人口数']);
  });

  it('computes one kindergarten: 300 children / 20 teachers = 15 meets 1:15 (equality)', () => {
    const [ratio, classes] = computeKindergartenIndicators(KS[0]!, CTX);
    expect([ratio!.value, ratio!.status, ratio!.threshold?.comparator]).toEqual([15, 'met', '<=']);
    expect(classes!.value).toBe(75);
  });

  it.each([
    // Norms 托班20 小班25 中班30 大班35 混龄30; each class at its limit passes, one over fails.
    [
      [
        { kind: 'K0', children: 20 },
        { kind: 'K1', children: 25 },
        { kind: 'K2', children: 30 },
        { kind: 'K3', children: 35 },
        { kind: 'mixed', children: 30 },
      ],
      100,
    ],
    [
      [
        { kind: 'K1', children: 26 },
        { kind: 'K1', children: 25 },
      ],
      50,
    ],
  ] as const)('class compliance %# → %s %%', (classes, value) => {
    expect(computeKindergartenClassCompliance(classes, DISTRICT, CTX).value).toBe(value);
  });

  it('accepts a stricter local norm', () => {
    const classes = [{ kind: 'K3' as const, children: 33 }];
    expect(computeKindergartenClassCompliance(classes, DISTRICT, CTX, { K0: 20, K1: 20, K2: 25, K3: 30, mixed: 25 }).value).toBe(0);
  });
});

describe('高中阶段毛入学率', () => {
  it('(2800 + 1100) ÷ (1300 + 1320 + 1380) = 3900/4000 = 97.5 %, no national threshold', () => {
    const population = sumPopulation([pop(15, 1300), pop(16, 1320), pop(17, 1380)], 15, 17, 'resident');
    const v = computeHighSchoolGrossEnrolment({ generalHigh: 2800, vocational: 1100 }, population, DISTRICT, CTX);
    expect([v.numerator, v.denominator, v.value, v.status]).toEqual([3900, 4000, 97.5, 'no_threshold']);
  });
});
