/**
 * The data-change log (migration 20261123000000_data_change_log) and the fingerprints read from it: every
 * kind of write changes the fingerprint of exactly the years that read the written rows, a rollback
 * changes nothing, the logged row counts equal count(*), compaction keeps them and shrinks the log, and
 * (PostgreSQL only) concurrent writers and compactions neither block each other nor lose a change.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { openTestDatabase } from '../../../test/db.ts';
import { buildGradeStat, buildSchool, buildTeacher } from '../../../test/factories.ts';
import { testEngine } from '../../../test/test-engine.ts';
import { ensureDistrict } from '../setup/bootstrap.service.ts';
import { clearYearCache, getYearModel } from './indicator-cache.ts';
import { COMPACT_ABOVE, compactDataChanges, findDataState } from './indicator.repository.ts';
import { BASE_TABLES } from './planner-statistics.service.ts';

/** Every logged table with its year column (null: not yearly). */
const LOGGED: [string, string | null][] = [
  ['school', null],
  ['school_version', null],
  ['org_unit', null],
  ['teacher', null],
  ['teacher_assignment', null],
  ['teacher_recognition', null],
  ['school_group', null],
  ['school_group_member', null],
  ['indicator_threshold', null],
  ['data_quality_rule', null],
  ['training_rule', null],
  ['training_credit', null],
  ['school_year_stat', 'school_year'],
  ['school_condition', 'school_year'],
  ['population', 'year'],
];
const YEARS = [2021, 2022, 2025];

let database: Database;
let db: Kysely<DB>;
let schoolA: number;
let schoolB: number;
let region: string;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  const districtId = await ensureDistrict(db, { code: '500199', name: '测试区' });
  region = '500199';
  schoolA = (await buildSchool(database, districtId)).id;
  schoolB = (await buildSchool(database, districtId)).id;
  await buildGradeStat(database, schoolA, 2025, 'P1');
  await buildGradeStat(database, schoolA, 2021, 'P1');
  for (const y of [2021, 2024, 2025]) await addCondition(db, schoolA, y);
}, 120_000);
afterAll(async () => {
  await database?.close();
});

/** Inserts a 办学条件 row (every measure at its default) through the executor given. */
const addCondition = (on: Kysely<DB>, schoolId: number, year: number) =>
  sql`INSERT INTO school_condition (school_id, school_year) VALUES (${schoolId}, ${year})`.execute(on);

const fingerprints = async () => (await findDataState(db, YEARS, BASE_TABLES)).fingerprints;

/** Which of YEARS changed their fingerprint across fn. */
async function changedYears(fn: () => Promise<unknown>): Promise<number[]> {
  const before = await fingerprints();
  await fn();
  const after = await fingerprints();
  return YEARS.filter((y) => before.get(y) !== after.get(y));
}

