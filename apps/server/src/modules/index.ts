/** Every module's routes with their prefix under /api/v1. Add a module here. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const MODULE_ROUTES: [string, FastifyPluginAsyncZod][] = [];
