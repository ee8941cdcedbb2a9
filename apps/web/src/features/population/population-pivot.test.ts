import { describe, expect, it } from 'vitest';
import { pivotByAge, regionsOf } from './population-pivot.ts';

const row = (age: number, basis: 'registered' | 'resident', count: number, regionCode = '500104') => ({
  regionCode,
  regionName: regionCode === '500104' ? '大渡口区' : null,
  year: 2025,
  age,
  basis,
  count,
  source: '公安户籍',
});

describe('pivotByAge', () => {
  it('puts each 口径 in its own column, sorted by age, summing regions', () => {
    const rows = [row(6, 'resident', 10), row(3, 'registered', 5), row(6, 'registered', 7), row(6, 'registered', 2, '500105')];
    expect(pivotByAge(rows)).toEqual([
      { age: 3, registered: 5, resident: null },
      { age: 6, registered: 9, resident: 10 },
    ]);
  });

  it('lists regions once, falling back to the code when unnamed', () => {
    expect(regionsOf([row(1, 'resident', 1), row(2, 'resident', 1), row(1, 'resident', 1, '500105')])).toEqual([
      { code: '500104', name: '大渡口区' },
      { code: '500105', name: '500105' },
    ]);
  });
});
