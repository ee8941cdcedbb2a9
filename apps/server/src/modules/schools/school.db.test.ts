import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildGradeStat, buildSchool, buildStreet, buildTeacher } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestClient;
let streetId: number;
let schoolA: { id: number; code: string };

beforeAll(async () => {
  t = await createTestApp();
  streetId = await buildStreet(t.database, t.districtId, '新山村街道');
  schoolA = await buildSchool(t.database, t.districtId, { name: '示例第一小学', streetId });
  await buildSchool(t.database, t.districtId, { name: '示例幼儿园', typeCode: '111', sponsor: 'private', isInclusive: true });
  await buildGradeStat(t.database, schoolA.id, 2025, 'P1', 90, 2);
  await buildGradeStat(t.database, schoolA.id, 2025, 'P2', 88, 2);
  await buildTeacher(t.database, schoolA.id);
  admin = await signInAs(t, [{ role: 'district_admin' }]);
});
afterAll(async () => {
  await t?.close();
});

describe('schools', () => {
  it('lists with paging, filters and enrolment of the latest year', async () => {
    const page = (await admin.get('/api/v1/schools?pageSize=10')).json();
    expect(page.total).toBe(2);
    const a = page.items.find((s: { id: number }) => s.id === schoolA.id);
    expect(a).toMatchObject({ name: '示例第一小学', typeName: '小学', streetName: '新山村街道', students: 178, classes: 4, teachers: 1 });
    expect((await admin.get('/api/v1/schools?stage=preschool')).json().items.map((s: { name: string }) => s.name)).toEqual(['示例幼儿园']);
    expect((await admin.get('/api/v1/schools?sponsor=private')).json().total).toBe(1);
    expect((await admin.get(`/api/v1/schools?q=${encodeURIComponent('第一')}`)).json().total).toBe(1);
    expect((await admin.get('/api/v1/schools?pageSize=1000')).statusCode).toBe(400);
  });

  it('creates a school with validation, and refuses a duplicate code', async () => {
    const input = {
      code: '3150099901',
      name: '新建实验小学',
      typeCode: '211',
      sponsor: 'public',
      isInclusive: false,
      urbanRuralCode: '111',
      streetId,
      address: '新建路8号',
      longitude: null,
      latitude: null,
      openedOn: '2026-09-01',
    };
    const res = await admin.post('/api/v1/schools', input);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '3150099901', history: [{ validFrom: '2026-09-01', validTo: null }] });
    const dup = await admin.post('/api/v1/schools', input);
    expect(dup.statusCode).toBe(409);
    const bad = await admin.post('/api/v1/schools', { ...input, code: '123', typeCode: '999' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toContain('body.code');
    const badType = await admin.post('/api/v1/schools', { ...input, code: '3150099902', typeCode: '999' });
    expect(badType.json().error.message).toBe('办学类型代码 999 不存在');
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'school.create').execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps history: a change from a date opens a new version and is audited with before/after', async () => {
    const res = await admin.patch(`/api/v1/schools/${schoolA.id}`, { name: '示例第一实验小学', effectiveFrom: '2026-01-01' });
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail.name).toBe('示例第一实验小学');
    expect(detail.history).toEqual([
      expect.objectContaining({ name: '示例第一实验小学', validFrom: '2026-01-01', validTo: null }),
      expect.objectContaining({ name: '示例第一小学', validFrom: '2000-09-01', validTo: '2026-01-01' }),
    ]);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'school.update').executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ name: '示例第一小学' });
    expect(audit.after).toEqual({ name: '示例第一实验小学' });
    const early = await admin.patch(`/api/v1/schools/${schoolA.id}`, { name: 'x学校', effectiveFrom: '2025-01-01' });
    expect(early.statusCode).toBe(400);
  });

  it('shows per-grade statistics of a year and the overview', async () => {
    const y = (await admin.get(`/api/v1/schools/${schoolA.id}/years/2025`)).json();
    expect(y.grades.map((g: { gradeLabel: string; students: number }) => [g.gradeLabel, g.students])).toEqual([
      ['一年级', 90],
      ['二年级', 88],
    ]);
    const o = (await admin.get('/api/v1/district/overview')).json();
    expect(o.year).toBe(2025);
    expect(o.studentsByStage).toEqual([{ stage: 'primary', label: '小学', students: 178, classes: 4 }]);
    expect(o.teacherCount).toBe(1);
    const d = (await admin.get('/api/v1/district')).json();
    expect(d.streets.map((s: { name: string }) => s.name)).toEqual(['新山村街道']);
    expect(d.years).toEqual([2025]);
  });

  it('answers 404 for a missing school and 400 for a malformed id', async () => {
    expect((await admin.get('/api/v1/schools/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/schools/abc')).statusCode).toBe(400);
    expect((await admin.patch('/api/v1/schools/abc', { name: 'x' })).statusCode).toBe(400);
  });
});
