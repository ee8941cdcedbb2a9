/** /api/v1/inspectors: inspectors and profiles, responsible inspectors, visits, calendar, settings and the public card. */
import {
  CalendarQuery,
  InspectorList,
  InspectorProfileInput,
  InspectorSettings,
  InspectorSummary,
  PublicCard,
  Responsibility,
  ResponsibilityInput,
  ResponsibilityList,
  ResponsibilityQuery,
  Visit,
  VisitCalendar,
  VisitInput,
  VisitListQuery,
  VisitPage,
  VisitStart,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import {
  assignResponsibility,
  getInspectorSettings,
  listInspectors,
  listResponsibilities,
  saveInspectorProfile,
  saveInspectorSettings,
} from './inspector.service.ts';
import { getPlateHtml, getPublicCard } from './public-card.service.ts';
import { getCalendar, getVisit, getVisitStart, listVisits, recordVisit } from './visit.service.ts';

const UserParam = z.object({ userId: z.coerce.number().int().positive() });
const SchoolParam = z.object({ schoolId: z.coerce.number().int().positive() });

export const inspectorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['inspectors'];
  app.get('/', { schema: { tags, summary: '督学及其公示信息、关联学校、责任学校数', response: { 200: InspectorList } } }, async (req) => ({
    items: await listInspectors(contextOf(req)),
  }));
  app.put(
    '/:userId/profile',
    {
      schema: {
        tags,
        summary: '保存督学公示信息和关联学校（回避用）',
        params: UserParam,
        body: InspectorProfileInput,
        response: { 200: InspectorSummary },
      },
    },
    (req) => saveInspectorProfile(contextOf(req), req.params.userId, req.body),
  );
  app.get('/settings', { schema: { tags, response: { 200: InspectorSettings } } }, (req) => getInspectorSettings(contextOf(req)));
  app.put(
    '/settings',
    { schema: { tags, summary: '责任督学督导周期（天）', body: InspectorSettings, response: { 200: InspectorSettings } } },
    (req) => saveInspectorSettings(contextOf(req), req.body),
  );
  app.get(
    '/responsibilities',
    {
      schema: {
        tags,
        summary: '各校责任督学、上次督导、下次应督导日期、是否逾期',
        querystring: ResponsibilityQuery,
        response: { 200: ResponsibilityList },
      },
    },
    (req) => listResponsibilities(contextOf(req), req.query),
  );
  app.put(
    '/responsibilities',
    { schema: { tags, summary: '指定（或更换、撤销）学校的责任督学', body: ResponsibilityInput, response: { 200: Responsibility } } },
    (req) => assignResponsibility(contextOf(req), req.body),
  );
  app.get('/visits', { schema: { tags, querystring: VisitListQuery, response: { 200: VisitPage } } }, (req) =>
    listVisits(contextOf(req), req.query),
  );
  app.post(
    '/visits',
    { schema: { tags, summary: '记录一次常规督导（问题立为整改事项，跟踪未销号事项）', body: VisitInput, response: { 200: Visit } } },
    (req) => recordVisit(contextOf(req), req.body),
  );
  app.get(
    '/visits/:id',
    { schema: { tags, params: z.object({ id: z.coerce.number().int().positive() }), response: { 200: Visit } } },
    (req) => getVisit(contextOf(req), req.params.id),
  );
  app.get(
    '/calendar',
    { schema: { tags, summary: '督导日历：期间内的督导和应督导/逾期学校', querystring: CalendarQuery, response: { 200: VisitCalendar } } },
    (req) => getCalendar(contextOf(req), req.query),
  );
  app.get(
    '/schools/:schoolId/visit-start',
    { schema: { tags, summary: '开始督导：检查清单、上次记录、未销号整改事项', params: SchoolParam, response: { 200: VisitStart } } },
    (req) => getVisitStart(contextOf(req), req.params.schoolId),
  );
  // Public by design (the plate hangs at the school gate): no sign-in needed.
  app.get(
    '/public/cards/:schoolId',
    { schema: { tags, summary: '挂牌督导公示信息（无需登录）', params: SchoolParam, response: { 200: PublicCard } } },
    (req) => getPublicCard(req.server.deps.db, req.params.schoolId),
  );
  app.get(
    '/public/cards/:schoolId/plate.html',
    { schema: { tags, summary: '可打印的公示牌（HTML）', params: SchoolParam } },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await getPlateHtml(req.server.deps.db, req.params.schoolId)),
  );
};
