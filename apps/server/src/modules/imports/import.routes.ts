/** /api/v1/imports: templates, upload with a background dry run, progress, error report, commit. */
import { ImportJob, ImportJobPage, ImportKindParam, PageQuery } from '@zhiping/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/http.ts';
import { getImportReport, getImportTemplate, type XlsxDownload } from './import-download.service.ts';
import { commitImport, getImportJob, listImportJobs, startImport } from './import.service.ts';
import { XLSX_MIME } from './xlsx-template.ts';

const JobIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '导入任务编号无效') });

/** Sends an xlsx download with its (UTF-8) file name. */
export function sendXlsx(reply: FastifyReply, file: XlsxDownload) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="download.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.buffer);
}

/** The `file` part of a multipart upload, or a 400 saying how to send it. */
async function uploadedFile(request: FastifyRequest) {
  const wrongShape = new AppError('VALIDATION_FAILED', { userMessage: '请以 multipart/form-data 上传 Excel 文件（字段名 file）' });
  if (!request.isMultipart()) throw wrongShape;
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw wrongShape;
  return part;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const dataDir = app.deps.config.dataDir;

  app.get('/templates/:kind', { schema: { tags: ['imports'], params: ImportKindParam } }, async (request, reply) =>
    sendXlsx(reply, await getImportTemplate(contextOf(request), request.params.kind)),
  );

  app.post(
    '/:kind',
    { schema: { tags: ['imports'], params: ImportKindParam, consumes: ['multipart/form-data'], response: { 200: ImportJob } } },
    async (request) => {
      const ctx = contextOf(request);
      const part = await uploadedFile(request);
      return startImport(ctx, { kind: request.params.kind, fileName: part.filename, source: part.file, dataDir });
    },
  );

  app.get('/', { schema: { tags: ['imports'], querystring: PageQuery, response: { 200: ImportJobPage } } }, async (request) =>
    listImportJobs(contextOf(request), request.query),
  );

  app.get('/:id', { schema: { tags: ['imports'], params: JobIdParam, response: { 200: ImportJob } } }, async (request) =>
    getImportJob(contextOf(request), request.params.id),
  );

  app.get('/:id/report', { schema: { tags: ['imports'], params: JobIdParam } }, async (request, reply) =>
    sendXlsx(reply, await getImportReport(contextOf(request), request.params.id, { dataDir })),
  );

  app.post('/:id/commit', { schema: { tags: ['imports'], params: JobIdParam, response: { 200: ImportJob } } }, async (request) =>
    commitImport(contextOf(request), request.params.id, { dataDir }),
  );
};
