import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp } from '../../../test/app.ts';
import { testContext } from '../../../test/db.ts';
import { inTransaction } from '../../platform/context.ts';
import { loadDemoDistrict } from '../demo/demo.service.ts';
import { seedDemoEthics } from './demo-ethics.ts';
import { getMonitoring } from './monitoring.service.ts';
import { findActiveRestrictions } from './restrictions.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database, [{ role: 'district_admin' }], { username: 'admin' });
  await loadDemoDistrict(testContext(t.database), { districtId: t.districtId });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('ethics demo data', () => {
  it('has three years of cases, overdue ones, repeated schools, a running penalty and 2025 reviews', async () => {
    const db = t.database.db;
    const cases = await db.selectFrom('ethics_case').select(['id', 'received_on', 'school_id', 'teacher_id']).execute();
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const today = testContext(t.database).clock.today();
    const active = await db.selectFrom('ethics_restriction').select('teacher_id').where('revoked_on', 'is', null).execute();
    const running = await findActiveRestrictions(db, [...new Set(active.map((a) => a.teacher_id))], today);
    expect(running.size).toBeGreaterThanOrEqual(1);
    const states = await db.selectFrom('workflow_instance').select('state').where('definition_key', '=', 'ethics_case').execute();
    expect(states.some((s) => s.state === 'investigating')).toBe(true);
    expect(states.some((s) => s.state === 'appeal_review')).toBe(true);
    const reviews = await db.selectFrom('ethics_review').select('level').where('year', '=', 2025).execute();
    const teachers = await db.selectFrom('teacher').select('id').where('is_active', '=', true).where('school_id', 'is not', null).execute();
    expect(reviews).toHaveLength(teachers.length);
    const m = await getMonitoring(testContext(t.database), {});
    expect(m.totals.overdue).toBeGreaterThanOrEqual(2);
    expect(m.handling.averageDays).toBeLessThan(90);
    expect(m.handling.withinDeadline).toBeGreaterThan(m.handling.pastDeadline);
    expect(m.repeated.schools.length).toBeGreaterThanOrEqual(2);
    console.log(`ethics demo: ${JSON.stringify(m.totals)}; handling ${JSON.stringify(m.handling)}; repeated ${m.repeated.schools.length}`);
    // Teachers with demo accounts are never penalised.
    const withAccounts = await db.selectFrom('app_user').select('teacher_id').where('teacher_id', 'is not', null).execute();
    expect(active.some((a) => withAccounts.some((u) => u.teacher_id === a.teacher_id))).toBe(false);
  });

  it('seeds in a few seconds at most (measured inside a rolled-back transaction)', async () => {
    const ctx = testContext(t.database);
    let elapsed = 0;
    await inTransaction(ctx, async (tx) => {
      await tx.db.deleteFrom('ethics_review').execute();
      await tx.db.deleteFrom('ethics_commitment').execute();
      const started = performance.now();
      await seedDemoEthics(tx, { passwordHash: '' });
      elapsed = performance.now() - started;
      throw new Error('rollback');
    }).catch((e: Error) => expect(e.message).toBe('rollback'));
    console.log(`ethics demo seed: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5000);
  });
});
