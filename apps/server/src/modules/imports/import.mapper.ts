/** Import job row → the ImportJob answer, with live progress of a job this process is running. */
import type { ImportJob, ImportKind, ImportRowError } from '@zhiping/contracts';
import { liveProgress } from './import-jobs.ts';
import type { ImportJobRow } from './import.repository.ts';

/** The API shape of a job. */
export function toImportJob(row: ImportJobRow): ImportJob {
  const live = row.status === 'parsing' || row.status === 'committing' ? liveProgress(row.id) : undefined;
  const summary = row.summary as ImportJob['summary'] | null;
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    status: row.status,
    totalRows: live ? live.total : row.total_rows,
    processedRows: live ? live.processed : row.processed_rows,
    errorCount: row.error_count,
    errors: (row.errors ?? []) as ImportRowError[],
    summary: summary ?? null,
    message: row.message,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
  };
}
