/** API calls of continuing education (继续教育). */
import type {
  AttendanceRequest,
  BatchResult,
  CompletionImportResult,
  CompletionRequest,
  ComplianceOverview,
  CompliancePage,
  EnrolRequest,
  OutsideReviewRequest,
  OutsideTraining,
  OutsideTrainingInput,
  OutsideTrainingPage,
  TeacherTrainingSummary,
  TrainingCourseDetail,
  TrainingCourseInput,
  TrainingCoursePage,
  TrainingCreditPage,
  TrainingEnrolmentPage,
  TrainingEvidence,
  TrainingRule,
  TrainingRuleInput,
  TrainingRuleList,
  TrainingSessionDetail,
  TrainingSessionInput,
} from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

const upload = <T>(path: string, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiJson<T>('POST', path, { body: form });
};

export const trainingApi = {
  rules: (signal?: AbortSignal) => api.get<TrainingRuleList>('/training/rules', undefined, signal),
  createRule: (input: TrainingRuleInput) => api.post<TrainingRule>('/training/rules', input),
  courses: (query: QueryParams, signal?: AbortSignal) => api.get<TrainingCoursePage>('/training/courses', query, signal),
  course: (id: number, signal?: AbortSignal) => api.get<TrainingCourseDetail>(`/training/courses/${id}`, undefined, signal),
  createCourse: (input: TrainingCourseInput) => api.post<TrainingCourseDetail>('/training/courses', input),
  createSession: (courseId: number, input: TrainingSessionInput) =>
    api.post<TrainingSessionDetail>(`/training/courses/${courseId}/sessions`, input),
  session: (id: number, signal?: AbortSignal) => api.get<TrainingSessionDetail>(`/training/sessions/${id}`, undefined, signal),
  enrolments: (id: number, query: QueryParams, signal?: AbortSignal) =>
    api.get<TrainingEnrolmentPage>(`/training/sessions/${id}/enrolments`, query, signal),
  enrol: (id: number, body: EnrolRequest) => api.post<BatchResult>(`/training/sessions/${id}/enrolments`, body),
  attendance: (id: number, body: AttendanceRequest) => api.post<BatchResult>(`/training/sessions/${id}/attendance`, body),
  complete: (id: number, body: CompletionRequest) => api.post<BatchResult>(`/training/sessions/${id}/completion`, body),
  closeSession: (id: number) => api.post<TrainingSessionDetail>(`/training/sessions/${id}/close`, {}),
  credits: (query: QueryParams, signal?: AbortSignal) => api.get<TrainingCreditPage>('/training/credits', query, signal),
  importCompletions: (file: File, dryRun: boolean, platform: string) =>
    upload<CompletionImportResult>(
      `/training/completion-imports?dryRun=${dryRun ? 'true' : 'false'}&platform=${encodeURIComponent(platform)}`,
      file,
    ),
  outside: (query: QueryParams, signal?: AbortSignal) => api.get<OutsideTrainingPage>('/training/outside', query, signal),
  submitOutside: (input: OutsideTrainingInput) => api.post<OutsideTraining>('/training/outside', input),
  uploadOutsideEvidence: (id: number, file: File) => upload<TrainingEvidence>(`/training/outside/${id}/evidence`, file),
  reviewOutside: (id: number, body: OutsideReviewRequest) => api.post<OutsideTraining>(`/training/outside/${id}/review`, body),
  compliance: (query: QueryParams, signal?: AbortSignal) => api.get<CompliancePage>('/training/compliance', query, signal),
  overview: (query: QueryParams, signal?: AbortSignal) => api.get<ComplianceOverview>('/training/overview', query, signal),
  me: (signal?: AbortSignal) => api.get<TeacherTrainingSummary>('/training/me', undefined, signal),
  teacher: (id: number, signal?: AbortSignal) => api.get<TeacherTrainingSummary>(`/training/teachers/${id}`, undefined, signal),
};
