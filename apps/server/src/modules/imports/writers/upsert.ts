/** The keyed bulk upsert shared by the yearly statistics, conditions and population writers. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { WriteSummary } from '../import-writers.ts';
import { columnList, unnestSource, type UnnestColumn } from './unnest.ts';

/** What to upsert: the table, its natural-key columns, and every column's values for one batch. */
export interface KeyedUpsert {
  table: 'school_year_stat' | 'school_condition' | 'population';
  keyColumns: readonly string[];
  columns: readonly UnnestColumn[];
}

/**
 * Inserts new keys and updates changed rows only, counting each:
 *
 *   INSERT INTO t (k…, c…) SELECT k…, c… FROM unnest(…) AS i(k…, c…)
 *   ON CONFLICT (k…) DO UPDATE SET c = excluded.c, …, updated_at = now()
 *   WHERE (t.c, …) IS DISTINCT FROM (excluded.c, …)
 *   RETURNING (t.xmax = 0) AS inserted          -- xmax is 0 only for freshly inserted rows
 */
export async function upsertByKey(db: Kysely<DB>, u: KeyedUpsert): Promise<WriteSummary> {
  const names = columnList(u.columns);
  const values = u.columns.map((c) => c.name).filter((n) => !u.keyColumns.includes(n));
  const r = await sql<{ inserted: boolean }>`
    INSERT INTO ${sql.table(u.table)} AS t (${names}) SELECT ${names} FROM ${unnestSource('i', u.columns)}
    ON CONFLICT (${sql.raw(u.keyColumns.join(', '))}) DO UPDATE SET ${sql.raw(values.map((c) => `${c} = excluded.${c}`).join(', '))}, updated_at = now()
    WHERE (${sql.raw(values.map((c) => `t.${c}`).join(', '))}) IS DISTINCT FROM (${sql.raw(values.map((c) => `excluded.${c}`).join(', '))})
    RETURNING (t.xmax = 0) AS inserted`.execute(db);
  const rowCount = u.columns[0]!.values.length;
  const inserted = r.rows.filter((x) => x.inserted).length;
  return { inserted, updated: r.rows.length - inserted, unchanged: rowCount - r.rows.length };
}

/** Adds one batch's counts to a running summary. */
export function addCounts(total: WriteSummary, batch: WriteSummary): void {
  total.inserted += batch.inserted;
  total.updated += batch.updated;
  total.unchanged += batch.unchanged;
}
