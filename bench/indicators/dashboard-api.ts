/**
 * Dashboard API latency on the demo district in the embedded default (PGlite): the real app with a
 * signed-in district user, the first request of each endpoint computing the year, then `requests` warm
 * requests each through fastify.inject; prints p50 / p95 / max per endpoint (target: ≤ 50 ms p95).
 */
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';
import { openDatabase } from '../../apps/server/src/db/database.ts';
import { migrateToLatest } from '../../apps/server/src/db/migrate.ts';
import { hashPassword } from '../../apps/server/src/modules/auth/password.ts';
import { loadDemoDistrict } from '../../apps/server/src/modules/demo/demo.service.ts';
import { ensureDistrict } from '../../apps/server/src/modules/setup/bootstrap.service.ts';
import { systemActor, systemClock } from '../../apps/server/src/platform/context.ts';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto.ts';

const PASSWORD = 'Bench#Passw0rd2026';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

/** Measures the dashboard endpoints on the demo district. */
export async function benchDashboardApi(requests: number, log: (s: string) => void): Promise<void> {
  log(`\n== dashboard API on the demo district (PGlite, in memory), ${requests} warm requests per endpoint ==`);
  const database = await openDatabase({ inMemory: true });
  const crypto = createFieldCrypto('bench-secret-key-bench-secret-key-0123');
  try {
    await migrateToLatest(database.db);
    const districtId = await ensureDistrict(database.db, { code: '500199', name: '示例区' });
    await loadDemoDistrict({ db: database.db, actor: systemActor(), clock: systemClock, crypto }, { districtId, passwordHash: 'none' });
    const user = await database.db
      .insertInto('app_user')
      .values({
        username: 'bench',
        display_name: 'bench',
        password_hash: await hashPassword(PASSWORD),
        must_change_password: false,
        teacher_id: null,
        locked_until: null,
        last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('role_grant')
      .values({ user_id: user.id, role: 'district_staff', office: '督导室', school_id: null, granted_by: null })
      .execute();
    const config = loadConfig({ ZHIPING_DATA_DIR: '/tmp/zhiping-bench-unused', LOG_LEVEL: 'silent' });
    const app = await buildApp(
      { db: database.db, engine: database.engine, crypto, clock: systemClock, config, version: 'bench' },
      { logger: false, webDir: '/nonexistent' },
    );
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench', password: PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const school = (await database.db.selectFrom('school').select('id').orderBy('id').offset(40).limit(1).executeTakeFirstOrThrow()).id;
    const endpoints = [
      '/api/v1/indicators?year=2025',
      '/api/v1/indicators?year=2025&stage=primary&sponsor=public',
      '/api/v1/indicators/trend?code=preschool.inclusive_share&years=5',
      '/api/v1/indicators/balanced.teaching_area_per_student/schools?year=2025&stage=primary',
      `/api/v1/schools/${school}/indicators?year=2025`,
    ];
    for (const url of endpoints) {
      const t0 = performance.now();
      const first = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      const cold = performance.now() - t0;
      const times: number[] = [];
      for (let i = 0; i < requests; i += 1) {
        const t = performance.now();
        await app.inject({ method: 'GET', url, headers: { cookie } });
        times.push(performance.now() - t);
      }
      log(
        `${url}\n  first ${cold.toFixed(0)} ms; warm p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
      );
    }
    await app.close();
  } finally {
    await database.close();
  }
}
