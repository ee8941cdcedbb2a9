/** Downloads of the import area: a kind's empty template and a dry run's annotated error report. */
import fs from 'node:fs';
import { IMPORT_KIND_LABELS, type ImportKind } from '@zhiping/contracts';
import { templateOf } from '@zhiping/domain';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { importFilePath } from './import-files.ts';
import { cachedDryRun } from './import-jobs.ts';
import { validateImportFile } from './import-pipeline.ts';
import { importScopeFor } from './import.policy.ts';
import { findAccessibleJob, scopeOfJob } from './import.service.ts';
import { buildReportWorkbook } from './xlsx-report.ts';
import { buildTemplateWorkbook } from './xlsx-template.ts';

/** An xlsx to send. */
export interface XlsxDownload {
  fileName: string;
  buffer: Buffer;
}

/** The empty template of a kind (only kinds the actor may import). */
export async function getImportTemplate(ctx: ServiceContext, kind: ImportKind): Promise<XlsxDownload> {
  importScopeFor(ctx.actor, kind);
  return { fileName: `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`, buffer: await buildTemplateWorkbook(templateOf(kind)) };
}

/** The uploaded file annotated with every error of its dry run. */
export async function getImportReport(ctx: ServiceContext, id: string, options: { dataDir: string }): Promise<XlsxDownload> {
  const job = await findAccessibleJob(ctx, id);
  if (job.status === 'parsing') throw new AppError('INVALID_STATE', { userMessage: '文件仍在校验中，请稍候' });
  const filePath = importFilePath(options.dataDir, job.id);
  if (!fs.existsSync(filePath)) throw new AppError('NOT_FOUND', { userMessage: '导入文件已清理（已提交或超过 7 天），无法生成错误报告' });
  const kind = job.kind as ImportKind;
  const errors = cachedDryRun(job.id)?.errors ?? (await validateImportFile(ctx, { kind, filePath, scope: scopeOfJob(job) })).errors;
  const base = job.file_name.replace(/\.xlsx$/i, '');
  return { fileName: `${base}-错误报告.xlsx`, buffer: await buildReportWorkbook(filePath, templateOf(kind), errors) };
}
