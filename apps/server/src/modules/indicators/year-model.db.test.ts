/**
 * The paths that make a cold year fast, on the demo district: the domain computing while the data-quality
 * counts are still read (same model as with the counts up front), the fingerprint query that also counts
 * the tables for the planner-statistics check (and the check itself), the cache invalidated by writes, and
 * the years found by a loose index scan.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { countFailuresBySchool } from '../data-quality/data-quality.service.ts';
import { clearYearCache, getYearModel } from './indicator-cache.ts';
import { findDataState, findYearsWithStats, type TableCount } from './indicator.repository.ts';
import { createDemoApp } from './indicator-test-support.ts';
import { analyzeStaleTables, BASE_TABLES, isStale } from './planner-statistics.service.ts';
import { bucketReuseCount, loadYearInputs } from './year-loader.ts';
import { buildYearModel, buildYearModelAsQualityArrives, type YearModel } from './year-model.ts';

let t: TestApp;
let failingSchool: number;

beforeAll(async () => {
  t = await createDemoApp();
  // A grade row whose girls exceed its students fails an error rule, so notes are added.
  const row = await t.database.db
    .selectFrom('school_year_stat')
    .select(['school_id', 'grade'])
    .where('school_year', '=', 2025)
    .where('grade', '=', 'P1')
    .orderBy('school_id')
    .executeTakeFirstOrThrow();
  failingSchool = row.school_id;
  await t.database.db
    .updateTable('school_year_stat')
    .set({ girls: 9999 })
    .where('school_id', '=', failingSchool)
    .where('school_year', '=', 2025)
    .where('grade', '=', 'P1')
    .execute();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Everything a model answers with, in a comparable shape (no dates, no object identity). */
function shape(m: YearModel) {
  return {
    district: m.district,
    schools: [...m.schools.values()].map((r) => ({ id: r.school.id, parts: r.parts, schoolValues: r.schoolValues })),
    quality: [...m.inputs.quality].sort((a, b) => a[0] - b[0]),
  };
}

describe('computing while the data-quality counts arrive', () => {
  it('gives the model computed with the counts up front, notes included', async () => {
    const inputs = await loadYearInputs(t.database.db, 2025, 'v', countFailuresBySchool);
    expect(inputs.quality.get(failingSchool)?.error).toBeGreaterThan(0);
    const upFront = buildYearModel(inputs);
    let resolve!: (q: typeof inputs.quality) => void;
    const later = new Promise<typeof inputs.quality>((r) => (resolve = r));
    const pending = buildYearModelAsQualityArrives({ ...inputs, quality: new Map() }, later);
    resolve(inputs.quality);
    const arrived = await pending;
    expect(shape(arrived)).toEqual(shape(upFront));
    const own = arrived.schools.get(failingSchool)!;
    expect(own.parts.flatMap((p) => p.values).every((v) => v.warnings.some((w) => w.startsWith('数据质量：本校')))).toBe(true);
    expect(arrived.district.warnings.some((w) => w.includes('校验错误'))).toBe(true);
    // The district note goes on every district value.
    expect(arrived.district.values.every((v) => v.warnings.some((w) => w.includes('校验错误')))).toBe(true);
  });

  it('is what the cache computes, and fails with the data-quality error when the counts fail', async () => {
    clearYearCache(t.database.db);
    const cached = await getYearModel(t.database.db, 2025, countFailuresBySchool);
    const direct = buildYearModel(await loadYearInputs(t.database.db, 2025, cached.inputs.dataVersion, countFailuresBySchool));
    expect(shape(cached)).toEqual(shape(direct));
    clearYearCache(t.database.db);
    await expect(
      getYearModel(t.database.db, 2025, async () => {
        throw new Error('quality failed');
      }),
    ).rejects.toThrow('quality failed');
    // A failed computation is not kept: the next request computes again.
    const again = await getYearModel(t.database.db, 2025, countFailuresBySchool);
    expect(shape(again)).toEqual(shape(direct));
  });
});

