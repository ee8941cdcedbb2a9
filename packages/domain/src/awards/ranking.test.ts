import { describe, expect, it } from 'vitest';
import { rankApplications, type RankInput } from './ranking.ts';

const rules = { gradeQuotas: { first: 1, second: 1, third: 2 }, minAwardScore: 60 };
const app = (id: number, score: number, extra: Partial<RankInput> = {}): RankInput => ({
  id,
  score,
  rawMean: score,
  criterionMeans: [],
  submittedAt: '2025-03-01T00:00:00Z',
  ...extra,
});

describe('rankApplications', () => {
  it('orders by score and grades by the quotas, above the minimum score', () => {
    const r = rankApplications([app(1, 70), app(2, 90), app(3, 59.5), app(4, 80), app(5, 65)], rules);
    expect(r.map((x) => [x.id, x.rank, x.grade])).toEqual([
      [2, 1, 'first'],
      [4, 2, 'second'],
      [1, 3, 'third'],
      [5, 4, 'third'],
      [3, 5, null],
    ]);
  });

  it('a score below the minimum gets no award even inside the quota', () => {
    const r = rankApplications([app(1, 59.99), app(2, 61)], rules);
    expect(r.map((x) => x.grade)).toEqual(['first', null]);
  });

  it('tie-breaks: untrimmed mean, then criteria in rubric order, then earlier submission, then id', () => {
    const r = rankApplications(
      [
        app(1, 80, { rawMean: 79 }),
        app(2, 80, { rawMean: 81 }),
        app(3, 80, { rawMean: 79, criterionMeans: [25, 20] }),
        app(4, 80, { rawMean: 79, criterionMeans: [26, 10] }),
        app(5, 80, { rawMean: 79, criterionMeans: [25, 20], submittedAt: '2025-02-01T00:00:00Z' }),
      ],
      { gradeQuotas: { first: 0, second: 0, third: 0 }, minAwardScore: 0 },
    );
    expect(r.map((x) => x.id)).toEqual([2, 4, 5, 3, 1]);
    expect(r.map((x) => x.isTie)).toEqual([false, false, true, true, true]);
  });

  it('excluded applications get no rank and do not take a place', () => {
    const r = rankApplications([app(1, 95, { excludedReason: '师德处理期内' }), app(2, 90), app(3, 85)], rules);
    expect(r).toEqual([
      { id: 2, rank: 1, isTie: false, grade: 'first' },
      { id: 3, rank: 2, isTie: false, grade: 'second' },
      { id: 1, rank: null, isTie: false, grade: null },
    ]);
  });
});
