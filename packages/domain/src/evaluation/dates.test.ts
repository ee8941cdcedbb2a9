import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysBetween, isIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-6-1', false],
  ])('%s is an ISO date: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2025-09-01', -3, '2022-09-01'],
    ['2024-02-29', -1, '2023-02-28'], // no 29 February in 2023
    ['2024-02-29', 4, '2028-02-29'],
  ])('%s plus %d years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2025-06-30', '2025-08-01')).toBe(32); // 1 + 31
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });
});
