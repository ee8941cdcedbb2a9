/**
 * Training-cycle arithmetic on 'YYYY-MM-DD' strings (no clock, no time zone). A rule's cycles are
 * consecutive runs of `cycleYears` years from an anchor date; each cycle includes its first and its
 * last day (the day before the next cycle starts), so a training completed on the last day counts in
 * that cycle and one completed on the next day counts in the next.
 */
import { isLeapYear } from '../people/id-number.ts';

/** One cycle: first and last day, both inclusive. */
export interface TrainingCycle {
  start: string;
  end: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Days from 1970-01-01 to a date (UTC arithmetic, exact for any calendar date). */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** The date a number of days after a date (negative: before). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Days from a to b (b − a); inclusive spans add one. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The same day n years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !isLeapYear(y)) return `${pad(y, 4)}-02-28`;
  return `${pad(y, 4)}-${md}`;
}

/** The same day n months later, clamped to the month's last day. */
export function addMonths(date: string, months: number): string {
  const y0 = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const y = y0 + Math.floor(m0 / 12);
  const m = ((m0 % 12) + 12) % 12;
  const last = [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!;
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${pad(y, 4)}-${pad(m + 1)}-${pad(d)}`;
}

/** How cycles are laid out. */
export interface CycleLayout {
  /** Length of a cycle in years. */
  cycleYears: number;
  /** The first day of any one cycle (the others follow and precede it). */
  cycleAnchor: string;
}

/** The cycle number k (0 = the anchor's cycle, negative before it) as dates. */
export function cycleNumbered(layout: CycleLayout, k: number): TrainingCycle {
  const start = addYears(layout.cycleAnchor, k * layout.cycleYears);
  const next = addYears(layout.cycleAnchor, (k + 1) * layout.cycleYears);
  return { start, end: addDays(next, -1) };
}

/** The cycle containing a date. */
export function cycleContaining(layout: CycleLayout, date: string): TrainingCycle {
  const years = Number(date.slice(0, 4)) - Number(layout.cycleAnchor.slice(0, 4));
  let k = Math.floor(years / layout.cycleYears);
  // The year estimate can be one cycle off when the date lies before the anchor's day of the year.
  for (let i = 0; i < 3; i += 1) {
    const c = cycleNumbered(layout, k);
    if (date < c.start) k -= 1;
    else if (date > c.end) k += 1;
    else return c;
  }
  return cycleNumbered(layout, k);
}

/** The latest cycle that has ended on or before a date, or the cycle containing it when none has. */
export function latestEndedCycle(layout: CycleLayout, date: string): TrainingCycle {
  const current = cycleContaining(layout, date);
  if (current.end === date) return current;
  return cycleContaining(layout, addDays(current.start, -1));
}

/** Days in a cycle (both ends included). */
export function cycleDays(cycle: TrainingCycle): number {
  return daysBetween(cycle.start, cycle.end) + 1;
}

/**
 * The share of a cycle a teacher is required to cover: 1 when they served from its start (or the rule
 * does not pro-rate); the days from their start of service to the cycle's end over the cycle's days when
 * they joined mid-cycle; 0 when they joined after it ended.
 */
export function servedShare(cycle: TrainingCycle, serviceStart: string | null, isProrated: boolean): number {
  if (serviceStart === null || serviceStart <= cycle.start) return 1;
  if (serviceStart > cycle.end) return 0;
  if (!isProrated) return 1;
  return (daysBetween(serviceStart, cycle.end) + 1) / cycleDays(cycle);
}

/** A required amount scaled by a share, rounded up to whole hours (never asks less than the share). */
export function proratedHours(required: number, share: number): number {
  if (share >= 1) return required;
  return Math.ceil(required * share - 1e-9);
}
