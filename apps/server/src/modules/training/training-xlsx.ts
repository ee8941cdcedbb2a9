/** Workbooks of continuing education: the compliance list export and the completion-list import template. */
import type { RuleCycleRef, TeacherStanding } from '@zhiping/contracts';
import { COMPLETION_COLUMNS, COMPLETION_SHEET, TRAINING_CATEGORY_LABELS, TRAINING_LEVEL_LABELS } from '@zhiping/domain';
import ExcelJS from 'exceljs';

function header(sheet: ExcelJS.Worksheet, values: string[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

/** The compliance list as a workbook (ID numbers masked, as on screen). */
export async function buildComplianceXlsx(ref: RuleCycleRef, items: readonly TeacherStanding[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('学时达标');
  sheet.addRow([`继续教育学时达标情况（${ref.ruleName}，${ref.documentNumber}，周期 ${ref.cycle.label}，统计日 ${ref.asOf}）`]).font = {
    bold: true,
    size: 13,
  };
  const quotaLabels = [...new Set(items.flatMap((i) => i.quotas.map((q) => q.label)))];
  header(sheet, [
    '学校',
    '姓名',
    '身份证号',
    '任教学科',
    '应修学时',
    '已修学时',
    '尚需学时',
    '国家级',
    '市级',
    '区级',
    '校本',
    ...quotaLabels.map((l) => `${l}（已修/应修）`),
    '状态',
    '距周期结束（天）',
    '本年研修研讨（次/应）',
  ]);
  for (const s of items) {
    sheet.addRow([
      s.schoolName ?? '',
      s.teacherName,
      s.idNumberMasked,
      s.subject ?? '',
      s.required,
      s.earned,
      s.needed,
      s.hoursByLevel.national,
      s.hoursByLevel.city,
      s.hoursByLevel.district,
      s.hoursByLevel.school,
      ...quotaLabels.map((l) => {
        const q = s.quotas.find((x) => x.label === l);
        return q ? `${q.earned}/${q.required}` : '';
      }),
      s.statusLabel,
      s.daysLeft,
      `${s.seminarsThisYear}/${s.seminarsRequired}`,
    ]);
  }
  sheet.columns.forEach((c, i) => (c.width = i < 2 ? 20 : 12));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The completion-list template with a sample row and filling notes. */
export async function buildCompletionTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(COMPLETION_SHEET);
  header(
    sheet,
    COMPLETION_COLUMNS.map((c) => c.header),
  );
  sheet.columns.forEach((c, i) => (c.width = [22, 10, 30, 20, 10, 16, 14, 8, 12, 18][i] ?? 14));
  const help = book.addWorksheet('填表说明');
  help.addRow(['列名', '是否必填', '说明']).font = { bold: true };
  for (const c of COMPLETION_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  help.addRow([]);
  help.addRow(['培训级别', '', Object.values(TRAINING_LEVEL_LABELS).join('、')]);
  help.addRow(['培训类别', '', Object.values(TRAINING_CATEGORY_LABELS).join('、')]);
  help.addRow(['说明', '', '按身份证号匹配教师档案，姓名须一致；任何一行有误则整份文件不导入，请按错误提示修改后重新上传。']);
  help.columns.forEach((c, i) => (c.width = [16, 10, 80][i] ?? 12));
  return Buffer.from(await book.xlsx.writeBuffer());
}
