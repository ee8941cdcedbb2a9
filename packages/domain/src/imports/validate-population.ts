/** Validates one row of the 人口 template (one region, year, age and 口径). */
import type { PopulationBasis } from '../codes/enums.ts';
import { isRegionCode } from '../codes/regions.ts';
import { RowReader, type RawRow, type RowResult } from './row-reader.ts';
import type { PopulationImportRow } from './rows.ts';
import { IMPORT_TEMPLATES } from './templates.ts';

/** Turns the cells of a 人口 row into a PopulationImportRow or its problems. */
export function validatePopulationRow(raw: RawRow): RowResult<PopulationImportRow> {
  const r = new RowReader(IMPORT_TEMPLATES.population, raw);
  const year = r.integer('year');
  const regionCode = r.text('regionCode');
  const age = r.integer('age');
  const count = r.integer('count');
  const basis = r.code<PopulationBasis>('basis');
  const source = r.text('source') ?? '';
  if (regionCode !== null && /^\d{6}$/.test(regionCode) && !isRegionCode(regionCode)) r.fail('regionCode', `区划代码 ${regionCode} 无效`);
  // Required fields are non-null whenever no problem was recorded.
  return r.result(() => ({ year: year!, regionCode: regionCode!, age: age!, count: count!, basis: basis!, source }));
}
