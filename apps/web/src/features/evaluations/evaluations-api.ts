/** API calls of supervision evaluations: campaigns, evaluations, sheets, consolidation, results and templates. */
import type {
  BulkTransitionResult,
  CampaignDetail,
  CampaignInput,
  CampaignSchedule,
  CampaignStatistics,
  CampaignSummary,
  CampaignUpdateInput,
  ConsolidationView,
  EvaluationDetail,
  EvaluationEvidence,
  EvaluationResultView,
  EvaluationRow,
  MappingInput,
  OverrideInput,
  Page,
  ReportJob,
  SchoolPreview,
  SchoolSelection,
  ScoreUpsert,
  ScoreUpsertResult,
  Sheet,
  SyncRequest,
  SyncResult,
  TeamProposal,
  TemplateDetail,
  TemplateSaveResult,
  TemplateSummary,
  TransitionRequest,
  VersionMappingView,
  TemplateDiffView,
  RubricDefinition,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

export interface EligibleInspector {
  userId: number;
  name: string;
  conflict: string | null;
  load: number;
}

export const campaignsApi = {
  list: (query: QueryParams, signal?: AbortSignal) => api.get<Page<CampaignSummary>>('/campaigns', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<CampaignDetail>(`/campaigns/${id}`, undefined, signal),
  create: (input: CampaignInput) => api.post<CampaignDetail>('/campaigns', input),
  update: (id: number, input: CampaignUpdateInput) => apiJson<CampaignDetail>('PUT', `/campaigns/${id}`, { body: input }),
  remove: (id: number) => api.delete<{ deleted: true }>(`/campaigns/${id}`),
  preview: (selection: SchoolSelection) => api.post<SchoolPreview>('/campaigns/preview', selection),
  start: (id: number) => api.post<BulkTransitionResult>(`/campaigns/${id}/start`),
  publish: (id: number) => api.post<BulkTransitionResult>(`/campaigns/${id}/publish`),
  propose: (id: number) => api.post<TeamProposal>(`/campaigns/${id}/team-proposal`, {}),
  applyTeams: (id: number, teams: { evaluationId: number; inspectorIds: number[]; leadId: number }[]) =>
    api.post<{ saved: number }>(`/campaigns/${id}/teams`, { teams }),
  schedule: (id: number, signal?: AbortSignal) => api.get<CampaignSchedule>(`/campaigns/${id}/schedule`, undefined, signal),
  autoSchedule: (id: number) => api.post<CampaignSchedule>(`/campaigns/${id}/schedule/auto`, { includeWeekends: false }),
  statistics: (id: number, signal?: AbortSignal) => api.get<CampaignStatistics>(`/campaigns/${id}/statistics`, undefined, signal),
};

export const evaluationsApi = {
  list: (query: QueryParams, signal?: AbortSignal) => api.get<Page<EvaluationRow>>('/evaluations', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<EvaluationDetail>(`/evaluations/${id}`, undefined, signal),
  transition: (id: number, body: TransitionRequest) => api.post<EvaluationDetail>(`/evaluations/${id}/transitions`, body),
  setTeam: (id: number, inspectorIds: number[], leadId: number) =>
    apiJson<EvaluationDetail>('PUT', `/evaluations/${id}/team`, { body: { inspectorIds, leadId } }),
  eligible: (id: number, signal?: AbortSignal) =>
    api.get<{ items: EligibleInspector[] }>(`/evaluations/${id}/eligible-inspectors`, undefined, signal),
  setVisitDate: (id: number, visitDate: string | null) =>
    apiJson<EvaluationDetail>('PUT', `/evaluations/${id}/visit-date`, { body: { visitDate } }),
  sheet: (id: number, sheet: string, signal?: AbortSignal) => api.get<Sheet>(`/evaluations/${id}/sheets/${sheet}`, undefined, signal),
  saveScore: (id: number, sheet: string, code: string, body: ScoreUpsert) =>
    apiJson<ScoreUpsertResult>('PUT', `/evaluations/${id}/sheets/${sheet}/scores/${encodeURIComponent(code)}`, { body }),
  sync: (id: number, sheet: string, body: SyncRequest) => api.post<SyncResult>(`/evaluations/${id}/sheets/${sheet}/sync`, body),
  submitMine: (id: number) => api.post<Sheet>(`/evaluations/${id}/sheets/mine/submit`),
  evidence: (id: number, code: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: EvaluationEvidence[] }>(`/evaluations/${id}/evidence`, { code }, signal),
  upload: (id: number, code: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiJson<EvaluationEvidence>('POST', `/evaluations/${id}/evidence`, { query: { code }, body: form });
  },
  consolidation: (id: number, signal?: AbortSignal) => api.get<ConsolidationView>(`/evaluations/${id}/consolidation`, undefined, signal),
  override: (id: number, code: string, body: OverrideInput) =>
    apiJson<ConsolidationView>('PUT', `/evaluations/${id}/consolidation/${encodeURIComponent(code)}`, { body }),
  removeOverride: (id: number, code: string) =>
    api.delete<ConsolidationView>(`/evaluations/${id}/consolidation/${encodeURIComponent(code)}`),
  result: (id: number, signal?: AbortSignal) => api.get<EvaluationResultView>(`/evaluations/${id}/result`, undefined, signal),
  startPdf: (id: number) => api.post<ReportJob>(`/evaluations/${id}/report-pdf`),
  reportJob: (jobId: string) => api.get<ReportJob>(`/evaluations/report-jobs/${jobId}`),
};

export const templatesApi = {
  list: (signal?: AbortSignal) => api.get<{ items: TemplateSummary[] }>('/evaluation-templates', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<TemplateDetail>(`/evaluation-templates/${id}`, undefined, signal),
  copy: (id: number, name: string) => api.post<TemplateDetail>(`/evaluation-templates/${id}/copy`, { name }),
  save: (id: number, definition: RubricDefinition) =>
    apiJson<TemplateSaveResult>('PUT', `/evaluation-templates/${id}`, { body: { definition } }),
  diff: (id: number, against: number, signal?: AbortSignal) =>
    api.get<TemplateDiffView>(`/evaluation-templates/${id}/diff`, { against }, signal),
  mapping: (family: string, from: number, to: number, signal?: AbortSignal) =>
    api.get<VersionMappingView>(`/evaluation-templates/mappings/${family}/${from}/${to}`, undefined, signal),
  saveMapping: (family: string, from: number, to: number, input: MappingInput) =>
    apiJson<VersionMappingView>('PUT', `/evaluation-templates/mappings/${family}/${from}/${to}`, { body: input }),
};
