/** /api/v1/exports: every list as xlsx in its import template's columns (audited). */
import { ExportQuery, ImportKindParam } from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http.ts';
import { exportKind } from './export.service.ts';
import { sendXlsx } from './import.routes.ts';

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/:kind', { schema: { tags: ['exports'], params: ImportKindParam, querystring: ExportQuery } }, async (request, reply) =>
    sendXlsx(reply, await exportKind(contextOf(request), request.params.kind, request.query)),
  );
};
