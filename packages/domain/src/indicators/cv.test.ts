import { describe, expect, it } from 'vitest';
import { unweightedCV, weightedCV } from './cv.ts';

// standards.md §1.2 test vector: books per pupil in five schools.
const BOOKS = [
  { pupils: 45, books: 279 },
  { pupils: 37, books: 137 },
  { pupils: 89, books: 935 },
  { pupils: 76, books: 160 },
  { pupils: 55, books: 402 },
];

describe('weightedCV', () => {
  it('reproduces the standards.md vector: CV 0.515 weighted, 0.489 unweighted', () => {
    // P = 302, Σbooks = 1913, X̄ = 1913/302 = 6.334; Σ(Pi/P)(Xi−X̄)² = 10.653; S = 3.264; CV = 3.264/6.334 = 0.515.
    const r = weightedCV(BOOKS.map((s) => ({ value: s.books / s.pupils, weight: s.pupils })));
    expect(r.totalWeight).toBe(302);
    expect(r.mean).toBeCloseTo(6.334, 3);
    expect(r.sd).toBeCloseTo(3.264, 3);
    expect(r.cv!.toFixed(3)).toBe('0.515');
    // Plain mean 5.965, population SD 2.915 → 0.489; the wrong formula would pass a 0.50 limit.
    const u = unweightedCV(BOOKS.map((s) => s.books / s.pupils));
    expect(u.cv!.toFixed(3)).toBe('0.489');
  });

  it.each([
    // Two schools, 100 and 300 pupils, values 2 and 6: X̄ = (200+1800)/400 = 5; S² = ¼·9 + ¾·1 = 3; CV = √3/5 = 0.34641.
    [
      [
        { value: 2, weight: 100 },
        { value: 6, weight: 300 },
      ],
      Math.sqrt(3) / 5,
    ],
    // Equal weights reduce to the population CV: values 1, 3 → mean 2, S = 1, CV 0.5.
    [
      [
        { value: 1, weight: 50 },
        { value: 3, weight: 50 },
      ],
      0.5,
    ],
    // Identical values → CV 0.
    [
      [
        { value: 4.5, weight: 10 },
        { value: 4.5, weight: 990 },
      ],
      0,
    ],
    // A zero-weight school is skipped: same as the first case.
    [
      [
        { value: 2, weight: 100 },
        { value: 6, weight: 300 },
        { value: 99, weight: 0 },
      ],
      Math.sqrt(3) / 5,
    ],
  ])('case %#', (items, expected) => {
    expect(weightedCV(items).cv).toBeCloseTo(expected, 12);
  });

  it.each([
    [[], '没有参与计算的学校'],
    [[{ value: 3, weight: 100 }], '只有1所学校，差异系数无意义'],
    [
      [
        { value: 0, weight: 10 },
        { value: 0, weight: 20 },
      ],
      '平均值为0，差异系数无意义',
    ],
    [
      [
        { value: 1, weight: -1 },
        { value: 2, weight: 3 },
      ],
      '权重（在校生数）无效',
    ],
    [
      [
        { value: Number.NaN, weight: 1 },
        { value: 2, weight: 3 },
      ],
      '存在无效的指标值',
    ],
  ])('returns null with a reason: %j', (items, reason) => {
    const r = weightedCV(items);
    expect([r.cv, r.reason]).toEqual([null, reason]);
  });
});
