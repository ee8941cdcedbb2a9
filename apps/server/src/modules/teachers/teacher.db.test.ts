import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdNumber } from '@zhiping/domain';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool, buildTeacher } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestClient;
let a: { id: number; code: string };
let b: { id: number; code: string };

beforeAll(async () => {
  t = await createTestApp();
  a = await buildSchool(t.database, t.districtId, { name: '甲小学' });
  b = await buildSchool(t.database, t.districtId, { name: '乙小学' });
  admin = await signInAs(t, [{ role: 'district_admin' }]);
});
afterAll(async () => {
  await t?.close();
});

const input = (schoolId: number, idNumber: string) => ({
  idNumber,
  name: '王测试',
  phone: '13912345678',
  schoolId,
  post: '专任教师',
  isFullTime: true,
  teachingStage: 'primary',
  subject: '数学',
  education: '本科',
  title: 'level1',
  certificate: 'primary',
  staffing: 'established',
  joinedSchoolOn: '2016-09-01',
});

describe('teachers', () => {
  it('creates a teacher with the ID encrypted at rest, masked in answers, gender and birth date from the ID', async () => {
    const res = await admin.post('/api/v1/teachers', input(a.id, '11010519491231002X'));
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({
      name: '王测试',
      gender: 'female',
      birthDate: '1949-12-31',
      idNumberMasked: '110105********002X',
      phoneMasked: '139****5678',
      post: 'teacher',
      education: 'bachelor',
    });
    expect(JSON.stringify(d)).not.toContain('11010519491231002X');
    const row = await t.database.db.selectFrom('teacher').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain('1101051949');
    expect(row.phone_enc).not.toContain('13912345678');
    expect(d.assignments).toEqual([expect.objectContaining({ schoolId: a.id, validFrom: '2016-09-01', validTo: null, kind: 'full' })]);
  });

  it('rejects a bad checksum and a duplicate ID with Chinese messages', async () => {
    const bad = await admin.post('/api/v1/teachers', input(a.id, '110105194912310021'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('身份证号校验位错误');
    const dup = await admin.post('/api/v1/teachers', input(b.id, '11010519491231002x'));
    expect(dup.statusCode).toBe(409);
    const badCode = await admin.post('/api/v1/teachers', { ...input(a.id, buildIdNumber('110101', '19900307', 1)), education: '大学' });
    expect(badCode.json().error.message).toBe('最高学历“大学”不是有效值');
  });

  it('audits every unmasked read', async () => {
    const tch = await buildTeacher(t.database, a.id);
    const res = await admin.get(`/api/v1/teachers/${tch.id}/sensitive`);
    expect(res.json()).toEqual({ idNumber: tch.idNumber, phone: '13800001234' });
    expect(res.headers['cache-control']).toBe('no-store');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'teacher.unmask')
      .where('entity_id', '=', String(tch.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a partial update changes only the given fields', async () => {
    const tch = await buildTeacher(t.database, a.id);
    const res = await admin.patch(`/api/v1/teachers/${tch.id}`, { title: 'senior' });
    expect(res.json()).toMatchObject({ title: 'senior', subject: '语文', certificate: 'primary', joinedSchoolOn: '2015-09-01' });
  });

  it('transfers keep history; partial moves keep the home school', async () => {
    const tch = await buildTeacher(t.database, a.id);
    const res = await admin.post(`/api/v1/teachers/${tch.id}/transfers`, {
      toSchoolId: b.id,
      kind: 'partial',
      effectiveFrom: '2026-09-01',
      reason: '交流轮岗',
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.schoolId).toBe(b.id);
    expect(d.assignments).toEqual([
      expect.objectContaining({ schoolId: b.id, homeSchoolId: a.id, kind: 'partial', validFrom: '2026-09-01', validTo: null }),
      expect.objectContaining({ schoolId: a.id, validFrom: '2015-09-01', validTo: '2026-09-01' }),
    ]);
    const early = await admin.post(`/api/v1/teachers/${tch.id}/transfers`, {
      toSchoolId: a.id,
      kind: 'full',
      effectiveFrom: '2020-01-01',
      reason: '调回',
    });
    expect(early.statusCode).toBe(400);
  });

  it('records recognitions and filters backbone teachers', async () => {
    const tch = await buildTeacher(t.database, a.id, { name: '骨干测试' });
    const res = await admin.post(`/api/v1/teachers/${tch.id}/recognitions`, {
      level: 'city',
      subject: '语文',
      issuer: '市教委',
      issuedOn: '2025-06-01',
      validUntil: '2028-05-31',
    });
    expect(res.json().backboneLevel).toBe('city');
    const list = (await admin.get('/api/v1/teachers?backbone=county_or_above')).json();
    expect(list.items.map((x: { name: string }) => x.name)).toEqual(['骨干测试']);
    const again = await admin.post(`/api/v1/teachers/${tch.id}/recognitions`, {
      level: 'city',
      subject: '语文',
      issuer: '市教委',
      issuedOn: '2025-06-01',
      validUntil: null,
    });
    expect(again.statusCode).toBe(409);
  });
});
