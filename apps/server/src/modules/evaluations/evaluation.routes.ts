/** /api/v1/evaluations: one school's evaluation — detail, workflow, team, visit date, consolidation, result, reports, evidence. */
import {
  ConsolidationView,
  EligibleInspectors,
  EvaluationDetail,
  EvaluationEvidence,
  EvaluationListQuery,
  EvaluationPage,
  EvaluationResultView,
  EvidenceList,
  EvidenceQuery,
  IdParam,
  OverrideInput,
  ReportJob,
  ReportJobParams,
  TeamInput,
  TransitionRequest,
  VisitDateInput,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { listEligibleInspectors, setTeam } from './assignment.service.ts';
import { getConsolidation, overridePoint, removeOverride } from './consolidation.service.ts';
import { getEvaluation, listEvaluations, transitionEvaluation } from './evaluation.service.ts';
import { addEvaluationEvidence, getEvaluationEvidence, listEvaluationEvidence, removeEvaluationEvidence } from './evidence.service.ts';
import { readUpload, sendDownload } from './http-files.ts';
import { exportResultDocx, getReportJob, getReportJobFile, startPdfReport } from './report.service.ts';
import { getResult } from './result.service.ts';
import { setVisitDate } from './schedule.service.ts';

const CodeParams = IdParam.extend({ code: z.string().min(1).max(40) });
const FileParams = IdParam.extend({ fileId: z.coerce.number().int().positive() });

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['evaluations'];
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '可见的学校评估（学校：本校；督学：所在评估组及责任学校）',
        querystring: EvaluationListQuery,
        response: { 200: EvaluationPage },
      },
    },
    (req) => listEvaluations(contextOf(req), req.query),
  );
  app.get('/report-jobs/:jobId', { schema: { tags, params: ReportJobParams, response: { 200: ReportJob } } }, (req) =>
    getReportJob(contextOf(req), req.server.deps.config.dataDir, req.params.jobId),
  );
  app.get('/report-jobs/:jobId/file', { schema: { tags, params: ReportJobParams } }, async (req, reply) =>
    sendDownload(reply, await getReportJobFile(contextOf(req), req.server.deps.config.dataDir, req.params.jobId)),
  );
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: EvaluationDetail } } }, (req) =>
    getEvaluation(contextOf(req), req.params.id),
  );
  app.post(
    '/:id/transitions',
    {
      schema: {
        tags,
        summary: '流程操作（退回须填写理由；expectedVersion 防止重复操作）',
        params: IdParam,
        body: TransitionRequest,
        response: { 200: EvaluationDetail },
      },
    },
    (req) => transitionEvaluation(contextOf(req), req.params.id, req.body),
  );
  app.put(
    '/:id/team',
    {
      schema: {
        tags,
        summary: '指派评估组（回避检查不通过时说明原因）',
        params: IdParam,
        body: TeamInput,
        response: { 200: EvaluationDetail },
      },
    },
    (req) => setTeam(contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/:id/eligible-inspectors',
    { schema: { tags, summary: '督学及其对本校的回避原因和工作量', params: IdParam, response: { 200: EligibleInspectors } } },
    (req) => listEligibleInspectors(contextOf(req), req.params.id),
  );
  app.put('/:id/visit-date', { schema: { tags, params: IdParam, body: VisitDateInput, response: { 200: EvaluationDetail } } }, (req) =>
    setVisitDate(contextOf(req), req.params.id, req.body.visitDate),
  );
  app.get(
    '/:id/consolidation',
    {
      schema: { tags, summary: '组内合议：各督学评分、分歧标记、建议分和组长调整', params: IdParam, response: { 200: ConsolidationView } },
    },
    (req) => getConsolidation(contextOf(req), req.params.id),
  );
  app.put(
    '/:id/consolidation/:code',
    {
      schema: {
        tags,
        summary: '组长调整合议分（须填写理由）',
        params: CodeParams,
        body: OverrideInput,
        response: { 200: ConsolidationView },
      },
    },
    (req) => overridePoint(contextOf(req), req.params.id, req.params.code, req.body),
  );
  app.delete(
    '/:id/consolidation/:code',
    { schema: { tags, summary: '撤销组长调整', params: CodeParams, response: { 200: ConsolidationView } } },
    (req) => removeOverride(contextOf(req), req.params.id, req.params.code),
  );
  app.get(
    '/:id/result',
    { schema: { tags, summary: '评估结果（学校在发布后可见）', params: IdParam, response: { 200: EvaluationResultView } } },
    (req) => getResult(contextOf(req), req.params.id),
  );
  app.get('/:id/report.docx', { schema: { tags, summary: '评估报告（Word）', params: IdParam } }, async (req, reply) =>
    sendDownload(reply, await exportResultDocx(contextOf(req), req.params.id)),
  );
  app.post(
    '/:id/report-pdf',
    { schema: { tags, summary: '生成评估报告 PDF（后台任务，轮询 report-jobs）', params: IdParam, response: { 200: ReportJob } } },
    (req) =>
      startPdfReport(contextOf(req), req.params.id, {
        chromiumPath: req.server.deps.config.chromiumPath,
        dataDir: req.server.deps.config.dataDir,
      }),
  );
  app.get(
    '/:id/evidence',
    { schema: { tags, params: IdParam, querystring: EvidenceQuery, response: { 200: EvidenceList } } },
    async (req) => ({
      items: await listEvaluationEvidence(contextOf(req), req.params.id, req.query.code),
    }),
  );
  app.post(
    '/:id/evidence',
    {
      schema: {
        tags,
        summary: '上传佐证材料（multipart，字段 file；?code=要点编码）',
        params: IdParam,
        querystring: EvidenceQuery,
        response: { 200: EvaluationEvidence },
      },
    },
    async (req) => addEvaluationEvidence(contextOf(req), req.params.id, req.query.code ?? null, await readUpload(req)),
  );
  app.get('/:id/evidence/:fileId', { schema: { tags, params: FileParams } }, async (req, reply) => {
    const f = await getEvaluationEvidence(contextOf(req), req.params.id, req.params.fileId);
    return sendDownload(reply, { fileName: f.fileName, contentType: f.contentType, buffer: f.content });
  });
  app.delete(
    '/:id/evidence/:fileId',
    { schema: { tags, params: FileParams, response: { 200: z.object({ ok: z.literal(true) }) } } },
    (req) => removeEvaluationEvidence(contextOf(req), req.params.id, req.params.fileId),
  );
};
