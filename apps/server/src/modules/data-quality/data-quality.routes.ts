/** /api/v1/data-quality: failures of the validation rules by school, their summary, and the rules themselves. */
import {
  DataQualityPage,
  DataQualityQuery,
  DataQualityRule,
  DataQualityRuleInput,
  DataQualityRuleList,
  DataQualityRuleUpdate,
  DataQualitySummary,
  DataQualitySummaryQuery,
  RuleCodeParam,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http.ts';
import { createRule, listFailures, listRules, summariseFailures, updateRule } from './data-quality.service.ts';

export const dataQualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['data-quality'];
  app.get(
    '/',
    {
      schema: { tags, summary: '数据校验未通过项（按学校排序，分页）', querystring: DataQualityQuery, response: { 200: DataQualityPage } },
    },
    (req) => listFailures(contextOf(req), req.query),
  );
  app.get(
    '/summary',
    {
      schema: {
        tags,
        summary: '数据校验汇总（按严重程度、规则、学校）',
        querystring: DataQualitySummaryQuery,
        response: { 200: DataQualitySummary },
      },
    },
    (req) => summariseFailures(contextOf(req), req.query.year),
  );
  app.get('/rules', { schema: { tags, summary: '数据校验规则及各对象可用字段', response: { 200: DataQualityRuleList } } }, (req) =>
    listRules(contextOf(req)),
  );
  app.post(
    '/rules',
    { schema: { tags, summary: '新增数据校验规则（区级，审计）', body: DataQualityRuleInput, response: { 200: DataQualityRule } } },
    (req) => createRule(contextOf(req), req.body),
  );
  app.patch(
    '/rules/:code',
    {
      schema: {
        tags,
        summary: '修改数据校验规则（区级，审计）',
        params: RuleCodeParam,
        body: DataQualityRuleUpdate,
        response: { 200: DataQualityRule },
      },
    },
    (req) => updateRule(contextOf(req), req.params.code, req.body),
  );
};
