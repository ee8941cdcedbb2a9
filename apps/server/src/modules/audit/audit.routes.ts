/** /api/v1/audit. */
import { AuditPage, AuditQuery } from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http.ts';
import { exportAudit, listAudit } from './audit.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', { schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } } }, (req) =>
    listAudit(contextOf(req), req.query),
  );
  app.get('/export', { schema: { tags: ['audit'], querystring: AuditQuery.omit({ page: true, pageSize: true }) } }, async (req, reply) => {
    const buf = await exportAudit(contextOf(req), { ...req.query, page: 1, pageSize: 1 });
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`)
      .send(buf);
  });
};
