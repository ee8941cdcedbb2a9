/** Workbooks of growth lists: a round's applications (or its published list) and a year's test results. */
import type { ApplicationRow, StudioSummary, TeamSummary, TestScoreRow } from '@zhiping/contracts';
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

/** Studios with host, members, term, this year's activity and output counts and the latest review. */
export async function buildStudiosXlsx(rows: readonly StudioSummary[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '智评';
  const sheet = sheetWithHeader(book, '名师工作室', '名师工作室', [
    '工作室',
    '类型',
    '学科',
    '主持人',
    '主持人学校',
    '成员数',
    '任期开始',
    '任期结束',
    '本年活动',
    '本年成果',
    '最近考核',
  ]);
  for (const s of rows)
    sheet.addRow([
      s.name,
      s.kindLabel,
      s.subject,
      s.host.name,
      s.schoolName,
      s.members,
      s.termStart,
      s.termEnd,
      s.activitiesThisYear,
      s.outputsThisYear,
      s.latestReview ? `${s.latestReview.year} ${s.latestReview.ratingLabel}` : '',
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Expert teams with their paired school, reason and visits. */
export async function buildTeamsXlsx(rows: readonly TeamSummary[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '智评';
  const sheet = sheetWithHeader(book, '专家团队', '专家团队结对帮扶', [
    '团队',
    '负责人',
    '负责人学校',
    '专家数',
    '结对学校',
    '城乡分类',
    '结对原因',
    '开始日期',
    '结束日期',
    '帮扶次数',
    '最近帮扶',
  ]);
  for (const t of rows)
    sheet.addRow([
      t.name,
      t.lead.name,
      t.lead.schoolName,
      t.members,
      t.pairedSchool.name,
      t.pairedSchool.urbanRuralLabel,
      t.pairingReasonLabel,
      t.startedOn,
      t.endedOn ?? '',
      t.visits,
      t.lastVisitOn,
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
