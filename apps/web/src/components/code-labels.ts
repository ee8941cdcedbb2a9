/** Chinese labels of code values, from the code lists in @zhiping/domain (never retyped here). */
import { findSchoolType, STAGE_LABELS, type Stage } from '@zhiping/domain';

/** A code list as defined in @zhiping/domain. */
export interface CodeList {
  values: readonly string[];
  labels: Readonly<Record<string, string>>;
}

/** The label of a value, the raw value when unknown, or "—" when empty. */
export function labelOf(list: CodeList, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return list.labels[value] ?? value;
}

/** Select options of a code list, in the list's order. */
export function optionsOf(list: CodeList): { value: string; label: string }[] {
  return list.values.map((value) => ({ value, label: list.labels[value] ?? value }));
}

/** Label of a stage code. */
export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return '—';
  return STAGE_LABELS[stage as Stage] ?? stage;
}

/** Stage select options. */
export const STAGE_OPTIONS = Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }));

/** Label of a 办学类型 code ("211 小学" style is left to the caller). */
export function schoolTypeLabel(code: string): string {
  return findSchoolType(code)?.name ?? code;
}
