import type { IndicatorValue } from '@zhiping/domain';
import { describe, expect, it } from 'vitest';
import { distributionOf, rankSchools } from './ranking.ts';

const v = (schoolId: number, value: number | null, status: IndicatorValue['status'] = 'met'): IndicatorValue => ({
  code: 'balanced.teaching_area_per_student',
  scope: { level: 'stage_part', schoolId: String(schoolId), stage: 'primary' },
  numerator: value,
  denominator: 1,
  value,
  reason: value === null ? '缺少数据' : null,
  threshold: null,
  status,
  warnings: [],
});

describe('ranking', () => {
  it('ranks a floor indicator highest first with shared ranks, and leaves values that cannot be computed unranked last', () => {
    const r = rankSchools([v(1, 4), v(2, 6), v(3, null, 'no_data'), v(4, 6), v(5, 5)], 'min');
    expect(r.items.map((x) => [x.schoolId, x.rank])).toEqual([
      [2, 1],
      [4, 1],
      [5, 3],
      [1, 4],
      [3, null],
    ]);
  });

  it('ranks a ceiling indicator lowest first', () => {
    expect(rankSchools([v(1, 50), v(2, 40)], 'max').items.map((x) => x.schoolId)).toEqual([2, 1]);
  });

  it('summarises the distribution in ten bins covering every value', () => {
    const d = distributionOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10].map((x, i) => v(i, x, x < 4 ? 'not_met' : 'met')));
    expect(d).toMatchObject({ count: 11, min: 1, max: 10, median: 6, met: 8, notMet: 3 });
    expect(d.bins).toHaveLength(10);
    expect(d.bins.reduce((s, b) => s + b.count, 0)).toBe(11);
    expect(d.bins[9]!.count).toBe(2);
    expect(distributionOf([v(1, 3), v(2, 3)]).bins).toEqual([{ from: 3, to: 3, count: 2 }]);
    expect(distributionOf([v(1, null, 'no_data')])).toMatchObject({ count: 0, bins: [] });
  });
});
