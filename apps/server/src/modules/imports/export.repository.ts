/** SQL of exports: each kind's rows within a data scope, in the import row shapes (so an export re-imports unchanged). */
import type {
  BackboneLevel,
  Certificate,
  ConditionImportRow,
  Education,
  Gender,
  PopulationBasis,
  PopulationImportRow,
  Post,
  SchoolImportRow,
  Sponsor,
  Stage,
  Staffing,
  StudentStatImportRow,
  Title,
} from '@zhiping/domain';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { schoolInScope } from '../../db/expressions/scope.ts';
import type { DataScope } from '../../platform/access.ts';

/** Schools with their current attributes, by code. */
export async function findSchoolsForExport(db: Kysely<DB>, scope: DataScope): Promise<SchoolImportRow[]> {
  const q = db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .leftJoin('org_unit as st', 'st.id', 'v.street_id')
    .select([
      's.code',
      's.opened_on',
      'v.name',
      'v.type_code',
      'v.sponsor',
      'v.is_inclusive',
      'v.urban_rural_code',
      'st.name as street_name',
      'v.address',
      'v.longitude',
      'v.latitude',
    ])
    .orderBy('s.code')
    .where(schoolInScope(scope, 's.id'));
  return (await q.execute()).map((r) => ({
    code: r.code,
    name: r.name,
    typeCode: r.type_code,
    sponsor: r.sponsor as Sponsor,
    isInclusive: r.is_inclusive,
    urbanRuralCode: r.urban_rural_code,
    streetName: r.street_name,
    address: r.address,
    longitude: r.longitude,
    latitude: r.latitude,
    openedOn: r.opened_on,
  }));
}

/** Per-grade statistics, optionally of one school year. */
export async function findStudentStatsForExport(
  db: Kysely<DB>,
  scope: DataScope,
  year: number | undefined,
): Promise<StudentStatImportRow[]> {
  let q = db
    .selectFrom('school_year_stat as y')
    .innerJoin('school as s', 's.id', 'y.school_id')
    .select(['s.code'])
    .selectAll('y')
    .where(schoolInScope(scope, 'y.school_id'));
  if (year !== undefined) q = q.where('y.school_year', '=', year);
  return (await q.execute()).map((r) => ({
    schoolYear: r.school_year,
    schoolCode: r.code,
    grade: r.grade,
    classes: r.classes,
    students: r.students,
    girls: r.girls,
    newEntrants: r.new_entrants,
    graduates: r.graduates,
    transfersIn: r.transfers_in,
    transfersOut: r.transfers_out,
    migrantChildren: r.migrant_children,
    disabledStudents: r.disabled_students,
  }));
}

/** Conditions, optionally of one school year. */
export async function findConditionsForExport(db: Kysely<DB>, scope: DataScope, year: number | undefined): Promise<ConditionImportRow[]> {
  let q = db
    .selectFrom('school_condition as c')
    .innerJoin('school as s', 's.id', 'c.school_id')
    .select(['s.code'])
    .selectAll('c')
    .orderBy('c.school_year')
    .orderBy('s.code')
    .where(schoolInScope(scope, 'c.school_id'));
  if (year !== undefined) q = q.where('c.school_year', '=', year);
  return (await q.execute()).map((r) => ({
    schoolYear: r.school_year,
    schoolCode: r.code,
    teachingArea: r.teaching_area,
    gymArea: r.gym_area,
    sportsGroundArea: r.sports_ground_area,
    equipmentValue: r.equipment_value,
    multimediaRooms: r.multimedia_rooms,
    musicRooms: r.music_rooms,
    artRooms: r.art_rooms,
    books: r.books,
    buildingArea: r.building_area,
    landArea: r.land_area,
  }));
}

/** Active teachers with their school code and latest backbone recognition; the ID number still encrypted. */
export async function findTeachersForExport(db: Kysely<DB>, scope: DataScope) {
  const q = db
    .selectFrom('teacher as t')
    .innerJoin('school as s', 's.id', 't.school_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('teacher_recognition')
          .select(['teacher_id', 'level', 'issued_on', 'valid_until'])
          .distinctOn('teacher_id')
          .orderBy('teacher_id')
          .orderBy('issued_on', 'desc')
          .orderBy(sql`id`, 'desc')
          .as('r'),
      (j) => j.onRef('r.teacher_id', '=', 't.id'),
    )
    .select([
      't.id_number_enc',
      't.id_number_masked',
      't.name',
      't.gender',
      't.birth_date',
      's.code as school_code',
      't.post',
      't.is_full_time',
      't.teaching_stage',
      't.subject',
      't.education',
      't.title',
      't.certificate',
      't.staffing',
      't.joined_school_on',
      'r.level',
      'r.issued_on',
      'r.valid_until',
    ])
    .where('t.is_active', '=', true)
    .orderBy('s.code')
    .orderBy('t.id')
    .where(schoolInScope(scope, 't.school_id'));
  return (await q.execute()).map((r) => ({
    idNumberEnc: r.id_number_enc,
    idNumberMasked: r.id_number_masked,
    row: {
      name: r.name,
      gender: r.gender as Gender,
      birthDate: r.birth_date,
      schoolCode: r.school_code,
      post: r.post as Post,
      isFullTime: r.is_full_time,
      teachingStage: r.teaching_stage as Stage | null,
      subject: r.subject,
      education: r.education as Education,
      title: r.title as Title,
      certificate: r.certificate as Certificate,
      staffing: r.staffing as Staffing,
      joinedSchoolOn: r.joined_school_on,
      backboneLevel: (r.level ?? null) as BackboneLevel | null,
      backboneIssuedOn: r.issued_on ?? null,
      backboneValidUntil: r.valid_until ?? null,
    },
  }));
}

/** Population rows, optionally of one year. */
export async function findPopulationForExport(db: Kysely<DB>, year: number | undefined): Promise<PopulationImportRow[]> {
  let q = db.selectFrom('population').selectAll().orderBy('region_code').orderBy('year').orderBy('basis').orderBy('age');
  if (year !== undefined) q = q.where('year', '=', year);
  return (await q.execute()).map((r) => ({
    year: r.year,
    regionCode: r.region_code,
    age: r.age,
    count: r.count,
    basis: r.basis as PopulationBasis,
    source: r.source,
  }));
}
