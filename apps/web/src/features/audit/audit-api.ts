import type { AuditEntry, Page } from '@zhiping/contracts';
import { api } from '../../lib/api-client.ts';
import type { QueryParams } from '../../lib/query-string.ts';

/** One page of audit entries, newest first. */
export function fetchAudit(query: QueryParams, signal: AbortSignal): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/audit', query, signal);
}
