/** /api/v1/population. */
import { PopulationQuery, PopulationRow } from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { listPopulation } from './population.service.ts';

export const populationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['population'],
        querystring: PopulationQuery,
        response: { 200: z.object({ items: z.array(PopulationRow), years: z.array(z.number().int()) }) },
      },
    },
    (req) => listPopulation(contextOf(req), req.query),
  );
};
