import { describe, expect, it } from 'vitest';
import { aggregateScores } from './aggregation.ts';
import {
  areaAverages,
  bandDistribution,
  compareWithPrevious,
  rankResults,
  rankSchools,
  weakestCheckpoints,
  type CampaignResult,
} from './statistics.ts';
import { FIXTURE, sheet } from './test-fixtures.ts';
import { buildIdentityMapping, createNextVersion } from './versioning.ts';

const result = (schoolId: string, ...args: Parameters<typeof sheet>): CampaignResult => ({
  schoolId,
  result: aggregateScores(FIXTURE, sheet(...args)),
});

// S1: 400 + 200 + 300 + 100 = 1000 优秀; S2: 300 + 150 + 220 + 80 = 750 合格;
// S3: 300 + 150 + 219.5 + 80 = 749.5 不合格; S4: 390 + 200 + 260 + 100 = 950 but vetoed → 不合格.
const CAMPAIGN = [
  result('S1', 400, 200, 300, '优'),
  result('S2', 300, 150, 220, '良'),
  result('S3', 300, 150, 219.5, '良'),
  result('S4', 390, 200, 260, '优', false),
];

describe('bandDistribution', () => {
  it('counts final bands, vetoes and incomplete results', () => {
    const incomplete: CampaignResult = { schoolId: 'S5', result: aggregateScores(FIXTURE, []) };
    expect(bandDistribution(FIXTURE, [...CAMPAIGN, incomplete])).toEqual({
      // 4 graded: 1 优秀 (25 %), 0 良好, 1 合格 (25 %), 2 不合格 (50 %).
      bands: [
        { label: '优秀', count: 1, percent: 25 },
        { label: '良好', count: 0, percent: 0 },
        { label: '合格', count: 1, percent: 25 },
        { label: '不合格', count: 2, percent: 50 },
      ],
      vetoed: 1,
      incomplete: 1,
      graded: 4,
    });
  });
});

describe('ranking', () => {
  it.each([
    [
      'standard competition ranking',
      [
        ['S1', 90],
        ['S2', 85],
        ['S3', 85],
        ['S4', 80],
      ],
      [
        ['S1', 1],
        ['S2', 2],
        ['S3', 2],
        ['S4', 4],
      ],
    ],
    [
      'a three-way tie at the top',
      [
        ['S3', 70],
        ['S1', 70],
        ['S2', 70],
        ['S4', 60],
      ],
      [
        ['S1', 1],
        ['S2', 1],
        ['S3', 1],
        ['S4', 4],
      ],
    ],
    // 84.999 rounds to 85.00 and ties with 85.
    [
      'totals equal to two decimals tie',
      [
        ['S1', 84.999],
        ['S2', 85],
      ],
      [
        ['S1', 1],
        ['S2', 1],
      ],
    ],
  ] as const)('%s', (_case, entries, expected) => {
    expect(rankSchools(entries.map(([schoolId, total]) => ({ schoolId, total }))).map((r) => [r.schoolId, r.rank])).toEqual(expected);
  });

  it('ranks vetoed schools last whatever their total', () => {
    // S1 1000, S2 750, S3 749.5, then S4 (950 but vetoed).
    expect(rankResults(CAMPAIGN).map((r) => [r.schoolId, r.rank])).toEqual([
      ['S1', 1],
      ['S2', 2],
      ['S3', 3],
      ['S4', 4],
    ]);
  });
});

describe('areaAverages and weakestCheckpoints', () => {
  it('averages areas across schools', () => {
    // A1: 600, 450, 450, 590 → 2090 / 4 = 522.5 (87.1 % of 600); A2: 400, 300, 299.5, 360 → 1359.5 / 4 = 339.88 (85 %).
    expect(areaAverages(FIXTURE, CAMPAIGN)).toEqual([
      { code: 'A1', title: '条件', maxPoints: 600, meanPoints: 522.5, meanPercent: 87.1 },
      { code: 'A2', title: '管理', maxPoints: 400, meanPoints: 339.88, meanPercent: 85 },
    ]);
  });

  it('lists the weakest check points by mean share of their maximum', () => {
    // Two schools: A1.1.1 300/400 = 75 %, 400/400 = 100 % → 87.5; A1.1.2 150/200 = 75 %, 100/200 = 50 % → 62.5;
    // A2.1 220/300 = 73.33 %, 150/300 = 50 % → 61.7; A2.2 良 80 %, 差 0 % → 40. A2.3 is worth 0 and left out.
    const two = [result('S1', 300, 150, 220, '良'), result('S2', 400, 100, 150, '差')];
    expect(weakestCheckpoints(FIXTURE, two).map((c) => [c.code, c.meanPercent, c.schoolsScored])).toEqual([
      ['A2.2', 40, 2],
      ['A2.1', 61.7, 2],
      ['A1.1.2', 62.5, 2],
      ['A1.1.1', 87.5, 2],
    ]);
    expect(weakestCheckpoints(FIXTURE, two, 1)).toHaveLength(1);
  });
});

describe('compareWithPrevious', () => {
  it('compares school by school on the same version', () => {
    const previous = [result('S1', 350, 180, 250, '良'), result('S2', 300, 150, 220, '良'), result('S9', 400, 200, 300, '优')];
    const c = compareWithPrevious({ current: CAMPAIGN.slice(0, 3), previous });
    // S1: 1000 vs 350 + 180 + 250 + 80 = 860 → +140; S2: 750 vs 750 → 0; S3 new.
    expect(c.schools).toEqual([
      { schoolId: 'S1', current: 1000, previous: 860, change: 140 },
      { schoolId: 'S2', current: 750, previous: 750, change: 0 },
      { schoolId: 'S3', current: 749.5, previous: null, change: null },
    ]);
    // Means over the two compared: current (1000 + 750) / 2 = 875; previous (860 + 750) / 2 = 805; change 70.
    expect(c).toMatchObject({ compared: 2, meanCurrent: 875, meanPrevious: 805, meanChange: 70, previousOnly: ['S9'] });
  });

  it('normalises the previous campaign through a version mapping', () => {
    const v2 = createNextVersion(FIXTURE);
    const current: CampaignResult[] = [{ schoolId: 'S2', result: aggregateScores(v2, sheet(320, 160, 240, '良')) }];
    const previous = [result('S2', 300, 150, 220, '良')];
    // Identity mapping between equal structures (factor 1 on each scored check point except the 0-point veto):
    // old 300 + 150 + 220 + 80 = 750 of comparable 1000 → 750; current 320 + 160 + 240 + 80 = 800 → +50.
    const c = compareWithPrevious({ current, previous, mapping: buildIdentityMapping(FIXTURE, v2) });
    expect(c.schools).toEqual([{ schoolId: 'S2', current: 800, previous: 750, change: 50 }]);
  });

  it('refuses to compare different versions without a mapping', () => {
    const v2 = createNextVersion(FIXTURE);
    const current: CampaignResult[] = [{ schoolId: 'S2', result: aggregateScores(v2, sheet(320, 160, 240, '良')) }];
    expect(() => compareWithPrevious({ current, previous: [result('S2', 300, 150, 220, '良')] })).toThrow('needs a version mapping');
  });
});
