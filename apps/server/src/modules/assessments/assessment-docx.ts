/**
 * The assessment as a Word summary: title and year, the overall verdict with its summary sentence, a
 * table of the parts, every failing item with why, the 差异系数 of each stage against its limit, and the
 * items of each part with their result and basis.
 */
import type { Assessment } from '@zhiping/contracts';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

const STATUS: Record<string, string> = {
  met: '达标',
  not_met: '未达标',
  no_data: '无法判定',
  no_threshold: '无标准',
  incomplete: '待补充',
};
const STAGE: Record<string, string> = { primary: '小学', junior: '初中' };

function table(head: string[], rows: (string | number | null)[][]): Table {
  const cell = (text: string, isHead = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHead })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x === null ? '—' : String(x))) })),
    ],
  });
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2) =>
  new Paragraph({ text, heading: level });

/** The assessment as a .docx file. */
export async function buildAssessmentDocx(a: Assessment): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: a.title, heading: HeadingLevel.TITLE }),
    new Paragraph(`${a.year}学年（统计时点 ${a.asOf}）`),
    heading('一、总体结论'),
    new Paragraph({ children: [new TextRun({ text: `结论：${STATUS[a.verdict]}。`, bold: true }), new TextRun(a.summary)] }),
    table(
      ['评估部分', '结论', '达标项数/总项数'],
      a.parts.map((p) => [p.label, STATUS[p.status] ?? p.status, `${p.met}/${p.total}`]),
    ),
    heading('二、未达标项目及原因'),
  ];
  if (a.failing.length === 0) children.push(new Paragraph('无未达标项目。'));
  for (const f of a.failing) {
    children.push(new Paragraph({ children: [new TextRun({ text: `${f.itemNo} ${f.name}：`, bold: true }), new TextRun(f.reason)] }));
    for (const d of f.details) children.push(new Paragraph({ text: d, bullet: { level: 0 } }));
  }
  if (a.missing.length > 0) {
    children.push(heading('三、待补充（无法判定）的项目'));
    for (const m of a.missing) children.push(new Paragraph({ text: `${m.itemNo} ${m.name}：${m.reason}`, bullet: { level: 0 } }));
  }
  for (const s of a.stages) {
    children.push(heading(`资源配置（${STAGE[s.stage] ?? s.stage}）校际差异系数`));
    children.push(
      table(
        ['指标', '差异系数', '标准', '结论'],
        s.cvs.map((v) => [
          v.name.replace(/校际差异系数$/, ''),
          v.display ?? v.reason,
          v.threshold ? `≤${v.threshold.value}` : null,
          STATUS[v.status] ?? v.status,
        ]),
      ),
    );
    children.push(
      new Paragraph(
        `参评学校 ${s.schools.length} 所，达标学校占比 ${s.passingShare.display ?? '无法计算'}${s.excluded.length ? `；不参评 ${s.excluded.length} 所` : ''}。`,
      ),
    );
  }
  children.push(heading('各项目判定明细'));
  for (const p of a.parts) {
    children.push(heading(p.label, HeadingLevel.HEADING_3));
    children.push(
      table(
        ['序号', '项目', '结果', '说明'],
        a.items.filter((i) => i.part === p.part).map((i) => [i.number, i.name, STATUS[i.status] ?? i.status, i.reason]),
      ),
    );
  }
  if (a.warnings.length > 0) {
    children.push(heading('数据说明'));
    for (const w of a.warnings) children.push(new Paragraph({ text: w, bullet: { level: 0 } }));
  }
  const doc = new Document({ creator: 'Zhiping', title: a.title, sections: [{ children }] });
  return Buffer.from(await Packer.toBuffer(doc));
}
