/**
 * Multi-row statements over column arrays: `unnest($1::text[], $2::int[], …) AS i(a, b, …)` binds one
 * array per column, so a batch of any size costs a handful of parameters (far from PostgreSQL's
 * 65,535 limit) and one parse/plan, instead of one VALUES tuple per row.
 */
import { sql, type RawBuilder } from 'kysely';

/** One column of an unnest source: its name, PostgreSQL element type, and the values (one per row). */
export interface UnnestColumn {
  name: string;
  type: 'text' | 'int' | 'bool' | 'date' | 'numeric' | 'float8';
  values: readonly unknown[];
}

/**
 * The FROM item `unnest($1::text[], …) AS alias(name, …)`. Names and types are code constants (raw
 * SQL); the values are bound parameters.
 */
export function unnestSource(alias: string, columns: readonly UnnestColumn[]): RawBuilder<unknown> {
  const arrays = sql.join(columns.map((c) => sql`${c.values}::${sql.raw(c.type)}[]`));
  return sql`unnest(${arrays}) AS ${sql.raw(alias)}(${sql.raw(columns.map((c) => c.name).join(', '))})`;
}

/** The column names of an unnest source, comma-separated (for INSERT column lists and SELECTs). */
export function columnList(columns: readonly UnnestColumn[], prefix = ''): RawBuilder<unknown> {
  return sql.raw(columns.map((c) => prefix + c.name).join(', '));
}

/** Splits rows into batches of `size`. */
export function* batchesOf<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** Rows per statement: large enough to amortize round trips, small enough for steady progress. */
export const WRITE_BATCH_SIZE = 2000;
