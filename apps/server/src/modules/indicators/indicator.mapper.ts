/** Domain indicator values and definitions → contract shapes (display strings, numeric school ids). */
import type { IndicatorDefinition as DefinitionDto, IndicatorThreshold, IndicatorValue as ValueDto } from '@zhiping/contracts';
import {
  formatIndicatorValue,
  getIndicator,
  type IndicatorDefinition,
  type IndicatorValue,
  type Stage,
  type Threshold,
} from '@zhiping/domain';

/** A threshold version as the API shows it. */
export function toThresholdDto(t: Threshold): IndicatorThreshold {
  return {
    value: t.value,
    comparator: t.comparator,
    level: t.level,
    document: t.document,
    effectiveFrom: t.effectiveFrom,
    effectiveTo: t.effectiveTo ?? null,
    note: t.note,
  };
}

/** One value with its formatted display. */
export function toValueDto(v: IndicatorValue): ValueDto {
  const def = getIndicator(v.code);
  const stage = v.scope.stage ?? (def.stages.length === 1 ? def.stages[0]! : null);
  return {
    code: v.code,
    name: def.name,
    unit: def.unit,
    level: v.scope.level,
    stage: stage as Stage | null,
    schoolId: v.scope.schoolId !== undefined ? Number(v.scope.schoolId) : null,
    schoolName: v.scope.schoolId !== undefined ? (v.scope.label ?? null) : null,
    numerator: v.numerator,
    denominator: v.denominator,
    value: v.value,
    display: v.value === null ? null : formatIndicatorValue(v.code, v.value, v.threshold?.value),
    reason: v.reason,
    threshold: v.threshold ? toThresholdDto(v.threshold) : null,
    status: v.status,
    warnings: [...new Set(v.warnings)],
  };
}

/** A catalog definition with the thresholds in force per stage. */
export function toDefinitionDto(d: IndicatorDefinition, thresholds: DefinitionDto['thresholds'], computedFromData: boolean): DefinitionDto {
  return {
    code: d.code,
    name: d.name,
    definition: d.definition,
    source: d.source,
    unit: d.unit,
    factor: d.factor,
    precision: d.precision,
    levels: [...d.levels],
    stages: [...d.stages],
    direction: d.direction,
    numeratorLabel: d.numeratorLabel,
    denominatorLabel: d.denominatorLabel,
    confidence: d.confidence,
    note: d.note ?? null,
    computedFromData,
    thresholds,
  };
}
