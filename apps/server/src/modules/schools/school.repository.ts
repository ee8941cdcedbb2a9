/** All SQL of schools, their dated versions, yearly statistics and conditions. */
import { SCHOOL_TYPES, type Stage } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import { schoolInScope } from '../../db/expressions/scope.ts';
import type { DB } from '../../db/schema.ts';
import type { DataScope } from '../../platform/access.ts';

/** Filters of the school list. */
export interface SchoolFilter {
  q?: string | undefined;
  typeCode?: string | undefined;
  stage?: Stage | undefined;
  streetId?: number | undefined;
  sponsor?: 'public' | 'private' | undefined;
  includeClosed: boolean;
}

/** Schools with their current version, filtered and scoped (no paging). */
function currentSchools(db: Kysely<DB>, scope: DataScope, f: SchoolFilter) {
  let q = db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .where(schoolInScope(scope, 's.id'));
  if (!f.includeClosed) q = q.where('s.closed_on', 'is', null);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) => eb.or([eb('v.name', 'like', like), eb('s.code', 'like', like), eb('v.address', 'like', like)]));
  }
  if (f.typeCode) q = q.where('v.type_code', '=', f.typeCode);
  if (f.stage) {
    const stage = f.stage;
    const codes = SCHOOL_TYPES.filter((t) => t.stages.includes(stage)).map((t) => t.code);
    q = q.where('v.type_code', 'in', codes);
  }
  if (f.streetId) q = q.where('v.street_id', '=', f.streetId);
  if (f.sponsor) q = q.where('v.sponsor', '=', f.sponsor);
  return q;
}

/** One page of schools with enrolment of `year` and active teacher counts. */
export async function findSchoolPage(
  db: Kysely<DB>,
  scope: DataScope,
  f: SchoolFilter,
  page: { offset: number; limit: number; year: number | null },
) {
  const base = currentSchools(db, scope, f);
  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      's.id',
      's.code',
      's.opened_on',
      's.closed_on',
      'v.name',
      'v.type_code',
      'v.sponsor',
      'v.is_inclusive',
      'v.urban_rural_code',
      'v.street_id',
      'st.name as street_name',
      (eb) =>
        eb
          .selectFrom('school_year_stat as y')
          .select((e) => e.fn.sum<number>('y.students').as('n'))
          .whereRef('y.school_id', '=', 's.id')
          .where('y.school_year', '=', page.year ?? -1)
          .as('students'),
      (eb) =>
        eb
          .selectFrom('school_year_stat as y')
          .select((e) => e.fn.sum<number>('y.classes').as('n'))
          .whereRef('y.school_id', '=', 's.id')
          .where('y.school_year', '=', page.year ?? -1)
          .as('classes'),
      (eb) =>
        eb
          .selectFrom('teacher as t')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('t.school_id', '=', 's.id')
          .where('t.is_active', '=', true)
          .as('teachers'),
    ])
    .orderBy('s.code')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total: Number(totalRow.n), rows };
}
export type SchoolListRow = Awaited<ReturnType<typeof findSchoolPage>>['rows'][number];

