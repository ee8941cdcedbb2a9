/** Validates one row of the 办学条件 template (one school, one year). */
import { RowReader, type RawRow, type RowResult } from './row-reader.ts';
import type { ConditionImportRow } from './rows.ts';
import { IMPORT_TEMPLATES } from './templates.ts';

/** Turns the cells of a 办学条件 row into a ConditionImportRow or its problems. */
export function validateConditionRow(raw: RawRow): RowResult<ConditionImportRow> {
  const r = new RowReader(IMPORT_TEMPLATES.conditions, raw);
  const row = {
    schoolYear: r.schoolYear('schoolYear'),
    schoolCode: r.text('schoolCode'),
    teachingArea: r.decimal('teachingArea'),
    gymArea: r.decimal('gymArea'),
    sportsGroundArea: r.decimal('sportsGroundArea'),
    equipmentValue: r.decimal('equipmentValue'),
    multimediaRooms: r.integer('multimediaRooms'),
    musicRooms: r.integer('musicRooms'),
    artRooms: r.integer('artRooms'),
    books: r.integer('books'),
    buildingArea: r.decimal('buildingArea'),
    landArea: r.decimal('landArea'),
  };
  if (row.buildingArea !== null && row.teachingArea !== null && row.teachingArea > row.buildingArea) {
    r.fail('teachingArea', '教学及辅助用房面积不能大于校舍建筑面积');
  }
  // Every column but the two areas is required, so they are non-null whenever no problem was recorded.
  return r.result(() => row as ConditionImportRow);
}
