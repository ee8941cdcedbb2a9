/**
 * Builds the HTTP app: platform (cookies, sessions, CSRF, errors), OpenAPI, module routes and the
 * built web app with client-side routing fallback.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { LIMITS } from '@zhiping/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { MODULE_ROUTES } from './modules/index.ts';
import { AppError } from './platform/errors.ts';
import { installHttpPlatform, sendError, type AppDeps } from './platform/http.ts';

export interface BuildAppOptions {
  /** Serve the built web app from this folder (skipped when it has no index.html). */
  webDir?: string | undefined;
  logger?: boolean;
}

/** Locates the built web app: explicit option, else apps/web/dist next to this server. */
function resolveWebDir(explicit: string | undefined): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [explicit, path.resolve(here, '../../web/dist'), path.resolve(here, '../../../apps/web/dist')].filter(
    Boolean,
  ) as string[];
  return candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
}

/** Creates the Fastify instance with every route registered. */
export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: LIMITS.uploadBytesMax, files: 1 } });
  installHttpPlatform(app);

  await app.register(swagger, {
    openapi: { info: { title: 'Zhiping API', description: '智评 区域教育智慧评价与督导平台 API', version: deps.version } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  for (const [prefix, plugin] of MODULE_ROUTES) await app.register(plugin, { prefix: `/api/v1${prefix}` });

  // One not-found handler: API paths get the JSON error; other GETs get the web app (client-side routes).
  const webDir = resolveWebDir(options.webDir ?? deps.config.webDir);
  if (webDir) await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h', index: false });
  app.setNotFoundHandler(async (request, reply) => {
    const urlPath = request.url.split('?')[0]!;
    if (webDir && request.method === 'GET' && !urlPath.startsWith('/api/')) {
      const html = await fs.promises.readFile(path.join(webDir, 'index.html'));
      return reply.type('text/html').header('cache-control', 'no-cache').send(html);
    }
    return sendError(reply, new AppError('NOT_FOUND', { userMessage: `接口不存在：${request.method} ${urlPath}` }));
  });
  return app;
}
