/** /api/v1/rotation: 交流轮岗 — rules, eligible list and exemptions, plans and the optimizer, reviews, acknowledgements, reports. */
import {
  EligibleListQuery,
  EligiblePage,
  ExclusionInput,
  ExclusionParams,
  ExemptionInput,
  IdParam,
  ManualMoveInput,
  MoveListQuery,
  MoveParams,
  MoveReviewInput,
  MoveUpdate,
  PlanParams,
  RotationMovePage,
  RotationPlanDetail,
  RotationPlanInput,
  RotationPlanSummary,
  RotationReport,
  RotationReportQuery,
  RotationRuleSet,
  RotationRuleSetInput,
  TransitionRequest,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { sendDownload } from '../evaluations/http-files.ts';
import { addExemption, exportEligible, listEligible, removeExemption } from './eligibility.service.ts';
import { acknowledgeMove, listMyMoves, listSchoolMoves, reviewMove, transitionPlan } from './plan-workflow.service.ts';
import {
  addManualMove,
  createPlan,
  getYears,
  excludeTeacher,
  getPlan,
  includeTeacher,
  listPlanMoves,
  listPlans,
  optimizePlan,
  removeMove,
  updateMove,
} from './plan.service.ts';
import { exportReport, getReport } from './report.service.ts';
import { addRuleSet, listRuleSets } from './rules.service.ts';

const Ok = z.object({ ok: z.literal(true) });

export const rotationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['rotation'];
  app.get(
    '/years',
    {
      schema: {
        tags,
        summary: '有统计数据的学年与建议的方案学年',
        response: { 200: z.object({ statisticsYears: z.array(z.number()), suggested: z.number() }) },
      },
    },
    (req) => getYears(contextOf(req)),
  );
  app.get('/rules', { schema: { tags, summary: '交流轮岗规则（各版本）', response: { 200: z.array(RotationRuleSet) } } }, (req) =>
    listRuleSets(contextOf(req)),
  );
  app.post('/rules', { schema: { tags, summary: '新增规则版本', body: RotationRuleSetInput, response: { 200: RotationRuleSet } } }, (req) =>
    addRuleSet(contextOf(req), req.body),
  );
  app.get(
    '/eligible',
    { schema: { tags, summary: '应交流教师名单（按学年）', querystring: EligibleListQuery, response: { 200: EligiblePage } } },
    (req) => listEligible(contextOf(req), req.query),
  );
  app.get('/eligible.xlsx', { schema: { tags, summary: '导出应交流教师名单', querystring: EligibleListQuery } }, async (req, reply) =>
    sendDownload(reply, await exportEligible(contextOf(req), req.query)),
  );
  app.post(
    '/exemptions',
    { schema: { tags, summary: '登记免于交流（须说明原因）', body: ExemptionInput, response: { 200: z.object({ id: z.number() }) } } },
    (req) => addExemption(contextOf(req), req.body),
  );
  app.delete('/exemptions/:id', { schema: { tags, params: IdParam, response: { 200: Ok } } }, async (req) => {
    await removeExemption(contextOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/plans',
    {
      schema: {
        tags,
        querystring: z.object({ year: z.coerce.number().int().optional() }),
        response: { 200: z.array(RotationPlanSummary) },
      },
    },
    (req) => listPlans(contextOf(req), req.query.year),
  );
  app.post(
    '/plans',
    { schema: { tags, summary: '新建交流轮岗方案（草案）', body: RotationPlanInput, response: { 200: RotationPlanDetail } } },
    (req) => createPlan(contextOf(req), req.body),
  );
  app.get('/plans/:id', { schema: { tags, params: PlanParams, response: { 200: RotationPlanDetail } } }, (req) =>
    getPlan(contextOf(req), req.params.id),
  );
  app.get(
    '/plans/:id/moves',
    { schema: { tags, params: PlanParams, querystring: MoveListQuery, response: { 200: RotationMovePage } } },
    (req) => listPlanMoves(contextOf(req), req.params.id, req.query),
  );
  app.post(
    '/plans/:id/optimize',
    { schema: { tags, summary: '计算（保留人工调整与锁定）', params: PlanParams, response: { 200: RotationPlanDetail } } },
    (req) => optimizePlan(contextOf(req), req.params.id),
  );
  app.post(
    '/plans/:id/moves',
    { schema: { tags, summary: '人工安排调动', params: PlanParams, body: ManualMoveInput, response: { 200: RotationPlanDetail } } },
    (req) => addManualMove(contextOf(req), req.params.id, req.body),
  );
  app.patch(
    '/plans/:id/moves/:moveId',
    { schema: { tags, params: MoveParams, body: MoveUpdate, response: { 200: RotationPlanDetail } } },
    (req) => updateMove(contextOf(req), req.params.id, req.params.moveId, req.body),
  );
  app.delete('/plans/:id/moves/:moveId', { schema: { tags, params: MoveParams, response: { 200: RotationPlanDetail } } }, (req) =>
    removeMove(contextOf(req), req.params.id, req.params.moveId),
  );
  app.post(
    '/plans/:id/exclusions',
    { schema: { tags, params: PlanParams, body: ExclusionInput, response: { 200: RotationPlanDetail } } },
    (req) => excludeTeacher(contextOf(req), req.params.id, req.body),
  );
  app.delete(
    '/plans/:id/exclusions/:teacherId',
    { schema: { tags, params: ExclusionParams, response: { 200: RotationPlanDetail } } },
    (req) => includeTeacher(contextOf(req), req.params.id, req.params.teacherId),
  );
  app.post(
    '/plans/:id/transition',
    { schema: { tags, params: PlanParams, body: TransitionRequest, response: { 200: RotationPlanDetail } } },
    (req) => transitionPlan(contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/school-moves',
    { schema: { tags, summary: '本校交流调动（学校审核）', querystring: MoveListQuery, response: { 200: RotationMovePage } } },
    (req) => listSchoolMoves(contextOf(req), req.query),
  );
  app.post('/moves/:id/review', { schema: { tags, params: IdParam, body: MoveReviewInput, response: { 200: Ok } } }, async (req) => {
    await reviewMove(contextOf(req), req.params.id, req.body);
    return { ok: true as const };
  });
  app.get('/my-moves', { schema: { tags, summary: '本人的交流安排', response: { 200: RotationMovePage } } }, (req) =>
    listMyMoves(contextOf(req)),
  );
  app.post('/moves/:id/acknowledge', { schema: { tags, params: IdParam, response: { 200: Ok } } }, async (req) => {
    await acknowledgeMove(contextOf(req), req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/reports',
    { schema: { tags, summary: '交流轮岗统计（按学年、按学校）', querystring: RotationReportQuery, response: { 200: RotationReport } } },
    (req) => getReport(contextOf(req), req.query),
  );
  app.get('/reports.xlsx', { schema: { tags, querystring: RotationReportQuery } }, async (req, reply) =>
    sendDownload(reply, await exportReport(contextOf(req), req.query)),
  );
};
