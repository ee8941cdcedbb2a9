/**
 * The indicators the overview and the big screen lead with: the two county assessments' headline
 * figures and the resource, class-size, enrolment and teacher indicators a bureau reports every year.
 */
import type { IndicatorValue } from '@zhiping/contracts';

export interface KeyIndicator {
  code: string;
  /** The stage of the value shown; null for indicators without stages. */
  stage: string | null;
}

export const KEY_INDICATORS: readonly KeyIndicator[] = [
  { code: 'balanced.schools_passing_share', stage: 'primary' },
  { code: 'balanced.schools_passing_share', stage: 'junior' },
  { code: 'balanced.teaching_area_per_student', stage: 'primary' },
  { code: 'balanced.backbone_teachers_per100', stage: 'junior' },
  { code: 'compulsory.large_class_share', stage: 'primary' },
  { code: 'compulsory.junior_retention_rate', stage: 'junior' },
  { code: 'compulsory.migrant_children_public_share', stage: null },
  { code: 'preschool.gross_enrolment_rate', stage: 'preschool' },
  { code: 'preschool.inclusive_share', stage: 'preschool' },
  { code: 'preschool.public_share', stage: 'preschool' },
  { code: 'high_school.gross_enrolment_rate', stage: null },
  { code: 'teachers.rotation_share', stage: null },
];

/** The key indicators' values found in a list, in the key order (missing ones left out). */
export function pickKeyValues(items: readonly IndicatorValue[]): IndicatorValue[] {
  return KEY_INDICATORS.flatMap((k) => items.filter((v) => v.code === k.code && v.stage === k.stage).slice(0, 1));
}

/** Counts of values by status. */
export function countByStatus(items: readonly IndicatorValue[]): Record<IndicatorValue['status'], number> {
  const out = { met: 0, not_met: 0, no_threshold: 0, no_data: 0 };
  for (const v of items) out[v.status] += 1;
  return out;
}
