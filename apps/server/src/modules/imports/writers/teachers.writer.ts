/**
 * Bulk upsert of teachers by ID number (its keyed hash is the natural key), keeping the assignment
 * history and adding backbone recognitions. Per batch: an index probe tells which ID hashes are
 * stored; one statement inserts the new teachers with their first assignment (only they are
 * encrypted); for stored ones one query compares in SQL and returns only those that differ, which are
 * updated (moves between schools close and open assignments); one statement writes recognitions.
 * Unchanged teachers cost no write and no transfer.
 */
import { backboneValidUntil, maskIdNumber, type TeacherImportRow } from '@zhiping/domain';
import type { TxContext } from '../../../platform/context.ts';
import type { WriteOptions, WriteSummary } from '../import-writers.ts';
import { requireSchoolIds } from './school-ids.ts';
import {
  findChangedTeachers,
  findStoredHashes,
  insertTeachersWithAssignments,
  moveAssignments,
  updateTeachers,
  upsertRecognitions,
} from './teacher-bulk.repository.ts';
import { WRITE_BATCH_SIZE, batchesOf, type UnnestColumn } from './unnest.ts';

/** A row with its ID hash and resolved school id. */
interface Prepared {
  row: TeacherImportRow;
  hash: string;
  schoolId: number;
}

/** The teacher columns of prepared rows, in TEACHER_IMPORT_COLUMNS order. */
function teacherColumns(items: readonly Prepared[]): UnnestColumn[] {
  const rows = items.map((p) => p.row);
  return [
    { name: 'name', type: 'text', values: rows.map((r) => r.name) },
    { name: 'gender', type: 'text', values: rows.map((r) => r.gender) },
    { name: 'birth_date', type: 'date', values: rows.map((r) => r.birthDate) },
    { name: 'school_id', type: 'int', values: items.map((p) => p.schoolId) },
    { name: 'post', type: 'text', values: rows.map((r) => r.post) },
    { name: 'is_full_time', type: 'bool', values: rows.map((r) => r.isFullTime) },
    { name: 'teaching_stage', type: 'text', values: rows.map((r) => r.teachingStage) },
    { name: 'subject', type: 'text', values: rows.map((r) => r.subject) },
    { name: 'education', type: 'text', values: rows.map((r) => r.education) },
    { name: 'title', type: 'text', values: rows.map((r) => r.title) },
    { name: 'certificate', type: 'text', values: rows.map((r) => r.certificate) },
    { name: 'staffing', type: 'text', values: rows.map((r) => r.staffing) },
    { name: 'joined_school_on', type: 'date', values: rows.map((r) => r.joinedSchoolOn) },
  ];
}

/** Writes one batch; returns its counts. */
async function writeBatch(tx: TxContext, batch: readonly Prepared[], today: string): Promise<WriteSummary> {
  const stored = await findStoredHashes(
    tx.db,
    batch.map((p) => p.hash),
  );
  const fresh = batch.filter((p) => !stored.has(p.hash));
  const existing = batch.filter((p) => stored.has(p.hash));
  const written = new Set<number>();
  if (fresh.length > 0) {
    const created = await insertTeachersWithAssignments(
      tx.db,
      [
        { name: 'id_number_hash', type: 'text', values: fresh.map((p) => p.hash) },
        { name: 'id_number_enc', type: 'text', values: fresh.map((p) => tx.crypto.encrypt(p.row.idNumber)) },
        { name: 'id_number_masked', type: 'text', values: fresh.map((p) => maskIdNumber(p.row.idNumber)) },
        ...teacherColumns(fresh),
      ],
      { today, reason: '批量导入' },
    );
    for (const c of created) written.add(c.id);
  }
  const changed =
    existing.length > 0
      ? await findChangedTeachers(tx.db, [
          { name: 'id_number_hash', type: 'text', values: existing.map((p) => p.hash) },
          ...teacherColumns(existing),
        ])
      : [];
  if (changed.length > 0) {
    const byHash = new Map(existing.map((p) => [p.hash, p]));
    const rows = changed.map((c) => byHash.get(c.hash)!);
    await updateTeachers(tx.db, [{ name: 'id', type: 'int', values: changed.map((c) => c.id) }, ...teacherColumns(rows)]);
    for (const c of changed) written.add(c.id);
    // A new 调入本校日期 dates a move between schools; an unchanged one belonged to the previous school.
    const moves = changed.flatMap((c, i) => {
      const p = rows[i]!;
      if (c.old_school_id === p.schoolId) return [];
      const from = p.row.joinedSchoolOn && p.row.joinedSchoolOn !== c.old_joined ? p.row.joinedSchoolOn : today;
      return [{ teacherId: c.id, schoolId: p.schoolId, from }];
    });
    await moveAssignments(tx.db, moves, '批量导入：学校变更');
  }
  const backbone = batch.filter((p) => p.row.backboneLevel !== null && p.row.backboneIssuedOn !== null);
  const recognized = await upsertRecognitions(tx.db, [
    { name: 'id_number_hash', type: 'text', values: backbone.map((p) => p.hash) },
    { name: 'level', type: 'text', values: backbone.map((p) => p.row.backboneLevel) },
    { name: 'issued_on', type: 'date', values: backbone.map((p) => p.row.backboneIssuedOn) },
    {
      name: 'valid_until',
      type: 'date',
      values: backbone.map((p) => backboneValidUntil(p.row.backboneIssuedOn!, p.row.backboneValidUntil)),
    },
    { name: 'subject', type: 'text', values: backbone.map((p) => p.row.subject) },
  ]);
  // A stored teacher whose only change is a new or moved recognition counts as updated.
  const recognitionOnly = [...recognized].filter((id) => !written.has(id)).length;
  const updated = changed.length + recognitionOnly;
  return { inserted: fresh.length, updated, unchanged: batch.length - fresh.length - updated };
}

/** Writes teacher rows; a new teacher gets a first assignment, a teacher whose school changed a new one. */
export async function writeTeachers(tx: TxContext, rows: readonly TeacherImportRow[], options: WriteOptions): Promise<WriteSummary> {
  const schoolIds = await requireSchoolIds(tx.db, rows);
  const today = tx.clock.today();
  const summary: WriteSummary = { inserted: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const batch of batchesOf(rows, WRITE_BATCH_SIZE)) {
    const prepared = batch.map((row) => ({ row, hash: tx.crypto.hash(row.idNumber), schoolId: schoolIds.get(row.schoolCode)! }));
    const counts = await writeBatch(tx, prepared, today);
    summary.inserted += counts.inserted;
    summary.updated += counts.updated;
    summary.unchanged += counts.unchanged;
    options.onProgress?.((done += batch.length));
  }
  return summary;
}