describe('the fingerprint query', () => {
  it('counts every base table exactly and changes with any write to a table a year reads', async () => {
    const before = await findDataState(t.database.db, [2024, 2025], BASE_TABLES);
    expect(before.tables.map((x) => x.name)).toEqual([...BASE_TABLES]);
    for (const table of before.tables) {
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table.name)}`.execute(t.database.db);
      expect(table.rows, table.name).toBe(n.rows[0]!.n);
    }
    const cond = await t.database.db
      .selectFrom('school_condition')
      .select('school_id')
      .where('school_year', '=', 2025)
      .orderBy('school_id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .updateTable('school_condition')
      .set((eb) => ({ books: eb('books', '+', 1) }))
      .where('school_id', '=', cond.school_id)
      .where('school_year', '=', 2025)
      .execute();
    const after = await findDataState(t.database.db, [2024, 2025], BASE_TABLES);
    // 2025 reads the 2025 conditions.
    expect(after.fingerprints.get(2025)).not.toBe(before.fingerprints.get(2025));
    // 2024 reads conditions of 2023–2024 only.
    expect(after.fingerprints.get(2024)).toBe(before.fingerprints.get(2024));
    expect(after.tables).toEqual(before.tables);
  });

  it('recomputes a cached year after a write, and serves it from the cache otherwise', async () => {
    clearYearCache(t.database.db);
    const first = await getYearModel(t.database.db, 2025, countFailuresBySchool);
    expect(await getYearModel(t.database.db, 2025, countFailuresBySchool)).toBe(first);
    await t.database.db
      .updateTable('teacher')
      .set({ subject: '体育' })
      .where('id', '=', sql<number>`(SELECT min(id) FROM teacher)`)
      .execute();
    const next = await getYearModel(t.database.db, 2025, countFailuresBySchool);
    expect(next).not.toBe(first);
    expect(next.inputs.dataVersion).not.toBe(first.inputs.dataVersion);
  });
});

describe('planner statistics', () => {
  it('calls a table stale when never analysed or off by more than 20 %', () => {
    const c = (rows: number, estimate: number): TableCount => ({ name: 'x', rows, estimate });
    expect(isStale(c(10, -1))).toBe(true);
    expect(isStale(c(0, 0))).toBe(false);
    expect(isStale(c(150, 0))).toBe(false); // a small table: within 20 % of 1000 rows
    expect(isStale(c(300, 0))).toBe(true);
    expect(isStale(c(10_000, 9_000))).toBe(false);
    expect(isStale(c(10_000, 7_900))).toBe(true);
    expect(isStale(c(10_000, 12_100))).toBe(true);
  });

  it('ANALYZEs exactly the tables the fingerprint query found stale', async () => {
    await sql`ANALYZE population`.execute(t.database.db);
    const region = await t.database.db.selectFrom('population').select('region_code').executeTakeFirstOrThrow();
    await sql`INSERT INTO population (region_code, year, age, basis, count, source)
      SELECT ${region.region_code}, y, a, 'resident', 1, 'test' FROM generate_series(1990, 2009) y CROSS JOIN generate_series(0, 99) a`.execute(
      t.database.db,
    );
    const state = await findDataState(t.database.db, [2025], BASE_TABLES);
    const population = state.tables.find((x) => x.name === 'population')!;
    expect(isStale(population)).toBe(true);
    const analysed = await analyzeStaleTables(t.database.db, state.tables);
    expect(analysed).toContain('population');
    expect(analysed).toEqual(state.tables.filter(isStale).map((x) => x.name));
    const fresh = await findDataState(t.database.db, [2025], BASE_TABLES);
    expect(isStale(fresh.tables.find((x) => x.name === 'population')!)).toBe(false);
  });
});

describe('years with statistics', () => {
  it('lists the years with grade rows newest first, as a DISTINCT over every row would', async () => {
    const all = await t.database.db
      .selectFrom('school_year_stat')
      .select('school_year')
      .distinct()
      .orderBy('school_year', 'desc')
      .execute();
    expect(await findYearsWithStats(t.database.db)).toEqual(all.map((r) => r.school_year));
    expect(await findYearsWithStats(t.database.db)).toEqual([2025, 2024, 2023, 2022, 2021]);
  });

  it('reuses the teacher buckets while the teacher tables are unchanged, and gives what a cold computation gives', async () => {
    const db = t.database.db;
    clearYearCache(db);
    const first = await getYearModel(db, 2025, countFailuresBySchool);
    expect(bucketReuseCount(db)).toBe(0);
    // A grade-row change: the year is recomputed, the buckets are reused.
    await db
      .updateTable('school_year_stat')
      .set((eb) => ({ students: eb('students', '+', 1), new_entrants: eb('new_entrants', '+', 1) }))
      .where('school_id', '=', failingSchool)
      .where('school_year', '=', 2025)
      .where('grade', '=', 'P1')
      .execute();
    const afterGrades = await getYearModel(db, 2025, countFailuresBySchool);
    expect(afterGrades).not.toBe(first);
    expect(bucketReuseCount(db)).toBe(1);
    expect(afterGrades.inputs.teachers).toEqual(first.inputs.teachers);
    // The same year computed cold (no partial results) is identical.
    clearYearCache(db);
    const cold = await getYearModel(db, 2025, countFailuresBySchool);
    expect(bucketReuseCount(db)).toBe(0);
    expect(cold.inputs.teachers).toEqual(afterGrades.inputs.teachers);
    expect(cold.district.values).toEqual(afterGrades.district.values);
    // A teacher change: the buckets are read again and the counts follow.
    const teacher = await db
      .selectFrom('teacher')
      .select(['id', 'school_id'])
      .where('is_active', '=', true)
      .where('post', '=', 'teacher')
      .where('is_full_time', '=', true)
      .where('school_id', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('teacher').set({ is_full_time: false }).where('id', '=', teacher.id).execute();
    const afterTeacher = await getYearModel(db, 2025, countFailuresBySchool);
    expect(bucketReuseCount(db)).toBe(0);
    const fullTime = (m: YearModel) => [...(m.inputs.teachers.get(teacher.school_id!)?.values() ?? [])].reduce((n, c) => n + c.fullTime, 0);
    expect(fullTime(afterTeacher)).toBeCloseTo(fullTime(cold) - 1, 9);
  });
});
