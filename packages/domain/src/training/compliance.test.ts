import { describe, expect, it } from 'vitest';
import { emptyHours, evaluateCycle, evaluateSeminars, summarizeStandings, type TrainingRuleSpec } from './compliance.ts';

const rule: TrainingRuleSpec = {
  cycleYears: 3,
  cycleAnchor: '2024-01-01',
  requiredHours: 240,
  subQuotas: [
    { label: '市级及以上', levels: ['national', 'city'], minHours: 24 },
    { label: '校本研修', levels: ['school'], minHours: 72 },
  ],
  seminarMinPerYear: 4,
  warningMonths: 6,
  riskPaceFactor: 1.5,
  isProrated: true,
};
const cycle = { start: '2024-01-01', end: '2026-12-31' };
const hours = (h: Partial<ReturnType<typeof emptyHours>>) => ({ ...emptyHours(), ...h });

describe('evaluateCycle', () => {
  it('is complete when the total and every sub-quota are met (equality passes)', () => {
    const s = evaluateCycle({
      rule,
      cycle,
      serviceStart: '2015-09-01',
      hours: hours({ city: 24, district: 144, school: 72 }),
      asOf: '2026-03-01',
    });
    expect(s.status).toBe('complete');
    expect(s.required).toBe(240);
    expect(s.earned).toBe(240);
    expect(s.needed).toBe(0);
  });

  it('is not complete when the total is met but a sub-quota is short; needs the shortfall', () => {
    const s = evaluateCycle({ rule, cycle, serviceStart: null, hours: hours({ district: 250, school: 60 }), asOf: '2025-01-01' });
    expect(s.earned).toBe(310);
    expect(s.quotas.map((q) => q.shortfall)).toEqual([24, 12]);
    expect(s.needed).toBe(36);
    expect(s.status).toBe('on_track');
  });

  it('needed is the larger of the total shortfall and the sub-quota shortfalls', () => {
    const s = evaluateCycle({ rule, cycle, serviceStart: null, hours: hours({ city: 30, school: 80 }), asOf: '2025-01-01' });
    expect(s.needed).toBe(130);
  });

  it('flags a teacher in the warning window with any shortfall', () => {
    const s = evaluateCycle({ rule, cycle, serviceStart: null, hours: hours({ city: 24, district: 140, school: 72 }), asOf: '2026-07-01' });
    expect(s.needed).toBe(4);
    expect(s.status).toBe('at_risk');
    const before = evaluateCycle({
      rule,
      cycle,
      serviceStart: null,
      hours: hours({ city: 24, district: 140, school: 72 }),
      asOf: '2026-06-30',
    });
    expect(before.status).toBe('on_track');
  });

  it('flags a teacher whose yearly need exceeds 1.5 × the average pace (80 a year)', () => {
    // 2025-12-31: 366 days left ≈ 1.002 years; 130 needed → 129.7 a year > 120.
    const behind = evaluateCycle({
      rule,
      cycle,
      serviceStart: null,
      hours: hours({ city: 24, district: 14, school: 72 }),
      asOf: '2025-12-31',
    });
    expect(behind.status).toBe('at_risk');
    expect(behind.neededPerYear).toBeCloseTo(129.7, 1);
    const onPace = evaluateCycle({
      rule,
      cycle,
      serviceStart: null,
      hours: hours({ city: 24, district: 30, school: 72 }),
      asOf: '2025-12-31',
    });
    expect(onPace.status).toBe('on_track');
  });

  it('a new cycle with no hours yet is on track, not at risk', () => {
    const s = evaluateCycle({ rule, cycle, serviceStart: null, hours: emptyHours(), asOf: '2024-02-01' });
    expect(s.status).toBe('on_track');
    expect(s.needed).toBe(240);
  });

  it('after the cycle ends a shortfall is final', () => {
    const s = evaluateCycle({ rule, cycle, serviceStart: null, hours: hours({ district: 100 }), asOf: '2027-01-01' });
    expect(s.status).toBe('incomplete');
    expect(s.daysLeft).toBe(-1);
  });

  it('pro-rates the total and sub-quotas for a teacher joining mid-cycle', () => {
    const s = evaluateCycle({
      rule,
      cycle,
      serviceStart: '2025-07-01',
      hours: hours({ city: 13, school: 37, district: 71 }),
      asOf: '2026-01-10',
    });
    expect(s.required).toBe(121);
    expect(s.quotas.map((q) => q.required)).toEqual([13, 37]);
    expect(s.status).toBe('complete');
  });

  it('a teacher who joined after the cycle is not in it', () => {
    expect(evaluateCycle({ rule, cycle, serviceStart: '2027-03-01', hours: emptyHours(), asOf: '2027-03-02' }).status).toBe('not_in_cycle');
  });
});

describe('evaluateSeminars', () => {
  it('requires the minimum in a full year and pro-rates a partial one', () => {
    expect(evaluateSeminars({ rule, year: 2025, done: 3, serviceStart: '2019-01-01', asOf: '2026-01-01' })).toEqual({
      year: 2025,
      required: 4,
      done: 3,
      shortfall: 1,
      isYearOver: true,
    });
    // Joined 1 July 2024 (a leap year): 184 of 366 days → 4 × 0.503 → 3 (rounded up).
    expect(evaluateSeminars({ rule, year: 2024, done: 2, serviceStart: '2024-07-01', asOf: '2024-08-01' }).required).toBe(3);
  });
});

describe('summarizeStandings', () => {
  it('counts statuses and leaves out teachers not in the cycle', () => {
    const s = summarizeStandings([{ status: 'complete' }, { status: 'at_risk' }, { status: 'on_track' }, { status: 'not_in_cycle' }]);
    expect(s).toEqual({ teachers: 3, complete: 1, onTrack: 1, atRisk: 1, incomplete: 0, completionRate: 1 / 3 });
  });
});
