/** Bulk upsert of population by single year of age (key: 区划代码, 年份, 年龄, 口径). */
import type { PopulationImportRow } from '@zhiping/domain';
import type { TxContext } from '../../../platform/context.ts';
import type { WriteOptions, WriteSummary } from '../import-writers.ts';
import { WRITE_BATCH_SIZE, batchesOf } from './unnest.ts';
import { addCounts, upsertByKey } from './upsert.ts';

/** Writes 人口 rows. */
export async function writePopulation(tx: TxContext, rows: readonly PopulationImportRow[], options: WriteOptions): Promise<WriteSummary> {
  const summary: WriteSummary = { inserted: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const b of batchesOf(rows, WRITE_BATCH_SIZE)) {
    const counts = await upsertByKey(tx.db, {
      table: 'population',
      keyColumns: ['region_code', 'year', 'age', 'basis'],
      columns: [
        { name: 'region_code', type: 'text', values: b.map((r) => r.regionCode) },
        { name: 'year', type: 'int', values: b.map((r) => r.year) },
        { name: 'age', type: 'int', values: b.map((r) => r.age) },
        { name: 'basis', type: 'text', values: b.map((r) => r.basis) },
        { name: 'count', type: 'int', values: b.map((r) => r.count) },
        { name: 'source', type: 'text', values: b.map((r) => r.source) },
      ],
    });
    addCounts(summary, counts);
    options.onProgress?.((done += b.length));
  }
  return summary;
}
