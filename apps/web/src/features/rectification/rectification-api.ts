/** API calls of rectification items (整改). */
import type {
  EvaluationEvidence,
  Page,
  RectificationDashboard,
  RectificationDetail,
  RectificationInput,
  RectificationSummary,
  TransitionRequest,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

export const rectificationApi = {
  list: (query: QueryParams, signal?: AbortSignal) => api.get<Page<RectificationSummary>>('/rectifications', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<RectificationDetail>(`/rectifications/${id}`, undefined, signal),
  create: (input: RectificationInput) => api.post<RectificationDetail>('/rectifications', input),
  progress: (id: number, note: string) => api.post<RectificationDetail>(`/rectifications/${id}/progress`, { note }),
  transition: (id: number, body: TransitionRequest) => api.post<RectificationDetail>(`/rectifications/${id}/transitions`, body),
  dashboard: (signal?: AbortSignal) => api.get<RectificationDashboard>('/rectifications/dashboard', undefined, signal),
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiJson<EvaluationEvidence>('POST', `/rectifications/${id}/evidence`, { body: form });
  },
};
