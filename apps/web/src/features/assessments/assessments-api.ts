/** Calls of the /assessments endpoints: the 优质均衡 and 学前普及普惠 self-assessments. */
import type { Assessment, AssessmentItem, AssessmentKind, EvidenceFile, ManualItemInput, SurveyInput, WhatIf } from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';

export const ASSESSMENT_TITLES: Record<AssessmentKind, string> = {
  balanced: '义务教育优质均衡',
  preschool: '学前教育普及普惠',
};

/** The whole assessment of a year (latest with data when omitted). */
export function fetchAssessment(kind: AssessmentKind, year: number | undefined, signal: AbortSignal): Promise<Assessment> {
  return api.get<Assessment>(`/assessments/${kind}`, { year }, signal);
}

/** The 达标模拟 of 优质均衡: what each failing school lacks and the district totals. */
export function fetchWhatIf(year: number | undefined, signal: AbortSignal): Promise<WhatIf> {
  return api.get<WhatIf>('/assessments/balanced/what-if', { year }, signal);
}

const itemPath = (kind: AssessmentKind, year: number, itemNo: string) => `/assessments/${kind}/${year}/items/${itemNo}`;

/** Records a manual decision (met or not, with a note). */
export function recordItem(kind: AssessmentKind, year: number, itemNo: string, input: ManualItemInput): Promise<AssessmentItem> {
  return apiJson<AssessmentItem>('PUT', itemPath(kind, year, itemNo), { body: input });
}

/** Uploads an evidence file for an item. */
export function uploadEvidence(kind: AssessmentKind, year: number, itemNo: string, file: File): Promise<EvidenceFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiJson<EvidenceFile>('POST', `${itemPath(kind, year, itemNo)}/evidence`, { body: form });
}

/** Path of an evidence file's download. */
export function evidencePath(kind: AssessmentKind, year: number, itemNo: string, fileId: number): string {
  return `${itemPath(kind, year, itemNo)}/evidence/${fileId}`;
}

/** Removes an evidence file. */
export function deleteEvidence(kind: AssessmentKind, year: number, itemNo: string, fileId: number): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(evidencePath(kind, year, itemNo, fileId));
}

/** Records the 社会认可度 survey result. */
export function recordSurvey(kind: AssessmentKind, year: number, input: SurveyInput): Promise<NonNullable<Assessment['survey']>> {
  return apiJson<NonNullable<Assessment['survey']>>('PUT', `/assessments/${kind}/${year}/survey`, { body: input });
}