/** One school with its current version, or undefined when missing or out of scope. */
export function findSchool(db: Kysely<DB>, scope: DataScope, id: number) {
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .innerJoin('org_unit as d', 'd.id', 's.district_id')
    .where(schoolInScope(scope, 's.id'))
    .select([
      's.id',
      's.code',
      's.district_id',
      's.opened_on',
      's.closed_on',
      'v.id as version_id',
      'v.valid_from',
      'v.name',
      'v.type_code',
      'v.sponsor',
      'v.is_inclusive',
      'v.urban_rural_code',
      'v.street_id',
      'st.name as street_name',
      'v.address',
      'v.longitude',
      'v.latitude',
      'd.name as district_name',
      (eb) =>
        eb
          .selectFrom('teacher as t')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('t.school_id', '=', 's.id')
          .where('t.is_active', '=', true)
          .as('teachers'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type SchoolRow = NonNullable<Awaited<ReturnType<typeof findSchool>>>;

/** Every version of a school, newest first. */
export function findSchoolVersions(db: Kysely<DB>, schoolId: number) {
  return db
    .selectFrom('school_version as v')
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .select([
      'v.valid_from',
      'v.valid_to',
      'v.name',
      'v.type_code',
      'v.sponsor',
      'v.is_inclusive',
      'v.urban_rural_code',
      'v.street_id',
      'st.name as street_name',
      'v.address',
      'v.longitude',
      'v.latitude',
    ])
    .where('v.school_id', '=', schoolId)
    .orderBy('v.valid_from', 'desc')
    .execute();
}

/** School years that have statistics or conditions, newest first (for one school or the district). */
export async function findYearsWithData(db: Kysely<DB>, schoolId?: number): Promise<number[]> {
  let a = db.selectFrom('school_year_stat').select('school_year').distinct();
  let b = db.selectFrom('school_condition').select('school_year').distinct();
  if (schoolId) {
    a = a.where('school_id', '=', schoolId);
    b = b.where('school_id', '=', schoolId);
  }
  const rows = await a.union(b).execute();
  return [...new Set(rows.map((r) => r.school_year))].sort((x, y) => y - x);
}

/** Per-grade statistics of a school in a year. */
export function findGradeStats(db: Kysely<DB>, schoolId: number, year: number) {
  return db.selectFrom('school_year_stat').selectAll().where('school_id', '=', schoolId).where('school_year', '=', year).execute();
}

/** Conditions of a school in a year. */
export function findConditions(db: Kysely<DB>, schoolId: number, year: number) {
  return db.selectFrom('school_condition').selectAll().where('school_id', '=', schoolId).where('school_year', '=', year).executeTakeFirst();
}

/** True when a school code is taken. */
export async function isSchoolCodeTaken(db: Kysely<DB>, code: string): Promise<boolean> {
  return !!(await db.selectFrom('school').select('id').where('code', '=', code).executeTakeFirst());
}

/** Inserts a school and its first version. */
export async function insertSchool(
  db: Kysely<DB>,
  s: { code: string; districtId: number; openedOn: string | null },
  v: Omit<DB['school_version'], 'id' | 'school_id' | 'valid_to'> & { valid_from: string },
): Promise<number> {
  const row = await db
    .insertInto('school')
    .values({ code: s.code, district_id: s.districtId, opened_on: s.openedOn, closed_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('school_version')
    .values({ ...v, school_id: row.id, valid_to: null })
    .execute();
  return row.id;
}

/** Closes the open version at `date` and opens a new one from `date`. */
export async function replaceOpenVersion(
  db: Kysely<DB>,
  schoolId: number,
  date: string,
  v: Omit<DB['school_version'], 'id' | 'school_id' | 'valid_to' | 'valid_from'>,
): Promise<void> {
  await db.updateTable('school_version').set({ valid_to: date }).where('school_id', '=', schoolId).where('valid_to', 'is', null).execute();
  await db
    .insertInto('school_version')
    .values({ ...v, school_id: schoolId, valid_from: date, valid_to: null })
    .execute();
}

/** Overwrites the open version in place (a correction effective from the version's own start). */
export async function correctOpenVersion(
  db: Kysely<DB>,
  versionId: number,
  v: Omit<DB['school_version'], 'id' | 'school_id' | 'valid_to' | 'valid_from'>,
): Promise<void> {
  await db.updateTable('school_version').set(v).where('id', '=', versionId).execute();
}

/** Sets the opened/closed dates of a school. */
export async function updateSchoolDates(
  db: Kysely<DB>,
  schoolId: number,
  d: { opened_on?: string | null; closed_on?: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('school')
    .set({ ...d, updated_at: now })
    .where('id', '=', schoolId)
    .execute();
}
