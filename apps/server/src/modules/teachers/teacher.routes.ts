/** /api/v1/teachers. */
import {
  IdParam,
  RecognitionInput,
  TeacherDetail,
  TeacherInput,
  TeacherListQuery,
  TeacherPage,
  TeacherSensitive,
  TeacherUpdate,
  TransferRequest,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http.ts';
import {
  addRecognition,
  createTeacher,
  getTeacher,
  getTeacherSensitive,
  listTeachers,
  transferTeacher,
  updateTeacher,
} from './teacher.service.ts';

export const teacherRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['teachers'];
  app.get('/', { schema: { tags, querystring: TeacherListQuery, response: { 200: TeacherPage } } }, (req) =>
    listTeachers(contextOf(req), req.query),
  );
  app.post('/', { schema: { tags, body: TeacherInput, response: { 200: TeacherDetail } } }, (req) =>
    createTeacher(contextOf(req), req.body),
  );
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: TeacherDetail } } }, (req) =>
    getTeacher(contextOf(req), req.params.id),
  );
  app.patch('/:id', { schema: { tags, params: IdParam, body: TeacherUpdate, response: { 200: TeacherDetail } } }, (req) =>
    updateTeacher(contextOf(req), req.params.id, req.body),
  );
  app.get(
    '/:id/sensitive',
    { schema: { tags, params: IdParam, response: { 200: TeacherSensitive }, description: '查看完整身份证号和手机号（记入审计日志）' } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return getTeacherSensitive(contextOf(req), req.params.id);
    },
  );
  app.post('/:id/transfers', { schema: { tags, params: IdParam, body: TransferRequest, response: { 200: TeacherDetail } } }, (req) =>
    transferTeacher(contextOf(req), req.params.id, req.body),
  );
  app.post('/:id/recognitions', { schema: { tags, params: IdParam, body: RecognitionInput, response: { 200: TeacherDetail } } }, (req) =>
    addRecognition(contextOf(req), req.params.id, req.body),
  );
};
