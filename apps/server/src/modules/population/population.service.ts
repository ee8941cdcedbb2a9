/** Population by single year of age: the denominators of 毛入园率 and 毛入学率. */
import type { PopulationRow } from '@zhiping/contracts';
import { scopeFor } from '../../platform/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import * as repo from './population.repository.ts';

/** Population rows of a year (default: the latest with data) and the years available. */
export async function listPopulation(
  ctx: ServiceContext,
  query: { year?: number | undefined; regionCode?: string | undefined; basis?: 'registered' | 'resident' | undefined },
): Promise<{ items: PopulationRow[]; years: number[] }> {
  scopeFor(ctx.actor, 'base:read');
  const years = await repo.findPopulationYears(ctx.db);
  const year = query.year ?? years[0];
  if (year === undefined) return { items: [], years };
  const rows = await repo.findPopulation(ctx.db, { year, regionCode: query.regionCode, basis: query.basis });
  return {
    years,
    items: rows.map((r) => ({
      regionCode: r.region_code,
      regionName: r.region_name,
      year: r.year,
      age: r.age,
      basis: r.basis,
      count: r.count,
      source: r.source,
    })),
  };
}
