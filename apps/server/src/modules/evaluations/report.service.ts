/**
 * Downloads of supervision results, each audited as an export: a school's report as Word (at once) or
 * PDF (a background job printing the HTML report with chromium), and a campaign's results as xlsx.
 */
import type { ReportJob } from '@zhiping/contracts';
import type { EvaluationResult } from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { buildCampaignXlsx } from './campaign-xlsx.ts';
import * as campaigns from './campaign.repository.ts';
import { loadEvaluation } from './evaluation-access.ts';
import { buildResultDocx, type ReportContext } from './report-docx.ts';
import { buildResultHtml } from './report-html.ts';
import { findReportJob, queueReportJob, takeReportFile } from './report-jobs.ts';
import { renderPdf } from './report-pdf.ts';
import * as results from './result.repository.ts';
import { resultView } from './result.service.ts';
import { getCampaignStatistics } from './statistics.service.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_MIME = 'application/pdf';

/** A file to download. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  buffer: Buffer;
}

async function reportInputs(ctx: ServiceContext, id: number) {
  const ev = await loadEvaluation(ctx, id);
  const view = await resultView(ctx, ev);
  const context: ReportContext = {
    teamNames: ev.team.map((t) => t.name),
    leadName: ev.team.find((t) => t.is_lead)?.name ?? null,
    visitDate: ev.row.visit_date,
    today: ctx.clock.today(),
  };
  return { ev, view, context };
}

/** A school's report as Word. */
export async function exportResultDocx(ctx: ServiceContext, id: number): Promise<DownloadFile> {
  const { ev, view, context } = await reportInputs(ctx, id);
  const buffer = await buildResultDocx(view, context);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.evaluation.report',
    entityType: 'evaluation',
    entityId: id,
    schoolId: ev.row.school_id,
    summary: `导出${ev.row.school_name}督导评估报告（docx）`,
  });
  return { fileName: `${ev.row.school_name}督导评估报告.docx`, contentType: DOCX_MIME, buffer };
}

/**
 * Queues a school's report as PDF (`chromiumPath` and `dataDir` come from config); poll the job, then
 * fetch its file. The same report asked again the same day is served from the stored PDF.
 */
export async function startPdfReport(ctx: ServiceContext, id: number, opts: { chromiumPath: string; dataDir: string }): Promise<ReportJob> {
  const { ev, view, context } = await reportInputs(ctx, id);
  const html = buildResultHtml(view, context);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.evaluation.report_pdf',
    entityType: 'evaluation',
    entityId: id,
    schoolId: ev.row.school_id,
    summary: `导出${ev.row.school_name}督导评估报告（PDF）`,
  });
  return queueReportJob(opts.dataDir, ctx.actor.userId, `${ev.row.school_name}督导评估报告.pdf`, html, () =>
    renderPdf(html, opts.chromiumPath),
  );
}

/** A report job of the caller. */
export function getReportJob(ctx: ServiceContext, dataDir: string, jobId: string): Promise<ReportJob> {
  return findReportJob(dataDir, ctx.actor.userId, jobId);
}

/** The finished PDF of a report job. */
export async function getReportJobFile(ctx: ServiceContext, dataDir: string, jobId: string): Promise<DownloadFile> {
  const f = await takeReportFile(dataDir, ctx.actor.userId, jobId);
  return { ...f, contentType: PDF_MIME };
}

/** A campaign's published results, statistics and comparison as xlsx (district readers). */
export async function exportCampaignXlsx(ctx: ServiceContext, campaignId: number): Promise<DownloadFile> {
  const stats = await getCampaignStatistics(ctx, campaignId);
  const campaign = (await campaigns.findCampaign(ctx.db, campaignId))!;
  const rows = (await results.findPublishedResults(ctx.db, campaignId)).map((r) => ({
    schoolId: r.school_id,
    schoolCode: r.school_code,
    schoolName: r.school_name,
    result: r.result as EvaluationResult,
  }));
  if (rows.length === 0) throw new AppError('INVALID_STATE', { userMessage: '该评估项目尚无已发布的结果' });
  const buffer = await buildCampaignXlsx(campaign.name, stats, rows);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.evaluation.campaign',
    entityType: 'evaluation_campaign',
    entityId: campaignId,
    summary: `导出评估项目“${campaign.name}”结果（xlsx，${rows.length} 所学校）`,
  });
  return { fileName: `${campaign.name}评估结果.xlsx`, contentType: XLSX_MIME, buffer };
}
