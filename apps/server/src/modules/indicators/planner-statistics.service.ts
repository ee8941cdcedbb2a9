/**
 * Keeps the planner's statistics of the base tables fresh. Embedded PGlite has no autovacuum, so after a
 * bulk load (import, demo) the tables look empty to the planner and the indicator queries pick nested
 * loops that take seconds instead of milliseconds. Before computing, each table whose row count has
 * drifted more than 20 % from pg_class.reltuples (or was never analysed) is ANALYZEd. A computed year
 * takes the counts from its fingerprint query (findDataState), which reads them from the trigger-
 * maintained data-change log (sum of row_delta per table) without scanning the tables; other callers
 * read them here the same way, at most every CHECK_INTERVAL_MS per database. On PostgreSQL autovacuum
 * usually makes this a no-op.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { findDataState, type TableCount } from './indicator.repository.ts';

/** The tables the indicators and data-quality rules read. */
export const BASE_TABLES = [
  'school',
  'school_version',
  'school_year_stat',
  'school_condition',
  'teacher',
  'teacher_assignment',
  'teacher_recognition',
  'population',
  'school_group',
  'school_group_member',
] as const;

const CHECK_INTERVAL_MS = 10_000;
const lastCheck = new WeakMap<object, number>();

/** True when a table's planner statistics are missing or its row count drifted more than 20 % from them. */
export function isStale(t: TableCount): boolean {
  return t.estimate < 0 || Math.abs(t.rows - t.estimate) > 0.2 * Math.max(t.rows, 1000);
}

/** Row counts (from the data-change log) and estimates of the base tables. */
async function countBaseTables(db: Kysely<DB>): Promise<TableCount[]> {
  return (await findDataState(db, [], BASE_TABLES)).tables;
}

/** ANALYZEs the stale tables among counted ones (failures, e.g. missing ownership, are ignored: statistics are an optimisation). */
export async function analyzeStaleTables(db: Kysely<DB>, tables: readonly TableCount[]): Promise<string[]> {
  lastCheck.set(db, Date.now());
  const stale = tables.filter(isStale).map((t) => t.name);
  if (stale.length === 0) return [];
  try {
    await sql`ANALYZE ${sql.join(stale.map((t) => sql.table(t)))}`.execute(db);
    return stale;
  } catch {
    return [];
  }
}

/** Counts the base tables and ANALYZEs the stale ones, at most every CHECK_INTERVAL_MS unless forced. */
export async function refreshPlannerStatistics(db: Kysely<DB>, force = false): Promise<string[]> {
  const now = Date.now();
  if (!force && now - (lastCheck.get(db) ?? 0) < CHECK_INTERVAL_MS) return [];
  lastCheck.set(db, now);
  try {
    return await analyzeStaleTables(db, await countBaseTables(db));
  } catch {
    return [];
  }
}

/**
 * Runs an analytical read in a read-only REPEATABLE READ transaction (one snapshot for all its statements)
 * with JIT off (its compile time dwarfs these queries), enough work_mem for the sorts and hashes of a
 * province-scale year to stay in memory, and no parallel workers: a computed year already runs its reads
 * concurrently on separate connections and overlaps them with the domain computation in Node, so workers
 * on top oversubscribe the cores (cold province year on the 2-core reference machine, interleaved runs:
 * median 2.26 s without workers, 2.55 s with). Inside a transaction, runs fn as is.
 */
export async function inAnalyticsSnapshot<T>(db: Kysely<DB>, fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      // Transaction-local settings in one round trip.
      await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
        set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
      return fn(trx);
    });
}
