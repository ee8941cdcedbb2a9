/** /api/v1/evaluation-templates: built-in and district rubric templates, versions, diffs and version mappings. */
import {
  IdParam,
  MappingInput,
  MappingParams,
  TemplateCopyRequest,
  TemplateDetail,
  TemplateDiffView,
  TemplateSaveResult,
  TemplateSummary,
  TemplateUpdateRequest,
  VersionMappingView,
} from '@zhiping/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/http.ts';
import {
  copyTemplate,
  diffTemplateVersions,
  getMapping,
  getTemplate,
  listTemplates,
  saveMapping,
  saveTemplate,
} from './template.service.ts';

export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['evaluation-templates'];
  app.get(
    '/',
    { schema: { tags, summary: '评估模板（内置模板在前）的全部版本', response: { 200: z.object({ items: z.array(TemplateSummary) }) } } },
    async (req) => ({
      items: await listTemplates(contextOf(req)),
    }),
  );
  app.get('/:id', { schema: { tags, params: IdParam, response: { 200: TemplateDetail } } }, (req) =>
    getTemplate(contextOf(req), req.params.id),
  );
  app.post(
    '/:id/copy',
    {
      schema: {
        tags,
        summary: '复制为本区模板（新模板族 v1）',
        params: IdParam,
        body: TemplateCopyRequest,
        response: { 200: TemplateDetail },
      },
    },
    (req) => copyTemplate(contextOf(req), req.params.id, req.body),
  );
  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: '保存模板：未使用的版本原地修改；已被评估项目使用的版本生成新版本（并生成默认分值映射）',
        params: IdParam,
        body: TemplateUpdateRequest,
        response: { 200: TemplateSaveResult },
      },
    },
    (req) => saveTemplate(contextOf(req), req.params.id, req.body.definition),
  );
  app.get(
    '/:id/diff',
    {
      schema: {
        tags,
        summary: '与另一版本的差异',
        params: IdParam,
        querystring: z.object({ against: z.coerce.number().int().positive() }),
        response: { 200: TemplateDiffView },
      },
    },
    (req) => diffTemplateVersions(contextOf(req), req.params.id, req.query.against),
  );
  app.get(
    '/mappings/:family/:from/:to',
    {
      schema: {
        tags,
        summary: '两个版本之间的分值映射（未保存时为按编码对应的默认映射）',
        params: MappingParams,
        response: { 200: VersionMappingView },
      },
    },
    (req) => getMapping(contextOf(req), req.params.family, req.params.from, req.params.to),
  );
  app.put(
    '/mappings/:family/:from/:to',
    { schema: { tags, summary: '保存分值映射', params: MappingParams, body: MappingInput, response: { 200: VersionMappingView } } },
    (req) => saveMapping(contextOf(req), req.params.family, req.params.from, req.params.to, req.body),
  );
};
