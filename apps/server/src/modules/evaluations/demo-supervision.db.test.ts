/**
 * The supervision part of the demo district: a published past campaign scoring every kindergarten (a
 * few below 750) with teams that respect 回避, rectification items with a couple still open, about five
 * schools per responsible inspector with some overdue, and a current campaign the demo school's
 * administrator can start on.
 */
import type { CampaignStatistics, EvaluationPage, RectificationDashboard, ResponsibilityList } from '@zhiping/contracts';
import { checkInspectorConflict } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, signIn, type TestApp } from '../../../test/app.ts';
import { hashPassword } from '../auth/password.ts';
import { createDemoApp } from '../indicators/indicator-test-support.ts';
import { loadInspectorsForAssignment } from '../inspectors/inspector.service.ts';
import { makeUser, ok } from './evaluation-test-support.ts';

let t: TestApp;
let elapsed: number;

beforeAll(async () => {
  const started = Date.now();
  t = await createDemoApp();
  elapsed = Date.now() - started;
  // Demo accounts must change their password first; clear that to sign in as them here.
  await t.database.db
    .updateTable('app_user')
    .set({ must_change_password: false, password_hash: await hashPassword(TEST_PASSWORD) })
    .execute();
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('demo supervision data', () => {
  it('publishes a past campaign over every kindergarten with a few below 750, and teams that respect 回避', async () => {
    const staff = await makeUser(t, [{ role: 'district_staff', office: '督导室' }]);
    const campaigns = await ok<{ items: { id: number; name: string; schoolCount: number; stateCounts: Record<string, number> }[] }>(
      staff.client.get('/api/v1/campaigns'),
    );
    const past = campaigns.items.find((c) => c.name === '2024年度幼儿园办园行为督导评估')!;
    const kindergartens = await t.database.db
      .selectFrom('school as s')
      .innerJoin('school_version as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.valid_to', 'is', null))
      .select('s.id')
      .where('v.type_code', '=', '111')
      .where('s.closed_on', 'is', null)
      .execute();
    expect(past.stateCounts).toEqual({ published: kindergartens.length });
    expect(kindergartens.length).toBeGreaterThan(100);
    const stats = await ok<CampaignStatistics>(staff.client.get(`/api/v1/campaigns/${past.id}/statistics`));
    const below = stats.ranking.filter((r) => r.total < 750);
    expect(below.length).toBeGreaterThanOrEqual(3);
    expect(below.length).toBeLessThanOrEqual(10);
    expect(stats.totals.max!).toBeLessThan(1000);
    expect(stats.distribution.bands.filter((b) => b.count > 0).length).toBeGreaterThanOrEqual(3);
    expect(stats.weakest).toHaveLength(10);
    const scores = await t.database.db
      .selectFrom('evaluation_score as s')
      .innerJoin('evaluation as e', 'e.id', 's.evaluation_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.campaign_id', '=', past.id)
      .where('s.inspector_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(scores.n)).toBe(kindergartens.length * 3 * 42);

    const teams = await t.database.db
      .selectFrom('evaluation_assignment as a')
      .innerJoin('evaluation as e', 'e.id', 'a.evaluation_id')
      .select(['a.inspector_id', 'e.school_id'])
      .execute();
    const inspectors = new Map((await loadInspectorsForAssignment(t.database.db, '2024-09-01')).map((i) => [i.userId, i.profile] as const));
    expect([...inspectors.values()].filter((p) => p.currentSchoolId).length).toBeGreaterThan(0);
    for (const m of teams)
      expect(
        checkInspectorConflict(inspectors.get(m.inspector_id)!, String(m.school_id), { asOf: '2024-09-01', lookbackYears: 3 }),
      ).toBeNull();
  });

  it('leaves a couple of rectification items open, flags overdue schools, and gives the demo accounts something to do', async () => {
    const staff = await makeUser(t, [{ role: 'district_admin' }]);
    const dash = await ok<RectificationDashboard>(staff.client.get('/api/v1/rectifications/dashboard'));
    expect(dash.open).toBeGreaterThanOrEqual(2);
    expect(dash.overdue).toBeGreaterThanOrEqual(1);
    expect(dash.verified).toBeGreaterThan(dash.open);
    const duties = await ok<ResponsibilityList>(staff.client.get('/api/v1/inspectors/responsibilities'));
    expect(duties.items.every((i) => i.inspectorId !== null)).toBe(true);
    const perInspector = new Map<number, number>();
    for (const i of duties.items) perInspector.set(i.inspectorId!, (perInspector.get(i.inspectorId!) ?? 0) + 1);
    expect(Math.max(...perInspector.values())).toBeLessThanOrEqual(5);
    const overdue = duties.items.filter((i) => i.isOverdue);
    expect(overdue.length).toBeGreaterThan(5);
    expect(overdue.length).toBeLessThan(duties.items.length / 4);

    const duxue = await signIn(t.app, 'duxue01');
    const mine = await ok<EvaluationPage>(duxue.get('/api/v1/evaluations?mine=true&pageSize=200'));
    expect(mine.items.length).toBeGreaterThan(0);
    const school = await signIn(
      t.app,
      (await t.database.db.selectFrom('app_user').select('username').where('username', 'like', 'school_%').executeTakeFirstOrThrow())
        .username,
    );
    const own = await ok<EvaluationPage>(school.get('/api/v1/evaluations'));
    expect(own.items.map((i) => i.state)).toEqual(['self_assessment']);
    const visits = await ok<{ total: number }>(school.get('/api/v1/inspectors/visits'));
    expect(visits.total).toBeGreaterThan(3);
    console.log(`demo district with supervision loaded in ${(elapsed / 1000).toFixed(1)} s`);
  });
});
