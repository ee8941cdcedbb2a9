/** SQL of import jobs and of the look-ups imports make (school codes, region codes, teachers by ID hash). */
import type { ImportKind, ImportRowError } from '@zhiping/contracts';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { WriteSummary } from './import-writers.ts';

export type ImportJobRow = Selectable<DB['import_job']>;

/** Creates a job in status 'parsing'. */
export async function insertImportJob(
  db: Kysely<DB>,
  job: { id: string; kind: ImportKind; fileName: string; createdBy: number | null; schoolScope: number[] | null },
): Promise<void> {
  await db
    .insertInto('import_job')
    .values({
      id: job.id,
      kind: job.kind,
      file_name: job.fileName,
      status: 'parsing',
      total_rows: 0,
      processed_rows: 0,
      error_count: 0,
      created_by: job.createdBy,
      school_scope: job.schoolScope,
      errors: '[]',
      summary: null,
      message: null,
      finished_at: null,
    })
    .execute();
}

/** One job by id. */
export function findImportJob(db: Kysely<DB>, id: string) {
  return db.selectFrom('import_job').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of jobs, newest first; only `createdBy`'s when given. */
export async function findImportJobPage(
  db: Kysely<DB>,
  filter: { createdBy: number | null | 'all' },
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('import_job');
  if (filter.createdBy !== 'all')
    q = filter.createdBy === null ? q.where('created_by', 'is', null) : q.where('created_by', '=', filter.createdBy);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('created_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Records how many rows have been read so far. */
export async function updateImportProgress(db: Kysely<DB>, id: string, processedRows: number, totalRows?: number): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ processed_rows: processedRows, ...(totalRows !== undefined ? { total_rows: totalRows } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Ends the dry run: 'validated' without errors, 'invalid' with them (the first ones stored). */
export async function finishValidation(
  db: Kysely<DB>,
  id: string,
  r: { totalRows: number; errorCount: number; firstErrors: ImportRowError[]; now: Date },
): Promise<void> {
  await db
    .updateTable('import_job')
    .set({
      status: r.errorCount > 0 ? 'invalid' : 'validated',
      total_rows: r.totalRows,
      processed_rows: r.totalRows,
      error_count: r.errorCount,
      errors: JSON.stringify(r.firstErrors),
      message: r.errorCount > 0 ? `发现 ${r.errorCount} 处错误，请修改后重新上传` : `校验通过，共 ${r.totalRows} 行，可以提交`,
      finished_at: r.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Moves a validated job to 'committing'; false when it was not 'validated' (e.g. a second click). */
export async function markCommitting(db: Kysely<DB>, id: string): Promise<boolean> {
  const r = await db
    .updateTable('import_job')
    .set({ status: 'committing', processed_rows: 0, finished_at: null, message: null })
    .where('id', '=', id)
    .where('status', '=', 'validated')
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** Marks a job committed with its counts (inside the commit's transaction). */
export async function finishCommit(db: Kysely<DB>, id: string, summary: WriteSummary, now: Date): Promise<void> {
  await db
    .updateTable('import_job')
    .set({
      status: 'committed',
      summary: JSON.stringify(summary),
      processed_rows: sql<number>`total_rows`,
      message: `已提交：新增 ${summary.inserted}，更新 ${summary.updated}，未变 ${summary.unchanged}`,
      finished_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Marks a job failed with a message for the user. */
export async function failImportJob(db: Kysely<DB>, id: string, message: string, now: Date): Promise<void> {
  await db.updateTable('import_job').set({ status: 'failed', message, finished_at: now }).where('id', '=', id).execute();
}

/** Ids of schools by 学校标识码 (unknown codes are absent from the map). */
export async function findSchoolIdsByCode(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('school')
    .select(['id', 'code'])
    .where('code', '=', sql<string>`any(${[...codes]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** The region codes of the list that exist. */
export async function findKnownRegionCodes(db: Kysely<DB>, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('region')
    .select('code')
    .distinct()
    .where('code', '=', sql<string>`any(${[...codes]}::text[])`)
    .execute();
  return new Set(rows.map((r) => r.code));
}

/** The current school of teachers by ID-number hash (teachers not on file are absent). */
export async function findTeacherSchoolsByHash(db: Kysely<DB>, hashes: readonly string[]): Promise<Map<string, number | null>> {
  if (hashes.length === 0) return new Map();
  const rows = await db
    .selectFrom('teacher')
    .select(['id_number_hash', 'school_id'])
    .where('id_number_hash', '=', sql<string>`any(${[...hashes]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.id_number_hash, r.school_id]));
}

/** The district org unit's id and code. */
export function findDistrict(db: Kysely<DB>) {
  return db.selectFrom('org_unit').select(['id', 'code']).where('kind', '=', 'district').orderBy('id').executeTakeFirst();
}
