/**
 * The indicator catalog: every indicator Zhiping computes, defined once (conventions rule 7).
 */
import { BALANCED_CV_DEFINITIONS, BALANCED_ITEM_DEFINITIONS, BALANCED_RESOURCE_DEFINITIONS } from './catalog-balanced.ts';
import { COMPULSORY_DEFINITIONS } from './catalog-compulsory.ts';
import {
  HIGH_SCHOOL_DEFINITIONS,
  ORGANISATION_DEFINITIONS,
  PRESCHOOL_DEFINITIONS,
  SURVEY_DEFINITIONS,
  TEACHER_DEFINITIONS,
} from './catalog-other.ts';
import type { IndicatorDefinition } from './types.ts';

/** Every indicator definition, grouped by area in display order. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...BALANCED_RESOURCE_DEFINITIONS,
  ...BALANCED_CV_DEFINITIONS,
  ...BALANCED_ITEM_DEFINITIONS,
  ...COMPULSORY_DEFINITIONS,
  ...PRESCHOOL_DEFINITIONS,
  ...HIGH_SCHOOL_DEFINITIONS,
  ...TEACHER_DEFINITIONS,
  ...ORGANISATION_DEFINITIONS,
  ...SURVEY_DEFINITIONS,
];

const BY_CODE = new Map(INDICATORS.map((d) => [d.code, d]));

/** Looks up an indicator definition; undefined for an unknown code. */
export function findIndicator(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}

/** Returns an indicator definition, throwing for an unknown code (a programming error, not a data error). */
export function getIndicator(code: string): IndicatorDefinition {
  const def = BY_CODE.get(code);
  if (!def) throw new Error(`Unknown indicator code: ${code}`);
  return def;
}
