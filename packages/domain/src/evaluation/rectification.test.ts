import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../workflow/workflow.ts';
import { EVALUATION_WORKFLOW, RECTIFICATION_WORKFLOW } from './evaluation-workflow.ts';
import {
  daysRemaining,
  findOverdueSchools,
  isOverdue,
  rectificationTiming,
  responsibleInspectorStatus,
  type RectificationItem,
} from './rectification.ts';

const OPEN: RectificationItem = { deadline: '2025-06-30', status: 'open' };

describe('rectification timing', () => {
  it.each([
    // [today, overdue, days remaining, due soon (7-day window)]
    ['2025-06-22', false, 8, false],
    ['2025-06-23', false, 7, true],
    ['2025-06-30', false, 0, true], // the deadline day itself is still on time
    ['2025-07-01', true, -1, false],
    ['2025-08-01', true, -32, false], // 1 day into July + 31 days of July
  ])('an open item due 2025-06-30, seen on %s', (today, overdue, remaining, dueSoon) => {
    expect(isOverdue(OPEN, today)).toBe(overdue);
    expect(daysRemaining(OPEN, today)).toBe(remaining);
    expect(rectificationTiming(OPEN, today)).toEqual({ isOverdue: overdue, daysRemaining: remaining, isDueSoon: dueSoon, wasLate: false });
  });

  it.each([
    ['submitted on time', { status: 'submitted', submittedOn: '2025-06-28' }, false, false],
    ['submitted late', { status: 'submitted', submittedOn: '2025-07-05' }, false, true],
    ['verified after a late submission', { status: 'verified', submittedOn: '2025-07-05' }, false, true],
    ['sent back after the deadline', { status: 'open', submittedOn: null }, true, false],
  ] as const)('an item %s is overdue: %s, late: %s', (_case, change, overdue, late) => {
    const t = rectificationTiming({ ...OPEN, ...change }, '2025-07-10');
    expect([t.isOverdue, t.wasLate]).toEqual([overdue, late]);
  });
});

describe('responsibleInspectorStatus', () => {
  it.each([
    // Last visit 2025-05-31 + 30 days = 2025-06-30 (1 day of May + 30 days of June).
    [
      'on the due day',
      ['2025-05-01', '2025-05-31'],
      undefined,
      '2025-06-30',
      { lastVisit: '2025-05-31', nextDue: '2025-06-30', isOverdue: false, daysOverdue: 0 },
    ],
    [
      'a day after',
      ['2025-05-31', '2025-05-01'],
      undefined,
      '2025-07-01',
      { lastVisit: '2025-05-31', nextDue: '2025-06-30', isOverdue: true, daysOverdue: 1 },
    ],
    // A future-dated visit is a plan, not a visit.
    [
      'with a planned visit',
      ['2025-05-31', '2025-07-15'],
      undefined,
      '2025-07-02',
      { lastVisit: '2025-05-31', nextDue: '2025-06-30', isOverdue: true, daysOverdue: 2 },
    ],
    // Never visited: due 30 days after assignment, 2025-06-01 + 30 = 2025-07-01.
    [
      'never visited since assignment',
      [],
      '2025-06-01',
      '2025-06-20',
      { lastVisit: null, nextDue: '2025-07-01', isOverdue: false, daysOverdue: 0 },
    ],
    ['never visited, no assignment date', [], undefined, '2025-06-20', { lastVisit: null, nextDue: null, isOverdue: true, daysOverdue: 0 }],
  ])('%s', (_case, visits, assignedOn, today, expected) => {
    expect(responsibleInspectorStatus(visits, { intervalDays: 30, today, ...(assignedOn ? { assignedOn } : {}) })).toEqual(expected);
  });

  it('lists overdue schools, never-visited first, then most overdue', () => {
    const overdue = findOverdueSchools(
      [
        { schoolId: 'S1', inspectorId: 'D1', visitDates: ['2025-06-25'] }, // due 07-25: fine
        { schoolId: 'S2', inspectorId: 'D1', visitDates: ['2025-05-01'] }, // due 05-31: 31 days late on 07-01
        { schoolId: 'S3', inspectorId: 'D1', visitDates: ['2025-05-20'] }, // due 06-19: 12 days late
        { schoolId: 'S4', inspectorId: 'D2', visitDates: [] }, // never visited, no assignment date
      ],
      { intervalDays: 30, today: '2025-07-01' },
    );
    expect(overdue.map((s) => [s.schoolId, s.daysOverdue])).toEqual([
      ['S4', 0],
      ['S2', 31],
      ['S3', 12],
    ]);
  });
});

describe('evaluation workflows', () => {
  it('are sound definitions of the one workflow mechanism', () => {
    expect(validateDefinition(EVALUATION_WORKFLOW)).toEqual([]);
    expect(validateDefinition(RECTIFICATION_WORKFLOW)).toEqual([]);
  });
});
