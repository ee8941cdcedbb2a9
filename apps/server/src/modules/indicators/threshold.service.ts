/**
 * Threshold versions as configuration (standards.md §11): the national defaults (code) and versions the
 * district adds at any level with document number and effective dates. A version that is looser than a
 * higher level's is stored but reported as not applied, with the reason; the engine never uses it.
 */
import type { ThresholdEnd, ThresholdInput, ThresholdVersion } from '@zhiping/contracts';
import {
  NATIONAL_THRESHOLDS,
  THRESHOLD_LEVEL_LABELS,
  findIndicator,
  getIndicator,
  resolveThreshold,
  type Stage,
  type Threshold,
} from '@zhiping/domain';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { indicatorScope, requireDistrictWriter } from './indicator.policy.ts';
import * as repo from './threshold.repository.ts';

const same = (a: Threshold, b: Threshold) =>
  a.indicatorCode === b.indicatorCode &&
  a.stage === b.stage &&
  a.level === b.level &&
  a.value === b.value &&
  a.document === b.document &&
  a.effectiveFrom === b.effectiveFrom &&
  (a.effectiveTo ?? null) === (b.effectiveTo ?? null);

/** Describes a version against all versions on a date: in force, applied, and why not. */
function describe(t: Threshold, all: readonly Threshold[], asOf: string): { inForce: boolean; applied: boolean; warning: string | null } {
  const inForce = t.effectiveFrom <= asOf && (t.effectiveTo == null || asOf <= t.effectiveTo);
  const stages: (Stage | null)[] = t.stage !== null ? [t.stage] : [...getIndicator(t.indicatorCode).stages];
  const resolutions = stages.map((s) => resolveThreshold(all, t.indicatorCode, s, asOf));
  const applied = resolutions.some((r) => r.threshold !== null && same(r.threshold, t));
  let warning: string | null = null;
  if (inForce && !applied) {
    const label = THRESHOLD_LEVEL_LABELS[t.level];
    warning =
      resolutions.flatMap((r) => r.warnings).find((w) => w.startsWith(label) && w.includes(String(t.value))) ??
      '已被同级更新版本或更严格的标准取代';
  }
  return { inForce, applied, warning };
}

function toVersion(t: Threshold, row: repo.ThresholdRow | null, all: readonly Threshold[], asOf: string): ThresholdVersion {
  return {
    id: row?.id ?? null,
    builtin: row === null,
    indicatorCode: t.indicatorCode,
    indicatorName: findIndicator(t.indicatorCode)?.name ?? t.indicatorCode,
    stage: t.stage,
    value: t.value,
    comparator: t.comparator,
    level: t.level,
    document: t.document,
    effectiveFrom: t.effectiveFrom,
    effectiveTo: t.effectiveTo ?? null,
    sourceUrl: row?.source_url ?? '',
    note: t.note,
    ...describe(t, all, asOf),
    createdBy: row?.created_by_name ?? null,
    createdAt: row ? row.created_at.toISOString() : null,
  };
}

/** Every version (national defaults and stored ones), each marked in force and applied on asOf (default today). */
export async function listThresholds(
  ctx: ServiceContext,
  q: { code?: string | undefined; asOf?: string | undefined },
): Promise<{ asOf: string; items: ThresholdVersion[] }> {
  indicatorScope(ctx.actor);
  const asOf = q.asOf ?? ctx.clock.today();
  const rows = await repo.findThresholdRows(ctx.db);
  const all = [...NATIONAL_THRESHOLDS, ...rows.map(repo.toThreshold)];
  const items = [
    ...NATIONAL_THRESHOLDS.map((t) => toVersion(t, null, all, asOf)),
    ...rows.map((r) => toVersion(repo.toThreshold(r), r, all, asOf)),
  ].filter((v) => q.code === undefined || v.indicatorCode === q.code);
  return { asOf, items };
}

/** Adds a version (district base:write, audited); the answer says whether it is applied today. */
export async function addThreshold(ctx: ServiceContext, input: ThresholdInput): Promise<ThresholdVersion> {
  requireDistrictWriter(ctx.actor, '指标阈值');
  const def = findIndicator(input.indicatorCode);
  if (!def) throw invalid('indicatorCode', `指标代码 ${input.indicatorCode} 不存在`);
  if (input.stage !== null && !def.stages.includes(input.stage)) throw invalid('stage', `${def.name}不适用于该学段`);
  if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom) throw invalid('effectiveTo', '失效日期不能早于生效日期');
  const comparator = def.direction === 'min' ? '>=' : '<=';
  const id = await inTransaction(ctx, async (tx) => {
    const newId = await repo.insertThreshold(tx.db, {
      indicator_code: input.indicatorCode,
      stage: input.stage,
      value: input.value,
      comparator,
      level: input.level,
      document: input.document,
      effective_from: input.effectiveFrom,
      effective_to: input.effectiveTo,
      source_url: input.sourceUrl,
      note: input.note,
      created_by: ctx.actor.userId,
      created_by_name: ctx.actor.displayName,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'indicator_threshold.create',
      entityType: 'indicator_threshold',
      entityId: newId,
      summary: `新增${THRESHOLD_LEVEL_LABELS[input.level]}阈值：${def.name} ${comparator}${input.value}（${input.document}，自 ${input.effectiveFrom} 起）`,
      after: { ...input, comparator },
    });
    return newId;
  });
  return versionById(ctx, id);
}

/** Sets or clears the last day of a stored version (district base:write, audited). */
export async function endThreshold(ctx: ServiceContext, id: number, input: ThresholdEnd): Promise<ThresholdVersion> {
  requireDistrictWriter(ctx.actor, '指标阈值');
  const row = await repo.findThresholdRow(ctx.db, id);
  if (!row) throw notFound('阈值版本');
  if (input.effectiveTo !== null && input.effectiveTo < row.effective_from) throw invalid('effectiveTo', '失效日期不能早于生效日期');
  await inTransaction(ctx, async (tx) => {
    await repo.updateThresholdEnd(tx.db, id, input.effectiveTo, input.note, ctx.clock.now());
    await recordAudit(tx.db, ctx.actor, {
      action: 'indicator_threshold.update',
      entityType: 'indicator_threshold',
      entityId: id,
      summary: `修改阈值版本 ${row.indicator_code} 的失效日期为 ${input.effectiveTo ?? '长期有效'}`,
      before: { effectiveTo: row.effective_to, note: row.note },
      after: { effectiveTo: input.effectiveTo, ...(input.note !== undefined ? { note: input.note } : {}) },
    });
  });
  return versionById(ctx, id);
}

async function versionById(ctx: ServiceContext, id: number): Promise<ThresholdVersion> {
  const list = await listThresholds(ctx, {});
  return list.items.find((v) => v.id === id)!;
}
