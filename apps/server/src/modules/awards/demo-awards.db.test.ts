/**
 * The demo district's awards: five finished rounds (2021–2025) with 10 district awards each, 54
 * applications recommended to the city and 29 awarded (the 大渡口 figures), every application scored by
 * at least five experts with the highest and lowest dropped, and the current round open with
 * applications; an expert account signs in and sees blind tasks.
 */
import type { AwardCallSummary, AwardOverview, AwardReviewTask, Page } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { testContext } from '../../../test/db.ts';
import { loadDemoDistrict } from '../demo/demo.service.ts';
import { ok } from '../evaluations/evaluation-test-support.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database, [{ role: 'district_admin' }], { username: 'admin' });
  await loadDemoDistrict(testContext(t.database), { districtId: t.districtId });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('demo awards', () => {
  it('five finished rounds with 10 awards each, 54 recommended to the city and 29 awarded, and an open round', async () => {
    const admin = await signIn(t.app, 'admin');
    const overview = await ok<AwardOverview>(admin.get('/api/v1/awards/overview'));
    expect(overview.totals).toEqual({ districtAwards: 50, cityRecommended: 54, cityAwarded: 29, since: 2021 });
    const finished = overview.rounds.filter((r) => r.state === 'concluded');
    expect(finished.map((r) => r.year).sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
    for (const r of finished) expect(r.counts.awarded).toBe(10);
    const open = overview.rounds.filter((r: AwardCallSummary) => r.state === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]!.counts.applications).toBeGreaterThanOrEqual(6);

    const sheets = await t.database.db
      .selectFrom('award_application as a')
      .innerJoin('award_score as s', 's.application_id', 'a.id')
      .select((eb) => [
        'a.id',
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>(eb.case().when('s.is_dropped', '=', true).then(1).end()).as('dropped'),
      ])
      .where('a.status', '=', 'accepted')
      .groupBy('a.id')
      .execute();
    expect(sheets.length).toBeGreaterThan(100);
    for (const s of sheets) {
      expect(Number(s.n)).toBeGreaterThanOrEqual(5);
      expect(Number(s.dropped)).toBe(2);
    }
  });

  it('an expert account signs in and sees only blind tasks', async () => {
    const client = await signIn(t.app, 'zhuanjia01', TEST_PASSWORD);
    await ok(client.post('/api/v1/auth/change-password', { currentPassword: TEST_PASSWORD, newPassword: 'Demo#Passw0rd2026' }));
    const tasks = await ok<Page<AwardReviewTask>>(client.get('/api/v1/awards/reviews?pageSize=5'));
    expect(tasks.total).toBeGreaterThan(0);
    expect(Object.keys(tasks.items[0]!)).not.toContain('leadName');
  });
});
