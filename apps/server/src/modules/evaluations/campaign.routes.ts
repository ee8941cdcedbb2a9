/** /api/v1/campaigns: campaigns (评估项目), teams, schedule, bulk steps, statistics and the results workbook. */
import {
  ApplyTeamsRequest,
  AutoScheduleRequest,
  BulkTransitionResult,
  CampaignDetail,
  CampaignInput,
  CampaignListQuery,
  CampaignPage,
  CampaignSchedule,
  CampaignStatistics,
  CampaignUpdateInput,
  IdParam,
  ProposalRequest,
  SchoolPreview,
  SchoolSelection,
  TeamProposal,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { applyTeams, proposeTeams } from './assignment.service.ts';
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  previewSchools,
  publishCampaign,
  startCampaign,
  updateCampaign,
} from './campaign.service.ts';
import { sendDownload } from './http-files.ts';
import { DOCX_MIME, exportCampaignXlsx } from './report.service.ts';
import { autoSchedule, exportScheduleDocx, getSchedule } from './schedule.service.ts';
import { getCampaignStatistics } from './statistics.service.ts';

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['campaigns'];
  app.get('/', { schema: { tags, querystring: CampaignListQuery, response: { 200: CampaignPage } } }, (req) =>
    listCampaigns(contextOf(req), req.query),
  );
  app.post(
    '/',
    { schema: { tags, summary: '创建评估项目（按类型、街道、名单选校）', body: CampaignInput, response: { 200: CampaignDetail } } },
    (req) => createCampaign(contextOf(req), req.body),
  );
  app.post('/preview', { schema: { tags, summary: '预览选校结果', body: SchoolSelection, response: { 200: SchoolPreview } } }, (req) =>
    previewSchools(contextOf(req), req.body),
  );
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: CampaignDetail } } }, (req) =>
    getCampaign(contextOf(req), req.params.id),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: '修改评估项目（名称、日期、选校；尚无学校开始评分时）',
        params: IdParam,
        body: CampaignUpdateInput,
        response: { 200: CampaignDetail },
      },
    },
    (req) => updateCampaign(contextOf(req), req.params.id, req.body),
  );
  app.delete(
    '/:id',
    {
      schema: {
        tags,
        summary: '删除评估项目（尚无评分和佐证材料时）',
        params: IdParam,
        response: { 200: z.object({ deleted: z.literal(true) }) },
      },
    },
    async (req) => {
      await deleteCampaign(contextOf(req), req.params.id);
      return { deleted: true as const };
    },
  );
  app.post(
    '/:id/start',
    { schema: { tags, summary: '启动全部已计划学校的自评', params: IdParam, response: { 200: BulkTransitionResult } } },
    (req) => startCampaign(contextOf(req), req.params.id),
  );
  app.post(
    '/:id/publish',
    { schema: { tags, summary: '发布全部已审核（督导室审核阶段）的结果', params: IdParam, response: { 200: BulkTransitionResult } } },
    (req) => publishCampaign(contextOf(req), req.params.id),
  );
  app.post(
    '/:id/team-proposal',
    {
      schema: {
        tags,
        summary: '按回避规则和工作量均衡建议评估组（不保存）',
        params: IdParam,
        body: ProposalRequest,
        response: { 200: TeamProposal },
      },
    },
    (req) => proposeTeams(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/:id/teams',
    {
      schema: {
        tags,
        summary: '批量保存评估组（逐一回避检查，全部成功或全部不保存）',
        params: IdParam,
        body: ApplyTeamsRequest,
        response: { 200: z.object({ saved: z.number().int() }) },
      },
    },
    (req) => applyTeams(contextOf(req), req.params.id, req.body),
  );
  app.get('/:id/schedule', { schema: { tags, summary: '现场评估日程', params: IdParam, response: { 200: CampaignSchedule } } }, (req) =>
    getSchedule(contextOf(req), req.params.id),
  );
  app.post(
    '/:id/schedule/auto',
    {
      schema: {
        tags,
        summary: '自动排定尚未定日期的学校（每名督学每天至多一所）',
        params: IdParam,
        body: AutoScheduleRequest,
        response: { 200: CampaignSchedule },
      },
    },
    (req) => autoSchedule(contextOf(req), req.params.id, req.body),
  );
  app.get('/:id/schedule.docx', { schema: { tags, summary: '打印日程（Word）', params: IdParam } }, async (req, reply) => {
    const f = await exportScheduleDocx(contextOf(req), req.params.id);
    return sendDownload(reply, { ...f, contentType: DOCX_MIME });
  });
  app.get(
    '/:id/statistics',
    {
      schema: {
        tags,
        summary: '等次分布、排名、领域均分、薄弱要点、与上一轮对比（区级）',
        params: IdParam,
        response: { 200: CampaignStatistics },
      },
    },
    (req) => getCampaignStatistics(contextOf(req), req.params.id),
  );
  app.get('/:id/results.xlsx', { schema: { tags, summary: '导出评估结果（xlsx）', params: IdParam } }, async (req, reply) =>
    sendDownload(reply, await exportCampaignXlsx(contextOf(req), req.params.id)),
  );
};
