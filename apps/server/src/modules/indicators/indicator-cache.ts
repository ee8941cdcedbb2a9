/**
 * In-memory cache of computed years, per database and year, valid while the base data's fingerprint is
 * unchanged. The fingerprint is read from the data-change log, which triggers on every table the
 * indicators read append to on each write (findDataState: one small grouped read, no scan of the base
 * tables), so any write by any process changes it and the next request recomputes; concurrent requests
 * share one computation. After reading, log keys grown past COMPACT_ABOVE rows are compacted (outside a
 * caller's transaction only). At most MAX_YEARS years are kept per database.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { compactDataChanges, findDataState, type TableCount } from './indicator.repository.ts';
import { analyzeStaleTables, BASE_TABLES } from './planner-statistics.service.ts';
import { buildYearModelAsQualityArrives, type YearModel } from './year-model.ts';
import { clearPartialResults, startLoadingYearInputs, type GatedQualityReader } from './year-loader.ts';

const MAX_YEARS = 8;

interface Entry {
  fingerprint: string;
  model: Promise<YearModel>;
}

const caches = new WeakMap<object, Map<number, Entry>>();

/** Reads the data-quality failures per school of a year (provided by the data-quality module). */
export type QualityReader = GatedQualityReader;

/** The computed year, from the cache when the fingerprint still matches. */
export async function getYearModel(db: Kysely<DB>, year: number, quality: QualityReader): Promise<YearModel> {
  return (await getYearModels(db, [year], quality))[0]!;
}

/** Several computed years with one fingerprint query (trends); missing or stale years are computed one after another. */
export async function getYearModels(db: Kysely<DB>, years: readonly number[], quality: QualityReader): Promise<YearModel[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const { fingerprints, tables, oversized, versions } = await findDataState(db, years, BASE_TABLES);
  // Compaction writes, so never inside a caller's (possibly read-only) transaction; it changes the
  // fingerprint once (one recomputation). A failure only leaves the log longer.
  if (oversized.length > 0 && !db.isTransaction) await compactDataChanges(db, oversized).catch(() => undefined);
  const out: YearModel[] = [];
  for (const year of years) out.push(await modelFor(db, cache, year, fingerprints.get(year)!, tables, versions, quality));
  return out;
}

async function modelFor(
  db: Kysely<DB>,
  cache: Map<number, Entry>,
  year: number,
  fingerprint: string,
  tables: readonly TableCount[],
  versions: ReadonlyMap<string, string>,
  quality: QualityReader,
): Promise<YearModel> {
  const hit = cache.get(year);
  if (hit && hit.fingerprint === fingerprint) return hit.model;
  const version = createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
  // The fingerprint query read the base tables' row counts from the log: stale planner statistics are
  // refreshed before loading.
  const model = analyzeStaleTables(db, tables).then(async () => {
    const loading = startLoadingYearInputs(db, year, version, quality, versions);
    return buildYearModelAsQualityArrives(await loading.inputs, loading.quality);
  });
  cache.delete(year);
  cache.set(year, { fingerprint, model });
  model.catch(() => {
    if (cache.get(year)?.model === model) cache.delete(year);
  });
  while (cache.size > MAX_YEARS) cache.delete(cache.keys().next().value!);
  return model;
}

/** Drops every cached year of a database (tests and the benchmark measure cold computations). */
export function clearYearCache(db: Kysely<DB>): void {
  caches.delete(db);
  clearPartialResults(db);
}
