/** Bulk upserts of the yearly per-grade statistics (key: school, 学年, 年级) and conditions (key: school, 学年). */
import type { ConditionImportRow, StudentStatImportRow } from '@zhiping/domain';
import type { TxContext } from '../../../platform/context.ts';
import type { WriteOptions, WriteSummary } from '../import-writers.ts';
import { requireSchoolIds } from './school-ids.ts';
import { WRITE_BATCH_SIZE, batchesOf } from './unnest.ts';
import { addCounts, upsertByKey } from './upsert.ts';

/** Writes 学年学生 rows. */
export async function writeStudentStats(
  tx: TxContext,
  rows: readonly StudentStatImportRow[],
  options: WriteOptions,
): Promise<WriteSummary> {
  const schoolIds = await requireSchoolIds(tx.db, rows);
  const summary: WriteSummary = { inserted: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const b of batchesOf(rows, WRITE_BATCH_SIZE)) {
    const counts = await upsertByKey(tx.db, {
      table: 'school_year_stat',
      keyColumns: ['school_id', 'school_year', 'grade'],
      columns: [
        { name: 'school_id', type: 'int', values: b.map((r) => schoolIds.get(r.schoolCode)!) },
        { name: 'school_year', type: 'int', values: b.map((r) => r.schoolYear) },
        { name: 'grade', type: 'text', values: b.map((r) => r.grade) },
        { name: 'classes', type: 'int', values: b.map((r) => r.classes) },
        { name: 'students', type: 'int', values: b.map((r) => r.students) },
        { name: 'girls', type: 'int', values: b.map((r) => r.girls) },
        { name: 'new_entrants', type: 'int', values: b.map((r) => r.newEntrants) },
        { name: 'graduates', type: 'int', values: b.map((r) => r.graduates) },
        { name: 'transfers_in', type: 'int', values: b.map((r) => r.transfersIn) },
        { name: 'transfers_out', type: 'int', values: b.map((r) => r.transfersOut) },
        { name: 'migrant_children', type: 'int', values: b.map((r) => r.migrantChildren) },
        { name: 'disabled_students', type: 'int', values: b.map((r) => r.disabledStudents) },
      ],
    });
    addCounts(summary, counts);
    options.onProgress?.((done += b.length));
  }
  return summary;
}

/** Writes 办学条件 rows. */
export async function writeConditions(tx: TxContext, rows: readonly ConditionImportRow[], options: WriteOptions): Promise<WriteSummary> {
  const schoolIds = await requireSchoolIds(tx.db, rows);
  const summary: WriteSummary = { inserted: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const b of batchesOf(rows, WRITE_BATCH_SIZE)) {
    const counts = await upsertByKey(tx.db, {
      table: 'school_condition',
      keyColumns: ['school_id', 'school_year'],
      columns: [
        { name: 'school_id', type: 'int', values: b.map((r) => schoolIds.get(r.schoolCode)!) },
        { name: 'school_year', type: 'int', values: b.map((r) => r.schoolYear) },
        { name: 'teaching_area', type: 'numeric', values: b.map((r) => r.teachingArea) },
        { name: 'gym_area', type: 'numeric', values: b.map((r) => r.gymArea) },
        { name: 'sports_ground_area', type: 'numeric', values: b.map((r) => r.sportsGroundArea) },
        { name: 'equipment_value', type: 'numeric', values: b.map((r) => r.equipmentValue) },
        { name: 'multimedia_rooms', type: 'int', values: b.map((r) => r.multimediaRooms) },
        { name: 'music_rooms', type: 'int', values: b.map((r) => r.musicRooms) },
        { name: 'art_rooms', type: 'int', values: b.map((r) => r.artRooms) },
        { name: 'books', type: 'int', values: b.map((r) => r.books) },
        { name: 'building_area', type: 'numeric', values: b.map((r) => r.buildingArea) },
        { name: 'land_area', type: 'numeric', values: b.map((r) => r.landArea) },
      ],
    });
    addCounts(summary, counts);
    options.onProgress?.((done += b.length));
  }
  return summary;
}
