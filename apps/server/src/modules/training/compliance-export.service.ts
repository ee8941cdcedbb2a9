/** The compliance list as xlsx, with the same filters as the page (every matching teacher, not one page). */
import type { ComplianceQuery } from '@zhiping/contracts';
import { recordAudit } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { queryStandings } from './compliance.service.ts';
import { buildComplianceXlsx } from './training-xlsx.ts';

/** Builds the workbook and audits the export (it carries personal data). */
export async function exportComplianceXlsx(
  ctx: ServiceContext,
  query: Omit<ComplianceQuery, 'page' | 'pageSize'>,
): Promise<{ fileName: string; contentType: string; buffer: Buffer }> {
  const { ref, items } = await queryStandings(ctx, query);
  const buffer = await buildComplianceXlsx(ref, items);
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.training_compliance',
    entityType: 'training_rule',
    entityId: ref.ruleCode,
    schoolId: query.schoolId ?? null,
    summary: `导出继续教育学时达标名单（${ref.ruleName}，${ref.cycle.label}，${items.length} 人）`,
    after: { ...query },
  });
  return {
    fileName: `继续教育学时达标_${ref.cycle.label}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  };
}
