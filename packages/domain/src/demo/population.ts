/**
 * The demo district's registered population (户籍) by single year of age. Each birth cohort keeps its
 * size from year to year apart from a small steady net migration, and births fall after the 2016–2017
 * peak, so kindergarten enrolment shrinks by roughly 5–10 % a year.
 */
import type { PopulationImportRow } from '../imports/rows.ts';
import { DEMO_REGION_CODE } from './layout.ts';
import type { Rng } from './random.ts';

/** Births of a typical year before the decline. */
const BIRTHS_BASE = 4600;

/** Relative births by birth year (1.0 = BIRTHS_BASE). */
// prettier-ignore
const BIRTH_INDEX: Readonly<Record<number, number>> = {
  2000: 0.93, 2001: 0.92, 2002: 0.92, 2003: 0.93, 2004: 0.94, 2005: 0.95, 2006: 0.95, 2007: 0.96, 2008: 0.97, 2009: 0.97,
  2010: 0.98, 2011: 0.99, 2012: 1.02, 2013: 1.0, 2014: 1.05, 2015: 1.02, 2016: 1.1, 2017: 1.08, 2018: 0.98, 2019: 0.94,
  2020: 0.86, 2021: 0.8, 2022: 0.75, 2023: 0.71, 2024: 0.74, 2025: 0.68,
};

export const POPULATION_SOURCE = '区公安分局户籍统计';

/** Population by (year, age) for any year from 2015 on, including years before those exported. */
export interface PopulationModel {
  count(year: number, age: number): number;
}

/** Draws each cohort's size and yearly net migration once. */
export function buildPopulationModel(rng: Rng): PopulationModel {
  const cohorts = new Map<number, { births: number; drift: number }>();
  for (const y of Object.keys(BIRTH_INDEX).map(Number)) {
    cohorts.set(y, { births: Math.round(BIRTHS_BASE * BIRTH_INDEX[y]! * rng.float(0.985, 1.015)), drift: rng.float(-0.004, 0.006) });
  }
  return {
    count(year, age) {
      const c = cohorts.get(year - age);
      if (!c) throw new Error(`no demo birth cohort for ${year - age}`);
      // Infant mortality and a steady net migration from age 1 on.
      return Math.round(c.births * (age === 0 ? 1 : 0.995) * (1 + c.drift * age));
    },
  };
}

/** Rows of single years of age 0–18 for each year. */
export function buildPopulationRows(model: PopulationModel, years: readonly number[]): PopulationImportRow[] {
  const rows: PopulationImportRow[] = [];
  for (const year of years) {
    for (let age = 0; age <= 18; age++) {
      rows.push({ year, regionCode: DEMO_REGION_CODE, age, count: model.count(year, age), basis: 'registered', source: POPULATION_SOURCE });
    }
  }
  return rows;
}
