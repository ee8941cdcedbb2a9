/** Bulk SQL of the teacher writer: look-up by ID hash, insert, update, assignments and recognitions over column arrays. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { columnList, unnestSource, type UnnestColumn } from './unnest.ts';

/** Teacher columns an import sets (besides the three ID columns, which never change for a hash). */
export const TEACHER_IMPORT_COLUMNS = [
  'name',
  'gender',
  'birth_date',
  'school_id',
  'post',
  'is_full_time',
  'teaching_stage',
  'subject',
  'education',
  'title',
  'certificate',
  'staffing',
  'joined_school_on',
] as const;

/** The stored values an import compares against, by ID hash. */
export async function findTeachersByHash(db: Kysely<DB>, hashes: readonly string[]) {
  if (hashes.length === 0) return [];
  return db
    .selectFrom('teacher')
    .select(['id', 'id_number_hash', 'is_active', ...TEACHER_IMPORT_COLUMNS])
    .where('id_number_hash', '=', sql<string>`any(${[...hashes]}::text[])`)
    .execute();
}

/**
 * Inserts new teachers and opens their first assignment in one statement; returns the new ids.
 *   WITH ins AS (INSERT INTO teacher (…) SELECT … FROM unnest(…) RETURNING …),
 *        asg AS (INSERT INTO teacher_assignment (…) SELECT … FROM ins)
 *   SELECT id, id_number_hash FROM ins
 */
export async function insertTeachersWithAssignments(
  db: Kysely<DB>,
  columns: readonly UnnestColumn[],
  assignment: { today: string; reason: string },
) {
  const names = columnList(columns);
  const r = await sql<{ id: number; id_number_hash: string }>`
    WITH ins AS (
      INSERT INTO teacher (${names}) SELECT ${names} FROM ${unnestSource('i', columns)}
      RETURNING id, id_number_hash, school_id, joined_school_on
    ),
    asg AS (
      INSERT INTO teacher_assignment (teacher_id, school_id, kind, valid_from, reason)
      SELECT id, school_id, 'full', coalesce(joined_school_on, ${assignment.today}::date), ${assignment.reason} FROM ins
    )
    SELECT id, id_number_hash FROM ins`.execute(db);
  return r.rows;
}

/** Updates changed teachers by id (reactivating them) from column arrays whose first column is `id`. */
export async function updateTeachers(db: Kysely<DB>, columns: readonly UnnestColumn[]): Promise<void> {
  const set = columns
    .filter((c) => c.name !== 'id')
    .map((c) => `${c.name} = u.${c.name}`)
    .join(', ');
  await sql`UPDATE teacher t SET ${sql.raw(set)}, is_active = true, updated_at = now() FROM ${unnestSource('u', columns)} WHERE t.id = u.id`.execute(
    db,
  );
}

/** Closes the open assignments of moved teachers at the move date (never before their start) and opens the new ones. */
export async function moveAssignments(
  db: Kysely<DB>,
  moves: { teacherId: number; schoolId: number; from: string }[],
  reason: string,
): Promise<void> {
  if (moves.length === 0) return;
  const columns: UnnestColumn[] = [
    { name: 'teacher_id', type: 'int', values: moves.map((m) => m.teacherId) },
    { name: 'school_id', type: 'int', values: moves.map((m) => m.schoolId) },
    { name: 'valid_from', type: 'date', values: moves.map((m) => m.from) },
  ];
  await sql`UPDATE teacher_assignment a SET valid_to = GREATEST(a.valid_from, m.valid_from) FROM ${unnestSource('m', columns)}
    WHERE a.teacher_id = m.teacher_id AND a.valid_to IS NULL`.execute(db);
  await sql`INSERT INTO teacher_assignment (${columnList(columns)}, kind, reason) SELECT ${columnList(columns)}, 'full', ${reason} FROM ${unnestSource('m', columns)}`.execute(
    db,
  );
}

/**
 * Adds recognitions not on file yet and moves changed end dates; returns the teachers whose
 * recognitions changed.
 */
export async function upsertRecognitions(db: Kysely<DB>, columns: readonly UnnestColumn[]): Promise<Set<number>> {
  if (columns[0]!.values.length === 0) return new Set();
  const names = columnList(columns);
  const r = await sql<{ teacher_id: number }>`
    INSERT INTO teacher_recognition AS r (${names}) SELECT ${names} FROM ${unnestSource('i', columns)}
    ON CONFLICT (teacher_id, level, issued_on) DO UPDATE SET valid_until = excluded.valid_until
    WHERE r.valid_until IS DISTINCT FROM excluded.valid_until
    RETURNING r.teacher_id`.execute(db);
  return new Set(r.rows.map((x) => x.teacher_id));
}
