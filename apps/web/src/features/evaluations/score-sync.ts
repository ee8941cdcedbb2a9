/**
 * One sync round of a sheet's queue: send the pending drafts in one batch, apply the answer. A network
 * failure leaves the queue untouched (the next `online` event or timer tick tries again).
 */
import type { ScoreRecord, SyncRequest, SyncResult } from '@zhiping/contracts';
import { ApiError } from '../../lib/api-error.ts';
import { applySyncResult, pendingDrafts, syncRequestOf, type DraftMap } from './draft-queue.ts';

export interface SyncOutcome {
  drafts: DraftMap;
  records: ScoreRecord[];
  /** 'offline': the server could not be reached; 'failed': it refused the batch (message). */
  status: 'idle' | 'synced' | 'offline' | 'failed';
  message?: string;
}

/** Sends the pending drafts of one sheet with `send` and returns the queue (read through getDrafts) after the server's answer. */
export async function syncSheetDrafts(
  getDrafts: () => DraftMap,
  evaluationId: number,
  sheet: string,
  send: (body: SyncRequest) => Promise<SyncResult>,
): Promise<SyncOutcome> {
  const drafts = getDrafts();
  const sent = pendingDrafts(drafts, evaluationId, sheet);
  if (sent.length === 0) return { drafts, records: [], status: 'idle' };
  try {
    const result = await send(syncRequestOf(sent));
    // Apply to the queue as it is now: edits made while the request was in flight must survive.
    return { ...applySyncResult(getDrafts(), sent, result), status: 'synced' };
  } catch (e) {
    if (e instanceof ApiError && e.code !== 'NETWORK' && e.status < 500) {
      return { drafts, records: [], status: 'failed', message: e.message };
    }
    return { drafts, records: [], status: 'offline', message: e instanceof Error ? e.message : undefined };
  }
}

/** A sheet's score records with the accepted ones replaced by the server's newer records. */
export function mergeRecords(current: readonly ScoreRecord[], incoming: readonly ScoreRecord[]): ScoreRecord[] {
  const byCode = new Map(current.map((r) => [r.code, r] as const));
  for (const r of incoming) {
    const old = byCode.get(r.code);
    if (!old || old.revision <= r.revision) byCode.set(r.code, r);
  }
  return [...byCode.values()];
}
