/**
 * Loads what the scoring screen needs — the evaluation, its rubric, the sheet and (on site) the school's
 * self-evaluation — and keeps a copy in localStorage so a reload without network still shows the sheet.
 */
import type { EvaluationDetail, ScoreRecord, Sheet, TemplateDetail } from '@zhiping/contracts';
import { useCallback, useState } from 'react';
import { ApiError } from '../../lib/api-error.ts';
import { useQuery } from '../../lib/use-query.ts';
import { evaluationsApi, templatesApi } from './evaluations-api.ts';
import { mergeRecords } from './score-sync.ts';

export interface SheetBundle {
  evaluation: EvaluationDetail;
  template: TemplateDetail;
  sheet: Sheet;
  selfSheet: Sheet | null;
  /** Loaded from this device's copy because the server could not be reached. */
  isFromCache: boolean;
}

const cacheKey = (id: number, sheet: string) => `zhiping.sheetCache.v1.${id}.${sheet}`;

async function loadBundle(id: number, sheet: string, signal: AbortSignal): Promise<SheetBundle> {
  try {
    const [evaluation, sheetData] = await Promise.all([evaluationsApi.get(id, signal), evaluationsApi.sheet(id, sheet, signal)]);
    const template = await templatesApi.get(evaluation.template.id, signal);
    const selfSheet = sheet === 'mine' ? await evaluationsApi.sheet(id, 'self', signal).catch(() => null) : null;
    const bundle: SheetBundle = { evaluation, template, sheet: sheetData, selfSheet, isFromCache: false };
    try {
      localStorage.setItem(cacheKey(id, sheet), JSON.stringify(bundle));
    } catch {
      // Storage full: the copy is a convenience, the drafts are what matter.
    }
    return bundle;
  } catch (e) {
    const cached = e instanceof ApiError && e.code === 'NETWORK' ? localStorage.getItem(cacheKey(id, sheet)) : null;
    if (!cached) throw e;
    return { ...(JSON.parse(cached) as SheetBundle), isFromCache: true };
  }
}

/** The bundle, plus the sheet's records with those accepted by later syncs merged in. */
export function useSheetData(id: number, sheet: string) {
  const query = useQuery(`sheet:${id}:${sheet}`, (signal) => loadBundle(id, sheet, signal));
  const [accepted, setAccepted] = useState<ScoreRecord[]>([]);
  const records = mergeRecords(query.data?.sheet.scores ?? [], accepted);
  const addRecords = useCallback((incoming: ScoreRecord[]) => setAccepted((prev) => mergeRecords(prev, incoming)), []);
  return { ...query, records, addRecords };
}
