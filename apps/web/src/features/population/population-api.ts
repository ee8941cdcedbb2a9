import type { PopulationRow } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';

export interface PopulationAnswer {
  items: PopulationRow[];
  years: number[];
}

/** Population by single year of age for a year, region and 口径 (all when omitted). */
export function fetchPopulation(
  query: { year?: number; basis?: string; regionCode?: string },
  signal: AbortSignal,
): Promise<PopulationAnswer> {
  return api.get<PopulationAnswer>('/population', query, signal);
}
