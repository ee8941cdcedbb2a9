/** /api/v1/rectifications: rectification items (整改) — open, list, progress, evidence, submit/verify/send back, dashboard. */
import {
  EvaluationEvidence,
  IdParam,
  ProgressInput,
  RectificationDashboard,
  RectificationDetail,
  RectificationInput,
  RectificationListQuery,
  RectificationPage,
  TransitionRequest,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { readUpload, sendDownload } from '../evaluations/http-files.ts';
import {
  addItemEvidence,
  createItem,
  getDashboard,
  getItem,
  getItemEvidence,
  listItems,
  reportProgress,
  transitionItem,
} from './rectification.service.ts';

export const rectificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rectifications'];
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '整改事项（overdue=true 只看逾期）',
        querystring: RectificationListQuery,
        response: { 200: RectificationPage },
      },
    },
    (req) => listItems(contextOf(req), req.query),
  );
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '立整改事项（问题、责任人、期限、须提交的佐证）',
        body: RectificationInput,
        response: { 200: RectificationDetail },
      },
    },
    (req) => createItem(contextOf(req), req.body),
  );
  app.get(
    '/dashboard',
    { schema: { tags, summary: '整改看板：各状态数量、逾期、即将到期、按学校', response: { 200: RectificationDashboard } } },
    (req) => getDashboard(contextOf(req)),
  );
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: RectificationDetail } } }, (req) =>
    getItem(contextOf(req), req.params.id),
  );
  app.post(
    '/:id/progress',
    { schema: { tags, summary: '学校报告整改进展', params: IdParam, body: ProgressInput, response: { 200: RectificationDetail } } },
    (req) => reportProgress(contextOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/:id/transitions',
    {
      schema: {
        tags,
        summary: 'submit（学校提交，须说明）/ verify（督学复核销号）/ send_back（督学退回，须说明）',
        params: IdParam,
        body: TransitionRequest,
        response: { 200: RectificationDetail },
      },
    },
    (req) => transitionItem(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/:id/evidence',
    { schema: { tags, summary: '上传整改材料（multipart，字段 file）', params: IdParam, response: { 200: EvaluationEvidence } } },
    async (req) => addItemEvidence(contextOf(req), req.params.id, await readUpload(req)),
  );
  app.get(
    '/:id/evidence/:fileId',
    { schema: { tags, params: IdParam.extend({ fileId: z.coerce.number().int().positive() }) } },
    async (req, reply) => {
      const f = await getItemEvidence(contextOf(req), req.params.id, req.params.fileId);
      return sendDownload(reply, { fileName: f.fileName, contentType: f.contentType, buffer: f.content });
    },
  );
};
