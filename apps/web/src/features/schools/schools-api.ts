/** Calls of the /schools and /district endpoints. */
import type { Page, SchoolDetail, SchoolInput, SchoolSummary, SchoolUpdate, SchoolYearData } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

export { fetchDistrict } from '../overview/overview-api.ts';

/** One page of schools with the list filters. */
export function fetchSchools(query: QueryParams, signal: AbortSignal): Promise<Page<SchoolSummary>> {
  return api.get<Page<SchoolSummary>>('/schools', query, signal);
}

/** A school with its dated history and the years that have figures. */
export function fetchSchool(id: number, signal: AbortSignal): Promise<SchoolDetail> {
  return api.get<SchoolDetail>(`/schools/${id}`, undefined, signal);
}

/** Per-grade statistics and 办学条件 of one school year. */
export function fetchSchoolYear(id: number, year: number, signal: AbortSignal): Promise<SchoolYearData> {
  return api.get<SchoolYearData>(`/schools/${id}/years/${year}`, undefined, signal);
}

/** Creates a school (district users). */
export function createSchool(input: SchoolInput): Promise<SchoolDetail> {
  return api.post<SchoolDetail>('/schools', input);
}

/** Changes a school from a date on; earlier years keep the old values. */
export function updateSchool(id: number, input: SchoolUpdate): Promise<SchoolDetail> {
  return api.patch<SchoolDetail>(`/schools/${id}`, input);
}
