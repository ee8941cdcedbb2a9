/** Pivots population rows into one row per age with a column per 口径 (summed over regions shown). */
import type { PopulationRow } from '@zhiping/contracts';

export interface AgeRow {
  age: number;
  registered: number | null;
  resident: number | null;
}

/** One row per age, ascending; a 口径 without data stays null. */
export function pivotByAge(rows: readonly PopulationRow[]): AgeRow[] {
  const byAge = new Map<number, AgeRow>();
  for (const r of rows) {
    const row = byAge.get(r.age) ?? { age: r.age, registered: null, resident: null };
    row[r.basis] = (row[r.basis] ?? 0) + r.count;
    byAge.set(r.age, row);
  }
  return [...byAge.values()].sort((a, b) => a.age - b.age);
}

/** The distinct regions of the rows, for the region filter. */
export function regionsOf(rows: readonly PopulationRow[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.regionCode)) seen.set(r.regionCode, r.regionName ?? r.regionCode);
  return [...seen].map(([code, name]) => ({ code, name }));
}
