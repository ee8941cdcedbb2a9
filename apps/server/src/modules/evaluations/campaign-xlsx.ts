/**
 * A campaign's results as a workbook: 汇总 (distribution, totals), 学校结果 (rank, school, total, band,
 * verdict, every area, vetoes), 薄弱要点 (weakest check points) and 与上一轮对比 when there is one.
 */
import type { CampaignStatistics } from '@zhiping/contracts';
import type { EvaluationResult } from '@zhiping/domain';
import ExcelJS from 'exceljs';

/** One school's published result for the export. */
export interface ExportRow {
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  result: EvaluationResult;
}

function header(sheet: ExcelJS.Worksheet, values: (string | number)[]): void {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

/** The workbook as a buffer. */
export async function buildCampaignXlsx(title: string, stats: CampaignStatistics, rows: ExportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet('汇总');
  summary.addRow([title]).font = { bold: true, size: 14 };
  summary.addRow([`${stats.template.name}（第 ${stats.template.version} 版，满分 ${stats.template.scale}）`]);
  summary.addRow(['参评学校', stats.schools]);
  summary.addRow(['已发布结果', stats.published]);
  summary.addRow(['平均分', stats.totals.mean ?? '—']);
  summary.addRow(['最高分', stats.totals.max ?? '—']);
  summary.addRow(['最低分', stats.totals.min ?? '—']);
  summary.addRow(['一票否决', stats.distribution.vetoed]);
  summary.addRow([]);
  header(summary, ['等次', '学校数', '占比（%）']);
  for (const b of stats.distribution.bands) summary.addRow([b.label, b.count, b.percent]);
  summary.getColumn(1).width = 24;

  const bySchool = new Map(rows.map((r) => [r.schoolId, r] as const));
  const areas = rows[0]?.result.areas ?? [];
  const results = book.addWorksheet('学校结果');
  header(results, [
    '名次',
    '学校标识码',
    '学校',
    '总分',
    '等次',
    '结论',
    ...areas.map((a) => `${a.title}（${a.maxPoints}）`),
    '一票否决项',
  ]);
  for (const r of stats.ranking) {
    const row = bySchool.get(r.schoolId);
    if (!row) continue;
    results.addRow([
      r.rank,
      row.schoolCode,
      row.schoolName,
      r.total,
      r.band ?? '',
      row.result.verdictLabel,
      ...areas.map((a) => row.result.areas.find((x) => x.code === a.code)?.points ?? null),
      row.result.vetoesHit.map((v) => v.title).join('；'),
    ]);
  }
  results.getColumn(3).width = 30;

  const weak = book.addWorksheet('薄弱要点');
  header(weak, ['要点', '内容', '满分', '平均得分率（%）', '评分学校数']);
  for (const w of stats.weakest) weak.addRow([w.code, w.title, w.maxPoints, w.meanPercent, w.schoolsScored]);
  weak.getColumn(2).width = 60;

  if (stats.comparison) {
    const c = stats.comparison;
    const cmp = book.addWorksheet('与上一轮对比');
    cmp.addRow([`上一轮：${c.previousCampaign.name}（第 ${c.previousCampaign.version} 版${c.isMapped ? '，已按版本映射折算' : ''}）`]);
    cmp.addRow(['可比学校', c.compared, '本轮均分', c.meanCurrent ?? '—', '上轮均分', c.meanPrevious ?? '—', '变化', c.meanChange ?? '—']);
    header(cmp, ['学校', '本轮总分', '上轮总分', '变化']);
    for (const s of c.schools) cmp.addRow([s.schoolName, s.current, s.previous ?? '—', s.change ?? '—']);
    cmp.getColumn(1).width = 30;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
