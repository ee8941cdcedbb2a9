/** Builds 教师 import files in the template's columns, as a school would fill them. */
import { buildIdNumber, computeIdCheckChar } from '@zhiping/domain';
import ExcelJS from 'exceljs';

/** The template headers of the 教师 sheet (the optional 骨干有效期至 column is left out, as users may). */
export const TEACHER_HEADERS = [
  '身份证号',
  '姓名',
  '性别',
  '出生日期',
  '学校标识码',
  '岗位类别',
  '是否专任教师',
  '任教学段',
  '任教学科',
  '最高学历',
  '专业技术职务',
  '教师资格证',
  '编制情况',
  '调入本校日期',
  '骨干教师级别',
  '骨干认定日期',
] as const;

export type TeacherRow = Record<(typeof TEACHER_HEADERS)[number], string>;

/** A valid ID number from region + birth date whose check character is X (the hardest case to mask). */
export function idNumberEndingInX(region: string, birthYmd: string): string {
  for (let seq = 100; seq < 1000; seq++) {
    const first17 = `${region}${birthYmd}${seq}`;
    if (computeIdCheckChar(first17) === 'X') return first17 + 'X';
  }
  return buildIdNumber(region, birthYmd, 123);
}

/** The same ID number with a wrong check character. */
export function withWrongChecksum(id: string): string {
  const last = id.at(-1);
  return id.slice(0, 17) + (last === '0' ? '1' : '0');
}

/** One 专任教师 row with sensible defaults; labels are the Chinese ones the template's lists offer. */
export function teacherRow(overrides: Partial<TeacherRow> & Pick<TeacherRow, '身份证号' | '姓名' | '学校标识码'>): TeacherRow {
  return {
    性别: '',
    出生日期: '',
    岗位类别: '专任教师',
    是否专任教师: '是',
    任教学段: '小学',
    任教学科: '数学',
    最高学历: '本科',
    专业技术职务: '一级教师',
    教师资格证: '小学',
    编制情况: '在编',
    调入本校日期: '2018-09-01',
    骨干教师级别: '',
    骨干认定日期: '',
    ...overrides,
  };
}

/** An xlsx with one 教师 sheet: the header row, then the rows (all cells as text). */
export async function buildTeacherXlsx(rows: readonly TeacherRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('教师');
  sheet.addRow([...TEACHER_HEADERS]);
  for (const row of rows) sheet.addRow(TEACHER_HEADERS.map((h) => row[h]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
