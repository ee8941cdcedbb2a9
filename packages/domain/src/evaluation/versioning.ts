/**
 * Template versions: a version that has results is never edited in place (a new version is created),
 * results stay tied to the version they were scored on, and a mapping between versions lets trends
 * compare old scores with new ones.
 */
import type { EvaluationResult } from './aggregation.ts';
import { roundPoints, samePoints } from './numbers.ts';
import { areaCodeOf, flattenRubric, type RubricNode, type RubricTemplate } from './rubric.ts';

/** What changed between two versions, by node code. */
export interface TemplateDiff {
  added: string[];
  removed: string[];
  /** Nodes present in both with the Chinese description of each change. */
  changed: { code: string; changes: string[] }[];
  scaleChanged: { from: number; to: number } | null;
  bandsChanged: boolean;
  passRuleChanged: boolean;
  /** No node added, removed or changed, same scale, bands and pass rule. */
  isUnchanged: boolean;
}

/** Where the points of one old node go in the new version: each target gets old points × factor. */
export interface VersionMappingEntry {
  from: string;
  to: readonly { code: string; factor: number }[];
}

/** A mapping from one version of a family to another. */
export interface VersionMapping {
  family: string;
  fromVersion: number;
  toVersion: number;
  /** The new version's scale, to which mapped totals are normalised. */
  toScale: number;
  entries: readonly VersionMappingEntry[];
}

/** An old result expressed on the new version. */
export interface MappedScores {
  family: string;
  fromVersion: number;
  toVersion: number;
  /** Mapped points per target code, with what the old rubric could have given there (comparableMax). */
  nodes: { code: string; points: number; comparableMax: number }[];
  /** The same rolled up to the new version's areas. */
  areas: { code: string; points: number; comparableMax: number }[];
  total: number;
  comparableMax: number;
  /** total ÷ comparableMax × toScale: the old result on the new scale, like for like (null when nothing maps). */
  normalizedTotal: number | null;
  /** Share of the old scale that the mapping covers, 0–100. */
  coverage: number;
}

/** Compares two versions node by node (matched by code). */
export function diffTemplates(oldTemplate: RubricTemplate, newTemplate: RubricTemplate): TemplateDiff {
  const oldNodes = new Map(flattenRubric(oldTemplate).map((f) => [f.node.code, f.node] as const));
  const newNodes = new Map(flattenRubric(newTemplate).map((f) => [f.node.code, f.node] as const));
  const added = [...newNodes.keys()].filter((c) => !oldNodes.has(c));
  const removed = [...oldNodes.keys()].filter((c) => !newNodes.has(c));
  const changed = [...newNodes.entries()].flatMap(([code, n]) => {
    const o = oldNodes.get(code);
    const changes = o ? describeNodeChanges(o, n) : [];
    return changes.length > 0 ? [{ code, changes }] : [];
  });
  const scaleChanged = samePoints(oldTemplate.scale, newTemplate.scale) ? null : { from: oldTemplate.scale, to: newTemplate.scale };
  const bandsChanged = JSON.stringify(oldTemplate.bands) !== JSON.stringify(newTemplate.bands);
  const passRuleChanged = oldTemplate.passRule !== newTemplate.passRule;
  const isUnchanged = added.length + removed.length + changed.length === 0 && !scaleChanged && !bandsChanged && !passRuleChanged;
  return { added, removed, changed, scaleChanged, bandsChanged, passRuleChanged, isUnchanged };
}

function describeNodeChanges(o: RubricNode, n: RubricNode): string[] {
  const changes: string[] = [];
  if (o.kind !== n.kind) changes.push('层级');
  if (o.title !== n.title) changes.push(`名称：${o.title} → ${n.title}`);
  if (!samePoints(o.maxPoints, n.maxPoints)) changes.push(`分值：${o.maxPoints} → ${n.maxPoints}`);
  if (JSON.stringify(o.method) !== JSON.stringify(n.method)) changes.push('评分方式');
  if (!!o.isVeto !== !!n.isVeto) changes.push(n.isVeto ? '设为一票否决' : '取消一票否决');
  if (!!o.requiresEvidence !== !!n.requiresEvidence) changes.push(n.requiresEvidence ? '须上传佐证' : '不再须上传佐证');
  if ((o.guidance ?? '') !== (n.guidance ?? '')) changes.push('评估说明');
  if (o.weight !== n.weight) changes.push('权重');
  return changes;
}

/** Whether a template version may be edited in place: never once it has results, and never a built-in template (copy it first). */
export function isEditableInPlace(template: Pick<RubricTemplate, 'isBuiltIn'>, hasResults: boolean): boolean {
  return !template.isBuiltIn && !hasResults;
}

/** A deep copy of a template as the next version of the same family, to be edited. */
export function createNextVersion(template: RubricTemplate): RubricTemplate {
  return { ...cloneTemplate(template), version: template.version + 1, isBuiltIn: false };
}

/** A district's own copy of a (built-in) template: a new family starting at version 1. */
export function copyTemplate(template: RubricTemplate, target: { family: string; name: string }): RubricTemplate {
  return {
    ...cloneTemplate(template),
    family: target.family,
    name: target.name,
    version: 1,
    isBuiltIn: false,
    copiedFrom: { family: template.family, version: template.version },
  };
}

