/**
 * Builders of IndicatorValue: a ratio (numerator × factor ÷ denominator) or a plain measure, checked
 * against the threshold in force. Every indicator function in this folder ends here.
 */
import { getIndicator } from './catalog.ts';
import { compareToThreshold, resolveThresholdCached } from './thresholds.ts';
import type { EvaluationContext, IndicatorScope, IndicatorStatus, IndicatorValue, Threshold } from './types.ts';

/** Inputs of a ratio indicator. */
export interface RatioIndicatorInput {
  code: string;
  numerator: number;
  denominator: number;
  scope: IndicatorScope;
  context: EvaluationContext;
  /** Caveats found by the caller (variants used, data assumed). */
  warnings?: string[];
}

/** Inputs of a plain-measure indicator (a class size, a school size). */
export interface MeasureIndicatorInput {
  code: string;
  /** The measure; null when it cannot be computed. */
  value: number | null;
  scope: IndicatorScope;
  context: EvaluationContext;
  /** Why value is null. */
  reason?: string;
  warnings?: string[];
}

const isValidNumber = (x: number) => Number.isFinite(x) && x >= 0;

/** Status of an unrounded value against a threshold (null value → no_data; no threshold → no_threshold). */
export function statusOf(value: number | null, threshold: Threshold | null): IndicatorStatus {
  if (value === null) return 'no_data';
  if (threshold === null) return 'no_threshold';
  return compareToThreshold(value, threshold) ? 'met' : 'not_met';
}

function finish(
  code: string,
  scope: IndicatorScope,
  context: EvaluationContext,
  parts: { numerator: number | null; denominator: number | null; value: number | null; reason: string | null },
  warnings: string[],
): IndicatorValue {
  // An indicator of a single stage (e.g. 初中三年巩固率) needs no stage in its scope to find its threshold.
  const stages = getIndicator(code).stages;
  const stage = scope.stage ?? (stages.length === 1 ? stages[0]! : null);
  const resolved = resolveThresholdCached(context.thresholds, code, stage, context.asOf);
  // Built field by field (no spreads): hundreds of thousands of values are made per computed year.
  return {
    code,
    scope,
    numerator: parts.numerator,
    denominator: parts.denominator,
    value: parts.value,
    reason: parts.reason,
    threshold: resolved.threshold,
    status: statusOf(parts.value, resolved.threshold),
    warnings: resolved.warnings.length === 0 ? warnings.slice() : [...warnings, ...resolved.warnings],
  };
}

/** Computes numerator × factor ÷ denominator for a catalog indicator; null with a reason when the denominator is 0 or data is invalid. */
export function computeRatioIndicator(input: RatioIndicatorInput): IndicatorValue {
  const def = getIndicator(input.code);
  const { numerator, denominator } = input;
  const warnings = input.warnings ?? [];
  if (!isValidNumber(numerator) || !isValidNumber(denominator)) {
    const reason = `数据无效：${def.numeratorLabel} ${numerator}，${def.denominatorLabel} ${denominator}`;
    return finish(input.code, input.scope, input.context, { numerator, denominator, value: null, reason }, warnings);
  }
  if (denominator === 0) {
    const reason = `${def.denominatorLabel}为0，无法计算${def.name}`;
    return finish(input.code, input.scope, input.context, { numerator, denominator, value: null, reason }, warnings);
  }
  // Multiply first: integer counts × 100 ÷ integer is correctly rounded, so 42 of 1000 gives exactly 4.2.
  const value = (numerator * def.factor) / denominator;
  return finish(input.code, input.scope, input.context, { numerator, denominator, value, reason: null }, warnings);
}

/** Wraps a plain measure of a catalog indicator with its threshold and status. */
export function computeMeasureIndicator(input: MeasureIndicatorInput): IndicatorValue {
  getIndicator(input.code);
  const value = input.value !== null && Number.isFinite(input.value) ? input.value : null;
  const reason = value === null ? (input.reason ?? '缺少数据') : null;
  return finish(input.code, input.scope, input.context, { numerator: value, denominator: null, value, reason }, input.warnings ?? []);
}

/** Attaches a value computed elsewhere (e.g. a CV with its S and X̄) to its threshold. */
export function computeDerivedIndicator(input: {
  code: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  reason: string | null;
  scope: IndicatorScope;
  context: EvaluationContext;
  warnings?: string[];
}): IndicatorValue {
  getIndicator(input.code);
  const { numerator, denominator, value, reason } = input;
  return finish(input.code, input.scope, input.context, { numerator, denominator, value, reason }, input.warnings ?? []);
}
