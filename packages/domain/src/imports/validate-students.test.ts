import { describe, expect, it } from 'vitest';
import { validateStudentRow } from './validate-students.ts';

const GOOD = {
  schoolYear: 2025,
  schoolCode: '3500000001',
  grade: '一年级',
  classes: 4,
  students: 180,
  girls: 85,
  newEntrants: 180,
  graduates: 0,
  transfersIn: 2,
  transfersOut: 1,
  migrantChildren: 20,
  disabledStudents: 1,
};

describe('validateStudentRow', () => {
  it('turns a good row into a StudentStatImportRow with the internal grade code', () => {
    expect(validateStudentRow(GOOD)).toEqual({ ok: true, row: { ...GOOD, grade: 'P1' } });
  });

  it.each([
    ['初一', 'J1'],
    ['七年级', 'J1'],
    ['托班', 'K0'],
    ['中职三年级', 'V3'],
    ['S2', 'S2'],
  ])('reads the grade %s as %s', (grade, code) => {
    const r = validateStudentRow({ ...GOOD, grade });
    expect(r.ok && r.row.grade).toBe(code);
  });

  it.each([
    [{ grade: '十年级' }, '年级', '年级“十年级”不是有效年级'],
    [{ girls: 181 }, '女生数', '女生数不能大于在校生数'],
    [{ migrantChildren: 200 }, '随迁子女数', '随迁子女数不能大于在校生数'],
    [{ disabledStudents: 181 }, '残疾学生数', '残疾学生数不能大于在校生数'],
    [{ classes: 0 }, '班数', '有在校生时班数不能为 0'],
    [{ students: -3, girls: 0, migrantChildren: 0, disabledStudents: 0 }, '在校生数', '在校生数不能为负数'],
    [{ schoolYear: '2025-2027' }, '学年', '学年“2025-2027”无效，应为四位起始年份，如 2025（即 2025-2026 学年）'],
    [{ schoolCode: null }, '学校标识码', '学校标识码不能为空'],
  ])('reports %o at %s', (change, column, message) => {
    expect(validateStudentRow({ ...GOOD, ...change })).toEqual({ ok: false, errors: [{ column, message }] });
  });

  it('reports every problem of a row, not only the first', () => {
    const r = validateStudentRow({ ...GOOD, grade: '十年级', classes: '四', girls: 500 });
    expect(r.ok ? [] : r.errors.map((e) => e.column)).toEqual(['年级', '班数', '女生数']);
  });

  it('defaults the optional counts to 0', () => {
    const r = validateStudentRow({ schoolYear: '2025-2026', schoolCode: '3500000001', grade: '大班', classes: 2, students: 50, girls: 20 });
    expect(r).toEqual({
      ok: true,
      row: {
        schoolYear: 2025,
        schoolCode: '3500000001',
        grade: 'K3',
        classes: 2,
        students: 50,
        girls: 20,
        newEntrants: 0,
        graduates: 0,
        transfersIn: 0,
        transfersOut: 0,
        migrantChildren: 0,
        disabledStudents: 0,
      },
    });
  });
});
