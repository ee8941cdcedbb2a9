import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('sign-in, sessions and CSRF', () => {
  it('signs in, answers /me, and audits the login', async () => {
    const u = await createUser(t.database, [{ role: 'district_staff', office: '督导室' }]);
    const client = await signIn(t.app, u.username);
    const me = (await client.get('/api/v1/auth/me')).json();
    expect(me.username).toBe(u.username);
    expect(me.roles).toEqual([{ id: expect.any(Number), role: 'district_staff', office: '督导室', schoolId: null, schoolName: null }]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('actor_id', '=', u.id)
      .where('action', '=', 'auth.login')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('answers 401 with a Chinese message for a wrong password and 400 for a malformed body', async () => {
    const u = await createUser(t.database, [{ role: 'inspector' }]);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('locks an account after five wrong passwords', async () => {
    const u = await createUser(t.database, [{ role: 'inspector' }]);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'wrong' } });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(429);
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const u = await createUser(t.database, [{ role: 'inspector' }]);
    const client = await signIn(t.app, u.username);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: client.cookie } });
    expect(res.statusCode).toBe(403);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('forces a change of the initial password and enforces the policy', async () => {
    const u = await createUser(t.database, [{ role: 'district_admin' }], { mustChangePassword: true });
    const client = await signIn(t.app, u.username);
    const blocked = await client.get('/api/v1/schools');
    expect(blocked.statusCode).toBe(403);
    const weak = await client.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const ok = await client.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'New#Passw0rd2026' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
  });
});
