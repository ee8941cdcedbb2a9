/**
 * Indexes for the reads of a cold indicator computation at province scale (docs/indicators.md):
 * - the same-person check of the data-quality rules groups the active teachers by (birth date, name,
 *   gender): in that order an index-only scan replaces a sort of every teacher;
 * - the school rule "full-time teachers present" counts the active 专任教师 per school: a partial index
 *   on school_id is counted without reading the teacher rows.
 * Both are partial (active teachers only), so they stay small. Index-only scans need the visibility map
 * that autovacuum keeps on PostgreSQL; embedded PGlite (no autovacuum, district-sized data) keeps its
 * plans. Frozen: never edit after release.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX teacher_same_person ON teacher (birth_date, name, gender) WHERE is_active`.execute(db);
  await sql`CREATE INDEX teacher_full_time_school ON teacher (school_id) WHERE is_active AND post = 'teacher' AND is_full_time`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS teacher_full_time_school`.execute(db);
  await sql`DROP INDEX IF EXISTS teacher_same_person`.execute(db);
}
