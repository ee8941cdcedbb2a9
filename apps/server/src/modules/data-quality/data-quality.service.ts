/**
 * Use cases of data quality: the failures of a year by school (paged), their summary, the rules, and
 * district edits of the rules (validated expressions, audited). Indicators read the per-school counts
 * through countFailuresBySchool so values computed from failing inputs carry a warning.
 */
import type {
  DataQualityFailure,
  DataQualityQuery,
  DataQualityRule,
  DataQualityRuleInput,
  DataQualityRuleUpdate,
  DataQualitySummary,
  Page,
} from '@zhiping/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { requirePermission, scopeFor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { inAnalyticsSnapshot, refreshPlannerStatistics } from '../indicators/planner-statistics.service.ts';
import * as repo from './data-quality.repository.ts';
import { parseExpression, RuleExpressionError, TARGET_FIELDS, type RuleTarget } from './rule-expression.ts';

type Severity = 'error' | 'warning' | 'info';

function toRule(r: repo.RuleRow): DataQualityRule {
  return {
    code: r.code,
    name: r.name,
    target: r.target,
    left: r.left_expr,
    operator: r.operator as DataQualityRule['operator'],
    right: r.right_expr,
    whenLeft: r.when_left,
    whenOperator: r.when_operator as DataQualityRule['whenOperator'],
    whenRight: r.when_right,
    severity: r.severity,
    message: r.message,
    isEnabled: r.is_enabled,
    isBuiltin: r.is_builtin,
  };
}

async function resolveYear(db: Kysely<DB>, year: number | undefined): Promise<number> {
  await refreshPlannerStatistics(db);
  const y = year ?? (await repo.findLatestYear(db));
  if (y === null) throw new AppError('NOT_FOUND', { userMessage: '尚无学年统计数据' });
  return y;
}

