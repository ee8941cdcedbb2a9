import { describe, expect, it } from 'vitest';
import { AWARD_CALL_WORKFLOW } from './award-workflow.ts';
import { validateSheet, DEFAULT_AWARD_RUBRIC, rubricMax } from './award-rules.ts';
import { publicityEnd, publicityPhase } from './publicity.ts';
import { validateDefinition } from '../workflow/workflow.ts';

describe('publicityEnd', () => {
  it.each([
    // 2025-06-02 is a Monday: five working days end on Friday 06-06.
    ['five working days from a Monday', '2025-06-02', 5, 'working', [], '2025-06-06'],
    // from Thursday 06-05: Thu, Fri, Mon, Tue, Wed → 06-11.
    ['across a weekend', '2025-06-05', 5, 'working', [], '2025-06-11'],
    // starting on Saturday: the first counted day is Monday 06-09 → Fri 06-13.
    ['starting on a weekend', '2025-06-07', 5, 'working', [], '2025-06-13'],
    // 端午 2025-05-31..06-02: Monday 06-02 is a holiday → Tue..Fri + Mon 06-09.
    ['skipping a listed holiday', '2025-06-02', 5, 'working', ['2025-06-02'], '2025-06-09'],
    ['seven calendar days', '2025-06-02', 7, 'calendar', [], '2025-06-08'],
  ] as const)('%s', (_c, start, days, kind, holidays, end) => {
    expect(publicityEnd(start, { days, kind }, holidays)).toBe(end);
  });

  it('phases: the end day is inclusive', () => {
    const p = { start: '2025-06-02', end: '2025-06-06' };
    expect(['2025-06-01', '2025-06-02', '2025-06-06', '2025-06-07'].map((d) => publicityPhase(d, p))).toEqual([
      'before',
      'running',
      'running',
      'ended',
    ]);
  });
});

describe('rubric and workflow', () => {
  it('the default rubric totals 100 and a sheet must score every criterion within its range', () => {
    expect(rubricMax(DEFAULT_AWARD_RUBRIC)).toBe(100);
    expect(validateSheet(DEFAULT_AWARD_RUBRIC, { C1: 25, C2: 25, C3: 15, C4: 15 })).toEqual([]);
    expect(validateSheet(DEFAULT_AWARD_RUBRIC, { C1: 31, C2: 25, C3: 15 })).toEqual([
      '“创新性”的分数须在 0 到 30 之间',
      '“科学性与规范性”未评分',
    ]);
  });

  it('the round workflow is well formed', () => {
    expect(validateDefinition(AWARD_CALL_WORKFLOW)).toEqual([]);
  });
});
