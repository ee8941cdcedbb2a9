/** Validates one row of the 学年学生 template (one school, one year, one grade). */
import { RowReader, type RawRow, type RowResult } from './row-reader.ts';
import type { StudentStatImportRow } from './rows.ts';
import { IMPORT_TEMPLATES } from './templates.ts';

/** Turns the cells of a 学年学生 row into a StudentStatImportRow or its problems. */
export function validateStudentRow(raw: RawRow): RowResult<StudentStatImportRow> {
  const r = new RowReader(IMPORT_TEMPLATES.students, raw);
  const schoolYear = r.schoolYear('schoolYear');
  const schoolCode = r.text('schoolCode');
  const grade = r.code('grade');
  const classes = r.integer('classes');
  const students = r.integer('students');
  const girls = r.integer('girls');
  const optional = {
    newEntrants: r.integer('newEntrants') ?? 0,
    graduates: r.integer('graduates') ?? 0,
    transfersIn: r.integer('transfersIn') ?? 0,
    transfersOut: r.integer('transfersOut') ?? 0,
    migrantChildren: r.integer('migrantChildren') ?? 0,
    disabledStudents: r.integer('disabledStudents') ?? 0,
  };

  if (students !== null) {
    if (girls !== null && girls > students) r.fail('girls', '女生数不能大于在校生数');
    if (optional.migrantChildren > students) r.fail('migrantChildren', '随迁子女数不能大于在校生数');
    if (optional.disabledStudents > students) r.fail('disabledStudents', '残疾学生数不能大于在校生数');
    if (classes === 0 && students > 0) r.fail('classes', '有在校生时班数不能为 0');
    if (classes !== null && classes > students && students > 0) r.fail('classes', '班数不能大于在校生数');
  }
  // Required fields are non-null whenever no problem was recorded.
  return r.result(() => ({
    schoolYear: schoolYear!,
    schoolCode: schoolCode!,
    grade: grade!,
    classes: classes!,
    students: students!,
    girls: girls!,
    ...optional,
  }));
}
