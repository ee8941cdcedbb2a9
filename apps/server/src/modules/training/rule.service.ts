/**
 * Training rules as versioned configuration: each family (code) has versions with their document
 * number and effective date; the version in force on a day is the highest version effective by then.
 * 教师科 adds versions; nothing is edited in place, so past compliance stays reproducible.
 */
import type { TrainingRule, TrainingRuleInput, TrainingRuleList } from '@zhiping/contracts';
import type { TrainingRuleSpec, TrainingSubQuota } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import * as repo from './rule.repository.ts';
import { requireManager, requireTrainingReader, trainingAccess } from './training.policy.ts';

/** A rule version with its engine spec. */
export interface ResolvedRule {
  row: repo.RuleRow;
  spec: TrainingRuleSpec;
}

/** The engine's view of a rule row. */
export function specOf(r: repo.RuleRow): TrainingRuleSpec {
  return {
    cycleYears: r.cycle_years,
    cycleAnchor: r.cycle_anchor,
    requiredHours: Number(r.required_hours),
    subQuotas: (r.sub_quotas ?? []) as TrainingSubQuota[],
    seminarMinPerYear: r.seminar_min_per_year,
    warningMonths: r.warning_months,
    riskPaceFactor: Number(r.risk_pace_factor),
    isProrated: r.is_prorated,
  };
}

/** The version of each code in force on a day (or the earliest version when none is yet). */
export function currentVersions(rows: readonly repo.RuleRow[], asOf: string): repo.RuleRow[] {
  const byCode = new Map<string, repo.RuleRow>();
  for (const r of rows) {
    const best = byCode.get(r.code);
    const isEffective = r.effective_from <= asOf;
    if (!best) byCode.set(r.code, r);
    else if (isEffective && (best.effective_from > asOf || r.version > best.version)) byCode.set(r.code, r);
  }
  return [...byCode.values()];
}

/** Issuer order for the default rule: the district's own rule first, then city, province, national. */
const ISSUER_ORDER = ['district', 'city', 'province', 'national'];

/**
 * The rule to judge by: the code asked for, or by default the most local rule in force (the district's
 * 240/3 before the national 360/5). NOT_FOUND for an unknown code.
 */
export async function resolveRule(db: Kysely<DB>, code: string | undefined, asOf: string): Promise<ResolvedRule> {
  const current = currentVersions(await repo.findRules(db), asOf);
  const row = code
    ? current.find((r) => r.code === code)
    : [...current].sort((a, b) => ISSUER_ORDER.indexOf(a.issuer_level) - ISSUER_ORDER.indexOf(b.issuer_level))[0];
  if (!row) throw new AppError('NOT_FOUND', { userMessage: code ? `没有培训规则“${code}”` : '尚未配置培训规则，请先在“学时规则”中添加' });
  return { row, spec: specOf(row) };
}

/** The rule family counted by the 优质均衡 indicator (flagged is_indicator_basis), in force on a day. */
export async function resolveIndicatorRule(db: Kysely<DB>, asOf: string): Promise<ResolvedRule | null> {
  const current = currentVersions(await repo.findRules(db), asOf).filter((r) => r.is_indicator_basis);
  const row = current.sort((a, b) => (a.effective_from < b.effective_from ? 1 : -1))[0];
  return row ? { row, spec: specOf(row) } : null;
}

/** Every rule in force today (for pickers and the teacher's own page). */
export async function currentRules(db: Kysely<DB>, asOf: string): Promise<ResolvedRule[]> {
  return currentVersions(await repo.findRules(db), asOf)
    .sort((a, b) => ISSUER_ORDER.indexOf(a.issuer_level) - ISSUER_ORDER.indexOf(b.issuer_level))
    .map((row) => ({ row, spec: specOf(row) }));
}

function toRule(r: repo.RuleRow, current: ReadonlySet<number>): TrainingRule {
  return {
    id: r.id,
    code: r.code,
    version: r.version,
    name: r.name,
    issuerLevel: r.issuer_level,
    documentNumber: r.document_number,
    documentTitle: r.document_title,
    effectiveFrom: r.effective_from,
    cycleYears: r.cycle_years,
    cycleAnchor: r.cycle_anchor,
    requiredHours: Number(r.required_hours),
    subQuotas: (r.sub_quotas ?? []) as TrainingRule['subQuotas'],
    seminarMinPerYear: r.seminar_min_per_year,
    warningMonths: r.warning_months,
    riskPaceFactor: Number(r.risk_pace_factor),
    isProrated: r.is_prorated,
    isIndicatorBasis: r.is_indicator_basis,
    note: r.note,
    isCurrent: current.has(r.id),
    createdBy: r.created_by_name,
    createdAt: r.created_at.toISOString(),
  };
}

/** Every rule version, newest first within a code, with the ones in force marked. */
export async function listRules(ctx: ServiceContext): Promise<TrainingRuleList> {
  requireTrainingReader(trainingAccess(ctx.actor));
  const rows = await repo.findRules(ctx.db);
  const current = new Set(currentVersions(rows, ctx.clock.today()).map((r) => r.id));
  return { items: rows.map((r) => toRule(r, current)).sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version) };
}

/** Adds a version of a rule family (教师科). */
export async function createRuleVersion(ctx: ServiceContext, input: TrainingRuleInput): Promise<TrainingRule> {
  requireManager(trainingAccess(ctx.actor), '培训学时规则');
  for (const [i, q] of input.subQuotas.entries()) {
    if (q.minHours > input.requiredHours) throw invalid(`subQuotas.${i}.minHours`, `“${q.label}”的学时不能超过周期应修学时`);
  }
  const id = await inTransaction(ctx, async (tx) => {
    const version = (await repo.findLastVersion(tx.db, input.code)) + 1;
    const newId = await repo.insertRule(tx.db, {
      code: input.code,
      version,
      name: input.name,
      issuer_level: input.issuerLevel,
      document_number: input.documentNumber,
      document_title: input.documentTitle,
      effective_from: input.effectiveFrom,
      cycle_years: input.cycleYears,
      cycle_anchor: input.cycleAnchor,
      required_hours: input.requiredHours,
      sub_quotas: JSON.stringify(input.subQuotas),
      seminar_min_per_year: input.seminarMinPerYear,
      warning_months: input.warningMonths,
      risk_pace_factor: input.riskPaceFactor,
      is_prorated: input.isProrated,
      is_indicator_basis: input.isIndicatorBasis,
      note: input.note,
      created_by_name: tx.actor.displayName,
    });
    await recordAudit(tx.db, tx.actor, {
      action: 'training.rule.create',
      entityType: 'training_rule',
      entityId: newId,
      summary: `培训学时规则“${input.name}”第 ${version} 版（${input.documentNumber}，${input.cycleYears}年${input.requiredHours}学时，${input.effectiveFrom} 起）`,
      after: input,
    });
    return newId;
  });
  const rows = await repo.findRules(ctx.db);
  const current = new Set(currentVersions(rows, ctx.clock.today()).map((r) => r.id));
  return toRule(
    rows.find((r) => r.id === id)!,
    current,
  );
}
