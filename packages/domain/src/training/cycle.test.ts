import { describe, expect, it } from 'vitest';
import { addMonths, addYears, cycleContaining, cycleDays, latestEndedCycle, proratedHours, servedShare } from './cycle.ts';

const district = { cycleYears: 3, cycleAnchor: '2024-01-01' };
const national = { cycleYears: 5, cycleAnchor: '2021-01-01' };

describe('cycle boundaries', () => {
  it.each([
    ['2024-01-01', '2024-01-01', '2026-12-31'],
    ['2026-12-31', '2024-01-01', '2026-12-31'],
    ['2027-01-01', '2027-01-01', '2029-12-31'],
    ['2023-12-31', '2021-01-01', '2023-12-31'],
    ['2019-06-15', '2018-01-01', '2020-12-31'],
  ])('%s lies in %s – %s (both ends inclusive)', (date, start, end) => {
    expect(cycleContaining(district, date)).toEqual({ start, end });
  });

  it('handles anchors that are not 1 January (school-year cycles from 1 September)', () => {
    const schoolYear = { cycleYears: 3, cycleAnchor: '2023-09-01' };
    expect(cycleContaining(schoolYear, '2023-08-31')).toEqual({ start: '2020-09-01', end: '2023-08-31' });
    expect(cycleContaining(schoolYear, '2026-08-31')).toEqual({ start: '2023-09-01', end: '2026-08-31' });
    expect(cycleContaining(schoolYear, '2026-09-01')).toEqual({ start: '2026-09-01', end: '2029-08-31' });
  });

  it('latest ended cycle: the one ending on the day, else the previous one', () => {
    expect(latestEndedCycle(national, '2025-12-31')).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(latestEndedCycle(national, '2026-06-30')).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(latestEndedCycle(national, '2025-12-30')).toEqual({ start: '2016-01-01', end: '2020-12-31' });
  });
});

describe('leap years', () => {
  it('counts 29 February: 2024–2026 has 1096 days, 2029–2031 has 1095', () => {
    expect(cycleDays({ start: '2024-01-01', end: '2026-12-31' })).toBe(1096);
    expect(cycleDays({ start: '2029-01-01', end: '2031-12-31' })).toBe(1095);
    expect(cycleDays({ start: '2021-01-01', end: '2025-12-31' })).toBe(1826);
  });

  it('moves 29 February to 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2027-01-01', -6)).toBe('2026-07-01');
  });

  it('an anchor on 29 February gives cycles ending the day before the next start', () => {
    const leapAnchor = { cycleYears: 1, cycleAnchor: '2024-02-29' };
    expect(cycleContaining(leapAnchor, '2025-02-27')).toEqual({ start: '2024-02-29', end: '2025-02-27' });
    expect(cycleContaining(leapAnchor, '2025-02-28')).toEqual({ start: '2025-02-28', end: '2026-02-27' });
  });
});

describe('teachers joining mid-cycle', () => {
  const cycle = { start: '2024-01-01', end: '2026-12-31' };
  it('owe the full cycle when they served from its start (or earlier, or unknown)', () => {
    expect(servedShare(cycle, '2010-09-01', true)).toBe(1);
    expect(servedShare(cycle, '2024-01-01', true)).toBe(1);
    expect(servedShare(cycle, null, true)).toBe(1);
  });
  it('owe the share of days served, rounded up to whole hours', () => {
    const share = servedShare(cycle, '2025-07-01', true);
    expect(share).toBeCloseTo(549 / 1096, 10);
    expect(proratedHours(240, share)).toBe(121); // 120.2 → 121
  });
  it('joining on the last day owes one day; after the end, nothing', () => {
    expect(proratedHours(240, servedShare(cycle, '2026-12-31', true))).toBe(1);
    expect(servedShare(cycle, '2027-01-01', true)).toBe(0);
  });
  it('without pro-rating owe the whole requirement', () => {
    expect(servedShare(cycle, '2026-06-01', false)).toBe(1);
  });
});
