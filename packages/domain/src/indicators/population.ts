/**
 * Population denominators for the gross rates (毛入园率 3–5, 高中阶段毛入学率 15–17). The basis
 * (户籍 or 常住) and source must be stated with every rate (standards.md §3).
 */
import type { PopulationBasis } from '../codes/enums.ts';
import { POPULATION_BASIS } from '../codes/enums.ts';

/** One single-year-of-age population count. */
export interface PopulationByAge {
  age: number;
  count: number;
  basis: PopulationBasis;
  source: string;
}

/** Population of an age range on one basis, with the sources used and the ages missing. */
export interface PopulationSum {
  total: number;
  missingAges: number[];
  /** Chinese description of the basis and sources, e.g. '常住人口（统计局）'. */
  description: string;
}

/** Sums the population aged fromAge…toAge (inclusive) on one basis, noting missing ages. */
export function sumPopulation(rows: readonly PopulationByAge[], fromAge: number, toAge: number, basis: PopulationBasis): PopulationSum {
  const used = rows.filter((r) => r.basis === basis && r.age >= fromAge && r.age <= toAge);
  const missingAges: number[] = [];
  for (let a = fromAge; a <= toAge; a += 1) if (!used.some((r) => r.age === a)) missingAges.push(a);
  const sources = [...new Set(used.map((r) => r.source))].join('、');
  return {
    total: used.reduce((s, r) => s + r.count, 0),
    missingAges,
    description: `${POPULATION_BASIS.labels[basis]}人口（${sources || '无来源'}）`,
  };
}
