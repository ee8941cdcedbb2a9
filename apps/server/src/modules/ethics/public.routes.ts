/**
 * /api/v1/public/ethics: the public reporting channel. No session is resolved for these paths (see
 * platform/http.ts) and their requests are not logged (logLevel silent), so neither the reporter's
 * address nor their browser is recorded anywhere; the address is used only for in-memory rate limits.
 */
import {
  PublicCaseView,
  PublicChallenge,
  PublicOptions,
  PublicReportInput,
  PublicReportReceipt,
  ReporterReplyInput,
  TrackCredentials,
} from '@zhiping/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../../platform/context.ts';
import { readUpload } from '../evaluations/http-files.ts';
import { issueChallenge } from './public-guard.ts';
import { PUBLIC_REPORTER, addReporterFile, fileReport, publicOptions, replyToCase, trackReport } from './public.service.ts';

function publicCtx(request: FastifyRequest): ServiceContext {
  const deps = request.server.deps;
  return { db: deps.db, clock: deps.clock, crypto: deps.crypto, actor: PUBLIC_REPORTER };
}

export const publicEthicsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['public-ethics'];
  const logLevel = 'silent' as const;
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.get('/options', { logLevel, schema: { tags, summary: '反映表单的学校与类别', response: { 200: PublicOptions } } }, (req) =>
    publicOptions(publicCtx(req)),
  );
  app.post('/challenge', { logLevel, schema: { tags, summary: '领取防刷校验题（工作量证明）', response: { 200: PublicChallenge } } }, () =>
    issueChallenge(),
  );
  app.post(
    '/reports',
    {
      logLevel,
      schema: { tags, summary: '提交师德师风问题反映（可匿名）', body: PublicReportInput, response: { 200: PublicReportReceipt } },
    },
    (req) => fileReport(publicCtx(req), req.body, req.ip),
  );
  app.post(
    '/track',
    { logLevel, schema: { tags, summary: '凭查询码和密码查看办理进展', body: TrackCredentials, response: { 200: PublicCaseView } } },
    (req) => trackReport(publicCtx(req), req.body, req.ip),
  );
  app.post(
    '/track/reply',
    { logLevel, schema: { tags, summary: '反映人回复或补充', body: ReporterReplyInput, response: { 200: PublicCaseView } } },
    (req) => replyToCase(publicCtx(req), req.body, req.ip),
  );
  app.post(
    '/track/files',
    {
      logLevel,
      schema: {
        tags,
        summary: '反映人上传附件（multipart 字段 file；查询码和密码放在 X-Tracking-Code / X-Tracking-Password 头）',
        response: { 200: PublicCaseView },
      },
    },
    async (req) => {
      const creds = TrackCredentials.parse({
        code: req.headers['x-tracking-code'] ?? '',
        password: req.headers['x-tracking-password'] ?? '',
      });
      const file = await readUpload(req);
      const toReply = (req.query as { toReply?: string }).toReply === 'true';
      return addReporterFile(publicCtx(req), creds, file, req.ip, toReply);
    },
  );
};
