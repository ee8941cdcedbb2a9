import { describe, expect, it } from 'vitest';
import { consolidateApplication, roundScore } from './consolidation.ts';

const totals = (values: number[]) => values.map((total, i) => ({ reviewerId: i + 1, total }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('consolidateApplication', () => {
  it.each([
    // [case, totals, score, rawMean, high, low]
    // four reviewers (< 5): plain mean (80 + 84 + 90 + 70) / 4 = 81.
    ['four reviewers: plain mean', [80, 84, 90, 70], 81, 81, null, null],
    // five: drop 95 (id 3) and 60 (id 5); (80 + 84 + 78) / 3 = 80.666…
    ['five reviewers: drop one highest and one lowest', [80, 84, 95, 78, 60], 242 / 3, 397 / 5, 3, 5],
    // six, two share the highest 90 (ids 2, 4): only the later id 4 is dropped; lowest 70 (id 6).
    // kept 80, 90, 85, 75 → 82.5; raw (80+90+85+90+75+70)/6 = 81.666…
    ['tied highest: only one is dropped (the later reviewer)', [80, 90, 85, 90, 75, 70], 82.5, 490 / 6, 4, 6],
    // five equal totals: the last two sheets are dropped; the mean is unchanged.
    ['all equal', [88, 88, 88, 88, 88], 88, 88, 5, 4],
  ] as const)('%s', (_c, values, score, rawMean, high, low) => {
    const r = consolidateApplication(ids(values.length), totals([...values]), 5);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.score).toBeCloseTo(score, 9);
    expect(r.rawMean).toBeCloseTo(rawMean, 9);
    expect(r.droppedHighId).toBe(high);
    expect(r.droppedLowId).toBe(low);
    expect(r.keptReviewerIds).toHaveLength(values.length >= 5 ? values.length - 2 : values.length);
  });

  it('refuses when a reviewer has not submitted, naming who', () => {
    const r = consolidateApplication([1, 2, 3, 4, 5], totals([80, 82, 84]), 5);
    expect(r).toEqual({ ok: false, missingReviewerIds: [4, 5], message: '尚有 2 位评审专家未提交评分，不能汇总' });
  });

  it('refuses an application without reviewers', () => {
    expect(consolidateApplication([], [], 5)).toMatchObject({ ok: false, message: '尚未分配评审专家' });
  });

  it('ignores sheets of reviewers no longer assigned', () => {
    const r = consolidateApplication([1, 2], [...totals([80, 90]), { reviewerId: 9, total: 10 }], 5);
    expect(r).toMatchObject({ ok: true, score: 85 });
  });

  it('the trim threshold is configuration', () => {
    const r = consolidateApplication([1, 2, 3], totals([60, 80, 100]), 3);
    expect(r).toMatchObject({ ok: true, score: 80, droppedHighId: 3, droppedLowId: 1 });
  });

  it('rounds for display to 2 decimals', () => {
    expect(roundScore(242 / 3)).toBe(80.67);
    expect(roundScore(80.665)).toBe(80.67);
    expect(roundScore(81)).toBe(81);
  });
});
