import { describe, expect, it } from 'vitest';
import type { TestResultRow } from './test-analysis.ts';
import { consolidateReviewScores } from './consolidation.ts';
import { selectTopN, type SelectionCandidate } from './selection.ts';
import { targetsInForce, progressPercent } from './targets.ts';
import { ageGroupOf, areaPerformance, meanChange, scoreDistribution, scoreStats, statsBy, teacherChanges } from './test-analysis.ts';

describe('consolidateReviewScores', () => {
  it.each([
    [[], null, []],
    [[80], 80, []],
    [[80, 90, 70, 60], 75, []],
    // five or more: drop one highest and one lowest: (70 + 80 + 90) / 3
    [[60, 70, 80, 90, 100], 80, [60, 100]],
    [[85, 85, 85, 85, 85, 40], 85, [40, 85]],
    [[81, 82, 90, 70, 99], 84.33, [70, 99]],
  ])('%j → %s', (scores, score, dropped) => {
    const r = consolidateReviewScores(scores);
    expect(r.score).toBe(score);
    expect(r.dropped).toEqual(dropped);
    expect(r.count).toBe(scores.length);
  });
});

describe('selectTopN', () => {
  const c = (id: number, score: number | null, extra: Partial<SelectionCandidate> = {}): SelectionCandidate => ({
    id,
    score,
    order: id,
    blockedReason: null,
    adjustment: null,
    ...extra,
  });
  it('selects the best N, ties share a rank, unscored are not ranked', () => {
    const r = selectTopN([c(1, 80), c(2, 90), c(3, 80), c(4, null), c(5, 70)], 2);
    expect(r).toEqual([
      { id: 1, rank: 2, isSelected: true },
      { id: 2, rank: 1, isSelected: true },
      { id: 3, rank: 2, isSelected: false },
      { id: 4, rank: null, isSelected: false },
      { id: 5, rank: 4, isSelected: false },
    ]);
  });
  it('skips blocked teachers and applies manual adjustments', () => {
    const r = selectTopN(
      [c(1, 95, { blockedReason: '师德处分期内' }), c(2, 90, { adjustment: 'exclude' }), c(3, 80), c(4, 60, { adjustment: 'include' })],
      2,
    );
    expect(r.map((x) => [x.id, x.rank, x.isSelected])).toEqual([
      [1, null, false],
      [2, 1, false],
      [3, 2, true],
      [4, 3, true],
    ]);
  });
  it('a blocked teacher cannot be included by hand', () => {
    expect(selectTopN([c(1, 50, { blockedReason: 'x', adjustment: 'include' })], 5)[0]!.isSelected).toBe(false);
  });
});

describe('test analysis', () => {
  const rows: TestResultRow[] = [
    { teacherId: 1, total: 55, parts: { 学科知识: 20, 教学设计: 10 } },
    { teacherId: 2, total: 72.5, parts: { 学科知识: 30, 教学设计: 16 } },
    { teacherId: 3, total: 90, parts: { 学科知识: 37, 教学设计: 18 } },
    { teacherId: 4, total: 100, parts: { 学科知识: 40 } },
  ];
  it('statistics and distribution', () => {
    expect(scoreStats(rows.map((r) => r.total))).toEqual({ count: 4, mean: 79.4, min: 55, max: 100 });
    expect(scoreStats([])).toEqual({ count: 0, mean: null, min: null, max: null });
    expect(scoreDistribution(rows.map((r) => r.total)).map((b) => b.count)).toEqual([1, 0, 1, 0, 2]);
  });
  it('groups keep the given order, empty groups included', () => {
    const g = statsBy(rows, (r) => (r.teacherId <= 2 ? 'A' : 'B'), ['B', 'A', 'C']);
    expect(g.map((x) => [x.key, x.stats.count, x.stats.mean])).toEqual([
      ['B', 2, 95],
      ['A', 2, 63.8],
      ['C', 0, null],
    ]);
  });
  it('weakest area first, as a share of the maximum', () => {
    const a = areaPerformance(rows);
    // 学科知识 mean 31.75/40 = 79.4 %; 教学设计 44/3 = 14.7/20 = 73.3 %
    expect(a[0]).toMatchObject({ area: '教学设计', mean: 14.7, percent: 73.3, count: 3 });
    expect(a[1]).toMatchObject({ area: '学科知识', mean: 31.8, percent: 79.4, count: 4 });
    expect(a.at(-1)!.percent).toBeNull();
  });
  it('year-on-year change of the same teachers', () => {
    const ch = teacherChanges(
      [
        { teacherId: 1, total: 50, parts: {} },
        { teacherId: 9, total: 80, parts: {} },
      ],
      rows,
    );
    expect(ch).toEqual([{ teacherId: 1, previous: 50, current: 55, change: 5 }]);
    expect(meanChange(ch)).toBe(5);
    expect(meanChange([])).toBeNull();
  });
  it('age groups by full years', () => {
    expect(ageGroupOf('1995-12-01', '2025-11-30')).toBe('30岁及以下');
    expect(ageGroupOf('1994-11-30', '2025-11-30')).toBe('31–40岁');
    expect(ageGroupOf('1975-01-01', '2025-11-30')).toBe('41–50岁');
    expect(ageGroupOf('1974-01-01', '2025-11-30')).toBe('51岁及以上');
  });
});

describe('targets', () => {
  const v = [
    { key: 'demo_lessons' as const, value: 100, validFromYear: 2021, source: 'a' },
    { key: 'demo_lessons' as const, value: 120, validFromYear: 2026, source: 'b' },
  ];
  it('picks the version in force', () => {
    expect(targetsInForce(v, 2025).get('demo_lessons')!.value).toBe(100);
    expect(targetsInForce(v, 2026).get('demo_lessons')!.value).toBe(120);
    expect(targetsInForce(v, 2020).size).toBe(0);
  });
  it('progress', () => {
    expect(progressPercent(45, 100)).toBe(45);
    expect(progressPercent(2, 3)).toBe(66.7);
    expect(progressPercent(5, 0)).toBeNull();
  });
});
