import { buildIdNumber, templateOf } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';
import { buildXlsx, commitJob, importFile, multipart, uploadAndValidate } from '../../../test/xlsx.ts';

let t: TestApp;
let district: TestClient;
let adminOfA: TestClient;
let schoolA: { id: number; code: string };
let schoolB: { id: number; code: string };
const STUDENT_HEADERS = templateOf('students').columns.map((c) => c.header);
const TEACHER_HEADERS = templateOf('teachers').columns.map((c) => c.header);

function teacherRow(id: string, schoolCode: string): unknown[] {
  const base: Record<string, unknown> = {
    身份证号: id,
    姓名: '陈静',
    学校标识码: schoolCode,
    岗位类别: '行政人员',
    是否专任教师: '否',
    最高学历: '本科',
  };
  return TEACHER_HEADERS.map((h) => base[h] ?? null);
}

beforeAll(async () => {
  t = await createTestApp();
  schoolA = await buildSchool(t.database, t.districtId, { code: '3503000001' });
  schoolB = await buildSchool(t.database, t.districtId, { code: '3503000002' });
  district = await signInAs(t, [{ role: 'district_admin' }]);
  adminOfA = await signInAs(t, [{ role: 'school_admin', schoolId: schoolA.id }]);
});
afterAll(async () => {
  await t?.close();
});

describe('a school administrator', () => {
  it('gets rows of other schools back as row errors', async () => {
    const file = await buildXlsx(STUDENT_HEADERS, [
      [2025, schoolA.code, '一年级', 2, 80, 40],
      [2025, schoolB.code, '一年级', 2, 80, 40],
    ]);
    const job = await uploadAndValidate(adminOfA, 'students', file);
    expect(job.status).toBe('invalid');
    expect(job.errors).toEqual([{ row: 3, column: '学校标识码', message: '无权导入其他学校的数据' }]);
  });

  it('imports and commits rows of their own school', async () => {
    const job = await importFile(adminOfA, 'students', await buildXlsx(STUDENT_HEADERS, [[2025, schoolA.code, '二年级', 2, 82, 40]]));
    expect(job).toMatchObject({ status: 'committed', summary: { inserted: 1, updated: 0, unchanged: 0 } });
  });

  it('may not import schools or population, nor download their templates', async () => {
    for (const kind of ['schools', 'population']) {
      const upload = await adminOfA.inject({
        method: 'POST',
        url: `/api/v1/imports/${kind}`,
        ...multipart('x.xlsx', await buildXlsx(['学校标识码'], [])),
      });
      expect(upload.statusCode).toBe(403);
      expect(upload.json().error.message).toBe('学校管理员不能导入学校或人口数据，请联系区级管理员');
      expect((await adminOfA.get(`/api/v1/imports/templates/${kind}`)).statusCode).toBe(403);
    }
  });

  it('may not take over a teacher of another school by importing them', async () => {
    const id = buildIdNumber('500104', '19791111', 55);
    await importFile(district, 'teachers', await buildXlsx(TEACHER_HEADERS, [teacherRow(id, schoolB.code)]));
    const job = await uploadAndValidate(adminOfA, 'teachers', await buildXlsx(TEACHER_HEADERS, [teacherRow(id, schoolA.code)]));
    expect(job.errors).toEqual([{ row: 2, column: '身份证号', message: '该教师在其他学校任职，调动须由区级管理员办理' }]);
  });

  it('sees only their own jobs; another school’s administrator cannot read or commit them', async () => {
    const adminOfB = await signInAs(t, [{ role: 'school_admin', schoolId: schoolB.id }]);
    const job = await uploadAndValidate(
      adminOfA,
      'students',
      await buildXlsx(STUDENT_HEADERS, [[2025, schoolA.code, '三年级', 2, 82, 40]]),
    );
    expect((await adminOfB.get(`/api/v1/imports/${job.id}`)).statusCode).toBe(404);
    expect((await adminOfB.post(`/api/v1/imports/${job.id}/commit`)).statusCode).toBe(404);
    expect((await adminOfB.get(`/api/v1/imports/${job.id}/report`)).statusCode).toBe(404);
    const mine = (await adminOfA.get('/api/v1/imports?pageSize=50')).json();
    const me = (await adminOfA.get('/api/v1/auth/me')).json().id as number;
    const own = await t.database.db.selectFrom('import_job').select('id').where('created_by', '=', me).execute();
    expect(own.length).toBeGreaterThan(1);
    expect(mine.items.map((j: { id: string }) => j.id).sort()).toEqual(own.map((j) => j.id).sort());
    expect((await adminOfB.get('/api/v1/imports')).json()).toMatchObject({ items: [], total: 0 });
    const all = (await district.get('/api/v1/imports?pageSize=50')).json();
    expect(all.total).toBeGreaterThan(mine.total);
    // District administrators may commit any job.
    expect((await commitJob(district, job.id)).status).toBe('committed');
  });
});

describe('users without imports:run', () => {
  it('are refused', async () => {
    const teacher = await signInAs(t, [{ role: 'teacher', schoolId: schoolA.id }]);
    const staff = await signInAs(t, [{ role: 'district_staff', office: '规划科' }]);
    for (const client of [teacher, staff]) {
      expect((await client.get('/api/v1/imports/templates/students')).statusCode).toBe(403);
      const res = await client.inject({
        method: 'POST',
        url: '/api/v1/imports/students',
        ...multipart('x.xlsx', await buildXlsx(STUDENT_HEADERS, [])),
      });
      expect(res.statusCode).toBe(403);
    }
  });
});
