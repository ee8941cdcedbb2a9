/** Calls of the /imports endpoints. */
import type { ImportJob, ImportKind, Page } from '@zhiping/contracts';
import { api, apiJson } from '../../lib/api-client.ts';

/** Earlier import jobs, newest first. */
export function fetchImportJobs(page: number, pageSize: number, signal: AbortSignal): Promise<Page<ImportJob>> {
  return api.get<Page<ImportJob>>('/imports', { page, pageSize }, signal);
}

/** One job, polled for progress. */
export function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`/imports/${encodeURIComponent(id)}`, undefined, signal);
}

/** Uploads a filled template; validation runs in the background on the server. */
export function uploadImportFile(kind: ImportKind, file: File): Promise<ImportJob> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiJson<ImportJob>('POST', `/imports/${kind}`, { body });
}

/** Commits a validated job; the commit runs in the background. */
export function commitImportJob(id: string): Promise<ImportJob> {
  return api.post<ImportJob>(`/imports/${encodeURIComponent(id)}/commit`);
}

/** Path of the template of a kind. */
export const templatePath = (kind: ImportKind) => `/imports/templates/${kind}`;

/** Path of the annotated report of a job. */
export const reportPath = (id: string) => `/imports/${encodeURIComponent(id)}/report`;

/** States in which the server is still working on the job. */
export function isJobActive(job: ImportJob): boolean {
  return job.status === 'parsing' || job.status === 'committing';
}
