/**
 * Analysis of the annual teacher test: distribution, statistics by school, subject, age group and title,
 * the weakest areas, and year-on-year change per teacher and per school — always within what the caller
 * may see (the 教师科 everything, a school administrator their school, a teacher their own results). The
 * score list is ordered by school and name, never by score: there is no ranking of individual teachers.
 */
import type { GroupStats, Page, TestAnalysis, TestScoreListQuery, TestScoreRow } from '@zhiping/contracts';
import {
  AGE_GROUPS,
  TITLE,
  ageGroupOf,
  areaPerformance,
  meanChange,
  scoreDistribution,
  scoreStats,
  teacherChanges,
  type TestResultRow,
} from '@zhiping/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { growthAccess, testRowsVisibleTo, type GrowthAccess } from './growth.policy.ts';

/** One loaded result with what the groupings need. */
interface LoadedRow extends TestResultRow {
  schoolId: number;
  schoolName: string;
  subject: string;
  title: string;
  birthDate: string;
  teacherName: string;
  teacherSubject: string | null;
}

/** The years with scores the caller can see, newest first. */
export async function findTestYears(db: Kysely<DB>, access: GrowthAccess): Promise<number[]> {
  const rows = await db
    .selectFrom('growth_test_score as ts')
    .select('ts.year')
    .distinct()
    .where(testRowsVisibleTo(access, 'ts.school_id', 'ts.teacher_id'))
    .orderBy('ts.year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/** Results of a year visible to the access, optionally of one school. */
export async function loadTestRows(db: Kysely<DB>, access: GrowthAccess, year: number, schoolId?: number): Promise<LoadedRow[]> {
  let q = db
    .selectFrom('growth_test_score as ts')
    .innerJoin('teacher as t', 't.id', 'ts.teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'ts.school_id').on('v.valid_to', 'is', null))
    .select([
      'ts.teacher_id',
      'ts.total',
      'ts.parts',
      'ts.school_id',
      'v.name as school_name',
      'ts.subject',
      't.title',
      't.birth_date',
      't.name',
      't.subject as teacher_subject',
    ])
    .where('ts.year', '=', year)
    .where(testRowsVisibleTo(access, 'ts.school_id', 'ts.teacher_id'));
  if (schoolId) q = q.where('ts.school_id', '=', schoolId);
  const rows = await q.execute();
  return rows.map((r) => ({
    teacherId: r.teacher_id,
    total: Number(r.total),
    parts: r.parts,
    schoolId: r.school_id,
    schoolName: r.school_name,
    subject: r.subject,
    title: r.title,
    birthDate: r.birth_date,
    teacherName: r.name,
    teacherSubject: r.teacher_subject,
  }));
}

function groupStats(
  rows: readonly LoadedRow[],
  previous: readonly LoadedRow[],
  keyOf: (r: LoadedRow) => string,
  labelOf: (key: string, sample: LoadedRow | undefined) => string,
  order?: readonly string[],
): GroupStats[] {
  const groups = new Map<string, LoadedRow[]>();
  for (const k of order ?? []) groups.set(k, []);
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  const prevById = previous;
  return [...groups].map(([key, list]) => {
    const s = scoreStats(list.map((r) => r.total));
    return { key, label: labelOf(key, list[0]), ...s, change: meanChange(teacherChanges(prevById, list)) };
  });
}

/** The analysis of a year (default latest) within the caller's visibility, optionally of one school. */
export async function getTestAnalysis(
  ctx: ServiceContext,
  query: { year?: number | undefined; schoolId?: number | undefined },
): Promise<TestAnalysis> {
  const access = growthAccess(ctx.actor);
  const years = await findTestYears(ctx.db, access);
  const year = query.year ?? years[0] ?? null;
  const previousYear = year === null ? null : (years.find((y) => y < year) ?? null);
  const [rows, previous] = await Promise.all([
    year === null ? Promise.resolve([]) : loadTestRows(ctx.db, access, year, query.schoolId),
    previousYear === null ? Promise.resolve([]) : loadTestRows(ctx.db, access, previousYear, query.schoolId),
  ]);
  const refDate = `${year ?? 2000}-12-31`;
  const changes = teacherChanges(previous, rows);
  const scopeLabel = query.schoolId
    ? (rows[0]?.schoolName ?? '该校')
    : access.isManager
      ? '全区'
      : access.adminSchoolIds.length
        ? '本校'
        : '本人';
  const titleLabels = TITLE.labels as Record<string, string>;
  return {
    year,
    years,
    previousYear,
    scopeLabel,
    overall: { key: 'all', label: scopeLabel, ...scoreStats(rows.map((r) => r.total)), change: meanChange(changes) },
    distribution: scoreDistribution(rows.map((r) => r.total)),
    areas: areaPerformance(rows),
    bySchool: groupStats(
      rows,
      previous,
      (r) => String(r.schoolId),
      (_, s) => s?.schoolName ?? '',
    ).sort((a, b) => a.label.localeCompare(b.label, 'zh')),
    bySubject: groupStats(
      rows,
      previous,
      (r) => r.subject,
      (k) => k,
    ).sort((a, b) => b.count - a.count),
    byAgeGroup: groupStats(
      rows,
      previous,
      (r) => ageGroupOf(r.birthDate, refDate),
      (k) => k,
      AGE_GROUPS,
    ),
    byTitle: groupStats(
      rows,
      previous,
      (r) => r.title,
      (k) => titleLabels[k] ?? k,
      TITLE.values,
    ).filter((g) => g.count > 0),
    changeSummary: {
      compared: changes.length,
      improved: changes.filter((c) => c.change > 0).length,
      declined: changes.filter((c) => c.change < 0).length,
      mean: meanChange(changes),
    },
  };
}

/** A page of results with the previous year's total, ordered by school and name (no ranking). */
export async function listTestScores(ctx: ServiceContext, query: TestScoreListQuery): Promise<Page<TestScoreRow>> {
  const access = growthAccess(ctx.actor);
  const years = await findTestYears(ctx.db, access);
  const year = query.year ?? years[0];
  if (year === undefined) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const { rows, total } = await findScorePage(
    ctx.db,
    access,
    { ...query, year },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** Every visible result of a year for the export. */
export async function listAllTestScores(
  ctx: ServiceContext,
  query: Omit<TestScoreListQuery, 'page' | 'pageSize'>,
): Promise<{ year: number | null; rows: TestScoreRow[] }> {
  const access = growthAccess(ctx.actor);
  const year = query.year ?? (await findTestYears(ctx.db, access))[0];
  if (year === undefined) return { year: null, rows: [] };
  return { year, rows: (await findScorePage(ctx.db, access, { ...query, year }, { offset: 0, limit: 100_000 })).rows };
}

async function findScorePage(
  db: Kysely<DB>,
  access: GrowthAccess,
  f: { year: number; schoolId?: number | undefined; subject?: string | undefined; q?: string | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: TestScoreRow[]; total: number }> {
  let base = db
    .selectFrom('growth_test_score as ts')
    .innerJoin('teacher as t', 't.id', 'ts.teacher_id')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 'ts.school_id').on('v.valid_to', 'is', null))
    .leftJoin('growth_test_score as p', (j) =>
      j
        .onRef('p.teacher_id', '=', 'ts.teacher_id')
        .on(
          'p.year',
          '=',
          sql<number>`(select max(y.year) from growth_test_score y where y.teacher_id = ts.teacher_id and y.year < ts.year)`,
        ),
    )
    .where('ts.year', '=', f.year)
    .where(testRowsVisibleTo(access, 'ts.school_id', 'ts.teacher_id'));
  if (f.schoolId) base = base.where('ts.school_id', '=', f.schoolId);
  if (f.subject) base = base.where('ts.subject', '=', f.subject);
  if (f.q) base = base.where('t.name', 'like', `%${f.q}%`);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'ts.year',
      'ts.teacher_id',
      't.name',
      'ts.school_id',
      'v.name as school_name',
      't.subject as teacher_subject',
      'ts.subject',
      'ts.total',
      'ts.parts',
      'p.total as previous',
    ])
    .orderBy('v.name')
    .orderBy('t.name')
    .orderBy('ts.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      year: r.year,
      teacher: { id: r.teacher_id, name: r.name, schoolId: r.school_id, schoolName: r.school_name, subject: r.teacher_subject },
      subject: r.subject,
      total: Number(r.total),
      parts: r.parts,
      previous: r.previous === null ? null : Number(r.previous),
      change: r.previous === null ? null : Math.round((Number(r.total) - Number(r.previous)) * 10) / 10,
    })),
  };
}
