/** The audit-log page and its export (audit administrator only). */
import type { AuditEntry, AuditQuery, Page } from '@zhiping/contracts';
import ExcelJS from 'exceljs';
import type { Selectable } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requirePermission } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './audit.repository.ts';

/** Rows an export may hold; narrow the filter beyond this. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

function toEntry(r: Selectable<DB['audit_log']>): AuditEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    schoolId: r.school_id,
    summary: r.summary,
    before: r.before,
    after: r.after,
    ip: r.ip,
  };
}

/** A page of the audit log. */
export async function listAudit(ctx: ServiceContext, query: AuditQuery): Promise<Page<AuditEntry>> {
  requirePermission(ctx.actor, 'audit:read');
  const { total, rows } = await repo.findAuditPage(ctx.db, query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
}

/** The filtered audit log as an xlsx workbook (the export itself is audited). */
export async function exportAudit(ctx: ServiceContext, query: AuditQuery): Promise<Buffer> {
  requirePermission(ctx.actor, 'audit:read');
  const { total, rows } = await repo.findAuditPage(ctx.db, query, { offset: 0, limit: AUDIT_EXPORT_MAX_ROWS });
  if (total > AUDIT_EXPORT_MAX_ROWS)
    throw new AppError('LIMIT_EXCEEDED', {
      userMessage: `符合条件的记录有 ${total} 条，超过 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小时间范围后导出`,
    });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('审计日志');
  ws.columns = [
    { header: '时间', key: 'at', width: 22 },
    { header: '操作人', key: 'actor', width: 14 },
    { header: '操作', key: 'action', width: 22 },
    { header: '对象类型', key: 'entityType', width: 12 },
    { header: '对象编号', key: 'entityId', width: 10 },
    { header: '学校编号', key: 'schoolId', width: 10 },
    { header: '摘要', key: 'summary', width: 40 },
    { header: '修改前', key: 'before', width: 40 },
    { header: '修改后', key: 'after', width: 40 },
    { header: 'IP', key: 'ip', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    ws.addRow({
      at: new Date(r.at.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19),
      actor: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      schoolId: r.school_id,
      summary: r.summary,
      before: r.before == null ? '' : JSON.stringify(r.before),
      after: r.after == null ? '' : JSON.stringify(r.after),
      ip: r.ip,
    });
  }
  await recordAudit(ctx.db, ctx.actor, {
    action: 'export.audit',
    entityType: 'audit_log',
    summary: `导出审计日志 ${rows.length} 条`,
    after: query,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
