import { buildIdNumber, templateOf } from '@zhiping/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { testContext, testCrypto } from '../../../test/db.ts';
import { inTransaction } from '../../platform/context.ts';
import { writeImportRows } from './import-writers.ts';
import { buildSchool } from '../../../test/factories.ts';
import { buildXlsx, commitJob, importFile, uploadAndValidate } from '../../../test/xlsx.ts';

let t: TestApp;
let admin: TestClient;
const SCHOOL_A = '3502000001';
const SCHOOL_B = '3502000002';
const TEACHER_HEADERS = templateOf('teachers').columns.map((c) => c.header);

function teacherRow(id: string, change: Record<string, unknown> = {}): unknown[] {
  const base: Record<string, unknown> = {
    身份证号: id,
    姓名: '赵敏',
    学校标识码: SCHOOL_A,
    岗位类别: '专任教师',
    是否专任教师: '是',
    任教学段: '初中',
    任教学科: '数学',
    最高学历: '本科',
    专业技术职务: '一级教师',
    教师资格证: '初级中学',
    编制情况: '在编',
    调入本校日期: '2016-09-01',
    ...change,
  };
  return TEACHER_HEADERS.map((h) => base[h] ?? null);
}

const ids = Array.from({ length: 5 }, (_, i) => buildIdNumber('500104', '19880808', 100 + i));
/** The i-th of many distinct valid ID numbers (1,000 per birth date from 1970-01-01). */
const syntheticId = (i: number) =>
  buildIdNumber('500104', new Date(Date.UTC(1970, 0, 1 + Math.floor(i / 1000))).toISOString().slice(0, 10).replace(/-/g, ''), i % 1000);
const count = async (table: 'teacher' | 'teacher_assignment' | 'teacher_recognition' | 'school_version' | 'org_unit') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  await buildSchool(t.database, t.districtId, { code: SCHOOL_A });
  await buildSchool(t.database, t.districtId, { code: SCHOOL_B });
  admin = await signInAs(t, [{ role: 'district_admin' }]);
});
afterAll(async () => {
  await t?.close();
});

