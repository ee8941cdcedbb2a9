import type { ScoreRecord, SyncResult } from '@zhiping/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import {
  DraftStore,
  applySyncResult,
  badgeOf,
  draftKey,
  draftsOf,
  pendingDrafts,
  putDraft,
  resolveConflict,
  type DraftMap,
} from './draft-queue.ts';
import { mergeRecords, syncSheetDrafts } from './score-sync.ts';

const record = (code: string, points: number, revision: number): ScoreRecord => ({
  code,
  input: { kind: 'points', points },
  note: '',
  points,
  revision,
  updatedAt: '2026-05-01T08:00:00Z',
  updatedBy: '督学甲',
});
const edit = (code: string, points: number, baseRevision = 1) => ({
  evaluationId: 7,
  sheet: 'mine',
  code,
  input: { kind: 'points' as const, points },
  note: '',
  baseRevision,
});
const answer = (results: SyncResult['results']): SyncResult => ({
  results,
  saved: results.filter((r) => r.status === 'saved').length,
  conflicts: results.filter((r) => r.status === 'conflict').length,
});

describe('score draft queue', () => {
  it('keeps the first base revision when a check point is edited twice offline', () => {
    let q: DraftMap = putDraft({}, edit('A1.1.1', 10, 3), 1);
    q = putDraft(q, edit('A1.1.1', 12, 99), 2);
    const d = q[draftKey(7, 'mine', 'A1.1.1')]!;
    expect(d).toMatchObject({ baseRevision: 3, editedAt: 2, status: 'pending' });
    expect((d.input as { points: number }).points).toBe(12);
  });

  it('removes accepted drafts and returns the server records', () => {
    const q = putDraft(putDraft({}, edit('A', 5), 1), edit('B', 6), 1);
    const sent = pendingDrafts(q, 7, 'mine');
    const out = applySyncResult(
      q,
      sent,
      answer([
        { code: 'A', status: 'saved', score: record('A', 5, 2), message: null },
        { code: 'B', status: 'unchanged', score: record('B', 6, 1), message: null },
      ]),
    );
    expect(out.drafts).toEqual({});
    expect(out.records.map((r) => r.code)).toEqual(['A', 'B']);
  });

  it('keeps an edit made while the sync was in flight, on the new revision', () => {
    const q = putDraft({}, edit('A', 5), 1);
    const sent = pendingDrafts(q, 7, 'mine');
    const edited = putDraft(q, edit('A', 8), 2);
    const out = applySyncResult(edited, sent, answer([{ code: 'A', status: 'saved', score: record('A', 5, 4), message: null }]));
    expect(out.drafts[draftKey(7, 'mine', 'A')]).toMatchObject({ baseRevision: 4, status: 'pending', editedAt: 2 });
  });

  it('marks a conflict with the server value and never drops the local one', () => {
    const q = putDraft({}, edit('A', 5), 1);
    const out = applySyncResult(
      q,
      pendingDrafts(q, 7, 'mine'),
      answer([{ code: 'A', status: 'conflict', score: record('A', 9, 3), message: '该要点已在其他设备上修改' }]),
    );
    const d = out.drafts[draftKey(7, 'mine', 'A')]!;
    expect(d.status).toBe('conflict');
    expect(d.server?.points).toBe(9);
    expect((d.input as { points: number }).points).toBe(5);
    expect(pendingDrafts(out.drafts, 7, 'mine')).toEqual([]);
    // A further local edit does not quietly turn the conflict into a pending overwrite.
    expect(putDraft(out.drafts, edit('A', 6), 5)[draftKey(7, 'mine', 'A')]!.status).toBe('conflict');
  });

  it('resolves a conflict either way', () => {
    const q: DraftMap = {
      [draftKey(7, 'mine', 'A')]: { ...edit('A', 5), editedAt: 1, status: 'conflict', server: record('A', 9, 3) },
    };
    expect(resolveConflict(q, draftKey(7, 'mine', 'A'), 'server')).toEqual({});
    expect(resolveConflict(q, draftKey(7, 'mine', 'A'), 'mine')[draftKey(7, 'mine', 'A')]).toMatchObject({
      status: 'pending',
      baseRevision: 3,
    });
  });

  it('marks a refused draft invalid with the reason', () => {
    const q = putDraft({}, edit('A', 50), 1);
    const out = applySyncResult(
      q,
      pendingDrafts(q, 7, 'mine'),
      answer([{ code: 'A', status: 'invalid', score: null, message: '分值超出范围' }]),
    );
    expect(out.drafts[draftKey(7, 'mine', 'A')]).toMatchObject({ status: 'invalid', message: '分值超出范围' });
  });

  it('shows the badge state: offline, pending, conflicts, synced', () => {
    const q = putDraft(putDraft({}, edit('A', 5), 1), edit('B', 6), 1);
    const drafts = draftsOf(q, 7, 'mine');
    expect(badgeOf(drafts, false, false)).toEqual({ kind: 'offline', pending: 2, conflicts: 0 });
    expect(badgeOf(drafts, true, false).kind).toBe('pending');
    expect(badgeOf([], true, false).kind).toBe('synced');
    expect(badgeOf([{ ...drafts[0]!, status: 'conflict' }], false, false)).toEqual({ kind: 'conflict', pending: 0, conflicts: 1 });
  });

  it('persists the queue through a store and survives corrupt data', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const store = new DraftStore(storage, 'drafts');
    const q = putDraft({}, edit('A', 5), 1);
    store.save(q);
    expect(store.load()).toEqual(q);
    map.set('drafts', '{not json');
    expect(store.load()).toEqual({});
  });
});

describe('syncing a sheet', () => {
  it('leaves the queue untouched while offline', async () => {
    const q = putDraft({}, edit('A', 5), 1);
    const out = await syncSheetDrafts(
      () => q,
      7,
      'mine',
      () => Promise.reject(new ApiError({ code: 'NETWORK', status: 0, message: '无法连接服务器' })),
    );
    expect(out.status).toBe('offline');
    expect(out.drafts).toBe(q);
  });

  it('sends only the pending drafts of the sheet and applies the answer', async () => {
    let q = putDraft({}, edit('A', 5), 1);
    q = putDraft(q, { ...edit('B', 1), sheet: 'self' }, 1);
    const sentCodes: string[] = [];
    const out = await syncSheetDrafts(
      () => q,
      7,
      'mine',
      (body) => {
        sentCodes.push(...body.items.map((i) => i.code));
        return Promise.resolve(answer([{ code: 'A', status: 'saved', score: record('A', 5, 2), message: null }]));
      },
    );
    expect(sentCodes).toEqual(['A']);
    expect(out.status).toBe('synced');
    expect(Object.keys(out.drafts)).toEqual([draftKey(7, 'self', 'B')]);
  });

  it('reports a refused batch without losing the drafts', async () => {
    const q = putDraft({}, edit('A', 5), 1);
    const out = await syncSheetDrafts(
      () => q,
      7,
      'mine',
      () => Promise.reject(new ApiError({ code: 'INVALID_STATE', status: 409, message: '评分表已提交' })),
    );
    expect(out).toMatchObject({ status: 'failed', message: '评分表已提交' });
    expect(out.drafts).toBe(q);
  });

  it('merges newer server records only', () => {
    const merged = mergeRecords([record('A', 1, 5), record('B', 2, 1)], [record('A', 3, 4), record('B', 4, 2)]);
    expect(merged.map((r) => r.points)).toEqual([1, 4]);
  });
});
