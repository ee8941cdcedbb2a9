/** API calls of teaching-achievement awards (教育教学成果奖). */
import type {
  AwardApplicationDetail,
  AwardApplicationInput,
  AwardApplicationSummary,
  AwardAssignmentBoard,
  AwardCallDetail,
  AwardCallInput,
  AwardCallSummary,
  AwardCallTransition,
  AwardDrawResult,
  AwardExpert,
  AwardNotice,
  AwardObjection,
  AwardOverview,
  AwardRanking,
  AwardReviewSheet,
  AwardReviewTask,
  AwardScoreInput,
  AwardTeacherOption,
  EvaluationEvidence,
  Page,
  TeacherAwards,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';

const put = <T>(path: string, body: unknown) => apiJson<T>('PUT', path, { body });
import type { QueryParams } from '../../lib/query-string.ts';

export const awardsApi = {
  calls: (query: QueryParams, signal?: AbortSignal) => api.get<Page<AwardCallSummary>>('/awards/calls', query, signal),
  call: (id: number, signal?: AbortSignal) => api.get<AwardCallDetail>(`/awards/calls/${id}`, undefined, signal),
  createCall: (input: AwardCallInput) => api.post<AwardCallDetail>('/awards/calls', input),
  updateCall: (id: number, input: AwardCallInput) => put<AwardCallDetail>(`/awards/calls/${id}`, input),
  transition: (id: number, body: AwardCallTransition) => api.post<AwardCallDetail>(`/awards/calls/${id}/transitions`, body),
  board: (id: number, signal?: AbortSignal) => api.get<AwardAssignmentBoard>(`/awards/calls/${id}/assignments`, undefined, signal),
  draw: (id: number, seed?: number) => api.post<AwardDrawResult>(`/awards/calls/${id}/draw`, seed ? { seed } : {}),
  assign: (applicationId: number, expertIds: number[]) =>
    put<AwardAssignmentBoard>(`/awards/applications/${applicationId}/reviewers`, { expertIds }),
  ranking: (id: number, signal?: AbortSignal) => api.get<AwardRanking>(`/awards/calls/${id}/ranking`, undefined, signal),
  notice: (id: number, signal?: AbortSignal) => api.get<AwardNotice>(`/awards/calls/${id}/notice`, undefined, signal),
  object: (id: number, applicationId: number, content: string) =>
    api.post<AwardObjection>(`/awards/calls/${id}/objections`, { applicationId, content }),
  decide: (id: number, objectionId: number, decision: 'upheld' | 'dismissed', note: string) =>
    api.post<AwardObjection>(`/awards/calls/${id}/objections/${objectionId}/decision`, { decision, note }),
  recommend: (id: number, applicationIds: number[]) => put<{ ok: true }>(`/awards/calls/${id}/recommendation`, { applicationIds }),
  cityResults: (id: number, results: { applicationId: number; result: string; note?: string }[]) =>
    put<{ ok: true }>(`/awards/calls/${id}/city-results`, { results }),
  overview: (signal?: AbortSignal) => api.get<AwardOverview>('/awards/overview', undefined, signal),
  applications: (query: QueryParams, signal?: AbortSignal) => api.get<Page<AwardApplicationSummary>>('/awards/applications', query, signal),
  application: (id: number, signal?: AbortSignal) => api.get<AwardApplicationDetail>(`/awards/applications/${id}`, undefined, signal),
  createApplication: (input: AwardApplicationInput) => api.post<AwardApplicationDetail>('/awards/applications', input),
  updateApplication: (id: number, input: AwardApplicationInput) => put<AwardApplicationDetail>(`/awards/applications/${id}`, input),
  submission: (id: number, action: 'submit' | 'withdraw') =>
    api.post<AwardApplicationDetail>(`/awards/applications/${id}/submission`, { action }),
  check: (id: number, decision: 'pass' | 'return', note: string) =>
    api.post<AwardApplicationDetail>(`/awards/applications/${id}/check`, { decision, note }),
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiJson<EvaluationEvidence>('POST', `/awards/applications/${id}/attachments`, { body: form });
  },
  teacherOptions: (q: string, schoolId: number | undefined, signal?: AbortSignal) =>
    api.get<AwardTeacherOption[]>('/awards/teacher-options', { q, schoolId }, signal),
  teacherAwards: (teacherId: number, signal?: AbortSignal) => api.get<TeacherAwards>(`/awards/teachers/${teacherId}`, undefined, signal),
  experts: (signal?: AbortSignal) => api.get<AwardExpert[]>('/awards/experts', undefined, signal),
  addExpert: (input: { username: string; organisation: string; specialty: string }) => api.post<AwardExpert>('/awards/experts', input),
  reviews: (query: QueryParams, signal?: AbortSignal) => api.get<Page<AwardReviewTask>>('/awards/reviews', query, signal),
  review: (id: number, signal?: AbortSignal) => api.get<AwardReviewSheet>(`/awards/reviews/${id}`, undefined, signal),
  score: (id: number, input: AwardScoreInput) => put<AwardReviewSheet>(`/awards/reviews/${id}`, input),
};
