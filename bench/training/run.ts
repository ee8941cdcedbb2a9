/**
 * bench/training: cycle compliance of 400,000 teachers over 5 years of ledger rows (25 a teacher ≈ 10 M
 * rows) in PostgreSQL. The rows are generated inside the server with generate_series (setup, not
 * measured; foreign-key triggers are skipped for the bulk load with session_replication_role, which the
 * throwaway cluster's superuser may set). Then, in the same run and on the same rows, it times:
 *
 *   baseline    select teacher_id, sum(hours) from training_credit group by teacher_id
 *   compliance  the real service: computeStandings (one pass over the ledger with hours per level and the
 *               year's seminars, service start per teacher, then the domain rules per teacher: pro-rating,
 *               sub-quotas, at-risk) and the district counts, over a 5-year cycle covering every row
 *   page        getCompliancePage (filter at risk, sort, first page) through a district ServiceContext
 *
 * and prints each time (median of --runs) and its ratio to the baseline. Nothing is asserted.
 *
 *   ZHIPING_PG_CLUSTER_STATE=/tmp/pg-training.env bash scripts/pg-test-cluster.sh start   # prints the URL
 *   npx tsx bench/training/run.ts --url postgres://postgres@127.0.0.1:PORT/postgres [--teachers 400000] [--per-year 5] [--runs 3]
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { ensureDistrict } from '../../apps/server/src/modules/setup/bootstrap.service.ts';
import { computeStandings, countStandings, getCompliancePage } from '../../apps/server/src/modules/training/compliance.service.ts';
import { resolveRule } from '../../apps/server/src/modules/training/rule.service.ts';
import { systemActor, type Clock, type ServiceContext } from '../../apps/server/src/platform/context.ts';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto.ts';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => {
  const v = Number(arg(name) ?? fallback);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} needs a positive whole number`);
  return v;
};
const TEACHERS = num('teachers', 400_000);
const PER_YEAR = num('per-year', 5);
const RUNS = num('runs', 3);
const YEARS = 5;
const SCHOOLS = Math.max(1, Math.round(TEACHERS / 200));
const url = arg('url') ?? process.env.ZHIPING_BENCH_DATABASE_URL;
if (!url)
  throw new Error('PostgreSQL needs --url or ZHIPING_BENCH_DATABASE_URL (e.g. the URL printed by scripts/pg-test-cluster.sh start)');

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Judged on the last day of the generated years, so the 5-year cycle is complete and at-risk is meaningful too. */
const AS_OF = '2026-11-22';
const clock: Clock = { now: () => new Date(`${AS_OF}T10:00:00+08:00`), today: () => AS_OF };

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const name = `zhiping_bench_training_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: target.toString(), statementTimeoutMs: 3_600_000 });
  const db = database.db;
  try {
    console.log(
      `== training compliance: ${TEACHERS.toLocaleString()} teachers × ${YEARS} years × ${PER_YEAR} a year at ${SCHOOLS} schools ==`,
    );
    console.log(
      `machine: ${os.cpus().length} CPUs, load ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}; PostgreSQL ${target.host}`,
    );
    await migrateToLatest(db);
    const districtId = await ensureDistrict(db, { code: '500104', name: '基准区' });
    const setup = performance.now();
    await sql`set session_replication_role = replica`.execute(db);
    await sql`insert into school (code, district_id) select (3600000000 + i)::text, ${districtId} from generate_series(1, ${SCHOOLS}) i`.execute(
      db,
    );
    await sql`insert into school_version (school_id, valid_from, name, type_code, sponsor, urban_rural_code)
      select id, '2000-01-01', '基准学校' || id, '211', 'public', '111' from school`.execute(db);
    await sql`insert into teacher (id_number_hash, id_number_enc, id_number_masked, name, gender, birth_date, school_id, post, education, joined_school_on)
      select md5(i::text), 'v1:bench', '5001**********' || lpad((i % 10000)::text, 4, '0'), '教师' || i,
        case when i % 3 = 0 then 'male' else 'female' end, date '1970-01-01' + (i % 9000),
        (select min(id) from school) + (i % ${SCHOOLS}), 'teacher', 'bachelor',
        -- one teacher in twelve joined during the cycle (pro-rated)
        case when i % 12 = 0 then date '2022-01-01' + (i % 1500) else date '2005-09-01' + (i % 5000) end
      from generate_series(1, ${TEACHERS}) i`.execute(db);
    await sql`insert into teacher_assignment (teacher_id, school_id, kind, valid_from, reason)
      select id, school_id, 'full', joined_school_on, '基准' from teacher`.execute(db);
    // 25 rows a teacher over 2022-01-01 … 2026-11: level by slot, 6–24 hours, four in five seminars (so the
    // yearly minimum of 4 is met by many but not all teachers).
    const rowsPer = YEARS * PER_YEAR;
    await sql`insert into training_credit (teacher_id, source, title, provider, level, category, is_seminar, hours, completed_on)
      select t.id, 'import', '基准培训' || k, '基准机构',
        (array['national','city','district','school','school','district'])[1 + ((t.id + k) % 6)],
        (array['ethics','subject','pedagogy','it','mental'])[1 + (k % 5)],
        (t.id + k) % 5 <> 0, 6 + ((t.id * 7 + k * 13) % 19),
        date '2022-01-01' + ((k * 1785) / ${rowsPer} + (t.id % 60))::int
      from teacher t cross join generate_series(0, ${rowsPer - 1}) k
      where date '2022-01-01' + ((k * 1785) / ${rowsPer} + (t.id % 60))::int >= t.joined_school_on`.execute(db);
    await sql`set session_replication_role = origin`.execute(db);
    await sql`insert into training_rule (code, version, name, issuer_level, document_number, effective_from, cycle_years, cycle_anchor,
        required_hours, sub_quotas, seminar_min_per_year)
      values ('bench', 1, '基准5年360学时', 'district', '基准〔2026〕1号', '2022-01-01', 5, '2022-01-01', 360,
        ${JSON.stringify([
          { label: '市级及以上', levels: ['national', 'city'], minHours: 60 },
          { label: '校本研修', levels: ['school'], minHours: 90 },
        ])}::jsonb, 4)`.execute(db);
    await sql`vacuum analyze`.execute(db);
    const rows = Number((await sql<{ n: string }>`select count(*) as n from training_credit`.execute(db)).rows[0]!.n);
    const size = (await sql<{ s: string }>`select pg_size_pretty(pg_total_relation_size('training_credit')) as s`.execute(db)).rows[0]!.s;
    console.log(`setup: ${rows.toLocaleString()} ledger rows (${size}) in ${secs(performance.now() - setup)} (not measured)`);

    const ctx: ServiceContext = { db, actor: systemActor(), clock, crypto: createFieldCrypto('bench-secret-key-bench-secret-key') };
    const rule = await resolveRule(db, 'bench', AS_OF);
    const cycle = { start: '2022-01-01', end: '2026-12-31' };
    const baseline: number[] = [];
    const compliance: number[] = [];
    const page: number[] = [];
    let summary = '';
    for (let r = 0; r < RUNS; r += 1) {
      baseline.push(
        await timed(async () => {
          const res = await sql<{
            teacher_id: number;
            hours: number;
          }>`select teacher_id, sum(hours) as hours from training_credit group by teacher_id`.execute(db);
          if (res.rows.length === 0) throw new Error('no rows');
        }),
      );
      compliance.push(
        await timed(async () => {
          const standings = await computeStandings(db, { reach: { kind: 'all' }, rule, cycle, today: AS_OF });
          const c = countStandings(standings);
          summary = `${c.teachers.toLocaleString()} teachers: ${c.complete.toLocaleString()} complete, ${c.atRisk.toLocaleString()} at risk, ${c.onTrack.toLocaleString()} on track; seminars met ${c.seminarMet.toLocaleString()}`;
        }),
      );
      page.push(
        await timed(() => getCompliancePage(ctx, { rule: 'bench', cycleStart: '2022-01-01', status: 'at_risk', page: 1, pageSize: 20 })),
      );
      console.log(`  run ${r + 1}: baseline ${secs(baseline[r]!)}, compliance ${secs(compliance[r]!)}, at-risk page ${secs(page[r]!)}`);
    }
    const b = median(baseline);
    console.log(`result (${summary})`);
    console.log(`  plain SUM(hours) GROUP BY teacher   ${secs(b)}`);
    console.log(`  compliance (levels, seminars, rules) ${secs(median(compliance))}   ratio ${(median(compliance) / b).toFixed(2)}×`);
    console.log(`  at-risk list, first page (service)  ${secs(median(page))}   ratio ${(median(page) / b).toFixed(2)}×`);
  } finally {
    await database.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

await main();
