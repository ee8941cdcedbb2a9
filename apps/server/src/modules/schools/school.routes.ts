/** /api/v1/schools and /api/v1/district. */
import {
  DistrictInfo,
  DistrictOverview,
  IdParam,
  SchoolDetail,
  SchoolInput,
  SchoolListQuery,
  SchoolPage,
  SchoolUpdate,
  SchoolYear,
  SchoolYearData,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { getDistrict, getOverview } from './district.service.ts';
import { createSchool, getSchool, getSchoolYear, listSchools, updateSchool } from './school.service.ts';

export const schoolRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['schools'];
  app.get('/', { schema: { tags, querystring: SchoolListQuery, response: { 200: SchoolPage } } }, (req) =>
    listSchools(contextOf(req), req.query),
  );
  app.post('/', { schema: { tags, body: SchoolInput, response: { 200: SchoolDetail } } }, (req) => createSchool(contextOf(req), req.body));
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: SchoolDetail } } }, (req) =>
    getSchool(contextOf(req), req.params.id),
  );
  app.patch('/:id', { schema: { tags, params: IdParam, body: SchoolUpdate, response: { 200: SchoolDetail } } }, (req) =>
    updateSchool(contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/:id/years/:year',
    { schema: { tags, params: IdParam.extend({ year: SchoolYear }), response: { 200: SchoolYearData } } },
    (req) => getSchoolYear(contextOf(req), req.params.id, req.params.year),
  );
};

export const districtRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['district'];
  app.get('/', { schema: { tags, response: { 200: DistrictInfo } } }, (req) => getDistrict(contextOf(req)));
  app.get(
    '/overview',
    { schema: { tags, querystring: z.object({ year: SchoolYear.optional() }), response: { 200: DistrictOverview } } },
    (req) => getOverview(contextOf(req), req.query.year),
  );
};
