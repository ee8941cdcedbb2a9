/**
 * Permission scoping through every foundation endpoint: a school admin sees and changes only their
 * own school; a teacher only their own record; the three administrators only their own duties.
 * Out-of-scope records answer 404 (their existence is not revealed) or 403 for forbidden actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, signInAs, type TestApp, type TestClient } from '../app.ts';
import { buildGradeStat, buildSchool, buildTeacher } from '../factories.ts';

let t: TestApp;
let own: { id: number; code: string };
let other: { id: number; code: string };
let ownTeacher: { id: number };
let otherTeacher: { id: number };
let schoolAdmin: TestClient;
let teacherClient: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  own = await buildSchool(t.database, t.districtId, { name: '本校小学' });
  other = await buildSchool(t.database, t.districtId, { name: '他校小学' });
  await buildGradeStat(t.database, own.id, 2025, 'P1');
  await buildGradeStat(t.database, other.id, 2025, 'P1');
  ownTeacher = await buildTeacher(t.database, own.id, { name: '本校教师' });
  otherTeacher = await buildTeacher(t.database, other.id, { name: '他校教师' });
  schoolAdmin = await signInAs(t, [{ role: 'school_admin', schoolId: own.id }]);
  const tu = await createUser(t.database, [{ role: 'teacher', schoolId: own.id }], { teacherId: ownTeacher.id });
  teacherClient = await signIn(t.app, tu.username);
});
afterAll(async () => {
  await t?.close();
});

describe('a school admin', () => {
  it('lists only their own school and its teachers', async () => {
    const schools = (await schoolAdmin.get('/api/v1/schools')).json();
    expect(schools.items.map((s: { id: number }) => s.id)).toEqual([own.id]);
    const teachers = (await schoolAdmin.get('/api/v1/teachers?pageSize=100')).json();
    expect(teachers.items.map((x: { id: number }) => x.id)).toEqual([ownTeacher.id]);
    expect((await schoolAdmin.get(`/api/v1/teachers?schoolId=${other.id}`)).json().total).toBe(0);
    const overview = (await schoolAdmin.get('/api/v1/district/overview')).json();
    expect(overview.schoolCount).toBe(1);
    expect(overview.teacherCount).toBe(1);
  });

  it.each([
    ['GET', () => `/api/v1/schools/${other.id}`, undefined],
    ['PATCH', () => `/api/v1/schools/${other.id}`, { name: '被篡改的学校' }],
    ['GET', () => `/api/v1/schools/${other.id}/years/2025`, undefined],
    ['GET', () => `/api/v1/teachers/${otherTeacher.id}`, undefined],
    ['PATCH', () => `/api/v1/teachers/${otherTeacher.id}`, { name: '被篡改' }],
    ['GET', () => `/api/v1/teachers/${otherTeacher.id}/sensitive`, undefined],
    ['POST', () => `/api/v1/teachers/${otherTeacher.id}/recognitions`, { level: 'school', issuedOn: '2025-01-01' }],
  ])('gets 404 on %s %s of another school', async (method, url, body) => {
    const res = await schoolAdmin.inject({ method, url: url(), ...(body ? { payload: body } : {}) });
    expect(res.statusCode).toBe(404);
  });

  it('cannot add a teacher to another school, transfer teachers, create schools, or manage users and audit', async () => {
    const add = await schoolAdmin.post('/api/v1/teachers', {
      idNumber: '11010519491231002X',
      name: '越权',
      schoolId: other.id,
      post: 'teacher',
      isFullTime: true,
      education: 'bachelor',
    });
    expect(add.statusCode).toBe(404);
    expect(
      (
        await schoolAdmin.post(`/api/v1/teachers/${ownTeacher.id}/transfers`, {
          toSchoolId: other.id,
          kind: 'full',
          effectiveFrom: '2026-09-01',
          reason: '越权调动',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await schoolAdmin.post('/api/v1/schools', {
          code: '1234567890',
          name: '越权学校',
          typeCode: '211',
          sponsor: 'public',
          urbanRuralCode: '111',
          streetId: null,
        })
      ).statusCode,
    ).toBe(403);
    expect((await schoolAdmin.get('/api/v1/users')).statusCode).toBe(403);
    expect((await schoolAdmin.get('/api/v1/audit')).statusCode).toBe(403);
    const row = await t.database.db
      .selectFrom('school_version')
      .select('name')
      .where('school_id', '=', other.id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('他校小学');
  });

  it('can read and change their own school and teachers', async () => {
    expect((await schoolAdmin.get(`/api/v1/schools/${own.id}`)).statusCode).toBe(200);
    expect((await schoolAdmin.patch(`/api/v1/teachers/${ownTeacher.id}`, { title: 'senior' })).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/v1/teachers/${ownTeacher.id}/sensitive`)).statusCode).toBe(200);
  });
});

describe('a teacher', () => {
  it('sees only their own record and no school data', async () => {
    const list = (await teacherClient.get('/api/v1/teachers')).json();
    expect(list.items.map((x: { id: number }) => x.id)).toEqual([ownTeacher.id]);
    expect((await teacherClient.get(`/api/v1/teachers/${ownTeacher.id}`)).statusCode).toBe(200);
    expect((await teacherClient.get(`/api/v1/teachers/${otherTeacher.id}`)).statusCode).toBe(404);
    expect((await teacherClient.get(`/api/v1/teachers/${ownTeacher.id}/sensitive`)).statusCode).toBe(403);
    expect((await teacherClient.patch(`/api/v1/teachers/${ownTeacher.id}`, { name: '改名' })).statusCode).toBe(403);
    expect((await teacherClient.get('/api/v1/schools')).statusCode).toBe(403);
    expect((await teacherClient.get('/api/v1/population')).statusCode).toBe(403);
  });
});

describe('an inspector and district staff', () => {
  it('read district-wide but cannot write or unmask', async () => {
    const inspector = await signInAs(t, [{ role: 'inspector' }]);
    expect((await inspector.get('/api/v1/schools')).json().total).toBe(2);
    expect((await inspector.get('/api/v1/teachers')).statusCode).toBe(403);
    const staff = await signInAs(t, [{ role: 'district_staff', office: '教师科' }]);
    expect((await staff.get('/api/v1/teachers')).json().total).toBe(2);
    expect((await staff.get(`/api/v1/teachers/${otherTeacher.id}/sensitive`)).statusCode).toBe(403);
    expect((await staff.patch(`/api/v1/schools/${own.id}`, { name: '改名学校' })).statusCode).toBe(403);
  });
});

describe('anonymous requests', () => {
  it.each(['/api/v1/schools', '/api/v1/teachers', '/api/v1/population', '/api/v1/users', '/api/v1/audit', '/api/v1/district'])(
    'get 401 on %s',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    },
  );
});