function cloneTemplate(template: RubricTemplate): RubricTemplate {
  // Templates are plain JSON data, so a JSON round trip is a faithful deep copy.
  return JSON.parse(JSON.stringify(template)) as RubricTemplate;
}

/** A mapping for codes kept from one version to the next, scaled by the ratio of their maxima (check points, or whole areas). */
export function buildIdentityMapping(
  oldTemplate: RubricTemplate,
  newTemplate: RubricTemplate,
  level: 'checkpoint' | 'area' = 'checkpoint',
): VersionMapping {
  const newNodes = new Map(flattenRubric(newTemplate).map((f) => [f.node.code, f.node] as const));
  const entries = flattenRubric(oldTemplate).flatMap(({ node }) => {
    const target = newNodes.get(node.code);
    if (node.kind !== (level === 'area' ? 'area' : 'checkpoint') || !target || target.kind !== node.kind || node.maxPoints <= 0) return [];
    return [{ from: node.code, to: [{ code: node.code, factor: target.maxPoints / node.maxPoints }] }];
  });
  return {
    family: newTemplate.family,
    fromVersion: oldTemplate.version,
    toVersion: newTemplate.version,
    toScale: newTemplate.scale,
    entries,
  };
}

/** Lists the problems of a mapping between two versions (Chinese): unknown codes, overlapping sources, bad factors. */
export function validateMapping(mapping: VersionMapping, oldTemplate: RubricTemplate, newTemplate: RubricTemplate): string[] {
  const problems: string[] = [];
  if (oldTemplate.family !== mapping.family || newTemplate.family !== mapping.family) problems.push('映射与模板不属于同一模板族');
  if (oldTemplate.version !== mapping.fromVersion || newTemplate.version !== mapping.toVersion) problems.push('映射的版本号与模板不一致');
  if (!samePoints(mapping.toScale, newTemplate.scale))
    problems.push(`映射的目标满分 ${mapping.toScale} 与新版本满分 ${newTemplate.scale} 不一致`);
  const oldCodes = new Set(flattenRubric(oldTemplate).map((f) => f.node.code));
  const newCodes = new Set(flattenRubric(newTemplate).map((f) => f.node.code));
  const froms = mapping.entries.map((e) => e.from);
  for (const e of mapping.entries) {
    if (!oldCodes.has(e.from)) problems.push(`旧版本中没有 ${e.from}`);
    if (froms.filter((f) => f === e.from).length > 1) problems.push(`${e.from} 被映射了多次`);
    const ancestor = froms.find((f) => f !== e.from && e.from.startsWith(`${f}.`));
    if (ancestor) problems.push(`${e.from} 已包含在 ${ancestor} 的映射中，会重复计分`);
    if (e.to.length === 0) problems.push(`${e.from} 没有映射目标`);
    for (const t of e.to) {
      if (!newCodes.has(t.code)) problems.push(`新版本中没有 ${t.code}`);
      if (!(t.factor > 0) || !Number.isFinite(t.factor)) problems.push(`${e.from} → ${t.code} 的系数应为正数`);
    }
  }
  return [...new Set(problems)];
}

/** Expresses an old result on a new version through a mapping, normalised to the new scale. */
export function mapScores(oldResult: EvaluationResult, mapping: VersionMapping): MappedScores {
  const oldNodes = new Map(oldResult.nodes.map((n) => [n.code, n] as const));
  const targets = new Map<string, { points: number; comparableMax: number }>();
  let coveredMax = 0;
  for (const e of mapping.entries) {
    const source = oldNodes.get(e.from);
    if (!source) continue;
    coveredMax += source.maxPoints;
    for (const t of e.to) {
      const acc = targets.get(t.code) ?? { points: 0, comparableMax: 0 };
      targets.set(t.code, {
        points: acc.points + source.points * t.factor,
        comparableMax: acc.comparableMax + source.maxPoints * t.factor,
      });
    }
  }
  const nodes = [...targets.entries()].map(([code, v]) => ({
    code,
    points: roundPoints(v.points),
    comparableMax: roundPoints(v.comparableMax),
  }));
  const areaMap = new Map<string, { points: number; comparableMax: number }>();
  for (const [code, v] of targets) {
    const area = areaCodeOf(code);
    const acc = areaMap.get(area) ?? { points: 0, comparableMax: 0 };
    areaMap.set(area, { points: acc.points + v.points, comparableMax: acc.comparableMax + v.comparableMax });
  }
  const areas = [...areaMap.entries()].map(([code, v]) => ({
    code,
    points: roundPoints(v.points),
    comparableMax: roundPoints(v.comparableMax),
  }));
  const total = roundPoints([...targets.values()].reduce((s, v) => s + v.points, 0));
  const comparableMax = roundPoints([...targets.values()].reduce((s, v) => s + v.comparableMax, 0));
  return {
    family: mapping.family,
    fromVersion: mapping.fromVersion,
    toVersion: mapping.toVersion,
    nodes,
    areas,
    total,
    comparableMax,
    normalizedTotal: comparableMax > 0 ? roundPoints((total / comparableMax) * mapping.toScale) : null,
    coverage: oldResult.scale > 0 ? Math.round((coveredMax / oldResult.scale) * 1000) / 10 : 0,
  };
}
