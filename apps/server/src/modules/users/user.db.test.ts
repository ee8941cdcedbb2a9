import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';

let t: TestApp;
let sys: TestClient;
let sec: TestClient;
let auditor: TestClient;
let school: { id: number };

beforeAll(async () => {
  t = await createTestApp();
  school = await buildSchool(t.database, t.districtId);
  sys = await signInAs(t, [{ role: 'sys_admin' }]);
  sec = await signInAs(t, [{ role: 'security_admin' }]);
  auditor = await signInAs(t, [{ role: 'audit_admin' }]);
});
afterAll(async () => {
  await t?.close();
});

describe('accounts, roles and separation of duties', () => {
  it('the system administrator creates an account with a one-time password that must be changed', async () => {
    const res = await sys.post('/api/v1/users', { username: 'zhangsan', displayName: '张三' });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword, userId } = res.json();
    expect(temporaryPassword).toHaveLength(14);
    const client = await signIn(t.app, 'zhangsan', temporaryPassword);
    expect((await client.get('/api/v1/auth/me')).json().mustChangePassword).toBe(true);
    expect((await sys.post('/api/v1/users', { username: 'zhangsan', displayName: '重复' })).statusCode).toBe(409);
    expect(userId).toBeGreaterThan(0);
  });

  it('the system administrator cannot grant roles or read the audit log', async () => {
    const list = (await sys.get('/api/v1/users?q=zhangsan')).json();
    const id = list.items[0].id;
    expect((await sys.post(`/api/v1/users/${id}/roles`, { role: 'district_admin' })).statusCode).toBe(403);
    expect((await sys.get('/api/v1/audit')).statusCode).toBe(403);
    const me = (await sys.get('/api/v1/auth/me')).json();
    expect((await sys.post(`/api/v1/users/${me.id}/roles`, { role: 'district_admin' })).statusCode).toBe(403);
  });

  it('the security administrator grants scoped roles and enforces 三员分立', async () => {
    const id = (await sys.get('/api/v1/users?q=zhangsan')).json().items[0].id;
    const ok = await sec.post(`/api/v1/users/${id}/roles`, { role: 'school_admin', schoolId: school.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().roles).toEqual([expect.objectContaining({ role: 'school_admin', schoolId: school.id })]);
    const mixed = await sec.post(`/api/v1/users/${id}/roles`, { role: 'audit_admin' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain('三员分立');
    const noSchool = await sec.post(`/api/v1/users/${id}/roles`, { role: 'teacher' });
    expect(noSchool.statusCode).toBe(400);
    const noOffice = await sec.post(`/api/v1/users/${id}/roles`, { role: 'district_staff' });
    expect(noOffice.json().error.message).toContain('科室');
    const me = (await sec.get('/api/v1/auth/me')).json();
    expect((await sec.post(`/api/v1/users/${me.id}/roles`, { role: 'district_admin' })).json().error.message).toBe('不能给自己授予角色');
    expect((await sec.delete(`/api/v1/users/${me.id}/roles/1`)).statusCode).toBe(409);
    expect((await sec.post(`/api/v1/users/${id}/reset-password`)).statusCode).toBe(403);
  });

  it('offers school and teacher pickers to the administrators who assign roles and link accounts', async () => {
    const schools = (await sec.get('/api/v1/users/school-options?q=')).json();
    expect(schools).toEqual([expect.objectContaining({ id: school.id })]);
    expect((await sys.get('/api/v1/users/teacher-options?q=')).json()).toEqual([]);
    expect((await sec.get('/api/v1/users/teacher-options?q=x')).statusCode).toBe(403);
    expect((await auditor.get('/api/v1/users/school-options')).statusCode).toBe(403);
    const users = (await sec.get('/api/v1/users?q=zhangsan')).json();
    expect(users.items[0].roles[0].id).toEqual(expect.any(Number));
  });

  it('the audit administrator reads and exports the audit log, which records every write above', async () => {
    const page = (await auditor.get('/api/v1/audit?action=role.grant')).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ action: 'role.grant', entityType: 'user' });
    const exp = await auditor.get('/api/v1/audit/export?action=user.');
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toContain('spreadsheetml');
    expect((await auditor.get('/api/v1/users')).statusCode).toBe(403);
    expect((await auditor.get('/api/v1/schools')).statusCode).toBe(403);
  });

  it('the audit log cannot be changed or deleted, even by SQL', async () => {
    await expect(t.database.db.updateTable('audit_log').set({ summary: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('disabling an account ends its sessions; reset unlocks with a new one-time password', async () => {
    const created = (await sys.post('/api/v1/users', { username: 'lisi', displayName: '李四' })).json();
    const client = await signIn(t.app, 'lisi', created.temporaryPassword);
    expect((await sys.patch(`/api/v1/users/${created.userId}`, { isDisabled: true })).json().isDisabled).toBe(true);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    await sys.patch(`/api/v1/users/${created.userId}`, { isDisabled: false });
    const reset = (await sys.post(`/api/v1/users/${created.userId}/reset-password`)).json();
    expect(reset.temporaryPassword).not.toBe(created.temporaryPassword);
    await signIn(t.app, 'lisi', reset.temporaryPassword);
  });
});
