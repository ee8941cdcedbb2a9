/**
 * Rubric templates: the built-in templates (stored on first use so campaigns can point at them), a
 * district's copies, and editing. A version a campaign uses is never edited in place: saving it
 * creates the next version of the family with an identity mapping (kept codes, scaled by maxima) that
 * the district may refine, so trends compare old and new scores.
 */
import type {
  MappingInput,
  RubricDefinition,
  TemplateCopyRequest,
  TemplateDetail,
  TemplateDiffView,
  TemplateSaveResult,
  TemplateSummary,
  VersionMappingView,
} from '@zhiping/contracts';
import {
  BUILT_IN_TEMPLATES,
  buildIdentityMapping,
  copyTemplate as copyDomainTemplate,
  createNextVersion,
  diffTemplates,
  validateMapping,
  validateRubric,
  type RubricTemplate,
  type VersionMapping,
} from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, systemActor, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { evaluationAccess, requireSupervisionReader, requireSupervisor } from './evaluation.policy.ts';
import { templateOf, toTemplateDetail, toTemplateSummary } from './template.mapper.ts';
import * as repo from './template.repository.ts';

/** Stores the built-in templates not stored yet (idempotent; audited when something was added). */
export async function ensureBuiltInTemplates(ctx: ServiceContext): Promise<void> {
  const stored = await repo.findStoredVersions(ctx.db);
  const missing = BUILT_IN_TEMPLATES.filter((t) => !stored.has(`${t.family}@${t.version}`));
  if (missing.length === 0) return;
  await inTransaction(ctx, async (tx) => {
    const added = await repo.insertMissingBuiltIns(tx.db, missing);
    if (added > 0)
      await recordAudit(tx.db, systemActor(), {
        action: 'evaluation.template.builtin',
        entityType: 'rubric_template',
        summary: `登记内置评估模板 ${missing.map((t) => t.name).join('、')}`,
        after: missing.map((t) => ({ family: t.family, version: t.version })),
      });
  });
}

/** Every template version (built-ins first). */
export async function listTemplates(ctx: ServiceContext): Promise<TemplateSummary[]> {
  requireSupervisionReader(evaluationAccess(ctx.actor));
  await ensureBuiltInTemplates(ctx);
  return (await repo.findTemplateRows(ctx.db)).map(toTemplateSummary);
}

/** One version with its definition, problems and sibling versions. */
export async function getTemplate(ctx: ServiceContext, id: number): Promise<TemplateDetail> {
  requireSupervisionReader(evaluationAccess(ctx.actor));
  await ensureBuiltInTemplates(ctx);
  const row = await repo.findTemplateRow(ctx.db, id);
  if (!row) throw notFound('评估模板');
  return toTemplateDetail(row, await repo.findTemplateRows(ctx.db, { family: row.family }));
}

/** The domain template of a stored version (for campaigns, scoring and reports). */
export async function loadTemplate(db: Kysely<DB>, id: number): Promise<RubricTemplate> {
  const row = await repo.findTemplateRow(db, id);
  if (!row) throw notFound('评估模板');
  return templateOf(row);
}

const familyOf = (source: string, n: number) => `${source.replace(/-local(-\d+)?$/, '')}-local${n > 1 ? `-${n}` : ''}`;

/** Copies a template as the first version of a new family of the district's own (督导室). */
export async function copyTemplate(ctx: ServiceContext, id: number, input: TemplateCopyRequest): Promise<TemplateDetail> {
  requireSupervisor(evaluationAccess(ctx.actor), '评估模板');
  await ensureBuiltInTemplates(ctx);
  const row = await repo.findTemplateRow(ctx.db, id);
  if (!row) throw notFound('评估模板');
  const newId = await inTransaction(ctx, async (tx) => {
    let family = input.family;
    if (family && (await repo.isFamilyTaken(tx.db, family)))
      throw new AppError('CONFLICT', { userMessage: `模板族标识 ${family} 已存在`, issues: [{ path: 'family', message: '已存在' }] });
    for (let n = 1; !family; n += 1) {
      const candidate = familyOf(row.family, n);
      if (!(await repo.isFamilyTaken(tx.db, candidate))) family = candidate;
    }
    const copy = copyDomainTemplate(templateOf(row), { family, name: input.name });
    const created = await repo.insertTemplate(tx.db, {
      family,
      version: 1,
      name: copy.name,
      definition: JSON.stringify(copy),
      is_built_in: false,
      copied_from_family: row.family,
      copied_from_version: row.version,
      created_by: tx.actor.userId,
      created_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.template.copy',
      entityType: 'rubric_template',
      entityId: created,
      summary: `复制评估模板“${row.name}”（v${row.version}）为“${copy.name}”`,
      after: { family, from: { family: row.family, version: row.version } },
    });
    return created;
  });
  return getTemplate(ctx, newId);
}

/** The domain template a definition describes for a family and version; VALIDATION_FAILED with every problem. */
function candidateOf(base: RubricTemplate, definition: RubricDefinition, version: number): RubricTemplate {
  const candidate: RubricTemplate = JSON.parse(
    JSON.stringify({
      ...base,
      ...definition,
      family: base.family,
      version,
      isBuiltIn: false,
    }),
  ) as RubricTemplate;
  const problems = validateRubric(candidate);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: `模板有 ${problems.length} 处问题：${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}`,
      issues: problems.map((p) => ({ path: 'definition', message: p })),
    });
  return candidate;
}

