/** API calls of 交流轮岗. */
import type {
  EligiblePage,
  ExclusionInput,
  ExemptionInput,
  ManualMoveInput,
  MoveReviewInput,
  MoveUpdate,
  RotationMovePage,
  RotationPlanDetail,
  RotationPlanInput,
  RotationPlanSummary,
  RotationReport,
  RotationRuleSet,
  RotationRuleSetInput,
  TransitionRequest,
} from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

export const rotationApi = {
  years: (signal?: AbortSignal) => api.get<{ statisticsYears: number[]; suggested: number }>('/rotation/years', undefined, signal),
  rules: (signal?: AbortSignal) => api.get<RotationRuleSet[]>('/rotation/rules', undefined, signal),
  addRules: (input: RotationRuleSetInput) => api.post<RotationRuleSet>('/rotation/rules', input),
  eligible: (query: QueryParams, signal?: AbortSignal) => api.get<EligiblePage>('/rotation/eligible', query, signal),
  addExemption: (input: ExemptionInput) => api.post<{ id: number }>('/rotation/exemptions', input),
  removeExemption: (id: number) => api.delete<{ ok: true }>(`/rotation/exemptions/${id}`),
  plans: (query: QueryParams, signal?: AbortSignal) => api.get<RotationPlanSummary[]>('/rotation/plans', query, signal),
  createPlan: (input: RotationPlanInput) => api.post<RotationPlanDetail>('/rotation/plans', input),
  plan: (id: number, signal?: AbortSignal) => api.get<RotationPlanDetail>(`/rotation/plans/${id}`, undefined, signal),
  moves: (id: number, query: QueryParams, signal?: AbortSignal) => api.get<RotationMovePage>(`/rotation/plans/${id}/moves`, query, signal),
  optimize: (id: number) => api.post<RotationPlanDetail>(`/rotation/plans/${id}/optimize`),
  addMove: (id: number, input: ManualMoveInput) => api.post<RotationPlanDetail>(`/rotation/plans/${id}/moves`, input),
  updateMove: (id: number, moveId: number, input: MoveUpdate) =>
    api.patch<RotationPlanDetail>(`/rotation/plans/${id}/moves/${moveId}`, input),
  removeMove: (id: number, moveId: number) => api.delete<RotationPlanDetail>(`/rotation/plans/${id}/moves/${moveId}`),
  exclude: (id: number, input: ExclusionInput) => api.post<RotationPlanDetail>(`/rotation/plans/${id}/exclusions`, input),
  include: (id: number, teacherId: number) => api.delete<RotationPlanDetail>(`/rotation/plans/${id}/exclusions/${teacherId}`),
  transition: (id: number, body: TransitionRequest) => api.post<RotationPlanDetail>(`/rotation/plans/${id}/transition`, body),
  schoolMoves: (query: QueryParams, signal?: AbortSignal) => api.get<RotationMovePage>('/rotation/school-moves', query, signal),
  review: (moveId: number, input: MoveReviewInput) => api.post<{ ok: true }>(`/rotation/moves/${moveId}/review`, input),
  myMoves: (signal?: AbortSignal) => api.get<RotationMovePage>('/rotation/my-moves', undefined, signal),
  acknowledge: (moveId: number) => api.post<{ ok: true }>(`/rotation/moves/${moveId}/acknowledge`),
  report: (query: QueryParams, signal?: AbortSignal) => api.get<RotationReport>('/rotation/reports', query, signal),
};
