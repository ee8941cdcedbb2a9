/** Kysely table type of the data-change log (migration 20261123000000_data_change_log). */
import type { ColumnType, Generated } from 'kysely';

/**
 * One write statement's effect on a base table the indicators read, appended by triggers: the table,
 * the affected year (yearly tables; NULL otherwise) and the change of its row count. Per table (and
 * year), sum(row_delta) is the row count; (count, max id) of the rows is the data's version.
 */
export interface DataChangeTable {
  /** bigint (read as a number, see database.ts). */
  id: ColumnType<number, never, never>;
  table_name: string;
  year: number | null;
  /** bigint (read as a number). */
  row_delta: number;
  changed_at: Generated<Date>;
}
