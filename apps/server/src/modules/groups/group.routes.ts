/** /api/v1/groups: education groups, 教共体, 学区 and pairings. */
import {
  AddMemberRequest,
  EndMemberRequest,
  GroupDetail,
  GroupInput,
  GroupListQuery,
  GroupPage,
  GroupUpdate,
  IdParam,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import { addMember, createGroup, endMember, getGroup, listGroups, updateGroup } from './group.service.ts';

export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['groups'];
  app.get('/', { schema: { tags, querystring: GroupListQuery, response: { 200: GroupPage } } }, (req) =>
    listGroups(contextOf(req), req.query),
  );
  app.post('/', { schema: { tags, body: GroupInput, response: { 200: GroupDetail } } }, (req) => createGroup(contextOf(req), req.body));
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: GroupDetail } } }, (req) => getGroup(contextOf(req), req.params.id));
  app.patch('/:id', { schema: { tags, params: IdParam, body: GroupUpdate, response: { 200: GroupDetail } } }, (req) =>
    updateGroup(contextOf(req), req.params.id, req.body),
  );
  app.post('/:id/members', { schema: { tags, params: IdParam, body: AddMemberRequest, response: { 200: GroupDetail } } }, (req) =>
    addMember(contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/:id/members/:memberId/end',
    {
      schema: {
        tags,
        params: IdParam.extend({ memberId: z.coerce.number().int().positive() }),
        body: EndMemberRequest,
        response: { 200: GroupDetail },
      },
    },
    (req) => endMember(contextOf(req), req.params.id, req.params.memberId, req.body.validTo),
  );
};
