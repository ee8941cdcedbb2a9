/** API calls of teacher growth (工作室, 专家团队, 评选, 年度考核, 看板). */
import type {
  ActivityInput,
  AdjustmentInput,
  ApplicationInput,
  ApplicationPrefill,
  ApplicationRow,
  DrillPage,
  ExpertTeamInput,
  GrowthDashboard,
  Page,
  ReviewInput,
  ReviewerCandidate,
  RoundDetail,
  RoundInput,
  RoundSummary,
  SchoolDevelopment,
  ScoreInput,
  StudioDetail,
  StudioInput,
  StudioMembersInput,
  StudioUpdateInput,
  StudioSummary,
  TargetInput,
  TargetVersionDto,
  TeacherGrowth,
  TeamDetail,
  TeamEndInput,
  TeamSummary,
  TeamVisitInput,
  TestAnalysis,
  TestImportResult,
  TestScoreRow,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

const put = <T>(path: string, body: unknown) => apiJson<T>('PUT', path, { body });

export const growthApi = {
  me: (signal?: AbortSignal) => api.get<TeacherGrowth>('/growth/me', undefined, signal),
  teacher: (id: number, signal?: AbortSignal) => api.get<TeacherGrowth>(`/growth/teachers/${id}`, undefined, signal),
  school: (id: number, signal?: AbortSignal) => api.get<SchoolDevelopment>(`/growth/schools/${id}`, undefined, signal),
  dashboard: (year: number | undefined, signal?: AbortSignal) => api.get<GrowthDashboard>('/growth/dashboard', { year }, signal),
  drill: (query: QueryParams, signal?: AbortSignal) => api.get<DrillPage>('/growth/dashboard/drill', query, signal),
  targets: (signal?: AbortSignal) => api.get<TargetVersionDto[]>('/growth/targets', undefined, signal),
  addTarget: (input: TargetInput) => api.post<TargetVersionDto[]>('/growth/targets', input),

  studios: (query: QueryParams, signal?: AbortSignal) => api.get<Page<StudioSummary>>('/growth/studios', query, signal),
  studio: (id: number, signal?: AbortSignal) => api.get<StudioDetail>(`/growth/studios/${id}`, undefined, signal),
  createStudio: (input: StudioInput) => api.post<StudioDetail>('/growth/studios', input),
  updateStudio: (id: number, input: StudioUpdateInput) => api.patch<StudioDetail>(`/growth/studios/${id}`, input),
  addMembers: (id: number, input: StudioMembersInput) => api.post<StudioDetail>(`/growth/studios/${id}/members`, input),
  removeMember: (id: number, teacherId: number) => api.delete<StudioDetail>(`/growth/studios/${id}/members/${teacherId}`),
  addActivity: (id: number, input: ActivityInput) => api.post<StudioDetail>(`/growth/studios/${id}/activities`, input),
  review: (id: number, input: ReviewInput) => api.post<StudioDetail>(`/growth/studios/${id}/reviews`, input),

  teams: (query: QueryParams, signal?: AbortSignal) => api.get<Page<TeamSummary>>('/growth/teams', query, signal),
  team: (id: number, signal?: AbortSignal) => api.get<TeamDetail>(`/growth/teams/${id}`, undefined, signal),
  createTeam: (input: ExpertTeamInput) => api.post<TeamDetail>('/growth/teams', input),
  addVisit: (id: number, input: TeamVisitInput) => api.post<TeamDetail>(`/growth/teams/${id}/visits`, input),
  endTeam: (id: number, input: TeamEndInput) => api.post<TeamDetail>(`/growth/teams/${id}/end`, input),

  rounds: (query: QueryParams, signal?: AbortSignal) => api.get<RoundSummary[]>('/growth/rounds', query, signal),
  round: (id: number, signal?: AbortSignal) => api.get<RoundDetail>(`/growth/rounds/${id}`, undefined, signal),
  createRound: (input: RoundInput) => api.post<RoundDetail>('/growth/rounds', input),
  roundAction: (id: number, action: 'close' | 'consolidate' | 'publish' | 'reopen') =>
    api.post<RoundDetail>(`/growth/rounds/${id}/actions`, { action }),
  setReviewers: (id: number, userIds: number[]) => put<RoundDetail>(`/growth/rounds/${id}/reviewers`, { userIds }),
  reviewerCandidates: (q: string, signal?: AbortSignal) =>
    api.get<ReviewerCandidate[]>('/growth/reviewer-candidates', { q: q || undefined }, signal),
  applications: (id: number, query: QueryParams, signal?: AbortSignal) =>
    api.get<Page<ApplicationRow>>(`/growth/rounds/${id}/applications`, query, signal),
  prefill: (id: number, teacherId: number | undefined, signal?: AbortSignal) =>
    api.get<ApplicationPrefill>(`/growth/rounds/${id}/prefill`, { teacherId }, signal),
  apply: (id: number, input: ApplicationInput) => api.post<ApplicationRow>(`/growth/rounds/${id}/applications`, input),
  withdraw: (applicationId: number) =>
    apiJson<unknown>('DELETE', `/growth/applications/${applicationId}`).catch((e: unknown) => {
      // 204 has no JSON body.
      if (e instanceof SyntaxError) return null;
      throw e;
    }),
  score: (applicationId: number, input: ScoreInput) => put<ApplicationRow>(`/growth/applications/${applicationId}/score`, input),
  adjust: (applicationId: number, input: AdjustmentInput) => put<ApplicationRow>(`/growth/applications/${applicationId}/adjustment`, input),

  analysis: (query: QueryParams, signal?: AbortSignal) => api.get<TestAnalysis>('/growth/tests/analysis', query, signal),
  scores: (query: QueryParams, signal?: AbortSignal) => api.get<Page<TestScoreRow>>('/growth/tests/scores', query, signal),
  importTests: (year: number, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiJson<TestImportResult>('POST', '/growth/tests/import', { body: form, query: { year } });
  },
};
