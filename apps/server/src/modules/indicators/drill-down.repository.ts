/** SQL of the records behind one school's values: its grade rows, conditions row and the teachers placed there. */
import { sql, type Kysely } from 'kysely';
import { backboneTeachersOn, placedTeachers } from '../../db/expressions/indicators.ts';
import type { DB } from '../../db/schema.ts';

/** A school with its current attributes (for schools without data in a year). */
export function findSchoolBasic(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('school as s')
    .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
    .select(['s.id', 's.code', 'v.name', 'v.type_code', 'v.sponsor'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Grade rows of a school in a year. */
export function findGradeRows(db: Kysely<DB>, schoolId: number, year: number) {
  return db.selectFrom('school_year_stat').selectAll().where('school_id', '=', schoolId).where('school_year', '=', year).execute();
}

/** The conditions row of a school in a year. */
export function findConditionRow(db: Kysely<DB>, schoolId: number, year: number) {
  return db
    .selectFrom('school_condition')
    .select([
      'teaching_area',
      'gym_area',
      'sports_ground_area',
      'equipment_value',
      'multimedia_rooms',
      'music_rooms',
      'art_rooms',
      'books',
      'building_area',
      'land_area',
    ])
    .where('school_id', '=', schoolId)
    .where('school_year', '=', year)
    .executeTakeFirst();
}

/** Teachers placed at a school in the school year, with their best 区级+ recognition valid on asOf (else their latest). */
export function findPlacedTeachers(db: Kysely<DB>, schoolId: number, asOf: string, yearEnd: string) {
  return sql<{
    id: number;
    name: string;
    id_number_masked: string;
    post: string;
    is_full_time: boolean;
    teaching_stage: string | null;
    subject: string | null;
    education: string;
    certificate: string;
    level: string | null;
    issued_on: string | null;
    valid_until: string | null;
  }>`SELECT t.id, t.name, t.id_number_masked, t.post, t.is_full_time, t.teaching_stage, t.subject, t.education, t.certificate,
      r.level, r.issued_on, r.valid_until
    FROM ${placedTeachers(asOf, yearEnd)} p JOIN teacher t ON t.id = p.teacher_id
    LEFT JOIN ${backboneTeachersOn(asOf)} b ON b.teacher_id = t.id
    LEFT JOIN LATERAL (SELECT r.level, r.issued_on, coalesce(r.valid_until, (r.issued_on + interval '3 years')::date) AS valid_until
      FROM teacher_recognition r WHERE r.teacher_id = t.id AND r.issued_on <= ${asOf}::date
      ORDER BY (b.teacher_id IS NOT NULL AND r.level <> 'school' AND coalesce(r.valid_until, (r.issued_on + interval '3 years')::date) >= ${asOf}::date) DESC,
        r.issued_on DESC LIMIT 1) r ON true
    WHERE p.school_id = ${schoolId}
    ORDER BY t.post, t.teaching_stage NULLS LAST, t.subject, t.name`
    .execute(db)
    .then((r) => r.rows);
}
