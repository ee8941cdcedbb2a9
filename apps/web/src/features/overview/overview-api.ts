import type { DistrictInfo, DistrictOverview } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';

/** Counts of the district (or the user's own school) for a school year; latest year when omitted. */
export function fetchOverview(year: number | undefined, signal: AbortSignal): Promise<DistrictOverview> {
  return api.get<DistrictOverview>('/district/overview', { year }, signal);
}

/** The district with its streets (街镇) and the years that have data. */
export function fetchDistrict(signal: AbortSignal): Promise<DistrictInfo> {
  return api.get<DistrictInfo>('/district', undefined, signal);
}
