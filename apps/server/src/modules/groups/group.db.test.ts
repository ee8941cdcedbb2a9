import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';

let t: TestApp;
let admin: TestClient;
let core: { id: number };
let member: { id: number };
let rural: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  core = await buildSchool(t.database, t.districtId, { name: '名校实验小学' });
  member = await buildSchool(t.database, t.districtId, { name: '新城小学' });
  rural = await buildSchool(t.database, t.districtId, { name: '跳磴村小' });
  admin = await signInAs(t, [{ role: 'district_admin' }]);
});
afterAll(async () => {
  await t?.close();
});

describe('education groups, 教共体, 学区 and pairings', () => {
  it('keeps dated memberships so a past date shows the past membership', async () => {
    const g = (
      await admin.post('/api/v1/groups', { kind: 'education_group', name: '实验小学教育集团', model: '名校+新校', validFrom: '2022-09-01' })
    ).json();
    await admin.post(`/api/v1/groups/${g.id}/members`, { schoolId: core.id, role: 'core', validFrom: '2022-09-01' });
    const added = (
      await admin.post(`/api/v1/groups/${g.id}/members`, { schoolId: member.id, role: 'member', validFrom: '2024-09-01' })
    ).json();
    expect(added.coreSchoolNames).toEqual(['名校实验小学']);
    expect(added.memberCount).toBe(2);
    const past = (await admin.get('/api/v1/groups?kind=education_group&asOf=2023-09-01')).json();
    expect(past.items[0]).toMatchObject({ name: '实验小学教育集团', memberCount: 1 });
    const m = added.members.find((x: { schoolId: number }) => x.schoolId === member.id);
    const ended = (await admin.post(`/api/v1/groups/${g.id}/members/${m.id}/end`, { validTo: '2026-02-01' })).json();
    expect(ended.members.find((x: { id: number }) => x.id === m.id).validTo).toBe('2026-02-01');
    expect((await admin.get('/api/v1/groups?asOf=2025-09-01')).json().items[0].memberCount).toBe(2);
  });

  it('refuses a second group of the same kind at the same time, and wrong roles', async () => {
    const other = (await admin.post('/api/v1/groups', { kind: 'education_group', name: '另一集团', validFrom: '2023-01-01' })).json();
    const clash = await admin.post(`/api/v1/groups/${other.id}/members`, { schoolId: core.id, role: 'core', validFrom: '2023-01-01' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('实验小学教育集团');
    const wrongRole = await admin.post(`/api/v1/groups/${other.id}/members`, {
      schoolId: rural.id,
      role: 'helper',
      validFrom: '2023-01-01',
    });
    expect(wrongRole.statusCode).toBe(400);
    expect((await admin.post('/api/v1/groups', { kind: 'education_group', name: '另一集团', validFrom: '2023-01-01' })).statusCode).toBe(
      409,
    );
  });

  it('pairs an urban school with a rural one, and dissolving ends open memberships', async () => {
    const p = (
      await admin.post('/api/v1/groups', { kind: 'pairing', name: '名校—跳磴结对', model: '城乡结对', validFrom: '2025-03-01' })
    ).json();
    await admin.post(`/api/v1/groups/${p.id}/members`, { schoolId: core.id, role: 'helper', validFrom: '2025-03-01' });
    await admin.post(`/api/v1/groups/${p.id}/members`, { schoolId: rural.id, role: 'helped', validFrom: '2025-03-01' });
    const dissolved = (await admin.patch(`/api/v1/groups/${p.id}`, { validTo: '2026-07-01' })).json();
    expect(dissolved.members.every((m: { validTo: string }) => m.validTo === '2026-07-01')).toBe(true);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'group.%').execute();
    expect(audit.map((a) => a.action)).toContain('group.dissolve');
  });

  it('lets school admins read but not change', async () => {
    const sa = await signInAs(t, [{ role: 'school_admin', schoolId: core.id }]);
    expect((await sa.get('/api/v1/groups')).statusCode).toBe(200);
    expect((await sa.post('/api/v1/groups', { kind: 'community', name: '越权教共体', validFrom: '2025-01-01' })).statusCode).toBe(403);
  });
});
