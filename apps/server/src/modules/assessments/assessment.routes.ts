/** /api/v1/assessments: the 优质均衡 and 学前普及普惠 self-assessments, manual items, evidence, survey, what-if and exports. */
import {
  Assessment,
  AssessmentItem,
  AssessmentItemParams,
  AssessmentQuery,
  AssessmentYearParams,
  EvidenceFile,
  EvidenceParams,
  ManualItemInput,
  SurveyInput,
  SurveyResult,
  WhatIf,
} from '@zhiping/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { contextOf } from '../../platform/http.ts';
import { exportAssessment, type AssessmentFile } from './assessment-export.service.ts';
import { getAssessment, recordItem, recordSurvey } from './assessment.service.ts';
import { addEvidence, getEvidence, removeEvidence } from './evidence.service.ts';
import { getWhatIf } from './what-if.service.ts';

function sendFile(reply: FastifyReply, file: AssessmentFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.buffer);
}

async function uploadedFile(request: FastifyRequest) {
  const wrongShape = new AppError('VALIDATION_FAILED', { userMessage: '请以 multipart/form-data 上传文件（字段名 file）' });
  if (!request.isMultipart()) throw wrongShape;
  const part = await request.file();
  if (!part || part.fieldname !== 'file') throw wrongShape;
  return { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer() };
}

export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['assessments'];
  const Kind = z.object({ kind: AssessmentYearParams.shape.kind });
  app.get(
    '/balanced/what-if',
    {
      schema: {
        tags,
        summary: '优质均衡达标模拟：各未达标学校的最小补足量及对差异系数的影响；全区补足方案及合计',
        querystring: AssessmentQuery,
        response: { 200: WhatIf },
      },
    },
    (req) => getWhatIf(contextOf(req), req.query.year),
  );
  app.get(
    '/:kind',
    {
      schema: {
        tags,
        summary: '完整评估（balanced 优质均衡 / preschool 学前普及普惠）：各项判定、未达标原因和总体结论',
        params: Kind,
        querystring: AssessmentQuery,
        response: { 200: Assessment },
      },
    },
    (req) => getAssessment(contextOf(req), req.params.kind, req.query.year),
  );
  app.put(
    '/:kind/:year/items/:itemNo',
    {
      schema: {
        tags,
        summary: '人工判定评估条目（达标/未达标及说明；区级，审计）',
        params: AssessmentItemParams,
        body: ManualItemInput,
        response: { 200: AssessmentItem },
      },
    },
    (req) => recordItem(contextOf(req), req.params.kind, req.params.year, req.params.itemNo, req.body),
  );
  app.post(
    '/:kind/:year/items/:itemNo/evidence',
    {
      schema: {
        tags,
        summary: '上传佐证材料（multipart，字段 file，≤20MB；区级，审计）',
        params: AssessmentItemParams,
        consumes: ['multipart/form-data'],
        response: { 200: EvidenceFile },
      },
    },
    async (req) => addEvidence(contextOf(req), req.params.kind, req.params.year, req.params.itemNo, await uploadedFile(req)),
  );
  app.get(
    '/:kind/:year/items/:itemNo/evidence/:fileId',
    { schema: { tags, summary: '下载佐证材料', params: EvidenceParams } },
    async (req, reply) => {
      const f = await getEvidence(contextOf(req), req.params.kind, req.params.year, req.params.itemNo, req.params.fileId);
      return sendFile(reply, { fileName: f.fileName, contentType: f.contentType, buffer: f.content });
    },
  );
  app.delete(
    '/:kind/:year/items/:itemNo/evidence/:fileId',
    {
      schema: { tags, summary: '删除佐证材料（区级，审计）', params: EvidenceParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    (req) => removeEvidence(contextOf(req), req.params.kind, req.params.year, req.params.itemNo, req.params.fileId),
  );
  app.put(
    '/:kind/:year/survey',
    {
      schema: {
        tags,
        summary: '录入社会认可度调查结果（≥85%达标；区级，审计）',
        params: AssessmentYearParams,
        body: SurveyInput,
        response: { 200: SurveyResult },
      },
    },
    (req) => recordSurvey(contextOf(req), req.params.kind, req.params.year, req.body),
  );
  app.get(
    '/:kind/:year/export.xlsx',
    { schema: { tags, summary: '导出评估表（xlsx，按评估办法格式）', params: AssessmentYearParams } },
    async (req, reply) => sendFile(reply, await exportAssessment(contextOf(req), req.params.kind, req.params.year, 'xlsx')),
  );
  app.get(
    '/:kind/:year/export.docx',
    { schema: { tags, summary: '导出评估报告摘要（Word）', params: AssessmentYearParams } },
    async (req, reply) => sendFile(reply, await exportAssessment(contextOf(req), req.params.kind, req.params.year, 'docx')),
  );
};
