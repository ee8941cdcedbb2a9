/**
 * Indicator benchmark. For each engine (PGlite in a temporary folder, PostgreSQL in a fresh database on
 * the server given by --url or ZHIPING_BENCH_DATABASE_URL): generate a province-scale dataset, then
 * compute the whole catalog (cold: fingerprint, statistics check, set-based loading, data-quality
 * counts, domain computation) and both assessments for one year, against two baselines measured in the
 * same run — SELECT school_id, sum(…) … GROUP BY school_id scans: the narrow one over the grade rows and
 * conditions of the year and the teachers, the full one over every base table the catalog reads. Then
 * the dashboard API on the demo district (embedded PGlite): latency percentiles of warm requests.
 * Prints figures only; nothing is asserted.
 *
 *   npm run indicators -w @zhiping/bench -- [--engine pglite|postgres|both|none] [--url postgres://…]
 *     [--schools 20000] [--teachers 400000] [--runs 3] [--requests 200] [--keep-db NAME]
 *   --keep-db NAME keeps the generated PostgreSQL data in database NAME and reuses it on later runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type Database } from '../../apps/server/src/db/database.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import type { DB } from '../../apps/server/src/db/schema.ts';
import { getAssessment } from '../../apps/server/src/modules/assessments/assessment.service.ts';
import { countFailuresBySchool } from '../../apps/server/src/modules/data-quality/data-quality.service.ts';
import { clearYearCache } from '../../apps/server/src/modules/indicators/indicator-cache.ts';
import { findDataState } from '../../apps/server/src/modules/indicators/indicator.repository.ts';
import { loadYear } from '../../apps/server/src/modules/indicators/indicator.service.ts';
import { analyzeStaleTables, BASE_TABLES } from '../../apps/server/src/modules/indicators/planner-statistics.service.ts';
import { buildYearModel } from '../../apps/server/src/modules/indicators/year-model.ts';
import { loadYearInputs } from '../../apps/server/src/modules/indicators/year-loader.ts';
import { ensureDistrict } from '../../apps/server/src/modules/setup/bootstrap.service.ts';
import { systemActor, systemClock, type ServiceContext } from '../../apps/server/src/platform/context.ts';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto.ts';
import { benchDashboardApi } from './dashboard-api.ts';
import { generateDataset } from './generate.ts';

const { values: opts } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    url: { type: 'string' },
    schools: { type: 'string', default: '20000' },
    teachers: { type: 'string', default: '400000' },
    runs: { type: 'string', default: '3' },
    requests: { type: 'string', default: '200' },
    'skip-api': { type: 'boolean', default: false },
    /** PostgreSQL: keep the generated data in this database and reuse it on the next run (no drop). */
    'keep-db': { type: 'string' },
  },
});
const SIZE = { schools: Number(opts.schools), teachers: Number(opts.teachers), firstYear: 2021, years: 5 };
const YEAR = 2025;
const RUNS = Number(opts.runs);
const log = (s: string) => console.log(s);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

/**
 * The narrow baseline (the figure recorded since the first run): one aggregate scan grouped by school of
 * the three largest tables, school_year_stat and school_condition of the computed year only, and teacher.
 */
async function baseline(db: Kysely<DB>): Promise<number> {
  const [t] = await timed(async () => {
    await sql`SELECT school_id, sum(students), sum(classes), sum(girls) FROM school_year_stat WHERE school_year = ${YEAR} GROUP BY school_id`.execute(
      db,
    );
    await sql`SELECT school_id, sum(teaching_area), sum(equipment_value), sum(multimedia_rooms) FROM school_condition WHERE school_year = ${YEAR} GROUP BY school_id`.execute(
      db,
    );
    await sql`SELECT school_id, count(*), sum(CASE WHEN is_full_time THEN 1 ELSE 0 END) FROM teacher GROUP BY school_id`.execute(db);
  });
  return t;
}

/**
 * The full baseline: one aggregate scan grouped by school of every row of the base tables the catalog
 * reads — grade rows of the ten school years its cohorts look back over, conditions of the year and the
 * one before (the year-on-year checks), teachers, their assignments and recognitions, school versions.
 */
