/**
 * The offline queue of on-site scores: every edit is kept locally (keyed by evaluation, sheet and check
 * point, with the server revision it was based on) until the server accepts it. Pure functions over a
 * plain record so the sync rules are unit-tested; DraftStore persists the record in localStorage.
 */
import type { ScoreRecord, ScoreValue, SyncRequest, SyncResult } from '@zhiping/contracts';

/** One local edit of one check point. */
export interface ScoreDraft {
  evaluationId: number;
  /** 'mine' (on-site) or 'self' (self-evaluation). */
  sheet: string;
  code: string;
  input: ScoreValue | null;
  note: string;
  /** The server revision the edit started from (0: never saw one). */
  baseRevision: number;
  /** Local edit time (ms); tells a newer edit from the one a sync carried. */
  editedAt: number;
  /** pending: waits for the server; conflict: another device changed it; invalid: the server refused it. */
  status: 'pending' | 'conflict' | 'invalid';
  /** For a conflict: the server's current value. */
  server?: ScoreRecord | null;
  /** For invalid: the server's reason. */
  message?: string;
}

export type DraftMap = Record<string, ScoreDraft>;

/** The key of a draft. */
export function draftKey(evaluationId: number, sheet: string, code: string): string {
  return `${evaluationId}:${sheet}:${code}`;
}

/** Records an edit; an earlier unsynced edit keeps its base revision (the server value the user last saw). */
export function putDraft(drafts: DraftMap, edit: Omit<ScoreDraft, 'status' | 'server' | 'message' | 'editedAt'>, now: number): DraftMap {
  const key = draftKey(edit.evaluationId, edit.sheet, edit.code);
  const existing = drafts[key];
  const baseRevision = existing ? existing.baseRevision : edit.baseRevision;
  // A conflict stays a conflict until the user chooses: editing does not silently win.
  const status = existing?.status === 'conflict' ? 'conflict' : 'pending';
  return {
    ...drafts,
    [key]: { ...edit, baseRevision, editedAt: now, status, server: existing?.server ?? null },
  };
}

/** The drafts of one sheet. */
export function draftsOf(drafts: DraftMap, evaluationId: number, sheet: string): ScoreDraft[] {
  return Object.values(drafts).filter((d) => d.evaluationId === evaluationId && d.sheet === sheet);
}

/** The drafts waiting to be sent. */
export function pendingDrafts(drafts: DraftMap, evaluationId: number, sheet: string): ScoreDraft[] {
  return draftsOf(drafts, evaluationId, sheet).filter((d) => d.status === 'pending');
}

/** The body of a batch sync for these drafts. */
export function syncRequestOf(pending: readonly ScoreDraft[]): SyncRequest {
  return { items: pending.map((d) => ({ code: d.code, input: d.input, note: d.note, baseRevision: d.baseRevision })) };
}

/**
 * Applies the server's answer to a sync of `sent`: accepted edits leave the queue (unless edited again
 * meanwhile, then they stay pending on the new revision), conflicts and refusals stay with the reason.
 * Returns the new queue and the server records to merge into the sheet.
 */
export function applySyncResult(
  drafts: DraftMap,
  sent: readonly ScoreDraft[],
  result: SyncResult,
): { drafts: DraftMap; records: ScoreRecord[] } {
  const next: DraftMap = { ...drafts };
  const records: ScoreRecord[] = [];
  for (const r of result.results) {
    const was = sent.find((d) => d.code === r.code);
    if (!was) continue;
    const key = draftKey(was.evaluationId, was.sheet, was.code);
    const now = next[key];
    if (r.status === 'saved' || r.status === 'unchanged') {
      if (r.score) records.push(r.score);
      if (!now) continue;
      if (now.editedAt === was.editedAt) delete next[key];
      else next[key] = { ...now, baseRevision: r.score?.revision ?? now.baseRevision };
    } else if (now && now.editedAt === was.editedAt) {
      next[key] =
        r.status === 'conflict'
          ? { ...now, status: 'conflict', server: r.score }
          : { ...now, status: 'invalid', message: r.message ?? '服务器拒绝了该评分' };
    }
  }
  return { drafts: next, records };
}

/** Settles a conflict: keep mine (re-sent on the server's revision) or take the server's value. */
export function resolveConflict(drafts: DraftMap, key: string, choice: 'mine' | 'server'): DraftMap {
  const d = drafts[key];
  if (!d) return drafts;
  const next = { ...drafts };
  if (choice === 'server') delete next[key];
  else next[key] = { ...d, status: 'pending', baseRevision: d.server?.revision ?? 0, server: null };
  return next;
}

/** Drops a refused draft (the user gave up on it). */
export function discardDraft(drafts: DraftMap, key: string): DraftMap {
  const next = { ...drafts };
  delete next[key];
  return next;
}

export type SyncBadgeKind = 'synced' | 'pending' | 'offline' | 'conflict' | 'syncing';

/** What the badge shows for one sheet. */
export function badgeOf(
  drafts: readonly ScoreDraft[],
  isOnline: boolean,
  isSyncing: boolean,
): { kind: SyncBadgeKind; pending: number; conflicts: number } {
  const pending = drafts.filter((d) => d.status !== 'conflict').length;
  const conflicts = drafts.filter((d) => d.status === 'conflict').length;
  const kind: SyncBadgeKind =
    conflicts > 0 ? 'conflict' : !isOnline ? 'offline' : isSyncing ? 'syncing' : pending > 0 ? 'pending' : 'synced';
  return { kind, pending, conflicts };
}

/** Minimal storage (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Persists the queue of one user, so a reload or a closed tab loses nothing. */
export class DraftStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key: string,
  ) {}

  load(): DraftMap {
    try {
      const raw = this.storage.getItem(this.key);
      return raw ? (JSON.parse(raw) as DraftMap) : {};
    } catch {
      return {};
    }
  }

  save(drafts: DraftMap): void {
    this.storage.setItem(this.key, JSON.stringify(drafts));
  }
}
