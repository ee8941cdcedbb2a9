import { generateDemoDistrict } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { testContext } from '../../../test/db.ts';
import { loadDemoDistrict, type DemoLoadResult } from './demo.service.ts';

const demo = generateDemoDistrict();
let t: TestApp;
let loaded: DemoLoadResult;
const steps = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database, [{ role: 'district_admin' }], { username: 'admin' });
  loaded = await loadDemoDistrict(testContext(t.database), { districtId: t.districtId, onProgress: (step) => steps.add(step) });
}, 240_000);
afterAll(async () => {
  await t?.close();
});

const count = async (
  table: 'school' | 'school_year_stat' | 'school_condition' | 'teacher' | 'population' | 'teacher_assignment' | 'teacher_recognition',
) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('loading the demo district', () => {
  it('writes every generated row through the import writers, with history and progress', async () => {
    expect(loaded).toMatchObject({ schools: demo.schools.length, teachers: demo.teachers.length });
    expect(await count('school')).toBe(demo.schools.length);
    expect(await count('school_year_stat')).toBe(demo.students.length);
    expect(await count('school_condition')).toBe(demo.conditions.length);
    expect(await count('population')).toBe(95);
    expect(await count('teacher')).toBe(demo.teachers.length);
    // 2021–2024 交流轮岗 history seeded by rotation/demo-rotation.ts (reason 'YYYY学年交流轮岗').
    const seededRotations = (
      await t.database.db.selectFrom('teacher_assignment').select('id').where('reason', 'like', '%学年交流轮岗').execute()
    ).length;
    expect(seededRotations).toBeGreaterThan(100);
    expect(await count('teacher_assignment')).toBe(demo.teachers.length + demo.transfers.length + seededRotations);
    expect(await count('teacher_recognition')).toBe(demo.teachers.filter((x) => x.backboneLevel).length + demo.extraRecognitions.length);
    expect([...steps]).toEqual(['schools', 'students', 'conditions', 'population', 'teachers']);
    const streets = await t.database.db
      .selectFrom('org_unit')
      .select(['code', 'name'])
      .where('kind', '=', 'street')
      .orderBy('code')
      .execute();
    expect(streets).toEqual(demo.streets.map((s) => ({ code: s.code, name: s.name })).sort((a, b) => a.code.localeCompare(b.code)));
    const closed = await t.database.db.selectFrom('school').select('code').where('closed_on', 'is not', null).execute();
    expect(closed.map((c) => c.code)).toEqual(demo.schools.filter((s) => s.closedOn).map((s) => s.code));
    const rotations = await t.database.db.selectFrom('teacher_assignment').select('id').where('kind', '=', 'partial').execute();
    expect(rotations).toHaveLength(demo.transfers.filter((x) => x.kind === 'partial').length + seededRotations);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'demo.load').execute();
    expect(audit).toEqual([{ action: 'demo.load', actor_name: 'system' }]);
  });

  it('creates the demo accounts with the administrator password, to be changed at first sign-in', async () => {
    const users = await t.database.db
      .selectFrom('app_user as u')
      .innerJoin('role_grant as g', 'g.user_id', 'u.id')
      .select(['u.username', 'u.password_hash', 'u.must_change_password', 'u.teacher_id', 'g.role', 'g.office', 'g.school_id'])
      .where('u.username', 'in', loaded.accounts)
      .execute();
    const admin = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(users).toHaveLength(demo.accounts.length);
    expect(users.every((u) => u.must_change_password && u.password_hash === admin.password_hash)).toBe(true);
    expect(users.find((u) => u.username === 'duchashi')).toMatchObject({ role: 'district_staff', office: '督导室', school_id: null });
    const teacher = users.find((u) => u.role === 'teacher')!;
    const record = await t.database.db
      .selectFrom('teacher')
      .select('school_id')
      .where('id', '=', teacher.teacher_id!)
      .executeTakeFirstOrThrow();
    expect(record.school_id).toBe(teacher.school_id);
  });

  it('refuses to load twice', async () => {
    await expect(loadDemoDistrict(testContext(t.database), { districtId: t.districtId })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await count('school')).toBe(demo.schools.length);
  });

  it('lets the demo school administrator see only their own school', async () => {
    const account = demo.accounts.find((a) => a.role === 'school_admin')!;
    const client = await signIn(t.app, account.username, TEST_PASSWORD);
    expect((await client.get('/api/v1/schools')).statusCode).toBe(403);
    expect(
      (await client.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'Demo#Passw0rd2026' })).statusCode,
    ).toBe(200);
    const page = (await client.get('/api/v1/schools?pageSize=200')).json();
    expect(page.total).toBe(1);
    expect(page.items[0].code).toBe(account.schoolCode);
    const other = demo.schools.find((s) => s.code !== account.schoolCode)!;
    const otherId = (await t.database.db.selectFrom('school').select('id').where('code', '=', other.code).executeTakeFirstOrThrow()).id;
    expect((await client.get(`/api/v1/schools/${otherId}`)).statusCode).toBe(404);

    const staff = await signIn(t.app, 'duchashi', TEST_PASSWORD);
    await staff.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'Demo#Passw0rd2026' });
    expect((await staff.get('/api/v1/schools?pageSize=200&includeClosed=true')).json().total).toBe(demo.schools.length);
  });
});