async function fullBaseline(db: Kysely<DB>): Promise<number> {
  const [t] = await timed(async () => {
    await sql`SELECT school_id, sum(students), sum(classes), sum(graduates) FROM school_year_stat WHERE school_year BETWEEN ${YEAR - 9} AND ${YEAR} GROUP BY school_id`.execute(
      db,
    );
    await sql`SELECT school_id, sum(teaching_area), sum(equipment_value), sum(multimedia_rooms) FROM school_condition WHERE school_year BETWEEN ${YEAR - 1} AND ${YEAR} GROUP BY school_id`.execute(
      db,
    );
    await sql`SELECT school_id, count(*), sum(CASE WHEN is_full_time THEN 1 ELSE 0 END) FROM teacher GROUP BY school_id`.execute(db);
    await sql`SELECT school_id, count(*), max(valid_from) FROM teacher_assignment GROUP BY school_id`.execute(db);
    await sql`SELECT teacher_id, count(*), max(issued_on) FROM teacher_recognition GROUP BY teacher_id`.execute(db);
    await sql`SELECT school_id, count(*), max(valid_from) FROM school_version GROUP BY school_id`.execute(db);
  });
  return t;
}

/** Cold computation of the catalog, in its parts, then both assessments on the computed year. */
async function catalogRun(ctx: ServiceContext): Promise<Record<string, number>> {
  const db = ctx.db;
  clearYearCache(db);
  const [total] = await timed(() => loadYear(db, YEAR));
  const [assessments] = await timed(async () => {
    await getAssessment(ctx, 'balanced', YEAR);
    await getAssessment(ctx, 'preschool', YEAR);
  });
  const [warm] = await timed(() => loadYear(db, YEAR));
  // The common recomputation: one school's grade row edited (the teacher buckets are reused).
  await sql`UPDATE school_year_stat SET students = students + 1, new_entrants = new_entrants + 1
    WHERE (school_id, school_year, grade) = (SELECT school_id, school_year, grade FROM school_year_stat WHERE school_year = ${YEAR} AND grade = 'P1' ORDER BY school_id LIMIT 1)`.execute(
    db,
  );
  const [afterEdit] = await timed(() => loadYear(db, YEAR));
  const [fingerprint, state] = await timed(() => findDataState(db, [YEAR], BASE_TABLES));
  const fp = state.fingerprints.get(YEAR)!;
  const [statistics] = await timed(() => analyzeStaleTables(db, state.tables));
  const [quality] = await timed(() => countFailuresBySchool(db, YEAR));
  const [loading, inputs] = await timed(() => loadYearInputs(db, YEAR, fp, async () => new Map()));
  const [domain, model] = await timed(async () => buildYearModel(inputs));
  if (model.schools.size === 0) throw new Error('no schools computed');
  return { total, assessments, warm, afterEdit, fingerprint, statistics, quality, loading, domain };
}

