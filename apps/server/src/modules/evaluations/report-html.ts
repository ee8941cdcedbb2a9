/** One school's evaluation report as a self-contained HTML page (printed to PDF by chromium). */
import type { EvaluationResultView } from '@zhiping/contracts';
import type { ReportContext } from './report-docx.ts';

const escapeHtml = (s: string | number | null) =>
  String(s ?? '—').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(head: string[], rows: (string | number | null)[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; font-size: 11pt; color: #222; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 13pt; border-bottom: 1px solid #999; padding-bottom: 1mm; margin-top: 7mm; }
  .sub { text-align: center; color: #555; margin-bottom: 6mm; }
  .verdict { font-size: 13pt; font-weight: bold; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
  th, td { border: 1px solid #888; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
  th { background: #eef2f8; }
  tr { page-break-inside: avoid; }
  .foot { margin-top: 8mm; color: #666; font-size: 9pt; }`;

/** The report as HTML. */
export function buildResultHtml(r: EvaluationResultView, c: ReportContext): string {
  const parts = [
    `<h1>${escapeHtml(r.school.name)} 督导评估报告</h1>`,
    `<div class="sub">${escapeHtml(r.campaign.name)}（${escapeHtml(r.template.name)}，第 ${r.template.version} 版）</div>`,
    `<p class="verdict">评估结论：${escapeHtml(r.verdictLabel)}，总分 ${r.total} 分（满分 ${r.scale} 分）${r.band ? `，等次：${escapeHtml(r.band)}` : ''}</p>`,
    `<p>现场评估：${escapeHtml(c.visitDate)}；评估组：${escapeHtml(c.teamNames.join('、') || null)}${c.leadName ? `（组长 ${escapeHtml(c.leadName)}）` : ''}</p>`,
    '<h2>一、各领域得分</h2>',
    table(
      ['领域', '得分', '满分', '得分率'],
      r.areas.map((a) => [a.title, a.points, a.maxPoints, a.percent === null ? null : `${a.percent}%`]),
    ),
  ];
  if (r.vetoesHit.length > 0)
    parts.push('<h2>一票否决项</h2><ul>', ...r.vetoesHit.map((v) => `<li>${escapeHtml(`${v.code} ${v.title}`)}</li>`), '</ul>');
  if (r.demotions.length > 0)
    parts.push(
      '<h2>等次说明</h2><ul>',
      ...r.demotions.map(
        (d) => `<li>未评为“${escapeHtml(d.band)}”：${escapeHtml(d.areaTitle)}得分 ${d.actual}，低于该等次要求的 ${d.minimum} 分</li>`,
      ),
      '</ul>',
    );
  parts.push('<h2>二、主要优势</h2>');
  parts.push(
    r.strengths.length === 0
      ? '<p>（无）</p>'
      : `<ul>${r.strengths.map((s) => `<li>${escapeHtml(`${s.areaTitle}·${s.title}：${s.note}`)}</li>`).join('')}</ul>`,
  );
  parts.push('<h2>三、存在问题</h2>');
  parts.push(
    r.problems.length === 0
      ? '<p>（无）</p>'
      : table(
          ['要点', '问题', '得分', '整改'],
          r.problems.map((p) => [
            `${p.code} ${p.title}`,
            p.note,
            `${p.points}/${p.maxPoints}`,
            p.rectificationId ? `整改事项 #${p.rectificationId}` : '待立项',
          ]),
        ),
  );
  parts.push(`<p class="foot">报告生成日期：${escapeHtml(c.today)}${r.isPublished ? '' : '（结果尚未发布）'}</p>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(r.school.name)} 督导评估报告</title><style>${STYLE}</style></head><body>${parts.join('\n')}</body></html>`;
}
