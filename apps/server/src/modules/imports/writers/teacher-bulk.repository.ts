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

/** The stored teachers of a batch, found through the hash index (a join could scan the whole table). */
function storedTeachers(hashes: readonly unknown[]) {
  return sql`(SELECT * FROM teacher WHERE id_number_hash = ANY(${hashes}::text[]))`;
}

/** Which of the ID hashes belong to stored teachers (an index probe each; only hashes travel). */
export async function findStoredHashes(db: Kysely<DB>, hashes: readonly string[]): Promise<Set<string>> {
  const r = await sql<{ h: string }>`SELECT id_number_hash AS h FROM ${storedTeachers(hashes)} t`.execute(db);
  return new Set(r.rows.map((x) => x.h));
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

/** A stored teacher whose values differ from the imported row, with the school and 调入本校日期 it had. */
export interface ChangedTeacher {
  id: number;
  hash: string;
  old_school_id: number | null;
  old_joined: string | null;
}

/**
 * Compares rows of stored teachers with the stored values in SQL and returns only those that differ
 * (or whose teacher is inactive); unchanged rows cost no transfer:
 *
 *   SELECT t.id, i.id_number_hash, t.school_id, t.joined_school_on
 *   FROM unnest(…) AS i(…) JOIN (SELECT * FROM teacher WHERE id_number_hash = ANY($1)) t USING (id_number_hash)
 *   WHERE NOT t.is_active OR (t.name, …) IS DISTINCT FROM (i.name, …)
 */
export async function findChangedTeachers(db: Kysely<DB>, columns: readonly UnnestColumn[]): Promise<ChangedTeacher[]> {
  const hashes = columns.find((c) => c.name === 'id_number_hash')!.values;
  const compared = TEACHER_IMPORT_COLUMNS;
  const r = await sql<ChangedTeacher>`
    SELECT t.id, i.id_number_hash AS hash, t.school_id AS old_school_id, t.joined_school_on AS old_joined
    FROM ${unnestSource('i', columns)} JOIN ${storedTeachers(hashes)} t USING (id_number_hash)
    WHERE NOT t.is_active
      OR (${sql.raw(compared.map((c) => `t.${c}`).join(', '))}) IS DISTINCT FROM (${sql.raw(compared.map((c) => `i.${c}`).join(', '))})`.execute(
    db,
  );
  return r.rows;
}

/** Updates teachers by id (reactivating them) from column arrays whose first column is `id`. */
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
 * Adds recognitions not on file yet and moves changed end dates (rows keyed by ID hash); returns the
 * teachers whose recognitions changed.
 */
export async function upsertRecognitions(db: Kysely<DB>, columns: readonly UnnestColumn[]): Promise<Set<number>> {
  const hashes = columns.find((c) => c.name === 'id_number_hash')!.values;
  if (hashes.length === 0) return new Set();
  const r = await sql<{ teacher_id: number }>`
    INSERT INTO teacher_recognition AS r (teacher_id, level, issued_on, valid_until, subject)
    SELECT t.id, i.level, i.issued_on, i.valid_until, i.subject FROM ${unnestSource('i', columns)} JOIN ${storedTeachers(hashes)} t USING (id_number_hash)
    ON CONFLICT (teacher_id, level, issued_on) DO UPDATE SET valid_until = excluded.valid_until
    WHERE r.valid_until IS DISTINCT FROM excluded.valid_until
    RETURNING r.teacher_id`.execute(db);
  return new Set(r.rows.map((x) => x.teacher_id));
}
