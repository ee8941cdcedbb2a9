/** SQL of teachers' outside trainings (校外培训申报) and their evidence files. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { TeacherReach } from './training.policy.ts';
import { teacherInReach } from './training.repository.ts';

/** Filters of the submission list. */
export interface OutsideFilter {
  status?: string | undefined;
  schoolId?: number | undefined;
  teacherId?: number | undefined;
  ids?: number[];
}

function base(db: Kysely<DB>, reach: TeacherReach, f: OutsideFilter) {
  let q = db
    .selectFrom('training_outside as o')
    .innerJoin('teacher as t', 't.id', 'o.teacher_id')
    .leftJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 't.school_id').on('v.valid_to', 'is', null))
    .where(teacherInReach(reach, 't.id', 't.school_id'));
  if (f.status) q = q.where('o.status', '=', f.status as 'pending');
  if (f.schoolId) q = q.where('t.school_id', '=', f.schoolId);
  if (f.teacherId) q = q.where('o.teacher_id', '=', f.teacherId);
  if (f.ids) q = q.where('o.id', 'in', f.ids.length ? f.ids : [0]);
  return q;
}

/** A page of submissions within reach: pending first, then newest. */
export async function findOutsidePage(db: Kysely<DB>, reach: TeacherReach, f: OutsideFilter, page: { offset: number; limit: number }) {
  const [{ total }] = (await base(db, reach, f)
    .select(sql<number>`count(*)::int`.as('total'))
    .execute()) as [{ total: number }];
  const rows = await base(db, reach, f)
    .selectAll('o')
    .select(['t.name as teacher_name', 't.school_id', 'v.name as school_name'])
    .orderBy(sql`case o.status when 'pending' then 0 else 1 end`)
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { total, rows };
}
export type OutsideRow = Awaited<ReturnType<typeof findOutsidePage>>['rows'][number];

/** Inserts a submission; returns its id. */
export async function insertOutside(db: Kysely<DB>, row: Insertable<DB['training_outside']>): Promise<number> {
  const r = await db.insertInto('training_outside').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Records the review of a pending submission; false when it was no longer pending (a concurrent review). */
export async function reviewOutside(
  db: Kysely<DB>,
  id: number,
  set: { status: 'approved' | 'rejected'; review_note: string; reviewed_by_name: string; credit_id: number | null },
): Promise<boolean> {
  const r = await db
    .updateTable('training_outside')
    .set({ ...set, reviewed_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Evidence metadata of submissions. */
export async function findEvidenceMeta(db: Kysely<DB>, outsideIds: readonly number[]) {
  if (outsideIds.length === 0) return [];
  return db
    .selectFrom('training_evidence')
    .where('outside_id', 'in', [...outsideIds])
    .select(['id', 'outside_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
    .orderBy('id')
    .execute();
}
export type EvidenceMetaRow = Awaited<ReturnType<typeof findEvidenceMeta>>[number];

/** Stores a file; returns its metadata. */
export async function insertEvidence(db: Kysely<DB>, row: Insertable<DB['training_evidence']>): Promise<EvidenceMetaRow> {
  return db
    .insertInto('training_evidence')
    .values(row)
    .returning(['id', 'outside_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'uploaded_by_name', 'uploaded_at'])
    .executeTakeFirstOrThrow();
}

/** One file with content. */
export async function findEvidenceFile(db: Kysely<DB>, outsideId: number, fileId: number) {
  return db
    .selectFrom('training_evidence')
    .where('id', '=', fileId)
    .where('outside_id', '=', outsideId)
    .select(['file_name', 'content_type', 'content'])
    .executeTakeFirst();
}
