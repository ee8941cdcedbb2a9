/**
 * Bulk upsert of teachers by ID number (its keyed hash is the natural key), keeping the assignment
 * history and adding backbone recognitions. Per batch: one look-up of the stored teachers, then one
 * statement for the new ones (with their first assignment), one for the changed ones, one pair for
 * moves between schools and one for recognitions. Unchanged teachers cost no write (and no encryption).
 */
import { backboneValidUntil, maskIdNumber, type TeacherImportRow } from '@zhiping/domain';
import type { TxContext } from '../../../platform/context.ts';
import type { WriteOptions, WriteSummary } from '../import-writers.ts';
import { requireSchoolIds } from './school-ids.ts';
import {
  findTeachersByHash,
  insertTeachersWithAssignments,
  moveAssignments,
  updateTeachers,
  upsertRecognitions,
} from './teacher-bulk.repository.ts';
import { WRITE_BATCH_SIZE, batchesOf, type UnnestColumn } from './unnest.ts';

type Stored = Awaited<ReturnType<typeof findTeachersByHash>>[number];

/** A row with its resolved school id. */
interface Prepared {
  row: TeacherImportRow;
  hash: string;
  schoolId: number;
}

/** True when the stored teacher already holds the row's values (and is active). */
function isUnchanged(s: Stored, p: Prepared): boolean {
  const r = p.row;
  return (
    s.is_active &&
    s.name === r.name &&
    s.gender === r.gender &&
    s.birth_date === r.birthDate &&
    s.school_id === p.schoolId &&
    s.post === r.post &&
    s.is_full_time === r.isFullTime &&
    s.teaching_stage === r.teachingStage &&
    s.subject === r.subject &&
    s.education === r.education &&
    s.title === r.title &&
    s.certificate === r.certificate &&
    s.staffing === r.staffing &&
    s.joined_school_on === r.joinedSchoolOn
  );
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
  const stored = new Map(
    (
      await findTeachersByHash(
        tx.db,
        batch.map((p) => p.hash),
      )
    ).map((s) => [s.id_number_hash, s]),
  );
  const fresh = batch.filter((p) => !stored.has(p.hash));
  const changed = batch.filter((p) => stored.has(p.hash) && !isUnchanged(stored.get(p.hash)!, p));
  const idOf = new Map([...stored.values()].map((s) => [s.id_number_hash, s.id]));

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
    for (const c of created) idOf.set(c.id_number_hash, c.id);
  }
  if (changed.length > 0) {
    await updateTeachers(tx.db, [
      { name: 'id', type: 'int', values: changed.map((p) => stored.get(p.hash)!.id) },
      ...teacherColumns(changed),
    ]);
    // A new 调入本校日期 dates a move between schools; an unchanged one belonged to the previous school.
    const moves = changed.flatMap((p) => {
      const s = stored.get(p.hash)!;
      if (s.school_id === p.schoolId) return [];
      const from = p.row.joinedSchoolOn && p.row.joinedSchoolOn !== s.joined_school_on ? p.row.joinedSchoolOn : today;
      return [{ teacherId: s.id, schoolId: p.schoolId, from }];
    });
    await moveAssignments(tx.db, moves, '批量导入：学校变更');
  }

  const backbone = batch.filter((p) => p.row.backboneLevel && p.row.backboneIssuedOn);
  const recognized = await upsertRecognitions(tx.db, [
    { name: 'teacher_id', type: 'int', values: backbone.map((p) => idOf.get(p.hash)!) },
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
  const changedIds = new Set(changed.map((p) => stored.get(p.hash)!.id));
  const recognitionOnly = batch.filter(
    (p) => stored.has(p.hash) && !changedIds.has(stored.get(p.hash)!.id) && recognized.has(stored.get(p.hash)!.id),
  ).length;
  return {
    inserted: fresh.length,
    updated: changed.length + recognitionOnly,
    unchanged: batch.length - fresh.length - changed.length - recognitionOnly,
  };
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