describe('commit', () => {
  it('writes every teacher with encrypted ID, first assignment and recognition, and audits one event', async () => {
    const file = await buildXlsx(TEACHER_HEADERS, [
      teacherRow(ids[0]!, { 骨干教师级别: '区级', 骨干认定日期: '2024-09-10' }),
      teacherRow(ids[1]!, { 调入本校日期: null, 学校标识码: SCHOOL_B }),
      teacherRow(ids[2]!),
    ]);
    const job = await importFile(admin, 'teachers', file);
    expect(job).toMatchObject({ status: 'committed', summary: { inserted: 3, updated: 0, unchanged: 0 }, totalRows: 3, processedRows: 3 });

    const first = await t.database.db
      .selectFrom('teacher')
      .selectAll()
      .where('id_number_hash', '=', testCrypto.hash(ids[0]!))
      .executeTakeFirstOrThrow();
    expect(testCrypto.decrypt(first.id_number_enc)).toBe(ids[0]);
    expect(first.id_number_masked).toBe(`${ids[0]!.slice(0, 6)}********${ids[0]!.slice(-4)}`);
    expect(first).toMatchObject({
      name: '赵敏',
      gender: 'female',
      birth_date: '1988-08-08',
      post: 'teacher',
      subject: '数学',
      education: 'bachelor',
      title: 'level1',
    });
    const assignments = await t.database.db.selectFrom('teacher_assignment').selectAll().orderBy('teacher_id').execute();
    expect(assignments.map((a) => [a.valid_from, a.valid_to, a.kind])).toEqual([
      ['2016-09-01', null, 'full'],
      ['2026-11-22', null, 'full'], // no 调入本校日期: today
      ['2016-09-01', null, 'full'],
    ]);
    const recognition = await t.database.db.selectFrom('teacher_recognition').selectAll().executeTakeFirstOrThrow();
    expect(recognition).toMatchObject({ teacher_id: first.id, level: 'district', issued_on: '2024-09-10', valid_until: '2027-09-10' });

    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.commit').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'import_job', entity_id: job.id });
    expect(audit[0]!.after).toEqual({ kind: 'teachers', jobId: job.id, rows: 3, inserted: 3, updated: 0, unchanged: 0 });
  });

  it('changes nothing when the same file is imported again', async () => {
    const file = await buildXlsx(TEACHER_HEADERS, [
      teacherRow(ids[0]!, { 骨干教师级别: '区级', 骨干认定日期: '2024-09-10' }),
      teacherRow(ids[1]!, { 调入本校日期: null, 学校标识码: SCHOOL_B }),
      teacherRow(ids[2]!),
    ]);
    const before = await t.database.db.selectFrom('teacher').select(['id', 'updated_at', 'id_number_enc']).orderBy('id').execute();
    const job = await importFile(admin, 'teachers', file);
    expect(job.summary).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await t.database.db.selectFrom('teacher').select(['id', 'updated_at', 'id_number_enc']).orderBy('id').execute()).toEqual(before);
    expect([await count('teacher_assignment'), await count('teacher_recognition')]).toEqual([3, 1]);
  });

  it('keeps history when a teacher moves: the open assignment closes and a new one opens', async () => {
    const file = await buildXlsx(TEACHER_HEADERS, [
      teacherRow(ids[2]!, { 学校标识码: SCHOOL_B, 调入本校日期: '2026-09-01', 姓名: '赵敏' }),
      teacherRow(ids[3]!),
    ]);
    const job = await importFile(admin, 'teachers', file);
    expect(job.summary).toEqual({ inserted: 1, updated: 1, unchanged: 0 });
    const teacher = await t.database.db
      .selectFrom('teacher')
      .select(['id', 'school_id'])
      .where('id_number_hash', '=', testCrypto.hash(ids[2]!))
      .executeTakeFirstOrThrow();
    const history = await t.database.db
      .selectFrom('teacher_assignment as a')
      .innerJoin('school as s', 's.id', 'a.school_id')
      .select(['s.code', 'a.valid_from', 'a.valid_to'])
      .where('a.teacher_id', '=', teacher.id)
      .orderBy('a.valid_from')
      .execute();
    expect(history).toEqual([
      { code: SCHOOL_A, valid_from: '2016-09-01', valid_to: '2026-09-01' },
      { code: SCHOOL_B, valid_from: '2026-09-01', valid_to: null },
    ]);
  });

  it('counts a teacher whose only change is a new recognition as updated', async () => {
    const file = await buildXlsx(TEACHER_HEADERS, [
      teacherRow(ids[3]!, { 骨干教师级别: '市级', 骨干认定日期: '2025-01-15', 骨干有效期至: '2026-12-31' }),
    ]);
    const job = await importFile(admin, 'teachers', file);
    expect(job.summary).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(await count('teacher_recognition')).toBe(2);
  });

  it('writes everything or nothing: a failure in the second batch leaves no teacher, assignment or audit event', async () => {
    const before = await Promise.all([count('teacher'), count('teacher_assignment'), count('teacher_recognition')]);
    const auditsBefore = (await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'import.commit').execute()).length;
    // 2,500 rows: the failing one sits in the second write batch, after the first batch was written.
    const list = Array.from({ length: 2500 }, (_, i) => teacherRow(syntheticId(i), { 姓名: i === 2499 ? '故障教师' : `教师${i}` }));
    await sql`CREATE FUNCTION fail_on_broken_teacher() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '故障教师' THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`.execute(t.database.db);
    await sql`CREATE TRIGGER teacher_fail BEFORE INSERT ON teacher FOR EACH ROW EXECUTE FUNCTION fail_on_broken_teacher()`.execute(
      t.database.db,
    );
    try {
      const job = await uploadAndValidate(admin, 'teachers', await buildXlsx(TEACHER_HEADERS, list));
      expect(job.status).toBe('validated');
      const failed = await commitJob(admin, job.id);
      expect(failed.status).toBe('failed');
      expect(failed.message).toMatch(/^提交失败，未写入任何数据/);
    } finally {
      await sql`DROP TRIGGER teacher_fail ON teacher`.execute(t.database.db);
      await sql`DROP FUNCTION fail_on_broken_teacher()`.execute(t.database.db);
    }
    expect(await Promise.all([count('teacher'), count('teacher_assignment'), count('teacher_recognition')])).toEqual(before);
    expect((await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'import.commit').execute()).length).toBe(
      auditsBefore,
    );
  });
});

