/** /api/v1/growth: 名师工作室, 专家团队, 示范课/教学能手评选, 年度考核, 年度目标, and the composite growth views. */
import {
  ActivityInput,
  AdjustmentInput,
  ApplicationInput,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationPrefill,
  ApplicationRow,
  DrillPage,
  DrillQuery,
  ExpertTeamInput,
  GrowthDashboard,
  IdParam,
  ReviewInput,
  ReviewerCandidate,
  ReviewersInput,
  RoundActionInput,
  RoundDetail,
  RoundInput,
  RoundListQuery,
  RoundSummary,
  SchoolDevelopment,
  ScoreInput,
  StudioDetail,
  StudioInput,
  StudioListQuery,
  StudioMembersInput,
  StudioUpdateInput,
  StudioPage,
  TargetInput,
  TargetVersionDto,
  TeacherGrowth,
  TeamDetail,
  TeamListQuery,
  TeamPage,
  TeamEndInput,
  TeamVisitInput,
  TestAnalysis,
  TestAnalysisQuery,
  TestImportResult,
  TestScoreListQuery,
  TestScorePage,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { readUpload, sendDownload } from '../evaluations/http-files.ts';
import { XLSX_MIME } from '../imports/xlsx-template.ts';
import { buildApplicationsXlsx, buildStudiosXlsx, buildTeamsXlsx, buildTestScoresXlsx } from './growth-xlsx.ts';
import * as rounds from './round.service.ts';
import * as studios from './studio.service.ts';
import * as targets from './target.service.ts';
import * as teams from './team.service.ts';
import { buildTestTemplate, importTestScores } from './test-import.ts';
import * as tests from './test.service.ts';
import * as views from './view.service.ts';

const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const growthRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['growth'];
  // ---- views
  app.get('/me', { schema: { tags, summary: '我的成长（当前教师账号）', response: { 200: TeacherGrowth } } }, (req) =>
    views.getOwnGrowth(contextOf(req)),
  );
  app.get('/teachers/:id', { schema: { tags, summary: '教师成长档案', params: IdParam, response: { 200: TeacherGrowth } } }, (req) =>
    views.getTeacherGrowth(contextOf(req), req.params.id),
  );
  app.get('/schools/:id', { schema: { tags, summary: '学校教师发展', params: IdParam, response: { 200: SchoolDevelopment } } }, (req) =>
    views.getSchoolDevelopment(contextOf(req), req.params.id),
  );
  app.get(
    '/dashboard',
    { schema: { tags, summary: '区教师发展看板', querystring: YearQuery, response: { 200: GrowthDashboard } } },
    (req) => views.getDashboard(contextOf(req), req.query.year),
  );
  app.get(
    '/dashboard/drill',
    { schema: { tags, summary: '看板数字背后的教师或学校', querystring: DrillQuery, response: { 200: DrillPage } } },
    (req) => views.drillDown(contextOf(req), req.query),
  );
  app.get('/targets', { schema: { tags, summary: '年度目标（全部版本）', response: { 200: z.array(TargetVersionDto) } } }, (req) =>
    targets.listTargets(contextOf(req)),
  );
  app.post(
    '/targets',
    { schema: { tags, summary: '新增年度目标版本（须注明依据）', body: TargetInput, response: { 200: z.array(TargetVersionDto) } } },
    (req) => targets.addTarget(contextOf(req), req.body),
  );

  // ---- studios
  app.get('/studios', { schema: { tags, summary: '名师工作室', querystring: StudioListQuery, response: { 200: StudioPage } } }, (req) =>
    studios.listStudios(contextOf(req), req.query),
  );
  app.get(
    '/studios/export',
    { schema: { tags, summary: '导出工作室（xlsx）', querystring: StudioListQuery.omit({ page: true, pageSize: true }) } },
    async (req, reply) =>
      sendDownload(reply, {
        fileName: '名师工作室.xlsx',
        contentType: XLSX_MIME,
        buffer: await buildStudiosXlsx(await studios.listAllStudios(contextOf(req), req.query)),
      }),
  );
  app.post('/studios', { schema: { tags, summary: '设立工作室', body: StudioInput, response: { 200: StudioDetail } } }, (req) =>
    studios.createStudio(contextOf(req), req.body),
  );
  app.get('/studios/:id', { schema: { tags, params: IdParam, response: { 200: StudioDetail } } }, (req) =>
    studios.getStudio(contextOf(req), req.params.id),
  );
  app.patch(
    '/studios/:id',
    {
      schema: {
        tags,
        summary: '修改工作室（名称、类型、学科、任期、目标）',
        params: IdParam,
        body: StudioUpdateInput,
        response: { 200: StudioDetail },
      },
    },
    (req) => studios.updateStudio(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/studios/:id/members',
    { schema: { tags, summary: '加入成员', params: IdParam, body: StudioMembersInput, response: { 200: StudioDetail } } },
    (req) => studios.addMembers(contextOf(req), req.params.id, req.body),
  );
  app.delete(
    '/studios/:id/members/:teacherId',
    {
      schema: {
        tags,
        summary: '成员退出',
        params: IdParam.extend({ teacherId: z.coerce.number().int().positive() }),
        response: { 200: StudioDetail },
      },
    },
    (req) => studios.removeMember(contextOf(req), req.params.id, req.params.teacherId),
  );
  app.post(
    '/studios/:id/activities',
    { schema: { tags, summary: '记录活动（考勤、成果）', params: IdParam, body: ActivityInput, response: { 200: StudioDetail } } },
    (req) => studios.addActivity(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/studios/:id/reviews',
    { schema: { tags, summary: '年度考核', params: IdParam, body: ReviewInput, response: { 200: StudioDetail } } },
    (req) => studios.reviewStudio(contextOf(req), req.params.id, req.body),
  );

  // ---- expert teams
  app.get('/teams', { schema: { tags, summary: '专家团队与结对', querystring: TeamListQuery, response: { 200: TeamPage } } }, (req) =>
    teams.listTeams(contextOf(req), req.query),
  );
  app.get(
    '/teams/export',
    { schema: { tags, summary: '导出专家团队（xlsx）', querystring: TeamListQuery.omit({ page: true, pageSize: true }) } },
    async (req, reply) =>
      sendDownload(reply, {
        fileName: '专家团队结对帮扶.xlsx',
        contentType: XLSX_MIME,
        buffer: await buildTeamsXlsx(await teams.listAllTeams(contextOf(req), req.query)),
      }),
  );
  app.post('/teams', { schema: { tags, summary: '组建专家团队并结对', body: ExpertTeamInput, response: { 200: TeamDetail } } }, (req) =>
    teams.createTeam(contextOf(req), req.body),
  );
  app.get('/teams/:id', { schema: { tags, params: IdParam, response: { 200: TeamDetail } } }, (req) =>
    teams.getTeam(contextOf(req), req.params.id),
  );
  app.post(
    '/teams/:id/visits',
    { schema: { tags, summary: '帮扶记录', params: IdParam, body: TeamVisitInput, response: { 200: TeamDetail } } },
    (req) => teams.addVisit(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/teams/:id/end',
    { schema: { tags, summary: '结束结对', params: IdParam, body: TeamEndInput, response: { 200: TeamDetail } } },
    (req) => teams.endTeam(contextOf(req), req.params.id, req.body),
  );

  // ---- selection rounds
  app.get(
    '/rounds',
    { schema: { tags, summary: '示范课和教学能手评选', querystring: RoundListQuery, response: { 200: z.array(RoundSummary) } } },
    (req) => rounds.listRounds(contextOf(req), req.query),
  );
  app.post('/rounds', { schema: { tags, summary: '发布评选', body: RoundInput, response: { 200: RoundDetail } } }, (req) =>
    rounds.createRound(contextOf(req), req.body),
  );
  app.get('/rounds/:id', { schema: { tags, params: IdParam, response: { 200: RoundDetail } } }, (req) =>
    rounds.getRound(contextOf(req), req.params.id),
  );
  app.post(
    '/rounds/:id/actions',
    {
      schema: {
        tags,
        summary: 'close 截止申报 / reopen / consolidate 汇总评分 / publish 公布名单',
        params: IdParam,
        body: RoundActionInput,
        response: { 200: RoundDetail },
      },
    },
    (req) => rounds.actOnRound(contextOf(req), req.params.id, req.body.action),
  );
  app.put(
    '/rounds/:id/reviewers',
    { schema: { tags, summary: '指定评审', params: IdParam, body: ReviewersInput, response: { 200: RoundDetail } } },
    (req) => rounds.setReviewers(contextOf(req), req.params.id, req.body.userIds),
  );
  app.get(
    '/reviewer-candidates',
    {
      schema: {
        tags,
        summary: '可担任评审的账号',
        querystring: z.object({ q: z.string().trim().max(50).optional() }),
        response: { 200: z.array(ReviewerCandidate) },
      },
    },
    (req) => rounds.listReviewerCandidates(contextOf(req), req.query.q),
  );
  app.get(
    '/rounds/:id/applications',
    {
      schema: {
        tags,
        summary: '申报（按可见范围）',
        params: IdParam,
        querystring: ApplicationListQuery,
        response: { 200: ApplicationPage },
      },
    },
    (req) => rounds.listApplications(contextOf(req), req.params.id, req.query),
  );
  app.get(
    '/rounds/:id/applications/export',
    { schema: { tags, summary: '导出申报或入选名单（xlsx）', params: IdParam } },
    async (req, reply) => {
      const { round, rows } = await rounds.listAllApplications(contextOf(req), req.params.id);
      const buffer = await buildApplicationsXlsx(round.name, rows);
      return sendDownload(reply, { fileName: `${round.name}.xlsx`, contentType: XLSX_MIME, buffer });
    },
  );
  app.get(
    '/rounds/:id/prefill',
    {
      schema: {
        tags,
        summary: '申报预填（区里已有的教师信息）',
        params: IdParam,
        querystring: z.object({ teacherId: z.coerce.number().int().positive().optional() }),
        response: { 200: ApplicationPrefill },
      },
    },
    (req) => rounds.getPrefill(contextOf(req), req.params.id, req.query.teacherId),
  );
  app.post(
    '/rounds/:id/applications',
    { schema: { tags, summary: '申报（本人或学校推荐）', params: IdParam, body: ApplicationInput, response: { 200: ApplicationRow } } },
    (req) => rounds.submitApplication(contextOf(req), req.params.id, req.body),
  );
  app.delete('/applications/:id', { schema: { tags, summary: '撤回申报', params: IdParam } }, async (req, reply) => {
    await rounds.withdrawApplication(contextOf(req), req.params.id);
    return reply.status(204).send();
  });
  app.put(
    '/applications/:id/score',
    { schema: { tags, summary: '评审评分（0–100）', params: IdParam, body: ScoreInput, response: { 200: ApplicationRow } } },
    (req) => rounds.scoreApplication(contextOf(req), req.params.id, req.body),
  );
  app.put(
    '/applications/:id/adjustment',
    { schema: { tags, summary: '人工调整（须说明理由）', params: IdParam, body: AdjustmentInput, response: { 200: ApplicationRow } } },
    (req) => rounds.adjustApplication(contextOf(req), req.params.id, req.body),
  );

  // ---- annual test
  app.get('/tests/template', { schema: { tags, summary: '考核成绩导入模板' } }, async (_req, reply) =>
    sendDownload(reply, { fileName: '教师专业知识和能力考核成绩导入模板.xlsx', contentType: XLSX_MIME, buffer: await buildTestTemplate() }),
  );
  app.post(
    '/tests/import',
    {
      schema: {
        tags,
        summary: '导入考核成绩（multipart，字段 file；全部正确才写入）',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: TestImportResult },
      },
    },
    async (req) => importTestScores(contextOf(req), req.query.year, (await readUpload(req)).content),
  );
  app.get(
    '/tests/analysis',
    { schema: { tags, summary: '考核分析', querystring: TestAnalysisQuery, response: { 200: TestAnalysis } } },
    (req) => tests.getTestAnalysis(contextOf(req), req.query),
  );
  app.get(
    '/tests/scores',
    { schema: { tags, summary: '考核成绩（按学校、姓名排列）', querystring: TestScoreListQuery, response: { 200: TestScorePage } } },
    (req) => tests.listTestScores(contextOf(req), req.query),
  );
  app.get(
    '/tests/scores/export',
    { schema: { tags, summary: '导出考核成绩（xlsx）', querystring: TestScoreListQuery.omit({ page: true, pageSize: true }) } },
    async (req, reply) => {
      const { year, rows } = await tests.listAllTestScores(contextOf(req), req.query);
      const title = `${year ?? ''}年度教师专业知识和能力考核成绩`;
      return sendDownload(reply, { fileName: `${title}.xlsx`, contentType: XLSX_MIME, buffer: await buildTestScoresXlsx(title, rows) });
    },
  );
};
