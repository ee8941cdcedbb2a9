/**
 * The HTTP edge: per-request actor and service context, CSRF and forced-password-change checks, and
 * the one error mapper (AppError → status and ErrorBody; zod failures → 400; anything else → 500).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Engine } from '../db/database.ts';
import { resolveSession, isCsrfValid, type ResolvedSession } from '../modules/auth/auth.service.ts';
import { PUBLIC_ETHICS_PREFIX } from '../modules/ethics/public-prefix.ts';
import type { Actor, Clock, ServiceContext } from './context.ts';
import type { FieldCrypto } from './crypto.ts';
import { AppError, HTTP_STATUS } from './errors.ts';

/** Everything the routes need from the running process. */
export interface AppDeps {
  db: Kysely<DB>;
  engine: Engine;
  crypto: FieldCrypto;
  clock: Clock;
  config: Readonly<Config>;
  version: string;
}

export const SESSION_COOKIE = 'zp_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** Paths a user who must change their password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = ['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/change-password'];

/** Installs session resolution, CSRF and the error mapper. */
export function installHttpPlatform(app: FastifyInstance): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // The public ethics reporting channel: no session is resolved (a reporter stays anonymous even in a
    // signed-in browser), hence no CSRF check; it has its own protection (modules/ethics/public-guard.ts).
    if (request.url.startsWith(PUBLIC_ETHICS_PREFIX)) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(app.deps.db, app.deps.clock, token) : null;
    const method = request.method.toUpperCase();
    const path = request.url.split('?')[0]!;
    if (request.session && !['GET', 'HEAD', 'OPTIONS'].includes(method) && path !== '/api/v1/auth/login') {
      if (!isCsrfValid(request.session, request.headers['x-csrf-token'] as string | undefined)) {
        throw new AppError('FORBIDDEN', { userMessage: '页面已过期（CSRF 校验失败），请刷新后重试' });
      }
    }
    if (request.session?.mustChangePassword && path.startsWith('/api/v1/') && !ALLOWED_BEFORE_PASSWORD_CHANGE.includes(path)) {
      throw new AppError('FORBIDDEN', { userMessage: '请先修改初始密码', details: { mustChangePassword: true } });
    }
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        path: [String(error.validationContext ?? ''), ...String(v.instancePath).split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? '格式不正确',
      }));
      return sendError(reply, new AppError('VALIDATION_FAILED', { userMessage: issues[0]?.message ?? '输入有误', issues }));
    }
    if (error instanceof ZodError) {
      const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return sendError(reply, new AppError('VALIDATION_FAILED', { userMessage: issues[0]?.message ?? '输入有误', issues }));
    }
    const fe = error as FastifyError;
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code =
        fe.statusCode === 413
          ? 'LIMIT_EXCEEDED'
          : fe.statusCode === 404
            ? 'NOT_FOUND'
            : fe.statusCode === 429
              ? 'LIMIT_EXCEEDED'
              : 'VALIDATION_FAILED';
      const userMessage =
        fe.statusCode === 413 ? '文件过大' : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? '不支持的请求内容类型' : '请求格式不正确';
      return sendError(reply, new AppError(code, { userMessage, message: fe.message }));
    }
    const pgCode = (error as { code?: string }).code;
    if (pgCode === '23505')
      return sendError(reply, new AppError('CONFLICT', { userMessage: '记录已存在（唯一性冲突）', message: error.message }));
    if (pgCode === '23503')
      return sendError(reply, new AppError('CONFLICT', { userMessage: '关联的记录不存在或仍被引用', message: error.message }));
    if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
      return sendError(
        reply,
        new AppError('VALIDATION_FAILED', { userMessage: '数据不符合约束（数值或日期超出范围）', message: error.message }),
      );
    }
    if (pgCode === '57014')
      return sendError(reply, new AppError('LIMIT_EXCEEDED', { userMessage: '查询超时，请缩小范围后重试', message: error.message }));
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, new AppError('INTERNAL', { message: error.message }));
  });
}

/** Sends the one error shape. */
export function sendError(reply: FastifyReply, error: AppError) {
  return reply.status(HTTP_STATUS[error.code]).send({
    error: {
      code: error.code,
      message: error.userMessage,
      ...(error.issues ? { issues: error.issues } : {}),
      ...(error.details !== undefined ? { details: error.details } : {}),
    },
  });
}

/** The service context of a signed-in request; throws UNAUTHENTICATED otherwise. */
export function contextOf(request: FastifyRequest): ServiceContext {
  const session = request.session;
  if (!session) throw new AppError('UNAUTHENTICATED');
  const deps = request.server.deps;
  const actor: Actor = { ...session.actor, ip: request.ip };
  return { db: deps.db, actor, clock: deps.clock, crypto: deps.crypto };
}

/** A context for anonymous endpoints (login), carrying only the address. */
export function anonymousContextOf(request: FastifyRequest): ServiceContext {
  const deps = request.server.deps;
  return {
    db: deps.db,
    clock: deps.clock,
    crypto: deps.crypto,
    actor: { userId: null, username: 'anonymous', displayName: '匿名', grants: [], teacherId: null, ip: request.ip },
  };
}
