/** /api/v1/users. */
import {
  CreateUserRequest,
  GrantRoleRequest,
  IdParam,
  OneTimePassword,
  OptionQuery,
  SchoolOption,
  TeacherOption,
  UpdateUserRequest,
  UserListQuery,
  UserPage,
  UserSummary,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import {
  createUser,
  grantRole,
  listSchoolOptions,
  listTeacherOptions,
  listUsers,
  resetPassword,
  revokeRole,
  updateUser,
} from './user.service.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get('/', { schema: { tags, querystring: UserListQuery, response: { 200: UserPage } } }, (req) =>
    listUsers(contextOf(req), req.query),
  );
  app.get('/school-options', { schema: { tags, querystring: OptionQuery, response: { 200: z.array(SchoolOption) } } }, (req) =>
    listSchoolOptions(contextOf(req), req.query.q),
  );
  app.get('/teacher-options', { schema: { tags, querystring: OptionQuery, response: { 200: z.array(TeacherOption) } } }, (req) =>
    listTeacherOptions(contextOf(req), req.query.q),
  );
  app.post('/', { schema: { tags, body: CreateUserRequest, response: { 200: OneTimePassword } } }, (req) =>
    createUser(contextOf(req), req.body),
  );
  app.patch('/:id', { schema: { tags, params: IdParam, body: UpdateUserRequest, response: { 200: UserSummary } } }, (req) =>
    updateUser(contextOf(req), req.params.id, req.body),
  );
  app.post('/:id/reset-password', { schema: { tags, params: IdParam, response: { 200: OneTimePassword } } }, (req) =>
    resetPassword(contextOf(req), req.params.id),
  );
  app.post('/:id/roles', { schema: { tags, params: IdParam, body: GrantRoleRequest, response: { 200: UserSummary } } }, (req) =>
    grantRole(contextOf(req), req.params.id, req.body),
  );
  app.delete(
    '/:id/roles/:grantId',
    { schema: { tags, params: IdParam.extend({ grantId: z.coerce.number().int().positive() }), response: { 200: UserSummary } } },
    (req) => revokeRole(contextOf(req), req.params.id, req.params.grantId),
  );
};
