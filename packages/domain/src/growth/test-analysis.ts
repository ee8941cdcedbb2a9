/**
 * Analysis of the annual teacher test (专业知识和能力考核): the score distribution, statistics by any
 * grouping (school, subject, age group, title), the weakest areas (mean share of each area's maximum) and
 * year-on-year change of the same teachers. Pure; the server loads the rows within the caller's scope.
 */
import { TEST_AREAS } from './labels.ts';

/** One teacher's result in one year. */
export interface TestResultRow {
  teacherId: number;
  total: number;
  /** Area scores by area name (学科知识 …). */
  parts: Record<string, number>;
}

/** Count, mean and range of a set of totals. */
export interface ScoreStats {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
}

/** Score bands of the distribution chart: [from, to) except the last, which includes 100. */
export const SCORE_BANDS = [
  { label: '60分以下', from: 0, to: 60 },
  { label: '60–69分', from: 60, to: 70 },
  { label: '70–79分', from: 70, to: 80 },
  { label: '80–89分', from: 80, to: 90 },
  { label: '90–100分', from: 90, to: 100.0001 },
] as const;

/** Age groups of the analysis, by full years on the test's reference date. */
export const AGE_GROUPS = ['30岁及以下', '31–40岁', '41–50岁', '51岁及以上'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Statistics of totals (mean to one decimal). */
export function scoreStats(totals: readonly number[]): ScoreStats {
  if (totals.length === 0) return { count: 0, mean: null, min: null, max: null };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const t of totals) {
    sum += t;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return { count: totals.length, mean: round1(sum / totals.length), min, max };
}

/** How many totals fall in each band. */
export function scoreDistribution(totals: readonly number[]): { label: string; count: number }[] {
  return SCORE_BANDS.map((b) => ({ label: b.label, count: totals.filter((t) => t >= b.from && t < b.to).length }));
}

/** Full years of age on a date ('YYYY-MM-DD'). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age group of a teacher on a date. */
export function ageGroupOf(birthDate: string, onDate: string): AgeGroup {
  const age = ageOn(birthDate, onDate);
  if (age <= 30) return '30岁及以下';
  if (age <= 40) return '31–40岁';
  if (age <= 50) return '41–50岁';
  return '51岁及以上';
}

/** Statistics per group, in the order groups first appear unless `order` is given. */
export function statsBy<T extends TestResultRow>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  order?: readonly string[],
): { key: string; stats: ScoreStats }[] {
  const groups = new Map<string, number[]>();
  for (const key of order ?? []) groups.set(key, []);
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k) ?? [];
    list.push(r.total);
    groups.set(k, list);
  }
  return [...groups].map(([key, totals]) => ({ key, stats: scoreStats(totals) }));
}

/** One area's performance: mean score and its share of the area's maximum (0–100). */
export interface AreaPerformance {
  area: string;
  max: number;
  mean: number | null;
  /** Mean as a percentage of the maximum, one decimal; the lowest is the weakest area. */
  percent: number | null;
  count: number;
}

/** Every test area's performance, weakest first (areas without scores last). */
export function areaPerformance(rows: readonly TestResultRow[]): AreaPerformance[] {
  const out = TEST_AREAS.map((a) => {
    const values = rows.map((r) => r.parts[a.key]).filter((v): v is number => typeof v === 'number');
    const mean = values.length ? values.reduce((s, x) => s + x, 0) / values.length : null;
    return {
      area: a.key,
      max: a.max,
      mean: mean === null ? null : round1(mean),
      percent: mean === null ? null : round1((mean / a.max) * 100),
      count: values.length,
    };
  });
  return out.sort((a, b) => (a.percent ?? Infinity) - (b.percent ?? Infinity));
}

/** Change of one teacher between two years. */
export interface TeacherChange {
  teacherId: number;
  previous: number;
  current: number;
  change: number;
}

/** Year-on-year change of the teachers tested in both years. */
export function teacherChanges(previous: readonly TestResultRow[], current: readonly TestResultRow[]): TeacherChange[] {
  const before = new Map(previous.map((r) => [r.teacherId, r.total]));
  const out: TeacherChange[] = [];
  for (const r of current) {
    const p = before.get(r.teacherId);
    if (p !== undefined) out.push({ teacherId: r.teacherId, previous: p, current: r.total, change: round1(r.total - p) });
  }
  return out;
}

/** Mean change of a group of teachers tested in both years (null when none were). */
export function meanChange(changes: readonly TeacherChange[]): number | null {
  if (changes.length === 0) return null;
  return round1(changes.reduce((s, c) => s + c.change, 0) / changes.length);
}
