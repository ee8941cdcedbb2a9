/** Exports of an assessment: xlsx tables in the layout of the standard, or a Word summary (audited like every export). */
import type { AssessmentKind } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { buildAssessmentDocx } from './assessment-docx.ts';
import { buildAssessmentXlsx } from './assessment-xlsx.ts';
import { getAssessment } from './assessment.service.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file to download. */
export interface AssessmentFile {
  fileName: string;
  contentType: string;
  buffer: Buffer;
}

/** Builds the export of an assessment in a format and audits it. */
export async function exportAssessment(
  ctx: ServiceContext,
  kind: AssessmentKind,
  year: number,
  format: 'xlsx' | 'docx',
): Promise<AssessmentFile> {
  const a = await getAssessment(ctx, kind, year);
  const buffer = format === 'xlsx' ? await buildAssessmentXlsx(a) : await buildAssessmentDocx(a);
  await recordAudit(ctx.db, ctx.actor, {
    action: `export.assessment.${kind}`,
    entityType: 'assessment',
    entityId: `${kind}@${year}`,
    summary: `导出${a.title}（${year}学年，${format}）`,
    after: { kind, year, format, verdict: a.verdict, dataVersion: a.dataVersion },
  });
  return { fileName: `${a.title}${year}.${format}`, contentType: format === 'xlsx' ? XLSX_MIME : DOCX_MIME, buffer };
}