/** One page of failures in the actor's scope, by school. */
export async function listFailures(ctx: ServiceContext, query: DataQualityQuery): Promise<Page<DataQualityFailure> & { year: number }> {
  const scope = scopeFor(ctx.actor, 'base:read');
  const year = await resolveYear(ctx.db, query.year);
  const rules = await repo.findRules(ctx.db);
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const rows = await inAnalyticsSnapshot(ctx.db, (db) =>
    repo.findFailurePage(
      db,
      rules,
      year,
      scope,
      { schoolId: query.schoolId, severity: query.severity, rule: query.rule },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    ),
  );
  return {
    year,
    items: rows.map((r) => {
      const rule = byCode.get(r.rule_code)!;
      return {
        ruleCode: r.rule_code,
        ruleName: rule.name,
        severity: rule.severity,
        message: rule.message,
        schoolId: r.school_id,
        schoolCode: r.school_code,
        schoolName: r.school_name,
        entity: r.entity,
        leftValue: r.left_value,
        rightValue: r.right_value,
      };
    }),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Failure counts of a year by severity, rule and school, in the actor's scope. */
export async function summariseFailures(ctx: ServiceContext, yearQuery: number | undefined): Promise<DataQualitySummary> {
  const scope = scopeFor(ctx.actor, 'base:read');
  const year = await resolveYear(ctx.db, yearQuery);
  const rules = await repo.findRules(ctx.db);
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const rows = await inAnalyticsSnapshot(ctx.db, (db) => repo.countFailures(db, rules, year, scope));
  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byRule = new Map<string, number>();
  const bySchool = new Map<string, DataQualitySummary['bySchool'][number]>();
  for (const r of rows) {
    const sev = byCode.get(r.rule_code)!.severity;
    bySeverity[sev] += r.n;
    byRule.set(r.rule_code, (byRule.get(r.rule_code) ?? 0) + r.n);
    const key = String(r.school_id);
    const s = bySchool.get(key) ?? {
      schoolId: r.school_id,
      schoolCode: r.school_code,
      schoolName: r.school_name,
      error: 0,
      warning: 0,
      info: 0,
    };
    s[sev] += r.n;
    bySchool.set(key, s);
  }
  return {
    year,
    total: bySeverity.error + bySeverity.warning + bySeverity.info,
    schoolsAffected: [...bySchool.values()].filter((s) => s.schoolId !== null).length,
    bySeverity,
    byRule: rules
      .filter((r) => byRule.has(r.code))
      .map((r) => ({ ruleCode: r.code, ruleName: r.name, severity: r.severity, count: byRule.get(r.code)! })),
    bySchool: [...bySchool.values()],
  };
}

/**
 * Failure counts per school and severity of a year, for the indicator warnings (whole district). With a
 * `gate`, the rules are read at once and the evaluation starts when the gate settles (the indicator
 * loader releases it once its inputs have arrived); no connection is held while waiting.
 */
export async function countFailuresBySchool(
  db: Kysely<DB>,
  year: number,
  gate?: Promise<unknown>,
): Promise<Map<number, Record<Severity, number>>> {
  const rules = await repo.findRules(db);
  const severity = new Map(rules.map((r) => [r.code, r.severity]));
  const out = new Map<number, Record<Severity, number>>();
  if (gate) await gate;
  for (const r of await inAnalyticsSnapshot(db, (x) => repo.countFailures(x, rules, year, { kind: 'district' }))) {
    if (r.school_id === null) continue;
    const c = out.get(r.school_id) ?? { error: 0, warning: 0, info: 0 };
    c[severity.get(r.rule_code)!] += r.n;
    out.set(r.school_id, c);
  }
  return out;
}

/** The rules and the fields each target offers. */
export async function listRules(ctx: ServiceContext): Promise<{ items: DataQualityRule[]; fields: Record<string, string[]> }> {
  scopeFor(ctx.actor, 'base:read');
  return {
    items: (await repo.findRules(ctx.db)).map(toRule),
    fields: Object.fromEntries(Object.entries(TARGET_FIELDS).map(([k, v]) => [k, [...v]])),
  };
}

function requireDistrictWriter(ctx: ServiceContext): void {
  requirePermission(ctx.actor, 'base:write');
  if (scopeFor(ctx.actor, 'base:write').kind !== 'district') throw new AppError('FORBIDDEN', { userMessage: '数据校验规则由区级用户维护' });
}

/** Checks every expression of a rule against its target's fields. */
function validateExpressions(r: Pick<DataQualityRuleInput, 'target' | 'left' | 'right' | 'whenLeft' | 'whenOperator' | 'whenRight'>): void {
  const target = r.target as RuleTarget;
  const check = (field: string, text: string | null) => {
    if (text === null) return;
    try {
      parseExpression(text, target);
    } catch (e) {
      if (e instanceof RuleExpressionError) throw invalid(field, e.message);
      throw e;
    }
  };
  check('left', r.left);
  check('right', r.right);
  const when = [r.whenLeft, r.whenOperator, r.whenRight];
  if (when.some((x) => x !== null) && when.some((x) => x === null)) throw invalid('whenLeft', '适用条件须同时填写左侧、运算符和右侧');
  check('whenLeft', r.whenLeft);
  check('whenRight', r.whenRight);
}

/** Adds a rule (district only, audited). */
export async function createRule(ctx: ServiceContext, input: DataQualityRuleInput): Promise<DataQualityRule> {
  requireDistrictWriter(ctx);
  validateExpressions(input);
  if (await repo.findRule(ctx.db, input.code))
    throw new AppError('CONFLICT', { userMessage: `规则代码 ${input.code} 已存在`, issues: [{ path: 'code', message: '规则代码已存在' }] });
  await inTransaction(ctx, async (tx) => {
    await repo.insertRule(tx.db, {
      code: input.code,
      name: input.name,
      target: input.target,
      left_expr: input.left,
      operator: input.operator,
      right_expr: input.right,
      when_left: input.whenLeft,
      when_operator: input.whenOperator,
      when_right: input.whenRight,
      severity: input.severity,
      message: input.message,
      is_enabled: input.isEnabled,
      is_builtin: false,
      sort_order: 1000,
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'data_quality_rule.create',
      entityType: 'data_quality_rule',
      entityId: input.code,
      summary: `新增数据校验规则 ${input.name}`,
      after: input,
    });
  });
  return toRule((await repo.findRule(ctx.db, input.code))!);
}

/** Changes a rule (district only, audited). */
export async function updateRule(ctx: ServiceContext, code: string, input: DataQualityRuleUpdate): Promise<DataQualityRule> {
  requireDistrictWriter(ctx);
  const current = await repo.findRule(ctx.db, code);
  if (!current) throw notFound('校验规则');
  const before = toRule(current);
  const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as DataQualityRule;
  validateExpressions(next);
  await inTransaction(ctx, async (tx) => {
    await repo.updateRule(tx.db, code, {
      name: next.name,
      target: next.target,
      left_expr: next.left,
      operator: next.operator,
      right_expr: next.right,
      when_left: next.whenLeft,
      when_operator: next.whenOperator,
      when_right: next.whenRight,
      severity: next.severity,
      message: next.message,
      is_enabled: next.isEnabled,
      updated_at: ctx.clock.now(),
    });
    await recordAudit(tx.db, ctx.actor, {
      action: 'data_quality_rule.update',
      entityType: 'data_quality_rule',
      entityId: code,
      summary: `修改数据校验规则 ${next.name}`,
      before,
      after: next,
    });
  });
  return toRule((await repo.findRule(ctx.db, code))!);
}
