/**
 * Import benchmark: generates an xlsx of N valid synthetic teachers, times parsing it alone with
 * exceljs's streaming reader, then the real import path — the import service storing the file, the
 * dry run (parse + validate + one reference query) and the commit through writeImportRows in one
 * transaction — on a fresh embedded PGlite in a temporary folder, or on a fresh database of the
 * PostgreSQL server at DATABASE_URL. Prints rows/s, both times, their ratio (target: the import takes
 * at most 3× the parse alone), a re-import of the same file (all rows unchanged) and peak memory.
 * Prints figures only; nothing is asserted.
 *
 *   npx tsx bench/import/run.ts [--rows 100000] [--schools 200]
 *   DATABASE_URL=postgres://user@host:5432/postgres npx tsx bench/import/run.ts
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BACKBONE_LEVEL, EDUCATION, SUBJECTS, TITLE, buildIdNumber, templateOf, type SchoolImportRow } from '@zhiping/domain';
import ExcelJS from 'exceljs';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { freshDatabase } from '../shared/fresh-database.ts';
import { writeImportRows } from '../../apps/server/src/modules/imports/import-writers.ts';
import { commitImport, getImportJob, startImport, waitForImportJob } from '../../apps/server/src/modules/imports/import.service.ts';
import { ensureDistrict } from '../../apps/server/src/modules/setup/bootstrap.service.ts';
import { inTransaction, systemActor, systemClock, type ServiceContext } from '../../apps/server/src/platform/context.ts';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto.ts';

/** The value of `--name N`, or the default. */
function numberArg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}

const ROWS = numberArg('rows', 100_000);
const SCHOOLS = numberArg('schools', 200);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

/** Wall and CPU milliseconds of a piece of work (CPU of this process: on PGlite that includes the database). */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return { result, wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
}
const schoolCode = (i: number) => String(3_509_000_000 + i);

/** The i-th synthetic teacher as template cells: distinct valid ID numbers, 1,000 per birth date. */
function teacherCells(i: number): unknown[] {
  const birth = new Date(Date.UTC(1965, 0, 1 + Math.floor(i / 1000)));
  const ymd = birth.toISOString().slice(0, 10);
  const isBackbone = i % 10 === 0;
  const cells: Record<string, unknown> = {
    身份证号: buildIdNumber('500104', ymd.replace(/-/g, ''), i % 1000),
    姓名: `教师${i}`,
    出生日期: ymd,
    学校标识码: schoolCode(i % SCHOOLS),
    岗位类别: '专任教师',
    是否专任教师: '是',
    任教学段: i % 3 === 0 ? '初中' : '小学',
    任教学科: SUBJECTS[i % 12],
    最高学历: EDUCATION.labels[EDUCATION.values[2 + (i % 3)]!],
    专业技术职务: TITLE.labels[TITLE.values[i % 5]!],
    教师资格证: i % 3 === 0 ? '初级中学' : '小学',
    编制情况: '在编',
    调入本校日期: `20${String(5 + (i % 18)).padStart(2, '0')}-09-01`,
    骨干教师级别: isBackbone ? BACKBONE_LEVEL.labels[BACKBONE_LEVEL.values[i % 4]!] : null,
    骨干认定日期: isBackbone ? '2024-09-10' : null,
  };
  return templateOf('teachers').columns.map((c) => cells[c.header] ?? null);
}

/** Writes the teachers file the way Excel does (shared strings). */
async function generateFile(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('教师');
  sheet.addRow(templateOf('teachers').columns.map((c) => c.header)).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow(teacherCells(i)).commit();
  sheet.commit();
  await workbook.commit();
}

/** Reads every row of the file with exceljs's streaming reader, touching each value: the baseline. */
async function parseAlone(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let cells = 0;
  for await (const sheet of reader) for await (const row of sheet) cells += (row.values as unknown[]).length;
  return cells;
}

/** One import through the service: upload and dry run, then the commit; timed separately. */
async function importOnce(ctx: ServiceContext, file: string, dataDir: string) {
  const dryRun = await timed(async () => {
    const job = await startImport(ctx, { kind: 'teachers', fileName: path.basename(file), source: file, dataDir });
    await waitForImportJob(job.id);
    const checked = await getImportJob(ctx, job.id);
    if (checked.status !== 'validated')
      throw new Error(`dry run ${checked.status}: ${checked.message} ${JSON.stringify(checked.errors.slice(0, 3))}`);
    return job.id;
  });
  const commit = await timed(async () => {
    await commitImport(ctx, dryRun.result, { dataDir });
    await waitForImportJob(dryRun.result);
    const done = await getImportJob(ctx, dryRun.result);
    if (done.status !== 'committed') throw new Error(`commit ${done.status}: ${done.message}`);
    return done.summary!;
  });
  return { dryRun, commit, wallMs: dryRun.wallMs + commit.wallMs, cpuMs: dryRun.cpuMs + commit.cpuMs, summary: commit.result };
}

/** Prints one import's figures against the parse alone. */
function report(label: string, run: Awaited<ReturnType<typeof importOnce>>, parse: { wallMs: number; cpuMs: number }): void {
  console.log(
    `${label}: ${seconds(run.wallMs)} s = dry run ${seconds(run.dryRun.wallMs)} s + commit ${seconds(run.commit.wallMs)} s; ${JSON.stringify(run.summary)}`,
  );
  console.log(
    `  ${Math.round(ROWS / (run.wallMs / 1000))} rows/s; ratio to parse alone ${(run.wallMs / parse.wallMs).toFixed(2)}× wall, ${(run.cpuMs / parse.cpuMs).toFixed(2)}× CPU of this process (target ≤ 3×)`,
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-bench-import-'));
  const file = path.join(dir, 'teachers.xlsx');
  try {
    const t = performance.now();
    await generateFile(file);
    console.log(
      `generated ${ROWS} teachers at ${SCHOOLS} schools: ${(fs.statSync(file).size / 1e6).toFixed(1)} MB in ${seconds(performance.now() - t)} s`,
    );

    const { database, label, drop } = await freshDatabase(dir);
    try {
      await migrateToLatest(database.db);
      const ctx: ServiceContext = {
        db: database.db,
        actor: systemActor('bench'),
        clock: systemClock,
        crypto: createFieldCrypto(randomBytes(32).toString('hex')),
      };
      const districtId = await ensureDistrict(database.db, { code: '500199', name: '示例区' });
      const schools: SchoolImportRow[] = Array.from({ length: SCHOOLS }, (_, i) => ({
        code: schoolCode(i),
        name: `基准测试学校${i}`,
        typeCode: '312',
        sponsor: 'public',
        isInclusive: false,
        urbanRuralCode: '111',
        streetName: `街道${i % 12}`,
        address: '',
        longitude: null,
        latitude: null,
      }));
      await inTransaction(ctx, (tx) => writeImportRows(tx, 'schools', schools, { districtId }));

      const parse = await timed(() => parseAlone(file));
      console.log(`exceljs parse alone: ${seconds(parse.wallMs)} s wall, ${seconds(parse.cpuMs)} s CPU (${parse.result} cell slots)`);
      const first = await importOnce(ctx, file, dir);
      const again = await importOnce(ctx, file, dir);
      console.log(`database: ${label}`);
      report('full import (store + dry run + commit)', first, parse);
      report('re-import of the same file (all unchanged)', again, parse);
      console.log(
        `peak memory (max RSS): ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} on ${os.cpus().length} CPUs`,
      );
    } finally {
      await database.close();
      await drop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
