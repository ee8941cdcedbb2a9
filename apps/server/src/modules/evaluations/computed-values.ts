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

/** The computed values of a template's computed check points for one school. */
export async function resolveComputedValues(
  db: Kysely<DB>,
  template: RubricTemplate,
  schoolId: number,
  periodStart: string,
): Promise<ComputedValue[]> {
  const points = listCheckpoints(template).filter((n) => n.method?.kind === 'computed');
  if (points.length === 0) return [];
  let values: IndicatorValue[] = [];
  let yearReason: string | null = null;
  try {
    const wanted = schoolYearOf(periodStart);
    let loaded = await loadYear(db, undefined);
    if (loaded.years.includes(wanted)) loaded = await loadYear(db, wanted);
    else if (loaded.years.some((y) => y < wanted)) loaded = await loadYear(db, Math.max(...loaded.years.filter((y) => y < wanted)));
    values = schoolValuesOf(loaded.model, schoolId);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    yearReason = e.userMessage;
  }
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
    if (yearReason) return { code: node.code, source: method.source, label, value: null, reason: yearReason, points: null };
    const v = values.find((x) => x.code === spec.code && (spec.stage === undefined || x.scope.stage === spec.stage));
    if (!v || v.value === null)
      return { code: node.code, source: method.source, label, value: null, reason: v?.reason ?? '该校没有相应的基础数据', points: null };
    const value = Math.round(v.value * 100) / 100;
    return { code: node.code, source: method.source, label, value, reason: null, points: pointsForComputedValue(method, value) };
  });
}