/** Asserts that per table (and year) the logged sum of deltas is the row count. */
async function expectCountsExact(): Promise<void> {
  const logged = await sql<{ t: string; y: number | null; n: string }>`
    SELECT table_name AS t, year AS y, sum(row_delta)::text AS n FROM data_change GROUP BY 1, 2`.execute(db);
  for (const [table, col] of LOGGED) {
    const actual = await sql<{ y: number | null; n: string }>`
      SELECT ${col ? sql.ref(col) : sql`NULL::int`} AS y, count(*)::text AS n FROM ${sql.table(table)} GROUP BY 1`.execute(db);
    const want = new Map(actual.rows.map((r) => [r.y, Number(r.n)]));
    const got = new Map<number | null, number>();
    for (const r of logged.rows.filter((x) => x.t === table)) if (Number(r.n) !== 0 || want.has(r.y)) got.set(r.y, Number(r.n));
    if (!col && !got.has(null)) got.set(null, 0);
    if (!col && !want.has(null)) want.set(null, 0);
    expect(got, table).toEqual(want);
  }
  const state = await findDataState(db, [], BASE_TABLES);
  for (const t of state.tables) {
    const n = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(t.name)}`.execute(db);
    expect(t.rows, t.name).toBe(Number(n.rows[0]!.n));
  }
}

describe('the data-change log', () => {
  it('starts consistent with the data', async () => {
    await expectCountsExact();
  });

  it('INSERT changes the years that read the inserted year only', async () => {
    // 2021 and 2022 read conditions of 2021; 2025 reads 2024–2025 only.
    expect(await changedYears(() => addCondition(db, schoolB, 2021))).toEqual([2021, 2022]);
    expect(await changedYears(() => buildGradeStat(database, schoolB, 2025, 'P2'))).toEqual([2025]);
    // Grade statistics are read ten years back: a 2021 row changes every year here.
    expect(await changedYears(() => buildGradeStat(database, schoolB, 2021, 'P2'))).toEqual(YEARS);
    await expectCountsExact();
  });

  it('UPDATE in place changes its year; moving a row changes the old and the new year', async () => {
    const update2025 = () =>
      db.updateTable('school_condition').set({ books: 7 }).where('school_id', '=', schoolA).where('school_year', '=', 2025).execute();
    expect(await changedYears(update2025)).toEqual([2025]);
    // The same update again still changes the version (the data may be equal, the fingerprint is a version).
    expect(await changedYears(update2025)).toEqual([2025]);
    expect(
      await changedYears(() =>
        db
          .updateTable('school_condition')
          .set({ school_year: 2023 })
          .where('school_id', '=', schoolB)
          .where('school_year', '=', 2021)
          .execute(),
      ),
    ).toEqual([2021, 2022]);
    expect(
      await changedYears(() =>
        db
          .updateTable('school_condition')
          .set({ school_year: 2024 })
          .where('school_id', '=', schoolB)
          .where('school_year', '=', 2023)
          .execute(),
      ),
    ).toEqual([2025]);
    // A statement that touches no row appends nothing.
    const rows = await db
      .selectFrom('data_change')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(
      await changedYears(() => db.updateTable('school_condition').set({ books: 1 }).where('school_year', '=', 1999).execute()),
    ).toEqual([]);
    expect(await changedYears(() => db.deleteFrom('population').where('year', '=', 1999).execute())).toEqual([]);
    const after = await db
      .selectFrom('data_change')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(rows.n));
    await expectCountsExact();
  });

  it('DELETE changes its year only', async () => {
    expect(
      await changedYears(() =>
        db.deleteFrom('school_condition').where('school_id', '=', schoolB).where('school_year', '=', 2024).execute(),
      ),
    ).toEqual([2025]);
    expect(
      await changedYears(() =>
        db.deleteFrom('school_year_stat').where('school_id', '=', schoolB).where('school_year', '=', 2021).execute(),
      ),
    ).toEqual(YEARS);
    await expectCountsExact();
  });

  it('TRUNCATE brings the logged counts to zero and changes the years that read the table', async () => {
    await sql`INSERT INTO population (region_code, year, age, basis, count)
      SELECT ${region}, y, a, 'resident', 10 FROM (VALUES (2021), (2025)) v(y) CROSS JOIN generate_series(0, 5) a`.execute(db);
    await expectCountsExact();
    expect(await changedYears(() => sql`TRUNCATE population`.execute(db))).toEqual([2021, 2025]);
    await expectCountsExact();
    // A second TRUNCATE of the empty table still appends (a version change), and the counts stay zero.
    await sql`TRUNCATE population`.execute(db);
    await expectCountsExact();
  });

  it('a cascaded delete (teacher → assignments, recognitions) is logged on the child tables', async () => {
    const teacher = await buildTeacher(database, schoolA);
    await db
      .insertInto('teacher_assignment')
      .values({
        teacher_id: teacher.id,
        school_id: schoolB,
        valid_from: '2024-09-01',
        kind: 'partial',
        home_school_id: schoolA,
        reason: '',
      })
      .execute();
    await db
      .insertInto('teacher_recognition')
      .values({ teacher_id: teacher.id, level: 'district_backbone', issuer: '', issued_on: '2023-09-01' })
      .execute();
    const assignments = async () =>
      Number(
        (await sql<{ n: string }>`SELECT sum(row_delta)::text AS n FROM data_change WHERE table_name = 'teacher_assignment'`.execute(db))
          .rows[0]!.n,
      );
    const before = await assignments();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await changedYears(() => db.deleteFrom('teacher').where('id', '=', teacher.id).execute())).toEqual(YEARS);
    expect(await assignments()).toBe(before - 2);
    await expectCountsExact();
  });

  it('a rolled-back transaction changes nothing', async () => {
    const before = await fingerprints();
    const log = await db
      .selectFrom('data_change')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await addCondition(trx, schoolB, 2025);
        await trx.deleteFrom('school_year_stat').where('school_year', '=', 2021).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await fingerprints()).toEqual(before);
    const after = await db
      .selectFrom('data_change')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(after.m).toEqual(log.m);
    await expectCountsExact();
  });

  it('compaction keeps the counts, shrinks the log and changes the fingerprint once', async () => {
    for (let age = 0; age <= COMPACT_ABOVE; age += 1)
      await db
        .insertInto('population')
        .values({ region_code: region, year: 2025, age: age % 121, basis: age > 120 ? 'registered' : 'resident', count: 1, source: '' })
        .execute();
    const state = await findDataState(db, YEARS, BASE_TABLES);
    expect(state.oversized.map((k) => [k.table, k.year])).toEqual([['population', 2025]]);
    await compactDataChanges(db, state.oversized);
    const left = await db
      .selectFrom('data_change')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('table_name', '=', 'population')
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(1);
    const after = await findDataState(db, YEARS, BASE_TABLES);
    expect(after.oversized).toEqual([]);
    expect(after.fingerprints.get(2025)).not.toBe(state.fingerprints.get(2025));
    expect(after.fingerprints.get(2021)).toBe(state.fingerprints.get(2021));
    // Compacting with the old key again finds nothing more to merge and appends nothing.
    await compactDataChanges(db, state.oversized);
    expect((await findDataState(db, YEARS, BASE_TABLES)).fingerprints).toEqual(after.fingerprints);
    await expectCountsExact();
  });

  it('the indicator cache compacts oversized keys after reading (not inside a transaction)', async () => {
    for (let i = 0; i <= COMPACT_ABOVE; i += 1)
      await db.updateTable('school_condition').set({ books: i }).where('school_id', '=', schoolA).where('school_year', '=', 2024).execute();
    const key = () =>
      db
        .selectFrom('data_change')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('table_name', '=', 'school_condition')
        .where('year', '=', 2024)
        .executeTakeFirstOrThrow();
    expect(Number((await key()).n)).toBeGreaterThan(COMPACT_ABOVE);
    clearYearCache(db);
    const quality = async () => new Map();
    await db.transaction().execute((trx) => getYearModel(trx, 2025, quality));
    expect(Number((await key()).n)).toBeGreaterThan(COMPACT_ABOVE);
    const first = await getYearModel(db, 2025, quality);
    expect(Number((await key()).n)).toBe(1);
    // The compaction changed the fingerprint once: one recomputation, then served from the cache.
    const second = await getYearModel(db, 2025, quality);
    expect(second).not.toBe(first);
    expect(await getYearModel(db, 2025, quality)).toBe(second);
    await expectCountsExact();
  });
});

describe.runIf(testEngine() === 'postgres')('concurrent writers (PostgreSQL)', () => {
  it('do not block each other, and a lower id committed later still changes the fingerprint', async () => {
    const first = await db.startTransaction().execute();
    const second = await db.startTransaction().execute();
    try {
      for (const trx of [first, second]) await sql`SET LOCAL lock_timeout = '3s'`.execute(trx);
      // Both write the same yearly key and a shared table; the first takes the lower log ids.
      await addCondition(first, schoolB, 2025);
      await first.updateTable('school').set({ closed_on: null }).where('id', '=', schoolA).execute();
      await second
        .updateTable('school_condition')
        .set({ books: 3 })
        .where('school_id', '=', schoolA)
        .where('school_year', '=', 2025)
        .execute();
      await second.updateTable('school').set({ closed_on: null }).where('id', '=', schoolB).execute();
      const start = await fingerprints();
      await second.commit().execute();
      const afterSecond = await fingerprints();
      expect(afterSecond.get(2025)).not.toBe(start.get(2025));
      await first.commit().execute();
      const afterFirst = await fingerprints();
      expect(afterFirst.get(2025)).not.toBe(afterSecond.get(2025));
      expect(afterFirst.get(2021)).not.toBe(afterSecond.get(2021)); // the shared table school
    } finally {
      if (!first.isCommitted && !first.isRolledBack) await first.rollback().execute();
      if (!second.isCommitted && !second.isRolledBack) await second.rollback().execute();
    }
    await expectCountsExact();
  });

  it('two concurrent compactions of one key neither lose nor double a delta', async () => {
    for (let i = 0; i <= COMPACT_ABOVE; i += 1)
      await db.updateTable('school_condition').set({ books: i }).where('school_id', '=', schoolA).where('school_year', '=', 2025).execute();
    const keys = (await findDataState(db, YEARS, BASE_TABLES)).oversized;
    expect(keys.map((k) => [k.table, k.year])).toEqual([['school_condition', 2025]]);
    const holder = await db.startTransaction().execute();
    try {
      await compactDataChanges(holder, keys);
      // A writer of the same key is not blocked by the compaction's row locks.
      const writer = await db.startTransaction().execute();
      await sql`SET LOCAL lock_timeout = '3s'`.execute(writer);
      await writer.deleteFrom('school_condition').where('school_id', '=', schoolB).where('school_year', '=', 2025).execute();
      await writer.updateTable('school_condition').set({ books: 1 }).where('school_year', '=', 2025).execute();
      await writer.commit().execute();
      // The second compaction waits for the first's row locks, then deletes only what is left.
      const concurrent = compactDataChanges(db, keys);
      await new Promise((r) => setTimeout(r, 200));
      await holder.commit().execute();
      await concurrent;
    } finally {
      if (!holder.isCommitted && !holder.isRolledBack) await holder.rollback().execute();
    }
    // Left: the one compacted row and the writer's two rows; the second compaction appended nothing.
    const left = await db
      .selectFrom('data_change')
      .select(['id', 'row_delta'])
      .where('table_name', '=', 'school_condition')
      .where('year', '=', 2025)
      .orderBy('id')
      .execute();
    expect(left).toHaveLength(3);
    expect(left.every((r) => BigInt(r.id) > BigInt(keys[0]!.maxId))).toBe(true);
    expect(left.slice(1).map((r) => Number(r.row_delta))).toEqual([-1, 0]);
    await expectCountsExact();
  });
});
