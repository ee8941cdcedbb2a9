/** /api/v1/training: rules, courses and sessions, the ledger, imports, outside trainings, compliance. */
import {
  AttendanceRequest,
  BatchResult,
  CompletionImportQuery,
  CompletionImportResult,
  CompletionRequest,
  ComplianceOverview,
  ComplianceOverviewQuery,
  CompliancePage,
  ComplianceQuery,
  EnrolRequest,
  IdParam,
  OutsideReviewRequest,
  OutsideTraining,
  OutsideTrainingInput,
  OutsideTrainingPage,
  OutsideTrainingQuery,
  TeacherTrainingSummary,
  TrainingCourseDetail,
  TrainingCourseInput,
  TrainingCoursePage,
  TrainingCourseQuery,
  TrainingCreditPage,
  TrainingCreditQuery,
  TrainingEnrolmentPage,
  TrainingEnrolmentQuery,
  TrainingEvidence,
  TrainingRule,
  TrainingRuleInput,
  TrainingRuleList,
  TrainingSessionDetail,
  TrainingSessionInput,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { readUpload, sendDownload } from '../evaluations/http-files.ts';
import { exportComplianceXlsx } from './compliance-export.service.ts';
import { getComplianceOverview, getCompliancePage } from './compliance.service.ts';
import { importCompletions } from './completion-import.service.ts';
import * as courses from './course.service.ts';
import { listCredits } from './credit.service.ts';
import * as outside from './outside.service.ts';
import { createRuleVersion, listRules } from './rule.service.ts';
import { getMySummary, getTeacherSummary } from './teacher-summary.service.ts';
import { buildCompletionTemplate } from './training-xlsx.ts';

const FileParam = IdParam.extend({ fileId: z.coerce.number().int().positive() });

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['training'];
  app.get('/rules', { schema: { tags, summary: '培训学时规则（全部版本）', response: { 200: TrainingRuleList } } }, (req) =>
    listRules(contextOf(req)),
  );
  app.post(
    '/rules',
    { schema: { tags, summary: '新增规则版本（教师科）', body: TrainingRuleInput, response: { 200: TrainingRule } } },
    (req) => createRuleVersion(contextOf(req), req.body),
  );

  app.get(
    '/courses',
    { schema: { tags, summary: '培训项目', querystring: TrainingCourseQuery, response: { 200: TrainingCoursePage } } },
    (req) => courses.listCourses(contextOf(req), req.query),
  );
  app.post(
    '/courses',
    { schema: { tags, summary: '登记培训项目', body: TrainingCourseInput, response: { 200: TrainingCourseDetail } } },
    (req) => courses.createCourse(contextOf(req), req.body),
  );
  app.get('/courses/:id', { schema: { tags, params: IdParam, response: { 200: TrainingCourseDetail } } }, (req) =>
    courses.getCourse(contextOf(req), req.params.id),
  );
  app.post(
    '/courses/:id/sessions',
    { schema: { tags, summary: '开设期次', params: IdParam, body: TrainingSessionInput, response: { 200: TrainingSessionDetail } } },
    (req) => courses.createSession(contextOf(req), req.params.id, req.body),
  );
  app.get('/sessions/:id', { schema: { tags, params: IdParam, response: { 200: TrainingSessionDetail } } }, (req) =>
    courses.getSession(contextOf(req), req.params.id),
  );
  app.get(
    '/sessions/:id/enrolments',
    { schema: { tags, params: IdParam, querystring: TrainingEnrolmentQuery, response: { 200: TrainingEnrolmentPage } } },
    (req) => courses.listEnrolments(contextOf(req), req.params.id, req.query),
  );
  app.post(
    '/sessions/:id/enrolments',
    { schema: { tags, summary: '报名', params: IdParam, body: EnrolRequest, response: { 200: BatchResult } } },
    (req) => courses.enrol(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/sessions/:id/attendance',
    { schema: { tags, summary: '登记出勤/缺勤', params: IdParam, body: AttendanceRequest, response: { 200: BatchResult } } },
    (req) => courses.markAttendance(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/sessions/:id/completion',
    { schema: { tags, summary: '结业并记学时（须已出勤）', params: IdParam, body: CompletionRequest, response: { 200: BatchResult } } },
    (req) => courses.completeTeachers(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/sessions/:id/close',
    { schema: { tags, summary: '结束报名', params: IdParam, response: { 200: TrainingSessionDetail } } },
    (req) => courses.closeSession(contextOf(req), req.params.id),
  );

  app.get(
    '/credits',
    { schema: { tags, summary: '学时台账', querystring: TrainingCreditQuery, response: { 200: TrainingCreditPage } } },
    (req) => listCredits(contextOf(req), req.query),
  );
  app.get('/completion-template.xlsx', { schema: { tags, summary: '培训完成名单导入模板' } }, async (_req, reply) =>
    sendDownload(reply, {
      fileName: '培训完成名单导入模板.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildCompletionTemplate(),
    }),
  );
  app.post(
    '/completion-imports',
    {
      schema: {
        tags,
        summary: '导入外部平台培训完成名单（multipart，字段 file；dryRun=true 只校验）',
        querystring: CompletionImportQuery,
        response: { 200: CompletionImportResult },
      },
    },
    async (req) =>
      importCompletions(contextOf(req), await readUpload(req), { dryRun: req.query.dryRun === 'true', platform: req.query.platform }),
  );

  app.get(
    '/outside',
    { schema: { tags, summary: '校外培训申报', querystring: OutsideTrainingQuery, response: { 200: OutsideTrainingPage } } },
    (req) => outside.listOutside(contextOf(req), req.query),
  );
  app.post(
    '/outside',
    { schema: { tags, summary: '教师申报校外培训', body: OutsideTrainingInput, response: { 200: OutsideTraining } } },
    (req) => outside.submitOutside(contextOf(req), req.body),
  );
  app.get('/outside/:id', { schema: { tags, params: IdParam, response: { 200: OutsideTraining } } }, (req) =>
    outside.getOutside(contextOf(req), req.params.id),
  );
  app.post(
    '/outside/:id/evidence',
    { schema: { tags, summary: '上传证明材料（multipart，字段 file）', params: IdParam, response: { 200: TrainingEvidence } } },
    async (req) => outside.addOutsideEvidence(contextOf(req), req.params.id, await readUpload(req)),
  );
  app.get('/outside/:id/evidence/:fileId', { schema: { tags, params: FileParam } }, async (req, reply) =>
    sendDownload(reply, await outside.getOutsideEvidence(contextOf(req), req.params.id, req.params.fileId)),
  );
  app.post(
    '/outside/:id/review',
    { schema: { tags, summary: '认定（记学时）或退回', params: IdParam, body: OutsideReviewRequest, response: { 200: OutsideTraining } } },
    (req) => outside.reviewOutside(contextOf(req), req.params.id, req.body),
  );

  app.get(
    '/compliance',
    { schema: { tags, summary: '学时达标名单', querystring: ComplianceQuery, response: { 200: CompliancePage } } },
    (req) => getCompliancePage(contextOf(req), req.query),
  );
  app.get('/compliance.xlsx', { schema: { tags, summary: '导出学时达标名单', querystring: ComplianceQuery } }, async (req, reply) =>
    sendDownload(reply, await exportComplianceXlsx(contextOf(req), req.query)),
  );
  app.get(
    '/overview',
    { schema: { tags, summary: '达标概况（区或校）', querystring: ComplianceOverviewQuery, response: { 200: ComplianceOverview } } },
    (req) => getComplianceOverview(contextOf(req), req.query),
  );
  app.get('/me', { schema: { tags, summary: '我的学时', response: { 200: TeacherTrainingSummary } } }, (req) =>
    getMySummary(contextOf(req)),
  );
  app.get(
    '/teachers/:id',
    { schema: { tags, summary: '教师学时概况', params: IdParam, response: { 200: TeacherTrainingSummary } } },
    (req) => getTeacherSummary(contextOf(req), req.params.id),
  );
};
