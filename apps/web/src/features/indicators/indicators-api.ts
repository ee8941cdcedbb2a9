/** Calls of the /indicators and /schools/:id/indicators endpoints. */
import type {
  IndicatorCatalog,
  IndicatorDrillDown,
  IndicatorList,
  IndicatorSchools,
  IndicatorTrend,
  SchoolIndicators,
} from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';

/** Filters of district values (street and sponsor are for district users only). */
export interface IndicatorFilters {
  year?: number;
  stage?: string;
  streetId?: number;
  sponsor?: string;
}

/** District values under the filters (latest year when none given). */
export function fetchIndicators(f: IndicatorFilters, signal: AbortSignal): Promise<IndicatorList> {
  return api.get<IndicatorList>('/indicators', { ...f }, signal);
}

/** Every definition with the threshold in force per stage. */
export function fetchCatalog(signal: AbortSignal): Promise<IndicatorCatalog> {
  return api.get<IndicatorCatalog>('/indicators/catalog', undefined, signal);
}

/** The district value over five school years up to `to`. */
export function fetchTrend(
  q: { code: string; stage: string | null; to?: number; streetId?: number; sponsor?: string },
  signal: AbortSignal,
): Promise<IndicatorTrend> {
  return api.get<IndicatorTrend>('/indicators/trend', { ...q, years: 5 }, signal);
}

/** Every school's value of one indicator, ranked, with the distribution. */
export function fetchIndicatorSchools(code: string, q: { year?: number; stage?: string }, signal: AbortSignal): Promise<IndicatorSchools> {
  return api.get<IndicatorSchools>(`/indicators/${encodeURIComponent(code)}/schools`, q, signal);
}

/** One school's numerator, denominator and the records behind them. */
export function fetchDrillDown(
  code: string,
  schoolId: number,
  q: { year?: number; stage?: string },
  signal: AbortSignal,
): Promise<IndicatorDrillDown> {
  return api.get<IndicatorDrillDown>(`/indicators/${encodeURIComponent(code)}/schools/${schoolId}`, q, signal);
}

/** A school's own indicator page. */
export function fetchSchoolIndicators(schoolId: number, year: number | undefined, signal: AbortSignal): Promise<SchoolIndicators> {
  return api.get<SchoolIndicators>(`/schools/${schoolId}/indicators`, { year }, signal);
}
