/**
 * Helpers shared by the indicator, assessment and data-quality database tests: the demo district loaded
 * into a test app, and crafted teachers and recognitions written straight to the tables.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '@zhiping/contracts';
import { createTestApp, createUser, signIn, type TestApp, type TestClient } from '../../../test/app.ts';
import { testContext } from '../../../test/db.ts';
import type { Database } from '../../db/database.ts';
import { loadDemoDistrict } from '../demo/demo.service.ts';

/** A test app holding the demo district (示例区, 2021–2025). */
export async function createDemoApp(): Promise<TestApp> {
  const t = await createTestApp();
  await loadDemoDistrict(testContext(t.database), { districtId: t.districtId, passwordHash: 'not-a-login' });
  return t;
}

/** Signs in as a fresh user holding the grants. */
export async function clientAs(
  t: TestApp,
  grants: { role: Role; schoolId?: number | null; office?: string | null }[],
): Promise<TestClient> {
  const u = await createUser(t.database, grants);
  return signIn(t.app, u.username);
}

/** The id of a school by 学校标识码. */
export async function schoolIdOf(database: Database, code: string): Promise<number> {
  return (await database.db.selectFrom('school').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Fields of a crafted teacher. */
export interface CraftedTeacher {
  schoolId: number | null;
  post?: string;
  isFullTime?: boolean;
  teachingStage?: string | null;
  subject?: string | null;
  education?: string;
  certificate?: string;
  name?: string;
  birthDate?: string;
  gender?: 'male' | 'female';
  /** First day at the school (its 'full' assignment); null = no assignment row. */
  from?: string | null;
  isActive?: boolean;
}

let seq = 0;

/** Inserts a teacher (and its assignment) directly; returns its id. */
export async function insertTeacher(database: Database, t: CraftedTeacher): Promise<number> {
  seq += 1;
  const row = await database.db
    .insertInto('teacher')
    .values({
      id_number_hash: randomBytes(12).toString('hex'),
      id_number_enc: 'v1:test',
      id_number_masked: `500199********${String(seq).padStart(4, '0')}`,
      name: t.name ?? `测试教师${seq}`,
      gender: t.gender ?? 'female',
      birth_date: t.birthDate ?? '1985-01-01',
      school_id: t.schoolId,
      post: t.post ?? 'teacher',
      is_full_time: t.isFullTime ?? true,
      teaching_stage: t.teachingStage === undefined ? 'primary' : t.teachingStage,
      subject: t.subject === undefined ? '语文' : t.subject,
      education: t.education ?? 'bachelor',
      title: 'level1',
      certificate: t.certificate ?? 'primary',
      staffing: 'established',
      joined_school_on: t.from ?? null,
      is_active: t.isActive ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (t.from !== null && t.schoolId !== null) {
    await database.db
      .insertInto('teacher_assignment')
      .values({
        teacher_id: row.id,
        school_id: t.schoolId,
        kind: 'full',
        valid_from: t.from ?? '2015-09-01',
        valid_to: null,
        reason: '测试',
      })
      .execute();
  }
  return row.id;
}

/** Adds a recognition to a teacher. */
export async function insertRecognition(
  database: Database,
  teacherId: number,
  level: string,
  issuedOn: string,
  validUntil: string | null,
): Promise<void> {
  await database.db
    .insertInto('teacher_recognition')
    .values({ teacher_id: teacherId, level, subject: null, issuer: '测试', issued_on: issuedOn, valid_until: validUntil })
    .execute();
}

/** Adds grade rows (year, grade, classes, students) to a school. */
export async function insertGrades(database: Database, schoolId: number, rows: [number, string, number, number][]): Promise<void> {
  await database.db
    .insertInto('school_year_stat')
    .values(
      rows.map(([year, grade, classes, students]) => ({
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
      })),
    )
    .execute();
}
