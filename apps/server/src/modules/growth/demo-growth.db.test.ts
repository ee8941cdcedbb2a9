/**
 * The growth part of the demo district: 29 studios across the three types with members, activities and
 * 2025 reviews; 49 expert teams of 123 experts paired with rural and weak schools (two rural schools
 * unpaired); published 2025 rounds with 100 selected each and open 2026 rounds; 2024 and 2025 test scores
 * for every active 专任教师. Then the views through the API as the demo accounts see them.
 */
import type { DrillPage, GrowthDashboard, SchoolDevelopment, TeacherGrowth, TestAnalysis } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type TestClient } from '../../../test/app.ts';
import { testContext } from '../../../test/db.ts';
import { loadDemoDistrict } from '../demo/demo.service.ts';

let t: TestApp;
let loadMs = 0;

async function demoClient(username: string): Promise<TestClient> {
  // The demo accounts must change their password at first sign-in; the test signs in through a twin account.
  const u = await t.database.db
    .selectFrom('app_user')
    .select(['id', 'teacher_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const grants = await t.database.db.selectFrom('role_grant').select(['role', 'school_id', 'office']).where('user_id', '=', u.id).execute();
  const twin = await createUser(
    t.database,
    grants.map((g) => ({ role: g.role as 'teacher', schoolId: g.school_id, office: g.office })),
    { teacherId: u.teacher_id },
  );
  return signIn(t.app, twin.username);
}

const count = async (
  table: 'growth_studio' | 'growth_expert_team' | 'growth_studio_activity' | 'growth_team_visit' | 'growth_test_score',
) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database, [{ role: 'district_admin' }], { username: 'admin' });
  const started = Date.now();
  await loadDemoDistrict(testContext(t.database), { districtId: t.districtId });
  loadMs = Date.now() - started;
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('growth demo data', () => {
  it('has the figures of the articles', async () => {
    expect(await count('growth_studio')).toBe(29);
    expect(await count('growth_expert_team')).toBe(49);
    expect(await count('growth_studio_activity')).toBeGreaterThan(200);
    expect(await count('growth_team_visit')).toBeGreaterThan(100);
    const experts = await t.database.db
      .selectFrom('growth_expert_member')
      .select((eb) => eb.fn.count<number>('teacher_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(experts.n)).toBe(123);
    const teachers = await t.database.db
      .selectFrom('teacher')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('post', '=', 'teacher')
      .where('is_active', '=', true)
      .where('school_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(await count('growth_test_score')).toBe(2 * Number(teachers.n));
    console.log(`demo district with growth loaded in ${loadMs} ms`);
  });

  it('shows the district dashboard with targets, coverage and drill-down to the people behind them', async () => {
    const jiaoshike = await demoClient('jiaoshike');
    const d = (await jiaoshike.get('/api/v1/growth/dashboard?year=2025')).json() as GrowthDashboard;
    const target = (key: string) => d.targets.find((x) => x.key === key)!;
    expect(target('demo_lessons')).toMatchObject({ target: 100, actual: 100, progress: 100 });
    expect(target('teaching_experts')).toMatchObject({ target: 100, actual: 100 });
    expect(target('studios')).toMatchObject({ target: 29, actual: 29 });
    expect(target('studios').source).toContain('figures.md');
    expect(d.teams.total).toBe(49);
    expect(d.teams.experts).toBe(123);
    expect(d.teams.ruralPaired).toBe(d.teams.ruralSchools - 2);
    expect(d.test).toMatchObject({ visible: true, year: 2025 });
    const drill = (await jiaoshike.get('/api/v1/growth/dashboard/drill?metric=demo_lessons&year=2025&pageSize=200')).json() as DrillPage;
    expect(drill.total).toBe(100);
    const unpaired = (await jiaoshike.get('/api/v1/growth/dashboard/drill?metric=rural_unpaired')).json() as DrillPage;
    expect(unpaired.total).toBe(2);
    const now = (await jiaoshike.get('/api/v1/growth/dashboard')).json() as GrowthDashboard;
    expect(now.rounds.map((r) => r.state)).toEqual(['open', 'open']);
  });

  it('gives the demo teacher a growth page with real figures and the school its page', async () => {
    const teacher = await demoClient('laoshi01');
    const g = (await teacher.get('/api/v1/growth/me')).json() as TeacherGrowth;
    expect(g.studios.length).toBeGreaterThan(0);
    expect(g.tests.map((x) => x.year)).toEqual([2024, 2025]);
    expect(g.tests[1]!.change).not.toBeNull();
    expect(g.selections[0]).toMatchObject({ year: 2025, kindLabel: '示范课' });
    const school = await demoClient(
      (await t.database.db.selectFrom('app_user').select('username').where('username', 'like', 'school_%').executeTakeFirstOrThrow())
        .username,
    );
    const schoolId = g.teacher.schoolId!;
    const page = (await school.get(`/api/v1/growth/schools/${schoolId}`)).json() as SchoolDevelopment;
    expect(page.test).toMatchObject({ visible: true, year: 2025 });
    expect(page.teachers).toBeGreaterThan(10);
    const analysis = (await school.get('/api/v1/growth/tests/analysis')).json() as TestAnalysis;
    expect(analysis.scopeLabel).toBe('本校');
    expect(analysis.bySchool).toHaveLength(1);
    expect(analysis.areas[0]!.area).toBe('信息技术应用');
  });
});
