import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/app.ts';
import { fixedClock, openTestDatabase, testContext, testCrypto } from '../../../test/db.ts';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { createFieldCrypto } from '../../platform/crypto.ts';
import { loadDemoDistrict } from '../demo/demo.service.ts';
import { ensureDistrict } from '../setup/bootstrap.service.ts';
import { findTables } from './backup.repository.ts';
import { startBackupSchedule, listBackups, pruneBackups, backupFileName } from './backup.schedule.ts';
import { readBackupHeader, restoreBackup, writeBackup } from './backup.service.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-backup-test-'));
const file = path.join(dir, 'full.sql.gz');
let source: Database;
let target: Database;
let sourceAuditMax = 0;

const TRICKY = `引号 ' 双引号 " 反斜杠 \\ 换行\n回车\r制表\t 表情 😀 ), ( 分号; -- 注释`;

/** A digest of every row of a table, as PostgreSQL prints it. */
async function digest(db: Kysely<DB>, table: string, where = ''): Promise<string> {
  const r = await sql<{
    h: string;
    n: string;
  }>`SELECT md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS h, count(*) AS n FROM ${sql.raw(`"${table}"`)} t ${sql.raw(where)}`.execute(
    db,
  );
  return `${r.rows[0]!.n}:${r.rows[0]!.h}`;
}

beforeAll(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
  const districtId = await ensureDistrict(source.db, { code: '500199', name: '示例区' });
  await createUser(source, [{ role: 'district_admin' }], { username: 'admin' });
  await loadDemoDistrict(testContext(source), { districtId });
  // Values of every awkward kind, beyond what the demo holds.
  await source.db
    .insertInto('setting')
    .values({
      key: 'test.tricky',
      value: JSON.stringify({ text: TRICKY, n: 1.5, big: 12345678901234, list: [1, null, true, '中文'], nested: { a: { b: [] } } }),
    })
    .execute();
  await source.db
    .insertInto('import_job')
    .values({
      id: 'job-1',
      kind: 'schools',
      file_name: `学校${TRICKY}.xlsx`,
      status: 'committed',
      total_rows: 3,
      processed_rows: 3,
      error_count: 1,
      errors: JSON.stringify([{ row: 2, column: '学校名称', message: TRICKY }]),
      summary: JSON.stringify({ inserted: 1, updated: 2, unchanged: 0 }),
      message: null,
      created_by: null,
      school_scope: [3, 1, 2],
      created_at: '2026-01-02T03:04:05.123456+08:00',
      finished_at: null,
    })
    .execute();
  await source.db
    .insertInto('import_job')
    .values({
      id: 'job-2',
      kind: 'teachers',
      file_name: 'x',
      status: 'failed',
      total_rows: 0,
      processed_rows: 0,
      error_count: 0,
      school_scope: [],
      message: '',
      created_by: null,
      finished_at: '1999-12-31T23:59:59.999999Z',
    })
    .execute();
  const school = await source.db.selectFrom('school').select('id').orderBy('id').executeTakeFirstOrThrow();
  await source.db
    .updateTable('school_condition')
    .set({ equipment_value: 12345678901234.56, land_area: null })
    .where('school_id', '=', school.id)
    .where('school_year', '=', 2025)
    .execute();
  await source.db
    .updateTable('school_version')
    .set({ longitude: 106.123456789012, address: TRICKY })
    .where('school_id', '=', school.id)
    .execute();
  sourceAuditMax = Number(
    (
      await source.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m,
  );
}, 240_000);

afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a gzip’d SQL file with a header, multi-row INSERTs and an end marker', async () => {
    const progress: number[] = [];
    const summary = await writeBackup(source.db, file, (done) => progress.push(done), { crypto: testCrypto });
    expect(summary.rows).toBeGreaterThan(15_000);
    expect(progress.at(-1)).toBe(summary.rows);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    expect(lines[0]).toMatch(/^-- zhiping-backup \{"format":1,"migration":"\d{14}_/);
    expect(lines.at(-2)).toBe('-- end');
    const inserts = lines.filter((l) => l.startsWith('INSERT INTO "teacher" '));
    const teachers = Number(
      (
        await source.db
          .selectFrom('teacher')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(inserts).toHaveLength(Math.ceil(teachers / 1000));
    const header = await readBackupHeader(file);
    expect(header.tables.map((t) => t.name).indexOf('school')).toBeLessThan(header.tables.map((t) => t.name).indexOf('teacher'));
    expect(header.tables.map((t) => t.name)).not.toContain('kysely_migration');
    // The data-change log is derived: not backed up, rebuilt by the triggers while restoring.
    expect(header.tables.map((t) => t.name)).not.toContain('data_change');
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
  });

  it('refuses a target that is not empty', async () => {
    await expect(restoreBackup(source.db, file)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses a backup taken under another encryption key', async () => {
    await expect(
      restoreBackup(target.db, file, { crypto: createFieldCrypto('another-secret-key-another-secret-key-42') }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('refuses a truncated file and leaves the target empty', async () => {
    const truncated = path.join(dir, 'truncated.sql.gz');
    const text = zlib
      .gunzipSync(fs.readFileSync(file))
      .toString('utf8')
      .replace(/-- end\n$/, '');
    fs.writeFileSync(truncated, zlib.gzipSync(text));
    await expect(restoreBackup(target.db, truncated, { crypto: testCrypto })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await target.db.selectFrom('school').select('id').execute()).length).toBe(0);
  });

  it('restores into a fresh database with every row identical and sequences moved on', async () => {
    const summary = await restoreBackup(target.db, file, { crypto: testCrypto });
    expect(summary.rows).toBeGreaterThan(15_000);
    for (const t of await findTables(source.db)) {
      const where = t.name === 'audit_log' ? `WHERE id <= ${sourceAuditMax}` : '';
      expect(`${t.name} ${await digest(target.db, t.name, where)}`).toBe(`${t.name} ${await digest(source.db, t.name, where)}`);
    }
    const tricky = await target.db.selectFrom('setting').select('value').where('key', '=', 'test.tricky').executeTakeFirstOrThrow();
    expect(tricky.value).toEqual({ text: TRICKY, n: 1.5, big: 12345678901234, list: [1, null, true, '中文'], nested: { a: { b: [] } } });
    const job = await target.db.selectFrom('import_job').selectAll().where('id', '=', 'job-1').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ file_name: `学校${TRICKY}.xlsx`, school_scope: [3, 1, 2], message: null, finished_at: null });
    expect(job.created_at.toISOString()).toBe('2026-01-01T19:04:05.123Z');
    const condition = await target.db
      .selectFrom('school_condition')
      .select(['equipment_value', 'land_area'])
      .where('equipment_value', '=', 12345678901234.56)
      .executeTakeFirstOrThrow();
    expect(condition).toEqual({ equipment_value: 12345678901234.56, land_area: null });
    // Identity sequences continue after the restored ids.
    const u = await createUser(target, [{ role: 'inspector' }]);
    const maxBefore = await source.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    expect(u.id).toBeGreaterThan(Number(maxBefore.m));
    const audit = await target.db.selectFrom('audit_log').select(['action', 'id']).where('action', '=', 'backup.restore').execute();
    expect(audit).toHaveLength(1);
    expect(Number(audit[0]!.id)).toBe(sourceAuditMax + 1);
    // The data-change log of the target counts exactly the restored rows of every logged table.
    const logged = await sql<{ t: string; n: string }>`
      SELECT table_name AS t, sum(row_delta)::text AS n FROM data_change GROUP BY 1`.execute(target.db);
    expect(logged.rows.length).toBeGreaterThanOrEqual(15);
    for (const { t, n } of logged.rows) {
      const count = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(t)}`.execute(target.db);
      expect(`${t} ${n}`).toBe(`${t} ${count.rows[0]!.n}`);
    }
    const schools = logged.rows.find((r) => r.t === 'school')!;
    expect(Number(schools.n)).toBeGreaterThan(0);
  });

  it('keeps only the newest generations on schedule and audits each run', async () => {
    const scheduleDir = path.join(dir, 'backups');
    let now = new Date('2026-11-22T02:00:00Z');
    const clock = { now: () => new Date(now), today: () => '2026-11-22' };
    const lines: string[] = [];
    const schedule = startBackupSchedule({
      db: source.db,
      crypto: testCrypto,
      clock,
      dir: scheduleDir,
      intervalHours: 24,
      keep: 2,
      log: (l) => lines.push(l),
    });
    for (let i = 0; i < 3; i++) {
      await schedule.runNow();
      now = new Date(now.getTime() + 3600_000);
    }
    await schedule.stop();
    expect(listBackups(scheduleDir)).toEqual([
      backupFileName(new Date('2026-11-22T04:00:00Z')),
      backupFileName(new Date('2026-11-22T03:00:00Z')),
    ]);
    expect(listBackups(scheduleDir)[0]).toBe('zhiping-20261122-120000.sql.gz');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('已删除旧备份 zhiping-20261122-100000.sql.gz');
    // Each run tidies the database (PGlite has no autovacuum): the visibility map of a loaded table is set.
    for (const l of lines) expect(l).toContain('已整理数据库 / VACUUM (ANALYZE)');
    const map = await sql<{ visible: number; pages: number }>`SELECT relallvisible AS visible, relpages AS pages FROM pg_class
      WHERE relname = 'school_year_stat'`.execute(source.db);
    expect(map.rows[0]!.pages).toBeGreaterThan(0);
    expect(map.rows[0]!.visible).toBeGreaterThan(0);
    const audits = await source.db.selectFrom('audit_log').select('actor_name').where('action', '=', 'backup.create').execute();
    expect(audits).toEqual([{ actor_name: 'system' }, { actor_name: 'system' }, { actor_name: 'system' }]);
    fs.writeFileSync(path.join(scheduleDir, 'notes.txt'), 'not a backup');
    expect(pruneBackups(scheduleDir, 1)).toEqual(['zhiping-20261122-110000.sql.gz']);
    expect(fs.existsSync(path.join(scheduleDir, 'notes.txt'))).toBe(true);
  });

  it('never runs when the interval is 0 and stops its timer', async () => {
    const off = startBackupSchedule({
      db: source.db,
      crypto: testCrypto,
      clock: fixedClock(),
      dir: path.join(dir, 'off'),
      intervalHours: 0,
      keep: 3,
    });
    await off.stop();
    const soon = startBackupSchedule({
      db: source.db,
      crypto: testCrypto,
      clock: fixedClock(),
      dir: path.join(dir, 'soon'),
      intervalHours: 1,
      keep: 3,
      firstDelayMs: 20,
      log: () => {},
    });
    for (let i = 0; i < 100 && listBackups(path.join(dir, 'soon')).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await soon.stop();
    expect(listBackups(path.join(dir, 'soon'))).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'off'))).toBe(false);
  });
});
