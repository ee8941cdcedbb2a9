/**
 * The data-change log: an append-only table that statement-level triggers on every base table the
 * indicators read fill with one row per write statement (per affected year for the yearly tables), so
 * the indicator cache reads the data's version and row counts from a tiny table instead of scanning the
 * base tables (see docs/decisions/0004-data-change-log.md).
 *
 * Invariant: for each table, sum(row_delta) equals its row count (per year for the yearly tables).
 * Writers only ever INSERT into the log (never UPDATE a shared row), so concurrent writers never block
 * each other on it. The triggers are ENABLE ALWAYS: bulk loads that skip foreign-key triggers with
 * session_replication_role = replica are still logged. The migration seeds the log with the current
 * row counts. Frozen: never edit after release.
 */
import { sql, type Kysely } from 'kysely';

/** Tables read by every year's indicators as a whole (no year column). */
const SHARED_TABLES = [
  'school',
  'school_version',
  'org_unit',
  'teacher',
  'teacher_assignment',
  'teacher_recognition',
  'school_group',
  'school_group_member',
  'indicator_threshold',
  'data_quality_rule',
  'training_rule',
  'training_credit',
];
/** Yearly tables and their year column. */
const YEARLY_TABLES: [table: string, yearColumn: string][] = [
  ['school_year_stat', 'school_year'],
  ['school_condition', 'school_year'],
  ['population', 'year'],
];

const UP = [
  `CREATE TABLE data_change (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    year integer NULL,
    row_delta bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX data_change_key ON data_change(table_name, year)`,
  // Trigger argument 0 (optional): the table's year column; without it one row with year NULL.
  `CREATE FUNCTION data_change_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_NARGS = 0 THEN
       INSERT INTO data_change (table_name, year, row_delta)
       SELECT TG_TABLE_NAME::text, NULL, count(*) FROM new_rows HAVING count(*) > 0;
     ELSE
       EXECUTE format('INSERT INTO data_change (table_name, year, row_delta)
         SELECT $1, %1$I, count(*) FROM new_rows GROUP BY %1$I', TG_ARGV[0]) USING TG_TABLE_NAME::text;
     END IF;
     RETURN NULL;
   END $$`,
  // An update leaves the count unchanged, but still appends (delta 0) so the version changes; a row moved
  // to another year counts -1 in the old year and +1 in the new one.
  `CREATE FUNCTION data_change_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_NARGS = 0 THEN
       INSERT INTO data_change (table_name, year, row_delta)
       SELECT TG_TABLE_NAME::text, NULL, 0 WHERE EXISTS (SELECT 1 FROM new_rows);
     ELSE
       EXECUTE format('INSERT INTO data_change (table_name, year, row_delta)
         SELECT $1, y, sum(d) FROM (SELECT %1$I AS y, 1 AS d FROM new_rows UNION ALL SELECT %1$I, -1 FROM old_rows) c
         GROUP BY y', TG_ARGV[0]) USING TG_TABLE_NAME::text;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION data_change_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_NARGS = 0 THEN
       INSERT INTO data_change (table_name, year, row_delta)
       SELECT TG_TABLE_NAME::text, NULL, -count(*) FROM old_rows HAVING count(*) > 0;
     ELSE
       EXECUTE format('INSERT INTO data_change (table_name, year, row_delta)
         SELECT $1, %1$I, -count(*) FROM old_rows GROUP BY %1$I', TG_ARGV[0]) USING TG_TABLE_NAME::text;
     END IF;
     RETURN NULL;
   END $$`,
  // TRUNCATE has no transition table: per logged year (or NULL) a row bringing the year's sum to 0.
  `CREATE FUNCTION data_change_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO data_change (table_name, year, row_delta)
     SELECT TG_TABLE_NAME::text, year, -sum(row_delta) FROM data_change WHERE table_name = TG_TABLE_NAME::text GROUP BY year
     UNION ALL
     SELECT TG_TABLE_NAME::text, NULL, 0 WHERE NOT EXISTS (SELECT 1 FROM data_change WHERE table_name = TG_TABLE_NAME::text);
     RETURN NULL;
   END $$`,
];

/** The four triggers of one table (PostgreSQL refuses transition tables on multi-event triggers). */
function triggers(table: string, yearColumn: string | null): string[] {
  const arg = yearColumn ? `'${yearColumn}'` : '';
  const name = (event: string) => `${table}_data_change_${event}`;
  return [
    `CREATE TRIGGER ${name('ins')} AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_insert(${arg})`,
    `CREATE TRIGGER ${name('upd')} AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_update(${arg})`,
    `CREATE TRIGGER ${name('del')} AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_delete(${arg})`,
    `CREATE TRIGGER ${name('trunc')} AFTER TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_truncate()`,
    ...['ins', 'upd', 'del', 'trunc'].map((e) => `ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${name(e)}`),
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of UP) await sql.raw(statement).execute(db);
  // Triggers first (CREATE TRIGGER locks out writers until this migration commits), then the seed.
  for (const t of SHARED_TABLES) for (const s of triggers(t, null)) await sql.raw(s).execute(db);
  for (const [t, col] of YEARLY_TABLES) for (const s of triggers(t, col)) await sql.raw(s).execute(db);
  for (const t of SHARED_TABLES)
    await sql.raw(`INSERT INTO data_change (table_name, year, row_delta) SELECT '${t}', NULL, count(*) FROM ${t}`).execute(db);
  for (const [t, col] of YEARLY_TABLES)
    await sql
      .raw(`INSERT INTO data_change (table_name, year, row_delta) SELECT '${t}', ${col}, count(*) FROM ${t} GROUP BY ${col}`)
      .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [...SHARED_TABLES, ...YEARLY_TABLES.map(([x]) => x)])
    for (const e of ['ins', 'upd', 'del', 'trunc']) await sql.raw(`DROP TRIGGER IF EXISTS ${t}_data_change_${e} ON ${t}`).execute(db);
  for (const f of ['insert', 'update', 'delete', 'truncate']) await sql.raw(`DROP FUNCTION IF EXISTS data_change_after_${f}()`).execute(db);
  await sql.raw('DROP TABLE IF EXISTS data_change').execute(db);
}
