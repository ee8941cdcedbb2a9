/** /api/v1/evaluations/:id/sheets: score sheets with per-check-point upserts (409 on a stale base revision) and batch sync. */
import { IdParam, ScoreParams, ScoreUpsert, ScoreUpsertResult, Sheet, SheetParams, SyncRequest, SyncResult } from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http.ts';
import { getSheet, saveScore, submitMySheet, syncScores } from './scoring.service.ts';

export const scoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['evaluations'];
  app.get(
    '/:id/sheets/:sheet',
    {
      schema: {
        tags,
        summary: '评分表：self（学校自评）、mine（本人现场评分）或督学用户 id（合议阶段起可读）',
        params: SheetParams,
        response: { 200: Sheet },
      },
    },
    (req) => getSheet(contextOf(req), req.params.id, req.params.sheet),
  );
  app.put(
    '/:id/sheets/:sheet/scores/:code',
    {
      schema: {
        tags,
        summary: '保存一个要点的评分（幂等；baseRevision 过期时返回 409，details.current 为服务器当前值）',
        params: ScoreParams,
        body: ScoreUpsert,
        response: { 200: ScoreUpsertResult },
      },
    },
    (req) => saveScore(contextOf(req), req.params.id, req.params.sheet, req.params.code, req.body),
  );
  app.post(
    '/:id/sheets/:sheet/sync',
    {
      schema: {
        tags,
        summary: '离线批量同步：逐项返回 saved / unchanged / conflict / invalid',
        params: SheetParams,
        body: SyncRequest,
        response: { 200: SyncResult },
      },
    },
    (req) => syncScores(contextOf(req), req.params.id, req.params.sheet, req.body),
  );
  app.post(
    '/:id/sheets/mine/submit',
    { schema: { tags, summary: '提交本人现场评分表（系统计算项自动填写）', params: IdParam, response: { 200: Sheet } } },
    (req) => submitMySheet(contextOf(req), req.params.id),
  );
};
