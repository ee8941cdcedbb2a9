/** GET /api/health: liveness and which engine is in use. */
import { HealthResponse } from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/health', { schema: { tags: ['health'], response: { 200: HealthResponse } } }, async () => {
    await sql`select 1`.execute(app.deps.db);
    return { status: 'ok' as const, database: app.deps.engine, version: app.deps.version };
  });
};
