/** SQL of the population table (denominators of enrolment ratios). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Rows for a year (and optional region/basis), by region and age. */
export function findPopulation(
  db: Kysely<DB>,
  f: { year: number; regionCode?: string | undefined; basis?: 'registered' | 'resident' | undefined },
) {
  let q = db
    .selectFrom('population as p')
    .leftJoin('region as r', (j) => j.onRef('r.code', '=', 'p.region_code').on('r.valid_to', 'is', null))
    .select(['p.region_code', 'r.name as region_name', 'p.year', 'p.age', 'p.basis', 'p.count', 'p.source'])
    .where('p.year', '=', f.year);
  if (f.regionCode) q = q.where('p.region_code', '=', f.regionCode);
  if (f.basis) q = q.where('p.basis', '=', f.basis);
  return q.orderBy('p.region_code').orderBy('p.basis').orderBy('p.age').execute();
}

/** Years that have population data, newest first. */
export async function findPopulationYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('population').select('year').distinct().orderBy('year', 'desc').execute();
  return rows.map((r) => r.year);
}
