/** API calls of responsible inspectors (责任督学): responsibilities, visits, calendar, public card. */
import type {
  InspectorProfileInput,
  InspectorSettings,
  InspectorSummary,
  Page,
  PublicCard,
  Responsibility,
  Visit,
  VisitCalendar,
  VisitInput,
  VisitStart,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

export const inspectorsApi = {
  list: (signal?: AbortSignal) => api.get<{ items: InspectorSummary[] }>('/inspectors', undefined, signal),
  saveProfile: (userId: number, input: InspectorProfileInput) =>
    apiJson<InspectorSummary>('PUT', `/inspectors/${userId}/profile`, { body: input }),
  settings: (signal?: AbortSignal) => api.get<InspectorSettings>('/inspectors/settings', undefined, signal),
  saveSettings: (input: InspectorSettings) => apiJson<InspectorSettings>('PUT', '/inspectors/settings', { body: input }),
  responsibilities: (query: QueryParams, signal?: AbortSignal) =>
    api.get<{ intervalDays: number; items: Responsibility[] }>('/inspectors/responsibilities', query, signal),
  assign: (schoolId: number, inspectorId: number | null, since: string) =>
    apiJson<Responsibility>('PUT', '/inspectors/responsibilities', { body: { schoolId, inspectorId, since } }),
  visits: (query: QueryParams, signal?: AbortSignal) => api.get<Page<Visit>>('/inspectors/visits', query, signal),
  recordVisit: (input: VisitInput) => api.post<Visit>('/inspectors/visits', input),
  calendar: (from: string, to: string, signal?: AbortSignal) => api.get<VisitCalendar>('/inspectors/calendar', { from, to }, signal),
  visitStart: (schoolId: number, signal?: AbortSignal) =>
    api.get<VisitStart>(`/inspectors/schools/${schoolId}/visit-start`, undefined, signal),
  publicCard: (schoolId: number, signal?: AbortSignal) => api.get<PublicCard>(`/inspectors/public/cards/${schoolId}`, undefined, signal),
};
