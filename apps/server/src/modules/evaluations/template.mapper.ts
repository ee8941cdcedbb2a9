/** Template rows → contract shapes. */
import type { RubricDefinition, TemplateDetail, TemplateSummary } from '@zhiping/contracts';
import { isEditableInPlace, listCheckpoints, validateRubric, type RubricTemplate } from '@zhiping/domain';
import type { TemplateRow } from './template.repository.ts';

/** The stored definition as a domain template. */
export function templateOf(row: Pick<TemplateRow, 'definition'>): RubricTemplate {
  return row.definition as RubricTemplate;
}

/** A row as a list entry. */
export function toTemplateSummary(row: TemplateRow): TemplateSummary {
  const t = templateOf(row);
  return {
    id: row.id,
    family: row.family,
    version: row.version,
    name: row.name,
    scale: t.scale,
    passRule: t.passRule,
    isBuiltIn: row.is_built_in,
    isUsed: !!row.is_used,
    isLatest: Number(row.latest_version) === row.version,
    checkpointCount: listCheckpoints(t).length,
    copiedFrom: row.copied_from_family ? { family: row.copied_from_family, version: row.copied_from_version ?? 1 } : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The editable part of a template. */
export function toDefinition(t: RubricTemplate): RubricDefinition {
  return JSON.parse(
    JSON.stringify({
      name: t.name,
      scale: t.scale,
      passRule: t.passRule,
      bands: t.bands,
      verdictLabels: t.verdictLabels,
      nodes: t.nodes,
      description: t.description,
    }),
  ) as RubricDefinition;
}

/** A row with its definition, problems and the versions of its family. */
export function toTemplateDetail(row: TemplateRow, family: TemplateRow[]): TemplateDetail {
  const t = templateOf(row);
  return {
    ...toTemplateSummary(row),
    definition: toDefinition(t),
    source: t.source ? { document: t.source.document, confidence: t.source.confidence, notes: [...t.source.notes] } : null,
    problems: validateRubric(t),
    isEditableInPlace: isEditableInPlace({ isBuiltIn: row.is_built_in }, !!row.is_used),
    versions: family.map((f) => ({ id: f.id, version: f.version, isUsed: !!f.is_used })),
  };
}
