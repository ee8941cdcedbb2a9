/**
 * Keeps a sheet's local score drafts and syncs them: right after an edit, when the browser comes back
 * online, and on a timer. Drafts live in localStorage per user, so nothing is lost offline or on reload.
 */
import type { ScoreRecord, ScoreValue } from '@zhiping/contracts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  DraftStore,
  badgeOf,
  discardDraft,
  draftKey,
  draftsOf,
  putDraft,
  resolveConflict,
  type DraftMap,
  type ScoreDraft,
} from './draft-queue.ts';
import { evaluationsApi } from './evaluations-api.ts';
import { syncSheetDrafts } from './score-sync.ts';

const RETRY_MS = 15_000;
const AFTER_EDIT_MS = 600;

export interface ScoreSync {
  drafts: ScoreDraft[];
  draftOf: (code: string) => ScoreDraft | undefined;
  badge: ReturnType<typeof badgeOf>;
  lastError: string | null;
  edit: (code: string, input: ScoreValue | null, note: string, baseRevision: number) => void;
  resolve: (code: string, choice: 'mine' | 'server') => void;
  discard: (code: string) => void;
  syncNow: () => Promise<void>;
}

/** The queue and sync state of one sheet; onRecords receives the records the server accepted. */
export function useScoreSync(userId: number, evaluationId: number, sheet: string, onRecords: (records: ScoreRecord[]) => void): ScoreSync {
  const store = useMemo(() => new DraftStore(window.localStorage, `zhiping.scoreDrafts.v1.${userId}`), [userId]);
  const [all, setAll] = useState<DraftMap>(() => store.load());
  const ref = useRef(all);
  const [isOnline, setOnline] = useState(() => navigator.onLine);
  const [isReachable, setReachable] = useState(true);
  const [isSyncing, setSyncing] = useState(false);
  const [lastError, setLastError] = useState<string | null>(null);
  const busy = useRef(false);
  const onRecordsRef = useRef(onRecords);
  onRecordsRef.current = onRecords;

  const commit = useCallback(
    (next: DraftMap) => {
      ref.current = next;
      store.save(next);
      setAll(next);
    },
    [store],
  );

  const syncNow = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setSyncing(true);
    try {
      const out = await syncSheetDrafts(
        () => ref.current,
        evaluationId,
        sheet,
        (body) => evaluationsApi.sync(evaluationId, sheet, body),
      );
      if (out.status === 'synced') commit(out.drafts);
      if (out.records.length > 0) onRecordsRef.current(out.records);
      setReachable(out.status !== 'offline');
      setLastError(out.status === 'failed' ? (out.message ?? '同步失败') : null);
    } finally {
      busy.current = false;
      setSyncing(false);
    }
  }, [commit, evaluationId, sheet]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void syncNow();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void syncNow(), RETRY_MS);
    void syncNow();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [syncNow]);

  const soon = useRef<number | undefined>(undefined);
  const edit = useCallback(
    (code: string, input: ScoreValue | null, note: string, baseRevision: number) => {
      commit(putDraft(ref.current, { evaluationId, sheet, code, input, note, baseRevision }, Date.now()));
      window.clearTimeout(soon.current);
      soon.current = window.setTimeout(() => void syncNow(), AFTER_EDIT_MS);
    },
    [commit, evaluationId, sheet, syncNow],
  );

  const mine = useMemo(() => draftsOf(all, evaluationId, sheet), [all, evaluationId, sheet]);
  return {
    drafts: mine,
    draftOf: (code) => all[draftKey(evaluationId, sheet, code)],
    badge: badgeOf(mine, isOnline && isReachable, isSyncing),
    lastError,
    edit,
    resolve: (code, choice) => {
      commit(resolveConflict(ref.current, draftKey(evaluationId, sheet, code), choice));
      if (choice === 'mine') void syncNow();
    },
    discard: (code) => commit(discardDraft(ref.current, draftKey(evaluationId, sheet, code))),
    syncNow,
  };
}
