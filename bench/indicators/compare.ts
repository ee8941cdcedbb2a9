/**
 * Before/after comparison of the cold whole catalog on PostgreSQL, interleaved in one process on one
 * database so both sides see the same machine load: generates the province dataset into a fresh database,
 * then per run: baseline, the other checkout's loadYear (cache cleared), baseline, this checkout's
 * loadYear. Prints each run and the medians with their ratios to the baseline.
 *
 *   git worktree add --detach /tmp/before <commit>
 *   mkdir -p /tmp/before/node_modules/@zhiping && for e in node_modules/* node_modules/.bin; do
 *     [ "$(basename $e)" = @zhiping ] || ln -sfn "$PWD/$e" /tmp/before/node_modules/; done
 *   for p in domain:packages/domain contracts:packages/contracts; do ln -sfn "../../${p#*:}" /tmp/before/node_modules/@zhiping/${p%%:*}; done
 *   ln -sfn "$PWD/apps/server/node_modules" /tmp/before/apps/server/node_modules
 *   npx tsx bench/indicators/compare.ts --url postgres://… --before /tmp/before [--runs 5]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import * as nextCache from '../../apps/server/src/modules/indicators/indicator-cache.ts';
import * as next from '../../apps/server/src/modules/indicators/indicator.service.ts';
import { ensureDistrict } from '../../apps/server/src/modules/setup/bootstrap.service.ts';
import { generateDataset } from './generate.ts';

const { values: opts } = parseArgs({
  options: { url: { type: 'string' }, before: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
if (!opts.url || !opts.before) throw new Error('usage: compare.ts --url postgres://… --before /path/to/other/checkout [--runs 5]');
const indicators = path.resolve(opts.before, 'apps/server/src/modules/indicators');
type Loader = { loadYear: (db: Kysely<DB>, year: number) => Promise<unknown> };
type Cache = { clearYearCache: (db: Kysely<DB>) => void };
const prev = (await import(path.join(indicators, 'indicator.service.ts'))) as Loader;
const prevCache = (await import(path.join(indicators, 'indicator-cache.ts'))) as Cache;

const YEAR = 2025;
const name = `zhiping_compare_${process.pid}`;
const admin = new pg.Client({ connectionString: opts.url });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const u = new URL(opts.url);
u.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: u.toString(), statementTimeoutMs: 3_600_000 });
const db = database.db;
const timed = async (fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};
/** The baseline of run.ts: one aggregate scan per base table, grouped by school. */
const baseline = () =>
  timed(async () => {
    await sql`SELECT school_id, sum(students), sum(classes), sum(girls) FROM school_year_stat WHERE school_year = ${YEAR} GROUP BY school_id`.execute(
      db,
    );
    await sql`SELECT school_id, sum(teaching_area), sum(equipment_value), sum(multimedia_rooms) FROM school_condition WHERE school_year = ${YEAR} GROUP BY school_id`.execute(
      db,
    );
    await sql`SELECT school_id, count(*), sum(CASE WHEN is_full_time THEN 1 ELSE 0 END) FROM teacher GROUP BY school_id`.execute(db);
  });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  await migrateToLatest(db);
  const districtId = await ensureDistrict(db, { code: '500199', name: '基准省区' });
  await generateDataset(db, districtId, { schools: 20000, teachers: 400000, firstYear: 2021, years: 5 }, () => undefined);
  const base: number[] = [];
  const before: number[] = [];
  const after: number[] = [];
  await baseline();
  for (let i = 0; i < Number(opts.runs); i += 1) {
    base.push(await baseline());
    prevCache.clearYearCache(db);
    before.push(await timed(() => prev.loadYear(db, YEAR)));
    base.push(await baseline());
    nextCache.clearYearCache(db);
    after.push(await timed(() => next.loadYear(db, YEAR)));
    console.log(
      `run ${i + 1}: baseline ${base.at(-2)!.toFixed(0)} / ${base.at(-1)!.toFixed(0)} ms, before ${before.at(-1)!.toFixed(0)} ms, after ${after.at(-1)!.toFixed(0)} ms`,
    );
  }
  const b = median(base);
  console.log(
    `medians: baseline ${b.toFixed(0)} ms; whole catalog before ${median(before).toFixed(0)} ms (${(median(before) / b).toFixed(2)}×), after ${median(after).toFixed(0)} ms (${(median(after) / b).toFixed(2)}×)`,
  );
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
}
