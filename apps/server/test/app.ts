/**
 * An HTTP test harness: the real app over a per-file test database, users created with given roles,
 * and a signed-in client that carries the session cookie and CSRF token (fastify.inject, no sockets).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '@zhiping/contracts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/database.ts';
import { hashPassword } from '../src/modules/auth/password.ts';
import { ensureDistrict } from '../src/modules/setup/bootstrap.service.ts';
import { fixedClock, openTestDatabase, testCrypto } from './db.ts';

export const TEST_PASSWORD = 'Test@Passw0rd!';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  districtId: number;
  close(): Promise<void>;
}

/** Builds the app over a fresh test database with the district created. */
export async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const districtId = await ensureDistrict(database.db, { code: '500199', name: '示例区' });
  // A data folder of its own, so files a test writes there (stored PDF reports) never leak into another run.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhiping-test-data-'));
  const config = loadConfig({ ZHIPING_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const app = await buildApp(
    { db: database.db, engine: database.engine, crypto: testCrypto, clock: fixedClock(), config, version: 'test' },
    { logger: false, webDir: '/nonexistent' },
  );
  await app.ready();
  return {
    app,
    database,
    districtId,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let userCounter = 0;

/** Creates a user holding the given grants (password TEST_PASSWORD, no forced change); returns its id. */
export async function createUser(
  database: Database,
  grants: { role: Role; schoolId?: number | null; office?: string | null }[],
  options: { username?: string; teacherId?: number | null; mustChangePassword?: boolean } = {},
): Promise<{ id: number; username: string }> {
  const username = options.username ?? `user${++userCounter}_${grants.map((g) => g.role).join('_')}`.slice(0, 60);
  const u = await database.db
    .insertInto('app_user')
    .values({
      username,
      display_name: username,
      password_hash: await hashPassword(TEST_PASSWORD),
      must_change_password: options.mustChangePassword ?? false,
      teacher_id: options.teacherId ?? null,
      locked_until: null,
      last_login_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const g of grants) {
    await database.db
      .insertInto('role_grant')
      .values({ user_id: u.id, role: g.role, school_id: g.schoolId ?? null, office: g.office ?? null, granted_by: null })
      .execute();
  }
  return { id: u.id, username };
}

/** A signed-in client. */
export interface TestClient {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  /** Raw inject with the session cookie and CSRF header applied. */
  inject(opts: { method: string; url: string; payload?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  csrfToken: string;
  cookie: string;
}

/** Signs in through the API and returns a client carrying the session. */
export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<TestClient> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const inject: TestClient['inject'] = (opts) =>
    app.inject({
      method: opts.method as 'GET',
      url: opts.url,
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
      headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) },
    });
  return {
    csrfToken,
    cookie,
    inject,
    get: (url) => inject({ method: 'GET', url }),
    post: (url, body) => inject({ method: 'POST', url, payload: body ?? {} }),
    put: (url, body) => inject({ method: 'PUT', url, payload: body ?? {} }),
    patch: (url, body) => inject({ method: 'PATCH', url, payload: body ?? {} }),
    delete: (url) => inject({ method: 'DELETE', url }),
  };
}

/** Creates a user with grants and signs in as them. */
export async function signInAs(
  t: TestApp,
  grants: { role: Role; schoolId?: number | null; office?: string | null }[],
  teacherId: number | null = null,
): Promise<TestClient> {
  const u = await createUser(t.database, grants, { teacherId });
  return signIn(t.app, u.username);
}
