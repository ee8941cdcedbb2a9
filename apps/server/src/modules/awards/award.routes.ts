/** /api/v1/awards: teaching-achievement award rounds, applications, experts, blind review, 公示, final list, city results. */
import {
  AwardApplicationDetail,
  AwardApplicationInput,
  AwardApplicationListQuery,
  AwardApplicationPage,
  AwardAssignmentBoard,
  AwardCallDetail,
  AwardCallInput,
  AwardCallListQuery,
  AwardCallPage,
  AwardCallTransition,
  AwardCheckDecision,
  AwardCityResults,
  AwardDrawRequest,
  AwardDrawResult,
  AwardExpert,
  AwardExpertInput,
  AwardManualAssignment,
  AwardNotice,
  AwardObjection,
  AwardObjectionDecision,
  AwardObjectionInput,
  AwardOverview,
  AwardRanking,
  AwardRecommendation,
  AwardReviewSheet,
  AwardReviewTaskPage,
  AwardScoreInput,
  AwardTeacherOption,
  AwardTeacherOptionQuery,
  EvaluationEvidence,
  IdParam,
  PageQuery,
  TeacherAwards,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { readUpload, sendDownload } from '../evaluations/http-files.ts';
import {
  addAttachment,
  applicationsXlsx,
  checkApplication,
  createApplication,
  getApplication,
  getAttachment,
  listApplications,
  submitApplication,
  teacherAwards,
  teacherOptions,
  updateApplication,
} from './application.service.ts';
import { createCall, getCall, listCalls, loadCall, transitionCall, updateCall } from './call.service.ts';
import { getRanking } from './consolidation.service.ts';
import {
  decideObjection,
  fileObjection,
  finalListXlsx,
  getNotice,
  getOverview,
  recordCityResults,
  setRecommendation,
} from './result.service.ts';
import {
  addExpert,
  assignManually,
  drawForCall,
  getAssignmentBoard,
  getReviewAttachment,
  getReviewSheet,
  listExperts,
  listReviewTasks,
  saveScore,
} from './review.service.ts';

const FileParam = IdParam.extend({ fileId: z.coerce.number().int().positive() });
const Ok = z.object({ ok: z.literal(true) });

export const awardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['awards'];
  // rounds
  app.get('/calls', { schema: { tags, summary: '评审批次', querystring: AwardCallListQuery, response: { 200: AwardCallPage } } }, (req) =>
    listCalls(contextOf(req), req.query),
  );
  app.post(
    '/calls',
    { schema: { tags, summary: '新建评审批次（教师科）', body: AwardCallInput, response: { 200: AwardCallDetail } } },
    (req) => createCall(contextOf(req), req.body),
  );
  app.get('/calls/:id', { schema: { tags, params: IdParam, response: { 200: AwardCallDetail } } }, (req) =>
    getCall(contextOf(req), req.params.id),
  );
  app.put('/calls/:id', { schema: { tags, params: IdParam, body: AwardCallInput, response: { 200: AwardCallDetail } } }, (req) =>
    updateCall(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/calls/:id/transitions',
    { schema: { tags, summary: '批次流转（教师科）', params: IdParam, body: AwardCallTransition, response: { 200: AwardCallDetail } } },
    (req) => transitionCall(contextOf(req), req.params.id, req.body),
  );
  app.get('/calls/:id/assignments', { schema: { tags, params: IdParam, response: { 200: AwardAssignmentBoard } } }, (req) =>
    getAssignmentBoard(contextOf(req), req.params.id),
  );
  app.post(
    '/calls/:id/draw',
    {
      schema: {
        tags,
        summary: '随机抽取评审专家（可复现种子）',
        params: IdParam,
        body: AwardDrawRequest,
        response: { 200: AwardDrawResult },
      },
    },
    (req) => drawForCall(contextOf(req), req.params.id, req.body.seed),
  );
  app.get('/calls/:id/ranking', { schema: { tags, params: IdParam, response: { 200: AwardRanking } } }, async (req) => {
    const ctx = contextOf(req);
    return getRanking(ctx, await loadCall(ctx, req.params.id));
  });
  app.get('/calls/:id/notice', { schema: { tags, summary: '公示与获奖名单', params: IdParam, response: { 200: AwardNotice } } }, (req) =>
    getNotice(contextOf(req), req.params.id),
  );
  app.get('/calls/:id/final-list.xlsx', { schema: { tags, summary: '导出获奖名单（xlsx）', params: IdParam } }, async (req, reply) => {
    const f = await finalListXlsx(contextOf(req), req.params.id);
    return sendDownload(reply, { ...f, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  });
  app.post(
    '/calls/:id/objections',
    { schema: { tags, summary: '公示期内提出异议', params: IdParam, body: AwardObjectionInput, response: { 200: AwardObjection } } },
    (req) => fileObjection(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/calls/:id/objections/:objectionId/decision',
    {
      schema: {
        tags,
        params: IdParam.extend({ objectionId: z.coerce.number().int().positive() }),
        body: AwardObjectionDecision,
        response: { 200: AwardObjection },
      },
    },
    (req) => decideObjection(contextOf(req), req.params.id, req.params.objectionId, req.body),
  );
  app.put(
    '/calls/:id/recommendation',
    { schema: { tags, params: IdParam, body: AwardRecommendation, response: { 200: Ok } } },
    async (req) => {
      await setRecommendation(contextOf(req), req.params.id, req.body.applicationIds);
      return { ok: true as const };
    },
  );
  app.put('/calls/:id/city-results', { schema: { tags, params: IdParam, body: AwardCityResults, response: { 200: Ok } } }, async (req) => {
    await recordCityResults(contextOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.get('/overview', { schema: { tags, summary: '区级看板：各批次与累计', response: { 200: AwardOverview } } }, (req) =>
    getOverview(contextOf(req)),
  );

  // applications
  app.get('/applications', { schema: { tags, querystring: AwardApplicationListQuery, response: { 200: AwardApplicationPage } } }, (req) =>
    listApplications(contextOf(req), req.query),
  );
  app.get(
    '/applications.xlsx',
    { schema: { tags, summary: '导出申报列表（xlsx）', querystring: AwardApplicationListQuery } },
    async (req, reply) =>
      sendDownload(reply, {
        ...(await applicationsXlsx(contextOf(req), req.query)),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
  );
  app.post('/applications', { schema: { tags, body: AwardApplicationInput, response: { 200: AwardApplicationDetail } } }, (req) =>
    createApplication(contextOf(req), req.body),
  );
  app.get('/applications/:id', { schema: { tags, params: IdParam, response: { 200: AwardApplicationDetail } } }, (req) =>
    getApplication(contextOf(req), req.params.id),
  );
  app.put(
    '/applications/:id',
    { schema: { tags, params: IdParam, body: AwardApplicationInput, response: { 200: AwardApplicationDetail } } },
    (req) => updateApplication(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/applications/:id/submission',
    {
      schema: {
        tags,
        summary: 'submit（学校提交）/ withdraw（撤回）',
        params: IdParam,
        body: z.object({ action: z.enum(['submit', 'withdraw']) }),
        response: { 200: AwardApplicationDetail },
      },
    },
    (req) => submitApplication(contextOf(req), req.params.id, req.body.action),
  );
  app.post(
    '/applications/:id/check',
    {
      schema: { tags, summary: '形式审查（教师科）', params: IdParam, body: AwardCheckDecision, response: { 200: AwardApplicationDetail } },
    },
    (req) => checkApplication(contextOf(req), req.params.id, req.body),
  );
  app.put(
    '/applications/:id/reviewers',
    {
      schema: {
        tags,
        summary: '手动调整评审专家（回避校验）',
        params: IdParam,
        body: AwardManualAssignment,
        response: { 200: AwardAssignmentBoard },
      },
    },
    (req) => assignManually(contextOf(req), req.params.id, req.body.expertIds),
  );
  app.post(
    '/applications/:id/attachments',
    { schema: { tags, summary: '上传申报材料（multipart，字段 file）', params: IdParam, response: { 200: EvaluationEvidence } } },
    async (req) => addAttachment(contextOf(req), req.params.id, await readUpload(req)),
  );
  app.get('/applications/:id/attachments/:fileId', { schema: { tags, params: FileParam } }, async (req, reply) =>
    sendDownload(reply, await getAttachment(contextOf(req), req.params.id, req.params.fileId)),
  );
  app.get(
    '/teacher-options',
    { schema: { tags, querystring: AwardTeacherOptionQuery, response: { 200: z.array(AwardTeacherOption) } } },
    (req) => teacherOptions(contextOf(req), req.query),
  );
  app.get(
    '/teachers/:id',
    { schema: { tags, summary: '教师本人的成果奖申报与结果', params: IdParam, response: { 200: TeacherAwards } } },
    (req) => teacherAwards(contextOf(req), req.params.id),
  );

  // experts and blind review
  app.get('/experts', { schema: { tags, response: { 200: z.array(AwardExpert) } } }, (req) => listExperts(contextOf(req)));
  app.post('/experts', { schema: { tags, body: AwardExpertInput, response: { 200: AwardExpert } } }, (req) =>
    addExpert(contextOf(req), req.body),
  );
  app.get(
    '/reviews',
    { schema: { tags, summary: '我的评审任务（匿名）', querystring: PageQuery, response: { 200: AwardReviewTaskPage } } },
    (req) => listReviewTasks(contextOf(req), req.query),
  );
  app.get('/reviews/:id', { schema: { tags, params: IdParam, response: { 200: AwardReviewSheet } } }, (req) =>
    getReviewSheet(contextOf(req), req.params.id),
  );
  app.put('/reviews/:id', { schema: { tags, params: IdParam, body: AwardScoreInput, response: { 200: AwardReviewSheet } } }, (req) =>
    saveScore(contextOf(req), req.params.id, req.body),
  );
  app.get('/reviews/:id/attachments/:fileId', { schema: { tags, params: FileParam } }, async (req, reply) =>
    sendDownload(reply, await getReviewAttachment(contextOf(req), req.params.id, req.params.fileId)),
  );
};
