/** API calls of the ethics area: the signed-in pages (cases, monitoring, reviews, the teacher's own matters). */
import type {
  AcceptInput,
  AppealDecisionInput,
  AppealInput,
  DecisionInput,
  DismissInput,
  EthicsCaseDetail,
  EthicsCaseSummary,
  EthicsCommitmentInput,
  EthicsMessageInput,
  EthicsMonitoring,
  EthicsReviewInput,
  EthicsReviewPage,
  FindingsInput,
  MyEthicsMatter,
  NoticeInput,
  OfficeCaseInput,
  Page,
  StatementInput,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

const c = (id: number) => `/ethics/cases/${id}`;

export const ethicsApi = {
  list: (query: QueryParams, signal?: AbortSignal) => api.get<Page<EthicsCaseSummary>>('/ethics/cases', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<EthicsCaseDetail>(c(id), undefined, signal),
  create: (input: OfficeCaseInput) => api.post<EthicsCaseDetail>('/ethics/cases', input),
  candidates: (id: number, schoolId: number | null) =>
    api.get<{ userId: number; displayName: string; level: 'district' | 'school' }[]>(`${c(id)}/handler-candidates`, {
      schoolId: schoolId ?? undefined,
    }),
  accept: (id: number, input: AcceptInput) => api.post<EthicsCaseDetail>(`${c(id)}/accept`, input),
  dismiss: (id: number, input: DismissInput) => api.post<EthicsCaseDetail>(`${c(id)}/dismiss`, input),
  findings: (id: number, input: FindingsInput) => api.post<EthicsCaseDetail>(`${c(id)}/findings`, input),
  statement: (id: number, input: StatementInput) => api.post<EthicsCaseDetail>(`${c(id)}/statement`, input),
  decide: (id: number, input: Omit<DecisionInput, 'measures'> & { measures: string[] }) =>
    api.post<EthicsCaseDetail>(`${c(id)}/decision`, input),
  reinvestigate: (id: number, input: DismissInput) => api.post<EthicsCaseDetail>(`${c(id)}/reinvestigate`, input),
  notice: (id: number, input: NoticeInput) => api.post<EthicsCaseDetail>(`${c(id)}/notice`, input),
  appeal: (id: number, input: AppealInput) => api.post<EthicsCaseDetail>(`${c(id)}/appeal`, input),
  appealDecision: (id: number, input: AppealDecisionInput) => api.post<EthicsCaseDetail>(`${c(id)}/appeal-decision`, input),
  close: (id: number, input: { expectedVersion?: number; note?: string }) => api.post<EthicsCaseDetail>(`${c(id)}/close`, input),
  message: (id: number, input: EthicsMessageInput) => api.post<EthicsCaseDetail>(`${c(id)}/messages`, input),
  reporter: (id: number) => api.post<{ name: string; contact: string }>(`${c(id)}/reporter`),
  fileUrl: (id: number, fileId: number) => `/api/v1${c(id)}/files/${fileId}`,
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiJson<EthicsCaseDetail>('POST', `${c(id)}/files`, { body: form });
  },
  myMatters: (signal?: AbortSignal) => api.get<MyEthicsMatter[]>('/ethics/my-matters', undefined, signal),
  myStatement: (id: number, input: StatementInput) => api.post<MyEthicsMatter[]>(`/ethics/my-matters/${id}/statement`, input),
  myAppeal: (id: number, input: AppealInput) => api.post<MyEthicsMatter[]>(`/ethics/my-matters/${id}/appeal`, input),
  monitoring: (query: QueryParams, signal?: AbortSignal) => api.get<EthicsMonitoring>('/ethics/monitoring', query, signal),
  reviews: (query: QueryParams, signal?: AbortSignal) => api.get<EthicsReviewPage>('/ethics/reviews', query, signal),
  saveReview: (input: EthicsReviewInput) => apiJson<{ ok: true }>('PUT', '/ethics/reviews', { body: input }),
  saveCommitment: (input: EthicsCommitmentInput) => apiJson<{ ok: true }>('PUT', '/ethics/commitments', { body: input }),
};
