/** Calls of the /teachers endpoints. */
import type { Page, RecognitionInput, TeacherDetail, TeacherInput, TeacherSummary, TransferRequest } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

/** Unmasked sensitive fields (every read is audited). */
export interface TeacherSensitive {
  idNumber: string;
  phone: string | null;
}

/** One page of teachers (ID numbers masked). */
export function fetchTeachers(query: QueryParams, signal: AbortSignal): Promise<Page<TeacherSummary>> {
  return api.get<Page<TeacherSummary>>('/teachers', query, signal);
}

/** A teacher with recognitions and assignment history. */
export function fetchTeacher(id: number, signal: AbortSignal): Promise<TeacherDetail> {
  return api.get<TeacherDetail>(`/teachers/${id}`, undefined, signal);
}

/** The full ID number and phone; the server records the view in the audit log. */
export function fetchTeacherSensitive(id: number): Promise<TeacherSensitive> {
  return api.get<TeacherSensitive>(`/teachers/${id}/sensitive`);
}

/** Adds a teacher. */
export function createTeacher(input: TeacherInput): Promise<TeacherDetail> {
  return api.post<TeacherDetail>('/teachers', input);
}

/** Records a transfer (full) or an exchange (partial, 交流轮岗) from a date. */
export function transferTeacher(id: number, input: TransferRequest): Promise<TeacherDetail> {
  return api.post<TeacherDetail>(`/teachers/${id}/transfers`, input);
}

/** Adds a 骨干 recognition. */
export function addRecognition(id: number, input: RecognitionInput): Promise<TeacherDetail> {
  return api.post<TeacherDetail>(`/teachers/${id}/recognitions`, input);
}
