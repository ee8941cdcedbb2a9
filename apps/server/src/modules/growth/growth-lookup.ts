/**
 * Lookups shared by the growth services: teachers with their current school name, schools with their
 * current version (城乡 code), and the mapping of rows to GrowthTeacherRef.
 */
import type { GrowthTeacherRef, Recognition } from '@zhiping/contracts';
import { URBAN_RURAL, isUrbanOrTown } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One teacher with the fields growth pages use. */
export interface TeacherFacts {
  id: number;
  name: string;
  school_id: number | null;
  school_name: string | null;
  subject: string | null;
  teaching_stage: string | null;
  title: string;
  post: string;
  birth_date: string;
  is_active: boolean;
}

/** Teachers by id (any school), with their current school's name. */
export async function findTeacherFacts(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, TeacherFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('teacher as t')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .select([
      't.id',
      't.name',
      't.school_id',
      'v.name as school_name',
      't.subject',
      't.teaching_stage',
      't.title',
      't.post',
      't.birth_date',
      't.is_active',
    ])
    .where('t.id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** The reference shape of a teacher. */
export function teacherRef(t: Pick<TeacherFacts, 'id' | 'name' | 'school_id' | 'school_name' | 'subject'>): GrowthTeacherRef {
  return { id: t.id, name: t.name, schoolId: t.school_id, schoolName: t.school_name, subject: t.subject };
}

/** One school's current name and 城乡 classification. */
export interface SchoolFacts {
  id: number;
  name: string;
  urban_rural_code: string;
  sponsor: 'public' | 'private';
  type_code: string;
}

/** Open schools by id with their current version. */
export async function findSchoolFacts(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, SchoolFacts>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('school_version as v')
    .select(['v.school_id as id', 'v.name', 'v.urban_rural_code', 'v.sponsor', 'v.type_code'])
    .where('v.valid_to', 'is', null)
    .where('v.school_id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** True for 乡村 classifications (城乡分类代码 2xx: 乡中心区, 村庄). */
export function isRuralCode(code: string): boolean {
  return !isUrbanOrTown(code);
}

/** The Chinese label of a 城乡 code. */
export function urbanRuralLabel(code: string): string {
  return (URBAN_RURAL.labels as Record<string, string>)[code] ?? code;
}

/** Ids of the open public rural schools (the denominator of expert-team coverage). */
export async function findRuralSchoolIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select('s.id')
    .where('s.closed_on', 'is', null)
    .where('v.sponsor', '=', 'public')
    .where('v.urban_rural_code', 'like', '2%')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.id);
}

/** A teacher's recognitions (骨干 etc.), newest first, as the contract's Recognition. */
export async function findRecognitionsOf(db: Kysely<DB>, teacherId: number): Promise<Recognition[]> {
  const rows = await db
    .selectFrom('teacher_recognition')
    .selectAll()
    .where('teacher_id', '=', teacherId)
    .orderBy('issued_on', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    subject: r.subject,
    issuer: r.issuer,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
  }));
}
