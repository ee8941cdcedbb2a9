/**
 * One school's evaluation report as a Word document: the verdict and total, area scores, vetoes and
 * band demotions, strengths, problems with their rectification status, and the evaluation team.
 */
import type { EvaluationResultView } from '@zhiping/contracts';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { docxHeading, docxLabelled, docxTable } from './docx-parts.ts';

/** What the report shows besides the result. */
export interface ReportContext {
  teamNames: string[];
  leadName: string | null;
  visitDate: string | null;
  /** The day the report is produced. */
  today: string;
}

/** The report as a .docx file. */
export async function buildResultDocx(r: EvaluationResultView, c: ReportContext): Promise<Buffer> {
  const children: (Paragraph | ReturnType<typeof docxTable>)[] = [
    new Paragraph({ text: `${r.school.name} 督导评估报告`, heading: HeadingLevel.TITLE }),
    new Paragraph(`${r.campaign.name}（${r.template.name}，第 ${r.template.version} 版）`),
    docxLabelled('评估结论：', `${r.verdictLabel}，总分 ${r.total} 分（满分 ${r.scale} 分）${r.band ? `，等次：${r.band}` : ''}。`),
    docxLabelled(
      '现场评估：',
      `${c.visitDate ?? '—'}；评估组：${c.teamNames.join('、') || '—'}${c.leadName ? `（组长 ${c.leadName}）` : ''}`,
    ),
    docxHeading('一、各领域得分'),
    docxTable(
      ['领域', '得分', '满分', '得分率'],
      r.areas.map((a) => [a.title, a.points, a.maxPoints, a.percent === null ? null : `${a.percent}%`]),
    ),
  ];
  if (r.vetoesHit.length > 0) {
    children.push(docxHeading('一票否决项'));
    for (const v of r.vetoesHit) children.push(new Paragraph({ text: `${v.code} ${v.title}`, bullet: { level: 0 } }));
  }
  if (r.demotions.length > 0) {
    children.push(docxHeading('等次说明'));
    for (const d of r.demotions)
      children.push(
        new Paragraph({
          text: `未评为“${d.band}”：${d.areaTitle}得分 ${d.actual}，低于该等次要求的 ${d.minimum} 分`,
          bullet: { level: 0 },
        }),
      );
  }
  children.push(docxHeading('二、主要优势'));
  if (r.strengths.length === 0) children.push(new Paragraph('（无）'));
  for (const s of r.strengths) children.push(new Paragraph({ text: `${s.areaTitle}·${s.title}：${s.note}`, bullet: { level: 0 } }));
  children.push(docxHeading('三、存在问题'));
  if (r.problems.length === 0) children.push(new Paragraph('（无）'));
  else
    children.push(
      docxTable(
        ['要点', '问题', '得分', '整改'],
        r.problems.map((p) => [
          `${p.code} ${p.title}`,
          p.note,
          `${p.points}/${p.maxPoints}`,
          p.rectificationId ? `整改事项 #${p.rectificationId}` : '待立项',
        ]),
      ),
    );
  children.push(new Paragraph(''), new Paragraph(`报告生成日期：${c.today}${r.isPublished ? '' : '（结果尚未发布）'}`));
  return Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
