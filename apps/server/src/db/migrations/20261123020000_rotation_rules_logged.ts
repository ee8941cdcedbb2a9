/**
 * The rotation indicators (交流轮岗比例, 骨干占比) count teachers due under the 应交流年限 and 骨干 basis of
 * the rotation rule set in force, so rotation_rule_set joins the tables logged in data_change (migration
 * 20261123000000_data_change_log): a new or edited rule set changes the data fingerprint and the cached
 * years are recomputed. Same four triggers as there, seeded with the current row count. Frozen: never
 * edit after release.
 */
import { sql, type Kysely } from 'kysely';

const TABLE = 'rotation_rule_set';
const name = (event: string) => `${TABLE}_data_change_${event}`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TRIGGER ${name('ins')} AFTER INSERT ON ${TABLE} REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_insert()`,
    `CREATE TRIGGER ${name('upd')} AFTER UPDATE ON ${TABLE} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_update()`,
    `CREATE TRIGGER ${name('del')} AFTER DELETE ON ${TABLE} REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_delete()`,
    `CREATE TRIGGER ${name('trunc')} AFTER TRUNCATE ON ${TABLE} FOR EACH STATEMENT EXECUTE FUNCTION data_change_after_truncate()`,
    ...['ins', 'upd', 'del', 'trunc'].map((e) => `ALTER TABLE ${TABLE} ENABLE ALWAYS TRIGGER ${name(e)}`),
    `INSERT INTO data_change (table_name, year, row_delta) SELECT '${TABLE}', NULL, count(*) FROM ${TABLE}`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const e of ['ins', 'upd', 'del', 'trunc']) await sql.raw(`DROP TRIGGER IF EXISTS ${name(e)} ON ${TABLE}`).execute(db);
  await sql.raw(`DELETE FROM data_change WHERE table_name = '${TABLE}'`).execute(db);
}
