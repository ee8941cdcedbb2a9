/**
 * Test factories: build a school, street, statistics or teacher with sensible defaults, creating
 * parents as needed. Teachers go through the teacher service so encryption and history are real.
 */
import { buildIdNumber } from '@zhiping/domain';
import type { Database } from '../src/db/database.ts';
import { createTeacher } from '../src/modules/teachers/teacher.service.ts';
import { systemActor } from '../src/platform/context.ts';
import { testContext } from './db.ts';

let seq = 0;
const next = () => ++seq;

/** Creates a street under the district; returns its id. */
export async function buildStreet(database: Database, districtId: number, name = `测试街道${next()}`): Promise<number> {
  const r = await database.db
    .insertInto('org_unit')
    .values({ kind: 'street', code: `S${String(next()).padStart(5, '0')}`, name, parent_id: districtId, region_code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Creates a school with an open version; returns its id and code. */
export async function buildSchool(
  database: Database,
  districtId: number,
  overrides: Partial<{
    code: string;
    name: string;
    typeCode: string;
    sponsor: 'public' | 'private';
    streetId: number | null;
    isInclusive: boolean;
    validFrom: string;
  }> = {},
): Promise<{ id: number; code: string; name: string }> {
  const n = next();
  const code = overrides.code ?? `31500${String(n).padStart(5, '0')}`;
  const name = overrides.name ?? `测试第${n}小学`;
  const s = await database.db
    .insertInto('school')
    .values({ code, district_id: districtId, opened_on: '2000-09-01', closed_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db
    .insertInto('school_version')
    .values({
      school_id: s.id,
      valid_from: overrides.validFrom ?? '2000-09-01',
      valid_to: null,
      name,
      type_code: overrides.typeCode ?? '211',
      sponsor: overrides.sponsor ?? 'public',
      is_inclusive: overrides.isInclusive ?? false,
      urban_rural_code: '111',
      street_id: overrides.streetId ?? null,
      address: '测试路1号',
      longitude: null,
      latitude: null,
    })
    .execute();
  return { id: s.id, code, name };
}

/** Adds one grade's statistics for a school-year. */
export async function buildGradeStat(
  database: Database,
  schoolId: number,
  year: number,
  grade: string,
  students = 90,
  classes = 2,
): Promise<void> {
  await database.db
    .insertInto('school_year_stat')
    .values({
      school_id: schoolId,
      school_year: year,
      grade,
      classes,
      students,
      girls: Math.floor(students / 2),
      new_entrants: 0,
      graduates: 0,
      transfers_in: 0,
      transfers_out: 0,
      migrant_children: 0,
      disabled_students: 0,
    })
    .execute();
}

/** Creates a teacher at a school through the service; returns its id and ID number. */
export async function buildTeacher(
  database: Database,
  schoolId: number,
  overrides: Partial<{ name: string; subject: string; post: string; joinedSchoolOn: string }> = {},
): Promise<{ id: number; idNumber: string }> {
  const n = next();
  const idNumber = buildIdNumber('500199', `1985${String((n % 12) + 1).padStart(2, '0')}15`, 100 + n);
  const detail = await createTeacher(testContext(database, systemActor()), {
    idNumber,
    name: overrides.name ?? `测试教师${n}`,
    phone: '13800001234',
    schoolId,
    post: overrides.post ?? 'teacher',
    isFullTime: true,
    teachingStage: 'primary',
    subject: overrides.subject ?? '语文',
    education: 'bachelor',
    title: 'level1',
    certificate: 'primary',
    staffing: 'established',
    joinedSchoolOn: overrides.joinedSchoolOn ?? '2015-09-01',
  });
  return { id: detail.id, idNumber };
}
