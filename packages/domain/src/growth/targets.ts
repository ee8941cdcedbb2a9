/**
 * Yearly targets of teacher growth shown on the district dashboard. The values in force are versioned
 * rows in the database (growth_target, seeded with the figures below and their source); this module
 * knows their meaning and picks the version in force for a year.
 */

export const TARGET_KEYS = ['demo_lessons', 'teaching_experts', 'studios', 'rural_coverage'] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

export const TARGET_LABELS: Record<TargetKey, { label: string; unit: string }> = {
  demo_lessons: { label: '示范课（节/年）', unit: '节' },
  teaching_experts: { label: '教学能手（名/年）', unit: '名' },
  studios: { label: '名校长·名班主任·名师工作室', unit: '个' },
  rural_coverage: { label: '专家团队结对农村学校覆盖率', unit: '%' },
};

/** One stored version of a target. */
export interface TargetVersion {
  key: TargetKey;
  value: number;
  validFromYear: number;
  source: string;
}

/** The version of each target in force in a year (the latest one starting on or before it). */
export function targetsInForce(versions: readonly TargetVersion[], year: number): Map<TargetKey, TargetVersion> {
  const out = new Map<TargetKey, TargetVersion>();
  for (const v of versions) {
    if (v.validFromYear > year) continue;
    const cur = out.get(v.key);
    if (!cur || v.validFromYear > cur.validFromYear) out.set(v.key, v);
  }
  return out;
}

/** Progress towards a target in percent (one decimal, capped at 999.9); null without a positive target. */
export function progressPercent(actual: number, target: number | undefined): number | null {
  if (!target || target <= 0) return null;
  return Math.min(999.9, Math.round((actual / target) * 1000) / 10);
}
