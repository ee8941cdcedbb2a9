/**
 * Catalog and bulk SQL of backups: which tables exist, in foreign-key order, with their columns,
 * identity columns and primary keys; reading a table through a cursor; resetting identity sequences.
 * Table and column names come from the catalog and are always quoted.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** One table to back up. */
export interface TableInfo {
  name: string;
  /** Stored columns in ordinal order (generated columns excluded). */
  columns: string[];
  /** Identity columns, whose sequences are reset after a restore. */
  identityColumns: string[];
  /** Primary-key columns, for a stable dump order. */
  primaryKey: string[];
}

/** Quotes an identifier. */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Tables of the current schema, parents before children. Excluded: Kysely's own migration tables, and
 * the data-change log (derived data: the triggers on the restored tables rebuild it during a restore, so
 * its per-table sums equal the restored row counts without copying it).
 */
export async function findTables(db: Kysely<any>): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely\\_%'
      AND table_name <> 'data_change'
    ORDER BY table_name`.execute(db);
  const columns = await sql<{ table_name: string; column_name: string; is_identity: string; is_generated: string }>`
    SELECT table_name, column_name, is_identity, is_generated FROM information_schema.columns
    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema AND kcu.table_name = tc.table_name
    WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY tc.table_name, kcu.ordinal_position`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const infos = tables.rows.map((t) => ({
    name: t.name,
    columns: columns.rows.filter((c) => c.table_name === t.name && c.is_generated !== 'ALWAYS').map((c) => c.column_name),
    identityColumns: columns.rows.filter((c) => c.table_name === t.name && c.is_identity === 'YES').map((c) => c.column_name),
    primaryKey: keys.rows.filter((k) => k.table_name === t.name).map((k) => k.column_name),
  }));
  return sortByDependencies(infos, fks.rows);
}

/** Topological order over foreign keys (self-references ignored); ties stay alphabetical. */
export function sortByDependencies<T extends { name: string }>(tables: T[], fks: { child: string; parent: string }[]): T[] {
  const out: T[] = [];
  const placed = new Set<string>();
  const pending = [...tables];
  while (pending.length > 0) {
    const i = pending.findIndex((t) =>
      fks.every((f) => f.child !== t.name || f.parent === t.name || placed.has(f.parent) || !tables.some((x) => x.name === f.parent)),
    );
    if (i < 0) throw new Error(`circular foreign keys among ${pending.map((t) => t.name).join(', ')}`);
    const [t] = pending.splice(i, 1);
    out.push(t!);
    placed.add(t!.name);
  }
  return out;
}

/** Row counts of tables. */
export async function countRows(db: Kysely<any>, tables: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of tables) {
    const r = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.raw(quoteIdent(t))}`.execute(db);
    out.set(t, Number(r.rows[0]!.n));
  }
  return out;
}

/** The last migration applied to the database, or null. */
export async function findLatestMigration(db: Kysely<any>): Promise<string | null> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return r.rows[0]?.name ?? null;
}

/**
 * Reads a table as text in primary-key order through a cursor, `batch` rows at a time. Must run inside
 * a transaction. Every value is cast to text, so each type round-trips exactly through its literal.
 */
export async function* readTableAsText(trx: Kysely<DB>, table: TableInfo, batch: number): AsyncGenerator<(string | null)[][]> {
  const select = table.columns.map((c) => `${quoteIdent(c)}::text AS ${quoteIdent(c)}`).join(', ');
  const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.map(quoteIdent).join(', ')}` : '';
  await sql.raw(`DECLARE zhiping_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table.name)}${order}`).execute(trx);
  try {
    for (;;) {
      const r = await sql.raw<Record<string, string | null>>(`FETCH ${batch} FROM zhiping_backup`).execute(trx);
      if (r.rows.length === 0) break;
      yield r.rows.map((row) => table.columns.map((c) => row[c] ?? null));
    }
  } finally {
    await sql.raw('CLOSE zhiping_backup').execute(trx);
  }
}

/** Moves each identity sequence past the largest restored value (or back to its start when the table is empty). */
export async function resetIdentitySequences(trx: Kysely<DB>, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const c of t.identityColumns) {
      const table = quoteIdent(t.name);
      await sql
        .raw(
          `SELECT setval(pg_get_serial_sequence('${table.replaceAll("'", "''")}', '${c.replaceAll("'", "''")}'), coalesce(max(${quoteIdent(c)}), 1), max(${quoteIdent(c)}) IS NOT NULL) FROM ${table}`,
        )
        .execute(trx);
    }
  }
}
