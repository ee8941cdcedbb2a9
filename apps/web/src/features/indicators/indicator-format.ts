/** Display of indicator values, thresholds and stages, from the catalog in @zhiping/domain. */
import type { IndicatorThreshold, IndicatorValue } from '@zhiping/contracts';
import { THRESHOLD_LEVEL_NAMES } from '@zhiping/contracts';
import { findIndicator, formatIndicatorValue, formatThreshold, STAGE_LABELS, type Stage } from '@zhiping/domain';

/** '≥4.5m²' for a threshold, or '—'. */
export function thresholdText(code: string, t: IndicatorThreshold | null): string {
  if (!t) return '—';
  return findIndicator(code) ? formatThreshold(code, t) : `${t.comparator === '>=' ? '≥' : '≤'}${t.value}`;
}

/** '国家 · 《…》第六条 [V]': who set the threshold and in which document. */
export function thresholdSource(t: IndicatorThreshold): string {
  return `${THRESHOLD_LEVEL_NAMES[t.level]} · ${t.document}${t.note ? `（${t.note}）` : ''}`;
}

/** The value as the server formatted it, or '—'. */
export function valueText(v: Pick<IndicatorValue, 'display'>): string {
  return v.display ?? '—';
}

/** Formats a plain number of an indicator (chart axes, distribution bounds). */
export function formatValueOf(code: string, value: number | null): string {
  if (value === null) return '—';
  return findIndicator(code) ? formatIndicatorValue(code, value) : String(Math.round(value * 100) / 100);
}

/** 小学 / 初中 …; '全学段' when a value has no stage. */
export function stageName(stage: string | null): string {
  if (!stage) return '全学段';
  return STAGE_LABELS[stage as Stage] ?? stage;
}

/** The chart-friendly number of a value: the unrounded value rounded to its display precision (+2). */
export function chartNumber(code: string, value: number | null): number | null {
  if (value === null) return null;
  const digits = (findIndicator(code)?.precision ?? 2) + 2;
  return Number(value.toFixed(digits));
}

/** Query string of an indicator page link. */
export function indicatorPath(code: string, stage: string | null, year?: number): string {
  const q = new URLSearchParams();
  if (stage) q.set('stage', stage);
  if (year) q.set('year', String(year));
  const s = q.toString();
  return `/indicators/${encodeURIComponent(code)}${s ? `?${s}` : ''}`;
}