/** Saves a template: in place while no campaign uses it, otherwise as the next version with a default mapping. */
export async function saveTemplate(ctx: ServiceContext, id: number, definition: RubricDefinition): Promise<TemplateSaveResult> {
  requireSupervisor(evaluationAccess(ctx.actor), '评估模板');
  const outcome = await inTransaction(ctx, async (tx) => {
    await repo.lockTemplate(tx.db, id);
    const row = await repo.findTemplateRow(tx.db, id);
    if (!row) throw notFound('评估模板');
    if (row.is_built_in) throw new AppError('INVALID_STATE', { userMessage: '内置模板不能直接修改，请先复制为本区模板再编辑' });
    if (Number(row.latest_version) !== row.version)
      throw new AppError('INVALID_STATE', { userMessage: `请在最新版本（v${row.latest_version}）上修改` });
    const old = templateOf(row);
    if (!row.is_used) {
      const candidate = candidateOf(old, definition, row.version);
      await repo.updateTemplateDefinition(tx.db, id, candidate, tx.clock.now());
      await recordAudit(tx.db, tx.actor, {
        action: 'evaluation.template.update',
        entityType: 'rubric_template',
        entityId: id,
        summary: `修改评估模板“${candidate.name}”（v${row.version}，尚未使用，原版本修改）`,
        before: { name: old.name },
        after: { name: candidate.name, diff: diffTemplates(old, candidate) },
      });
      return { id, isNewVersion: false, diff: null };
    }
    const next = candidateOf(createNextVersion(old), definition, row.version + 1);
    const diff = diffTemplates(old, next);
    if (diff.isUnchanged && old.name === next.name) return { id, isNewVersion: false, diff };
    const newId = await repo.insertTemplate(tx.db, {
      family: row.family,
      version: next.version,
      name: next.name,
      definition: JSON.stringify(next),
      is_built_in: false,
      copied_from_family: row.copied_from_family,
      copied_from_version: row.copied_from_version,
      created_by: tx.actor.userId,
      created_by_name: tx.actor.displayName,
    });
    await repo.upsertMapping(tx.db, buildIdentityMapping(old, next), tx.actor.displayName, tx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.template.version',
      entityType: 'rubric_template',
      entityId: newId,
      summary: `评估模板“${old.name}”v${old.version} 已被使用，修改生成新版本 v${next.version}`,
      after: { family: row.family, version: next.version, diff },
    });
    return { id: newId, isNewVersion: true, diff };
  });
  return { template: await getTemplate(ctx, outcome.id), isNewVersion: outcome.isNewVersion, diff: outcome.diff };
}

/** What changed from one version to another. */
export async function diffTemplateVersions(ctx: ServiceContext, id: number, againstId: number): Promise<TemplateDiffView> {
  requireSupervisionReader(evaluationAccess(ctx.actor));
  const [a, b] = await Promise.all([repo.findTemplateRow(ctx.db, againstId), repo.findTemplateRow(ctx.db, id)]);
  if (!a || !b) throw notFound('评估模板');
  return diffTemplates(templateOf(a), templateOf(b));
}

async function versionPair(db: Kysely<DB>, family: string, from: number, to: number) {
  const rows = await repo.findTemplateRows(db, { family });
  const oldRow = rows.find((r) => r.version === from);
  const newRow = rows.find((r) => r.version === to);
  if (!oldRow || !newRow) throw notFound('模板版本');
  return { oldTemplate: templateOf(oldRow), newTemplate: templateOf(newRow) };
}

/** The mapping used to compare scores of two versions: the stored one, else the identity mapping. */
export async function findVersionMapping(db: Kysely<DB>, family: string, from: number, to: number): Promise<VersionMapping> {
  const stored = await repo.findMapping(db, family, from, to);
  if (stored) return stored;
  const { oldTemplate, newTemplate } = await versionPair(db, family, from, to);
  return buildIdentityMapping(oldTemplate, newTemplate);
}

/** The mapping between two versions of a family. */
export async function getMapping(ctx: ServiceContext, family: string, from: number, to: number): Promise<VersionMappingView> {
  requireSupervisionReader(evaluationAccess(ctx.actor));
  return toMappingView(await findVersionMapping(ctx.db, family, from, to));
}

/** Replaces the mapping between two versions after validating it (督导室). */
export async function saveMapping(
  ctx: ServiceContext,
  family: string,
  from: number,
  to: number,
  input: MappingInput,
): Promise<VersionMappingView> {
  requireSupervisor(evaluationAccess(ctx.actor), '版本映射');
  if (from === to) throw new AppError('VALIDATION_FAILED', { userMessage: '映射的两个版本不能相同' });
  const { oldTemplate, newTemplate } = await versionPair(ctx.db, family, from, to);
  const mapping: VersionMapping = { family, fromVersion: from, toVersion: to, toScale: newTemplate.scale, entries: input.entries };
  const problems = validateMapping(mapping, oldTemplate, newTemplate);
  if (problems.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      userMessage: problems.slice(0, 3).join('；'),
      issues: problems.map((p) => ({ path: 'entries', message: p })),
    });
  await inTransaction(ctx, async (tx) => {
    await repo.upsertMapping(tx.db, mapping, tx.actor.displayName, tx.clock.now());
    await recordAudit(tx.db, tx.actor, {
      action: 'evaluation.mapping.save',
      entityType: 'rubric_version_mapping',
      entityId: `${family}@${from}->${to}`,
      summary: `保存评估模板 ${family} v${from} → v${to} 的分值映射（${input.entries.length} 条）`,
      after: mapping,
    });
  });
  return toMappingView(mapping);
}

function toMappingView(m: VersionMapping): VersionMappingView {
  return {
    family: m.family,
    fromVersion: m.fromVersion,
    toVersion: m.toVersion,
    toScale: m.toScale,
    entries: m.entries.map((e) => ({ from: e.from, to: e.to.map((t) => ({ code: t.code, factor: t.factor })) })),
  };
}
