/** /api/v1/ethics: cases (师德办 and the designated handler), the teacher's own matters, monitoring, 师德考核 and 师德承诺. */
import {
  AcceptInput,
  AppealDecisionInput,
  AppealInput,
  CloseInput,
  DecisionInput,
  DismissInput,
  EthicsCaseDetail,
  EthicsCaseListQuery,
  EthicsCasePage,
  EthicsCommitmentInput,
  EthicsMessageInput,
  EthicsMonitoring,
  EthicsMonitoringQuery,
  EthicsReviewImportResult,
  EthicsReviewInput,
  EthicsReviewPage,
  EthicsReviewQuery,
  FindingsInput,
  HandlerCandidates,
  IdParam,
  MyEthicsMatters,
  NoticeInput,
  OfficeCaseInput,
  ReporterIdentity,
  StatementInput,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { readUpload, sendDownload } from '../evaluations/http-files.ts';
import {
  acceptCase,
  closeCase,
  decideAppeal,
  decideCase,
  dismissCase,
  notifyCase,
  recordAppealByStaff,
  recordStatementByStaff,
  reinvestigateCase,
  submitFindings,
} from './case-steps.ts';
import {
  addCaseFile,
  addMessage,
  createOfficeCase,
  downloadCaseFile,
  getCase,
  handlerCandidates,
  listCases,
  revealReporter,
} from './case.service.ts';
import { getMonitoring } from './monitoring.service.ts';
import { listMyMatters, submitMyAppeal, submitMyStatement } from './my-matters.service.ts';
import { listReviews, saveCommitment, saveReview } from './review.service.ts';
import { exportCases, exportReviews, importReviews } from './ethics-xlsx.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Ok = z.object({ ok: z.literal(true) });
const FileParams = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

export const ethicsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ethics'];
  const detail = { 200: EthicsCaseDetail };
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: '师德案件列表（师德办全部；学校承办人只见指派给本人的）',
        querystring: EthicsCaseListQuery,
        response: { 200: EthicsCasePage },
      },
    },
    (req) => listCases(contextOf(req), req.query),
  );
  app.get(
    '/cases.xlsx',
    { schema: { tags, summary: '导出师德案件（xlsx，按当前筛选）', querystring: EthicsCaseListQuery } },
    async (req, reply) => sendDownload(reply, { ...(await exportCases(contextOf(req), req.query)), contentType: XLSX }),
  );
  app.post(
    '/cases',
    { schema: { tags, summary: '师德办立案（上级交办、巡查发现、来信来访）', body: OfficeCaseInput, response: detail } },
    (req) => createOfficeCase(contextOf(req), req.body),
  );
  app.get('/cases/:id', { schema: { tags, params: IdParam, response: detail } }, (req) => getCase(contextOf(req), req.params.id));
  app.get(
    '/cases/:id/handler-candidates',
    {
      schema: {
        tags,
        params: IdParam,
        querystring: z.object({ schoolId: z.coerce.number().int().positive().optional() }),
        response: { 200: HandlerCandidates },
      },
    },
    (req) => handlerCandidates(contextOf(req), req.params.id, req.query.schoolId ?? null),
  );
  app.post(
    '/cases/:id/accept',
    { schema: { tags, summary: '受理并分类、指派调查', params: IdParam, body: AcceptInput, response: detail } },
    (req) => acceptCase(contextOf(req), req.params.id, req.body),
  );
  app.post('/cases/:id/dismiss', { schema: { tags, summary: '不予受理', params: IdParam, body: DismissInput, response: detail } }, (req) =>
    dismissCase(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/findings',
    { schema: { tags, summary: '提交调查结论', params: IdParam, body: FindingsInput, response: detail } },
    (req) => submitFindings(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/statement',
    { schema: { tags, summary: '记录教师陈述申辩', params: IdParam, body: StatementInput, response: detail } },
    (req) => recordStatementByStaff(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/decision',
    { schema: { tags, summary: '作出处理决定', params: IdParam, body: DecisionInput, response: detail } },
    (req) => decideCase(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/reinvestigate',
    { schema: { tags, summary: '退回补充调查', params: IdParam, body: DismissInput, response: detail } },
    (req) => reinvestigateCase(contextOf(req), req.params.id, req.body),
  );
  app.post('/cases/:id/notice', { schema: { tags, summary: '书面告知', params: IdParam, body: NoticeInput, response: detail } }, (req) =>
    notifyCase(contextOf(req), req.params.id, req.body),
  );
  app.post('/cases/:id/appeal', { schema: { tags, summary: '登记申诉', params: IdParam, body: AppealInput, response: detail } }, (req) =>
    recordAppealByStaff(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/appeal-decision',
    { schema: { tags, summary: '申诉复核决定', params: IdParam, body: AppealDecisionInput, response: detail } },
    (req) => decideAppeal(contextOf(req), req.params.id, req.body),
  );
  app.post('/cases/:id/close', { schema: { tags, summary: '办结', params: IdParam, body: CloseInput, response: detail } }, (req) =>
    closeCase(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/messages',
    { schema: { tags, summary: '向反映人提问/告知进展，或内部记录', params: IdParam, body: EthicsMessageInput, response: detail } },
    (req) => addMessage(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/reporter',
    { schema: { tags, summary: '查看实名反映人身份（留痕）', params: IdParam, response: { 200: ReporterIdentity } } },
    (req) => revealReporter(contextOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/files',
    { schema: { tags, summary: '上传调查材料（multipart 字段 file）', params: IdParam, response: detail } },
    async (req) => addCaseFile(contextOf(req), req.params.id, await readUpload(req)),
  );
  app.get('/cases/:id/files/:fileId', { schema: { tags, params: FileParams } }, async (req, reply) =>
    sendDownload(reply, await downloadCaseFile(contextOf(req), req.params.id, req.params.fileId)),
  );

  app.get('/my-matters', { schema: { tags, summary: '我的师德事项（当事教师）', response: { 200: MyEthicsMatters } } }, (req) =>
    listMyMatters(contextOf(req)),
  );
  app.post(
    '/my-matters/:id/statement',
    { schema: { tags, params: IdParam, body: StatementInput, response: { 200: MyEthicsMatters } } },
    (req) => submitMyStatement(contextOf(req), req.params.id, req.body),
  );
  app.post('/my-matters/:id/appeal', { schema: { tags, params: IdParam, body: AppealInput, response: { 200: MyEthicsMatters } } }, (req) =>
    submitMyAppeal(contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/monitoring',
    { schema: { tags, summary: '师德监测', querystring: EthicsMonitoringQuery, response: { 200: EthicsMonitoring } } },
    (req) => getMonitoring(contextOf(req), req.query),
  );
  app.get(
    '/reviews',
    {
      schema: {
        tags,
        summary: '年度师德考核、师德承诺与师德培训学时',
        querystring: EthicsReviewQuery,
        response: { 200: EthicsReviewPage },
      },
    },
    (req) => listReviews(contextOf(req), req.query),
  );
  app.get('/reviews.xlsx', { schema: { tags, summary: '导出师德考核（xlsx）', querystring: EthicsReviewQuery } }, async (req, reply) =>
    sendDownload(reply, { ...(await exportReviews(contextOf(req), req.query)), contentType: XLSX }),
  );
  app.post(
    '/reviews/import',
    {
      schema: {
        tags,
        summary: '导入师德考核结果（multipart 字段 file；列：身份证号、姓名、考核结果、备注；全部通过才写入）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: EthicsReviewImportResult },
      },
    },
    async (req) => importReviews(contextOf(req), req.query.year, (await readUpload(req)).content),
  );
  app.put('/reviews', { schema: { tags, summary: '登记师德考核结果', body: EthicsReviewInput, response: { 200: Ok } } }, async (req) => {
    await saveReview(contextOf(req), req.body);
    return { ok: true as const };
  });
  app.put(
    '/commitments',
    { schema: { tags, summary: '登记师德承诺', body: EthicsCommitmentInput, response: { 200: Ok } } },
    async (req) => {
      await saveCommitment(contextOf(req), req.body);
      return { ok: true as const };
    },
  );
};
