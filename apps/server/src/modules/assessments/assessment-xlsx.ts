/**
 * The assessment as xlsx tables in the layout of the standard: a summary sheet; for 优质均衡 one
 * 资源配置 sheet per stage (schools × the 7 indicators with the standard row on top, each school's
 * verdict, then the 差异系数 rows against their limits); then one sheet per part listing its items
 * (序号, 项目, 标准, 结果, 判定依据, 说明, 佐证).
 */
import type { Assessment, IndicatorValue } from '@zhiping/contracts';
import ExcelJS from 'exceljs';

const STATUS: Record<string, string> = {
  met: '达标',
  not_met: '未达标',
  no_data: '无法判定',
  no_threshold: '无标准',
  pass: '合格',
  fail: '不合格',
  incomplete: '待补充',
};
const BASIS: Record<string, string> = { computed: '数据计算', manual: '人工判定', none: '未判定' };
const STAGE: Record<string, string> = { primary: '小学', junior: '初中', preschool: '学前' };
const bold = { bold: true } as const;

function header(sheet: ExcelJS.Worksheet, values: (string | number | null)[]): void {
  const row = sheet.addRow(values);
  row.font = bold;
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    c.border = { bottom: { style: 'thin' } };
  });
}

const shown = (v: IndicatorValue | undefined) => ((v?.value ?? null) === null ? (v?.reason ?? '—') : v!.value);

function summarySheet(book: ExcelJS.Workbook, a: Assessment): void {
  const s = book.addWorksheet('总表');
  s.addRow([a.title]).font = { bold: true, size: 14 };
  s.addRow([`${a.year}学年（统计时点 ${a.asOf}）`]);
  s.addRow(['总体结论', STATUS[a.verdict]]);
  s.addRow(['说明', a.summary]);
  s.addRow([]);
  header(s, ['评估部分', '结论', '达标项数', '总项数']);
  for (const p of a.parts) s.addRow([p.label, STATUS[p.status], p.met, p.total]);
  s.addRow([]);
  header(s, ['未达标条目', '项目', '原因']);
  for (const f of a.failing) s.addRow([f.itemNo, f.name, [f.reason, ...f.details].join('\n')]);
  s.getColumn(1).width = 16;
  s.getColumn(2).width = 40;
  s.getColumn(3).width = 80;
}

function resourceSheet(book: ExcelJS.Workbook, stage: Assessment['stages'][number]): void {
  const s = book.addWorksheet(`资源配置（${STAGE[stage.stage] ?? stage.stage}）`);
  const names = stage.cvs.map((v) => v.name.replace(/校际差异系数$/, ''));
  header(s, ['学校标识码', '学校', ...names, '达标项数', '学校结论', '说明']);
  const first = stage.schools[0]?.indicators ?? [];
  s.addRow([
    '',
    '国家（本地）标准',
    ...first.map((v) => (v.threshold ? `${v.threshold.comparator === '>=' ? '≥' : '≤'}${v.threshold.value}` : '—')),
    '',
    '',
    '至少6项达标，余项不低于标准85%',
  ]);
  for (const x of stage.schools) {
    s.addRow([
      x.schoolCode,
      x.schoolName,
      ...x.indicators.map((v) => shown(v)),
      x.verdict.metCount,
      STATUS[x.verdict.status],
      x.verdict.reason,
    ]);
  }
  for (const e of stage.excluded) s.addRow(['', e.schoolName, ...names.map(() => null), null, '不参评', e.reason]);
  s.addRow([]);
  s.addRow(['', '差异系数', ...stage.cvs.map((v) => shown(v))]).font = bold;
  s.addRow(['', '差异系数标准', ...stage.cvs.map((v) => (v.threshold ? `≤${v.threshold.value}` : '—'))]);
  s.addRow(['', '差异系数结论', ...stage.cvs.map((v) => STATUS[v.status])]);
  s.addRow(['', '达标学校占比', shown(stage.passingShare), STATUS[stage.passingShare.status]]);
  s.getColumn(2).width = 24;
  s.getColumn(names.length + 5).width = 60;
  for (let i = 3; i < names.length + 3; i += 1) s.getColumn(i).numFmt = '0.00';
}

function partSheet(book: ExcelJS.Workbook, a: Assessment, part: string, label: string): void {
  const s = book.addWorksheet(label.slice(0, 31));
  header(s, ['序号', '项目', '标准', '结果', '判定依据', '说明', '佐证材料']);
  for (const i of a.items.filter((x) => x.part === part)) {
    const evidence = [i.record?.note ?? '', ...i.evidence.map((e) => e.fileName)].filter(Boolean).join('\n');
    s.addRow([i.number, i.name, i.standard, STATUS[i.status], BASIS[i.basis], [i.reason, ...i.details].join('\n'), evidence]);
  }
  s.getColumn(2).width = 50;
  s.getColumn(3).width = 24;
  s.getColumn(6).width = 70;
  s.getColumn(7).width = 30;
  s.eachRow((r) => (r.alignment = { wrapText: true, vertical: 'top' }));
}

/** The assessment as an xlsx file. */
export async function buildAssessmentXlsx(a: Assessment): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Zhiping';
  summarySheet(book, a);
  for (const stage of a.stages) resourceSheet(book, stage);
  for (const p of a.parts) partSheet(book, a, p.part, p.label);
  return Buffer.from(await book.xlsx.writeBuffer());
}
