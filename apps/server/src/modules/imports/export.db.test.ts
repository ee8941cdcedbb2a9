import { buildIdNumber, templateOf, type TemplateKind } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildXlsx, importFile, readXlsx, uploadAndValidate } from '../../../test/xlsx.ts';

let t: TestApp;
let admin: TestClient;
const headers = (kind: TemplateKind) => templateOf(kind).columns.map((c) => c.header);
const ID_1 = buildIdNumber('500104', '19820505', 211);
const ID_2 = buildIdNumber('500104', '19930707', 322);

/** One file per kind, in the order they must be imported (schools first). */
const FILES: [TemplateKind, unknown[][]][] = [
  [
    'schools',
    [
      ['3504000001', '示例区第一小学', '211', '公办', '否', '111', '城东街道', '学院路2号', 106.51, 29.52, '1998-09-01'],
      ['3504000002', '示例区第二中学', '341 完全中学', '公办', null, '121', '城西镇', null, null, null, null],
      ['3504000003', '示例区阳光幼儿园', '幼儿园', '民办', '是', '111', null, '花园路5号', null, null, null],
    ],
  ],
  [
    'students',
    [
      [2024, '3504000001', '一年级', 4, 170, 80, 170, 0, 1, 2, 21, 1],
      [2025, '3504000001', '一年级', 4, 172, 82, 172, 0, 3, 0, 25, 0],
      [2025, '3504000002', '高一', 10, 480, 230, 480, 0, 0, 0, 15, 2],
    ],
  ],
  [
    'conditions',
    [
      [2025, '3504000001', 5200.5, 0, 8000, 1250000.75, 24, 2, 2, 45000, 9000, null],
      [2025, '3504000002', 12000, 1500, 20000, 5600000, 60, 4, 4, 150000, null, 60000],
    ],
  ],
  [
    'teachers',
    [
      [
        ID_1,
        '刘洋',
        '男',
        '1982-05-05',
        '3504000001',
        '专任教师',
        '是',
        '小学',
        '语文',
        '本科',
        '高级教师',
        '小学',
        '在编',
        '2005-09-01',
        '市级',
        '2023-09-01',
        null,
      ],
      [ID_2, '孙磊', null, null, '3504000002', '校级领导', '否', null, null, '硕士研究生', null, null, '合同制', null, null, null, null],
    ],
  ],
  [
    'population',
    [
      [2025, '500199', 6, 5230, '常住', '统计年鉴'],
      [2025, '500199', 6, 5011, '户籍', null],
    ],
  ],
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await signInAs(t, [{ role: 'district_admin' }]);
  for (const [kind, rows] of FILES) await importFile(admin, kind, await buildXlsx(headers(kind), rows));
});
afterAll(async () => {
  await t?.close();
});

describe('exports', () => {
  it.each(FILES.map(([kind]) => kind))('export of %s re-imports unchanged', async (kind) => {
    const res = await admin.get(`/api/v1/exports/${kind}`);
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[0]).toEqual(headers(kind));
    expect(rows.length - 1).toBe(FILES.find(([k]) => k === kind)![1].length);
    const again = await importFile(admin, kind, res.rawPayload);
    expect(again.summary).toEqual({ inserted: 0, updated: 0, unchanged: rows.length - 1 });
  });

  it('writes codes as the template does and filters a year', async () => {
    const { rows } = await readXlsx((await admin.get('/api/v1/exports/students?year=2025')).rawPayload);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4]])).toEqual([
      [2025, '3504000001', '一年级', 172],
      [2025, '3504000002', '高一', 480],
    ]);
    const teachers = (await readXlsx((await admin.get('/api/v1/exports/teachers')).rawPayload)).rows;
    expect(teachers[1]).toEqual([
      ID_1,
      '刘洋',
      '男',
      '1982-05-05',
      '3504000001',
      '专任教师',
      '是',
      '小学',
      '语文',
      '本科',
      '高级教师',
      '小学',
      '在编',
      '2005-09-01',
      '市级',
      '2023-09-01',
      '2026-09-01',
    ]);
  });

  it('audits every export; full ID numbers only for users who may unmask them', async () => {
    const staff = await signInAs(t, [{ role: 'district_staff', office: '教师科' }]);
    const res = await staff.get('/api/v1/exports/teachers');
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      `${ID_1.slice(0, 6)}********${ID_1.slice(-4)}`,
      `${ID_2.slice(0, 6)}********${ID_2.slice(-4)}`,
    ]);
    const audits = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.teachers').orderBy('id').execute();
    expect(audits.map((a) => a.after as { rows: number; fullIdNumbers: boolean })).toEqual([
      expect.objectContaining({ rows: 2, fullIdNumbers: true }),
      expect.objectContaining({ rows: 2, fullIdNumbers: true }),
      expect.objectContaining({ rows: 2, fullIdNumbers: false }),
    ]);
    // A masked export cannot be imported again.
    const back = await uploadAndValidate(admin, 'teachers', res.rawPayload);
    expect(back.errors[0]).toEqual({ row: 2, column: '身份证号', message: '身份证号应为18位，前17位为数字，末位为数字或X' });
  });

  it('gives a school administrator only their school’s rows', async () => {
    const school = await t.database.db.selectFrom('school').select('id').where('code', '=', '3504000002').executeTakeFirstOrThrow();
    const own = await signInAs(t, [{ role: 'school_admin', schoolId: school.id }]);
    for (const kind of ['schools', 'students', 'conditions', 'teachers']) {
      const { rows } = await readXlsx((await own.get(`/api/v1/exports/${kind}`)).rawPayload);
      const codeColumn = headers(kind as TemplateKind).indexOf('学校标识码');
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows.slice(1).map((r) => r[codeColumn]))).toEqual(new Set(['3504000002']));
    }
    const teacherRole = await signInAs(t, [{ role: 'teacher', schoolId: school.id }]);
    expect((await teacherRole.get('/api/v1/exports/teachers')).statusCode).toBe(403);
  });
});
