/**
 * Calendar dates as 'YYYY-MM-DD' strings. Comparing such strings lexicographically is comparing the
 * dates, so no Date object (and no time zone or clock) is involved anywhere in the engine.
 */

/** True for a real calendar date written 'YYYY-MM-DD' (29 February only in leap years). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** True when date a is on or before date b (both 'YYYY-MM-DD'). */
export function isOnOrBefore(a: string, b: string): boolean {
  return a <= b;
}
