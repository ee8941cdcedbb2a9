/** Calls of the /data-quality endpoints: failures of the validation rules by school, and their summary. */
import type { DataQualityFailure, DataQualitySummary, Page } from '@zhiping/contracts';
import { LIMITS } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

export type FailurePage = Page<DataQualityFailure> & { year: number };

/** One page of failures (sorted by school). */
export function fetchFailures(query: QueryParams, signal?: AbortSignal): Promise<FailurePage> {
  return api.get<FailurePage>('/data-quality', query, signal);
}

/** Counts by severity, rule and school. */
export function fetchSummary(year: number | undefined, signal: AbortSignal): Promise<DataQualitySummary> {
  return api.get<DataQualitySummary>('/data-quality/summary', { year }, signal);
}

/** Every failure under the filters, page by page (for the xlsx export). */
export async function fetchAllFailures(query: QueryParams): Promise<DataQualityFailure[]> {
  const out: DataQualityFailure[] = [];
  for (let page = 1; ; page++) {
    const p = await fetchFailures({ ...query, page, pageSize: LIMITS.pageSizeMax });
    out.push(...p.items);
    if (out.length >= p.total || p.items.length === 0) return out;
  }
}
