/** SQL of evidence files (bytea) of evaluations and rectification items. */
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

const META = [
  'id',
  'evaluation_id',
  'rectification_id',
  'code',
  'file_name',
  'content_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'uploaded_by_name',
  'uploaded_at',
] as const;

/** Stores a file; returns its metadata. */
export function insertEvidence(db: Kysely<DB>, row: Insertable<DB['evaluation_evidence']>) {
  return db.insertInto('evaluation_evidence').values(row).returning(META).executeTakeFirstOrThrow();
}
export type EvidenceMeta = Awaited<ReturnType<typeof insertEvidence>>;

/** Files of an evaluation (optionally of one check point) or of a rectification item, oldest first. */
export function findEvidenceList(
  db: Kysely<DB>,
  target: { evaluationId: number; code?: string | undefined } | { rectificationId: number },
) {
  let q = db.selectFrom('evaluation_evidence').select(META);
  if ('evaluationId' in target) {
    q = q.where('evaluation_id', '=', target.evaluationId);
    if (target.code) q = q.where('code', '=', target.code);
  } else q = q.where('rectification_id', '=', target.rectificationId);
  return q.orderBy('uploaded_at').orderBy('id').execute();
}

/** One file with its content. */
export function findEvidenceFile(db: Kysely<DB>, id: number) {
  return db.selectFrom('evaluation_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes a file. */
export async function deleteEvidence(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('evaluation_evidence').where('id', '=', id).execute();
}

/** Stores many small files at once (demo data). */
export async function insertEvidenceRows(db: Kysely<DB>, rows: Insertable<DB['evaluation_evidence']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('evaluation_evidence')
      .values(rows.slice(i, i + 200))
      .execute();
}
