/**
 * The 公示 period: it starts on a given day and lasts a number of calendar or working days (Monday to
 * Friday, minus the listed public holidays; the period starts on the first counted day on or after the
 * start). The end day is inclusive: objections are accepted through the end day.
 */
import type { PublicityRule } from './award-rules.ts';

const DAY = 86_400_000;
const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/** Whether a day counts toward a working-day period. */
function isWorkingDay(day: number, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(day * DAY).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(fromDay(day));
}

/** The last day (inclusive) of a period starting on `start`. */
export function publicityEnd(start: string, rule: PublicityRule, holidays: readonly string[] = []): string {
  if (rule.days < 1) throw new Error('publicity must last at least one day');
  if (rule.kind === 'calendar') return fromDay(toDay(start) + rule.days - 1);
  const off = new Set(holidays);
  let day = toDay(start);
  let counted = 0;
  for (;;) {
    if (isWorkingDay(day, off)) counted += 1;
    if (counted === rule.days) return fromDay(day);
    day += 1;
  }
}

/** Where a day stands relative to a period. */
export function publicityPhase(today: string, period: { start: string; end: string }): 'before' | 'running' | 'ended' {
  if (today < period.start) return 'before';
  return today > period.end ? 'ended' : 'running';
}
