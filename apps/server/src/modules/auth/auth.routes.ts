/** /api/v1/auth: sign in, sign out, who am I, change password. */
import { ChangePasswordRequest, LoginRequest, Me } from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymousContextOf, contextOf, SESSION_COOKIE } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import { AUTH_LIMITS, changeOwnPassword, currentUser, login, logout } from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: app.deps.config.secureCookies,
    maxAge: AUTH_LIMITS.idleHours * 3600,
  };

  app.post('/login', { schema: { tags: ['auth'], body: LoginRequest, response: { 200: Me } } }, async (request, reply) => {
    const { token, me } = await login(anonymousContextOf(request), request.body);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    return me;
  });

  app.post('/logout', { schema: { tags: ['auth'], response: { 200: z.object({ ok: z.literal(true) }) } } }, async (request, reply) => {
    if (request.session) await logout(contextOf(request), request.session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (request) => {
    if (!request.session) throw new AppError('UNAUTHENTICATED');
    return currentUser(contextOf(request), request.session);
  });

  app.post('/change-password', { schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: Me } } }, async (request) => {
    const session = request.session;
    if (!session) throw new AppError('UNAUTHENTICATED');
    await changeOwnPassword(contextOf(request), session.sessionId, request.body);
    return currentUser(contextOf(request), { ...session, mustChangePassword: false });
  });
};
