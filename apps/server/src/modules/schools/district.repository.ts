/** SQL of the district org unit, its streets and district-wide counts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { DataScope } from '../../platform/access.ts';

/** The district (the first district org unit). */
export function findDistrict(db: Kysely<DB>) {
  return db.selectFrom('org_unit').selectAll().where('kind', '=', 'district').orderBy('id').executeTakeFirst();
}

/** Streets and towns of a district, by name. */
export function findStreets(db: Kysely<DB>, districtId: number) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'street')
    .where('parent_id', '=', districtId)
    .orderBy('code')
    .execute();
}

/** True when the street belongs to the district. */
export async function isStreetOfDistrict(db: Kysely<DB>, streetId: number, districtId: number): Promise<boolean> {
  return !!(await db.selectFrom('org_unit').select('id').where('id', '=', streetId).where('parent_id', '=', districtId).executeTakeFirst());
}

function scopedSchoolIds(scope: DataScope): number[] | null {
  return scope.kind === 'district' ? null : scope.kind === 'schools' ? scope.schoolIds : [];
}

/** Open schools by type and sponsor (current versions). */
export async function countSchools(db: Kysely<DB>, scope: DataScope) {
  const ids = scopedSchoolIds(scope);
  let q = db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['v.type_code', 'v.sponsor', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.closed_on', 'is', null)
    .groupBy(['v.type_code', 'v.sponsor']);
  if (ids) q = q.where('s.id', 'in', ids.length ? ids : [-1]);
  return q.execute();
}

/** Students and classes by grade in a year. */
export async function sumStudentsByGrade(db: Kysely<DB>, scope: DataScope, year: number) {
  const ids = scopedSchoolIds(scope);
  let q = db
    .selectFrom('school_year_stat')
    .select(['grade', (eb) => eb.fn.sum<number>('students').as('students'), (eb) => eb.fn.sum<number>('classes').as('classes')])
    .where('school_year', '=', year)
    .groupBy('grade');
  if (ids) q = q.where('school_id', 'in', ids.length ? ids : [-1]);
  return q.execute();
}

/** Active teachers, all and full-time. */
export async function countTeachers(db: Kysely<DB>, scope: DataScope) {
  const ids = scopedSchoolIds(scope);
  let q = db
    .selectFrom('teacher')
    .select([
      (eb) => eb.fn.countAll<number>().as('total'),
      (eb) => eb.fn.sum<number>(eb.case().when('is_full_time', '=', true).then(1).else(0).end()).as('full_time'),
    ])
    .where('is_active', '=', true);
  if (ids) q = q.where('school_id', 'in', ids.length ? ids : [-1]);
  return q.executeTakeFirstOrThrow();
}
