/** /api/v1/indicators (catalog, values, trend, per-school ranking, drill-down, thresholds) and /api/v1/schools/:id/indicators. */
import {
  CatalogQuery,
  IdParam,
  IndicatorCatalog,
  IndicatorCodeParam,
  IndicatorDrillDown,
  IndicatorList,
  IndicatorQuery,
  IndicatorSchoolParam,
  IndicatorSchools,
  IndicatorTrend,
  SchoolIndicators,
  SchoolIndicatorsQuery,
  SchoolValuesQuery,
  ThresholdEnd,
  ThresholdInput,
  ThresholdList,
  ThresholdQuery,
  ThresholdVersion,
  TrendQuery,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http.ts';
import { getDrillDown } from './drill-down.service.ts';
import { getCatalog, getSchoolIndicators, getTrend, listIndicators, listIndicatorSchools } from './indicator.service.ts';
import { addThreshold, endThreshold, listThresholds } from './threshold.service.ts';

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['indicators'];
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '指标值（全区或 scope=school:<id>），含分子、分母、阈值、达标状态和警示',
        querystring: IndicatorQuery,
        response: { 200: IndicatorList },
      },
    },
    (req) => listIndicators(contextOf(req), req.query),
  );
  app.get(
    '/catalog',
    { schema: { tags, summary: '指标目录及各学段现行阈值', querystring: CatalogQuery, response: { 200: IndicatorCatalog } } },
    (req) => getCatalog(contextOf(req), req.query.asOf),
  );
  app.get(
    '/trend',
    { schema: { tags, summary: '某项指标的多年趋势（默认近5年）', querystring: TrendQuery, response: { 200: IndicatorTrend } } },
    (req) => getTrend(contextOf(req), req.query),
  );
  app.get(
    '/thresholds',
    {
      schema: {
        tags,
        summary: '阈值版本（国家默认及本地新增），标明是否生效、是否采用',
        querystring: ThresholdQuery,
        response: { 200: ThresholdList },
      },
    },
    (req) => listThresholds(contextOf(req), req.query),
  );
  app.post(
    '/thresholds',
    {
      schema: {
        tags,
        summary: '新增阈值版本（区级，审计）；宽于上级标准的值保存但不采用',
        body: ThresholdInput,
        response: { 200: ThresholdVersion },
      },
    },
    (req) => addThreshold(contextOf(req), req.body),
  );
  app.patch(
    '/thresholds/:id',
    {
      schema: {
        tags,
        summary: '设置阈值版本的失效日期（区级，审计）',
        params: IdParam,
        body: ThresholdEnd,
        response: { 200: ThresholdVersion },
      },
    },
    (req) => endThreshold(contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/:code/schools',
    {
      schema: {
        tags,
        summary: '某项指标各校的值、排名和分布（学校用户仅本校）',
        params: IndicatorCodeParam,
        querystring: SchoolValuesQuery,
        response: { 200: IndicatorSchools },
      },
    },
    (req) => listIndicatorSchools(contextOf(req), req.params.code, req.query),
  );
  app.get(
    '/:code/schools/:schoolId',
    {
      schema: {
        tags,
        summary: '下钻：某校某项指标的分子、分母及所依据的记录（身份证号脱敏）',
        params: IndicatorSchoolParam,
        querystring: SchoolValuesQuery,
        response: { 200: IndicatorDrillDown },
      },
    },
    (req) => getDrillDown(contextOf(req), req.params.code, req.params.schoolId, req.query),
  );
};

/** Mounted under /schools beside the school routes. */
export const schoolIndicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:id/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: '学校指标页：各学段指标、优质均衡判定、校级指标及全区对照',
        params: IdParam,
        querystring: SchoolIndicatorsQuery,
        response: { 200: SchoolIndicators },
      },
    },
    (req) => getSchoolIndicators(contextOf(req), req.params.id, req.query.year),
  );
};