async function benchEngine(engine: 'pglite' | 'postgres'): Promise<void> {
  log(`\n== ${engine}: ${SIZE.schools} schools, ${SIZE.teachers} teachers, ${SIZE.years} school years ==`);
  let database: Database;
  let cleanup: () => Promise<void>;
  let reuse = false;
  if (engine === 'postgres') {
    const url = opts.url ?? process.env.ZHIPING_BENCH_DATABASE_URL;
    if (!url)
      throw new Error('PostgreSQL needs --url or ZHIPING_BENCH_DATABASE_URL (e.g. the URL printed by scripts/pg-test-cluster.sh start)');
    const keep = opts['keep-db'];
    if (keep !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keep)) throw new Error('--keep-db: a lower-case database name');
    const name = keep ?? `zhiping_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    reuse = keep !== undefined && exists;
    if (!reuse) {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
    }
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: u.toString(), statementTimeoutMs: 3_600_000 });
    cleanup = async () => {
      await database.close();
      if (keep === undefined)
        await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch((e: unknown) => log(`(could not drop ${name}: ${String(e)})`));
      await admin.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-bench-'));
    database = await openDatabase({ dataDir: dir, holder: 'bench', statementTimeoutMs: 3_600_000 });
    cleanup = async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await migrateToLatest(database.db);
    const districtId = await ensureDistrict(database.db, { code: '500199', name: '基准省区' });
    const [gen] = reuse ? [0] : await timed(() => generateDataset(database.db, districtId, SIZE, log));
    if (reuse) log(`reusing the data kept in ${opts['keep-db']} (--keep-db)`);
    else if (engine === 'postgres') {
      // What autovacuum does within a minute of a bulk load on a real server: set the visibility map, so
      // index-only scans (same-person check, full-time teachers per school) read no heap pages. A VACUUM
      // that runs while another snapshot is still open (an autovacuum ANALYZE started during the load)
      // cannot mark pages all-visible, so it is repeated until the map is set. Embedded PGlite has no
      // autovacuum and is measured as loaded.
      const large = ['teacher', 'teacher_assignment', 'teacher_recognition', 'school_year_stat', 'school_condition'];
      const [vacuum, tries] = await timed(async () => {
        for (let attempt = 1; ; attempt++) {
          await sql`VACUUM (ANALYZE) ${sql.join(large.map((t) => sql.table(t)))}`.execute(database.db);
          const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_class
            WHERE relname IN (${sql.join(large)}) AND relallvisible < relpages`.execute(database.db);
          if (r.rows[0]!.n === 0 || attempt === 10) return attempt;
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      });
      log(
        `  VACUUM (ANALYZE) of the large tables, as autovacuum would after the load (${(vacuum / 1000).toFixed(1)} s, ${tries} pass(es))`,
      );
    }
    const counts = await sql<{
      t: string;
      n: number;
    }>`SELECT 'school_year_stat' AS t, count(*)::int AS n FROM school_year_stat UNION ALL SELECT 'teacher', count(*)::int FROM teacher
      UNION ALL SELECT 'school_condition', count(*)::int FROM school_condition`.execute(database.db);
    log(`generated in ${(gen / 1000).toFixed(1)} s: ${counts.rows.map((r) => `${r.t} ${r.n}`).join(', ')}`);
    const ctx: ServiceContext = {
      db: database.db,
      actor: systemActor('bench'),
      clock: systemClock,
      crypto: createFieldCrypto('bench-secret-key-bench-secret-key-0123'),
    };
    await baseline(database.db);
    const runs: Record<string, number>[] = [];
    const bases: number[] = [];
    const fullBases: number[] = [];
    await fullBaseline(database.db);
    for (let i = 0; i < RUNS; i += 1) {
      bases.push(await baseline(database.db));
      fullBases.push(await fullBaseline(database.db));
      runs.push(await catalogRun(ctx));
    }
    const m = (k: string) => median(runs.map((r) => r[k]!));
    const base = median(bases);
    log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')}`,
    );
    const fullBase = median(fullBases);
    log(`baseline, narrow (3 aggregate scans GROUP BY school_id: grade rows and conditions of the year, teachers): ${ms(base)}`);
    log(`baseline, full (one aggregate scan GROUP BY school of every base table the catalog reads, 6 scans): ${ms(fullBase)}`);
    log(
      `whole catalog, cold (median of ${RUNS}): ${ms(m('total'))}  → ratio ${(m('total') / base).toFixed(2)}× the narrow baseline, ${(m('total') / fullBase).toFixed(2)}× the full one  (targets: ≤ 2000 ms on PostgreSQL, ≤ 5×)`,
    );
    log(
      `  parts: fingerprint with table counts ${ms(m('fingerprint'))}, statistics check ${ms(m('statistics'))}, data-quality counts ${ms(m('quality'))}, set-based loading ${ms(m('loading'))}, domain computation ${ms(m('domain'))}`,
    );
    log(`both assessments on the computed year: ${ms(m('assessments'))}`);
    log(`cached year (fingerprint check only): ${ms(m('warm'))}`);
    log(`recomputed after one grade row is edited (teacher buckets reused): ${ms(m('afterEdit'))}`);
  } finally {
    await cleanup();
  }
}

const engines =
  opts.engine === 'both' ? (['pglite', 'postgres'] as const) : opts.engine === 'none' ? [] : ([opts.engine] as ('pglite' | 'postgres')[]);
for (const e of engines) {
  if (e === 'postgres' && !opts.url && !process.env.ZHIPING_BENCH_DATABASE_URL) {
    log('\n== postgres: skipped (no --url / ZHIPING_BENCH_DATABASE_URL) ==');
    continue;
  }
  await benchEngine(e);
}
if (!opts['skip-api']) await benchDashboardApi(Number(opts.requests), log);
