/** Workbooks of growth lists: a round's applications (or its published list) and a year's test results. */
import type { ApplicationRow, TestScoreRow } from '@zhiping/contracts';
import { TEST_AREAS } from '@zhiping/domain';
import ExcelJS from 'exceljs';

function sheetWithHeader(book: ExcelJS.Workbook, name: string, title: string, header: string[]): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const row = sheet.addRow(header);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  sheet.columns = header.map((h) => ({ width: Math.max(10, h.length * 2 + 4) }));
  return sheet;
}

/** The applications of a round; scores only when the caller may see them (the rows carry null otherwise). */
export async function buildApplicationsXlsx(title: string, rows: readonly ApplicationRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '智评';
  const sheet = sheetWithHeader(book, '申报与入选', title, [
    '学校',
    '教师',
    '学科',
    '课题/申报名称',
    '申报方式',
    '评分数',
    '综合得分',
    '名次',
    '入选',
    '说明',
  ]);
  for (const r of rows)
    sheet.addRow([
      r.teacher.schoolName,
      r.teacher.name,
      r.subject,
      r.title,
      r.source === 'self' ? '本人申报' : '学校推荐',
      r.scoreCount,
      r.finalScore,
      r.rank,
      r.isSelected ? '是' : '否',
      [r.blockedReason, r.adjustmentReason ? `人工${r.adjustment === 'include' ? '调入' : '调出'}：${r.adjustmentReason}` : null]
        .filter(Boolean)
        .join('；'),
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A year's test results with the change against the previous test. */
export async function buildTestScoresXlsx(title: string, rows: readonly TestScoreRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '智评';
  const areas = TEST_AREAS.map((a) => a.key);
  const sheet = sheetWithHeader(book, '考核成绩', title, ['学校', '教师', '考核学科', '总分', ...areas, '上次总分', '变化']);
  for (const r of rows)
    sheet.addRow([r.teacher.schoolName, r.teacher.name, r.subject, r.total, ...areas.map((a) => r.parts[a] ?? null), r.previous, r.change]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
