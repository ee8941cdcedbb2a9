/**
 * Resolves computed check points (COMPUTED_SOURCES) from Zhiping's own data through the indicators
 * service, so inspectors never re-type what the district already holds. The school year is the one the
 * campaign starts in (September onwards), falling back to the latest year with data; a source without
 * a value (no data, or no resolver yet) answers null with the reason and is scored by hand.
 */
import type { ComputedValue } from '@zhiping/contracts';
import {
  COMPUTED_SOURCES,
  isKnownComputedSource,
  listCheckpoints,
  pointsForComputedValue,
  type IndicatorValue,
  type RubricTemplate,
} from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { loadYear, schoolValuesOf } from '../indicators/indicator.service.ts';

/** Which indicator value stands for each computed source (sources not listed have no resolver yet). */
const SOURCE_INDICATORS: Record<string, { code: string; stage?: string }> = {
  'base.kindergarten_class_size_compliance': { code: 'preschool.class_size_compliance_rate' },
  'base.kindergarten_children_per_teacher': { code: 'preschool.children_per_teacher' },
  'base.kindergarten_teacher_certified_rate': { code: 'teachers.certificate_rate', stage: 'preschool' },
};

/** The school year a date falls in (a school year starts on 1 September). */
export function schoolYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/** The indicator values of one school year, loaded once for many schools. */
export interface ComputedSourceData {
  valuesOf(schoolId: number): IndicatorValue[];
  /** Why nothing can be computed (no statistics at all), or null. */
  reason: string | null;
}

/** Loads the year a campaign starting on `periodStart` is computed from (the latest earlier year when it has no data). */
export async function loadComputedSource(db: Kysely<DB>, periodStart: string): Promise<ComputedSourceData> {
  const wanted = schoolYearOf(periodStart);
  try {
    let loaded;
    try {
      loaded = await loadYear(db, wanted);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const latest = await loadYear(db, undefined);
      const earlier = latest.years.filter((y) => y < wanted);
      loaded = earlier.length > 0 ? await loadYear(db, Math.max(...earlier)) : latest;
    }
    const model = loaded.model;
    return { valuesOf: (schoolId) => schoolValuesOf(model, schoolId), reason: null };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { valuesOf: () => [], reason: e.userMessage };
  }
}

/** The computed values of a template's computed check points for one school, from loaded indicator values. */
export function computedValuesOf(template: RubricTemplate, schoolId: number, source: ComputedSourceData): ComputedValue[] {
  const points = listCheckpoints(template).filter((n) => n.method?.kind === 'computed');
  const values = points.length > 0 ? source.valuesOf(schoolId) : [];
  return points.map((node) => {
    const method = node.method!;
    if (method.kind !== 'computed') throw new Error('unreachable');
    const label = isKnownComputedSource(method.source) ? COMPUTED_SOURCES[method.source].label : method.source;
    const spec = SOURCE_INDICATORS[method.source];
    if (!spec)
      return {
        code: node.code,
        source: method.source,
        label,
        value: null,
        reason: '平台暂未提供该项数据，请人工评分并说明理由',
        points: null,
      };
    if (source.reason) return { code: node.code, source: method.source, label, value: null, reason: source.reason, points: null };
    const v = values.find((x) => x.code === spec.code && (spec.stage === undefined || x.scope.stage === spec.stage));
    if (!v || v.value === null)
      return { code: node.code, source: method.source, label, value: null, reason: v?.reason ?? '该校没有相应的基础数据', points: null };
    const value = Math.round(v.value * 100) / 100;
    return { code: node.code, source: method.source, label, value, reason: null, points: pointsForComputedValue(method, value) };
  });
}

/** The computed values of a template's computed check points for one school. */
export async function resolveComputedValues(
  db: Kysely<DB>,
  template: RubricTemplate,
  schoolId: number,
  periodStart: string,
): Promise<ComputedValue[]> {
  if (!listCheckpoints(template).some((n) => n.method?.kind === 'computed')) return [];
  return computedValuesOf(template, schoolId, await loadComputedSource(db, periodStart));
}