describe('schools', () => {
  const headers = templateOf('schools').columns.map((c) => c.header);
  const row = (change: Record<string, unknown> = {}) => {
    const base: Record<string, unknown> = {
      学校标识码: '3502000101',
      学校名称: '示例区新城小学',
      办学类型代码: '211 小学',
      举办者类型: '公办',
      是否普惠: '否',
      城乡分类代码: '主城区',
      所在街镇: '新城街道',
      地址: '新城大道1号',
      经度: 106.5,
      纬度: 29.5,
      ...change,
    };
    return headers.map((h) => base[h] ?? null);
  };

  it('creates schools and their streets, then closes the open version on a change (history kept)', async () => {
    const streetsBefore = await count('org_unit');
    const created = await importFile(
      admin,
      'schools',
      await buildXlsx(headers, [
        row(),
        row({ 学校标识码: '3502000102', 学校名称: '示例区新城幼儿园', 办学类型代码: '111', 是否普惠: '是' }),
      ]),
    );
    expect(created.summary).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(await count('org_unit')).toBe(streetsBefore + 1);
    const street = await t.database.db.selectFrom('org_unit').selectAll().where('name', '=', '新城街道').executeTakeFirstOrThrow();
    expect(street).toMatchObject({ kind: 'street', parent_id: t.districtId, code: '500199001' });

    // The first version started today (2026-11-22 in the test clock); correcting it the same day edits it in place.
    const same = await importFile(
      admin,
      'schools',
      await buildXlsx(headers, [
        row(),
        row({ 学校标识码: '3502000102', 学校名称: '示例区新城幼儿园', 办学类型代码: '111', 是否普惠: '是' }),
      ]),
    );
    expect(same.summary).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    await t.database.db.updateTable('school_version').set({ valid_from: '2020-09-01' }).execute();
    const renamed = await importFile(admin, 'schools', await buildXlsx(headers, [row({ 学校名称: '示例区新城实验小学' })]));
    expect(renamed.summary).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const versions = await t.database.db
      .selectFrom('school_version as v')
      .innerJoin('school as s', 's.id', 'v.school_id')
      .select(['v.name', 'v.valid_from', 'v.valid_to'])
      .where('s.code', '=', '3502000101')
      .orderBy('v.valid_from')
      .execute();
    expect(versions).toEqual([
      { name: '示例区新城小学', valid_from: '2020-09-01', valid_to: '2026-11-22' },
      { name: '示例区新城实验小学', valid_from: '2026-11-22', valid_to: null },
    ]);
  });
});

describe('writeImportRows', () => {
  it('stores text exactly, whatever characters it holds', async () => {
    const sources = ['NULL', '', 'a,"b"\\c {x}', '  前后有空格 ', 'tab\there', '普查（第七次）'];
    const rows = sources.map((source, age) => ({
      year: 2030,
      regionCode: '500199',
      age,
      count: age,
      basis: 'registered' as const,
      source,
    }));
    await inTransaction(testContext(t.database), (tx) => writeImportRows(tx, 'population', rows, { districtId: t.districtId }));
    const back = await t.database.db.selectFrom('population').select(['age', 'source']).where('year', '=', 2030).orderBy('age').execute();
    expect(back.map((r) => r.source)).toEqual(sources);
  });
});

describe('statistics and population', () => {
  it('upserts yearly statistics by school, year and grade', async () => {
    const headers = templateOf('students').columns.map((c) => c.header);
    const rows = [
      [2025, SCHOOL_A, '七年级', 6, 270, 130, 270, 0, 2, 1, 30, 1],
      [2025, SCHOOL_A, '八年级', 6, 265, 128, 0, 0, 1, 0, 28, 0],
    ];
    expect((await importFile(admin, 'students', await buildXlsx(headers, rows))).summary).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    rows[1]![4] = 266;
    expect((await importFile(admin, 'students', await buildXlsx(headers, rows))).summary).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
  });

  it('refuses population rows of unknown regions and upserts known ones', async () => {
    const headers = templateOf('population').columns.map((c) => c.header);
    const bad = await uploadAndValidate(admin, 'population', await buildXlsx(headers, [[2025, '500188', 6, 100, '常住']]));
    expect(bad.errors).toEqual([{ row: 2, column: '区划代码', message: '区划代码 500188 不存在' }]);
    const ok = await importFile(
      admin,
      'population',
      await buildXlsx(headers, [
        [2025, '500199', 6, 5230, '常住'],
        [2025, '500199', 7, 5101, '常住'],
      ]),
    );
    expect(ok.summary).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
  });
});
