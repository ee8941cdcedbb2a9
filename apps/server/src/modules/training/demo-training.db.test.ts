/**
 * The training part of the demo district: the district's 240/3 rule beside the national 360/5, six years
 * of sessions credited to the 专任教师, a realistic share behind on hours (flagged ahead of the deadline),
 * a 师德师风 course every year, and pending outside trainings (one of them the demo teacher's).
 */
import type { ComplianceOverview, CompliancePage, TeacherTrainingSummary } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, TEST_PASSWORD, type TestApp } from '../../../test/app.ts';
import { hashPassword } from '../auth/password.ts';
import { createDemoApp } from '../indicators/indicator-test-support.ts';
import { seminarCountByTeacher, trainingHoursByTeacher } from './training-ledger.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createDemoApp();
  await t.database.db
    .updateTable('app_user')
    .set({ must_change_password: false, password_hash: await hashPassword(TEST_PASSWORD) })
    .where('username', 'in', ['jiaoshike', 'laoshi01'])
    .execute();
}, 300_000);
afterAll(async () => {
  await t?.close();
});

describe('demo training data', () => {
  it('judges the district by its own 240/3 rule with a realistic share at risk, and the national cycle mostly complete', async () => {
    const staff = await signIn(t.app, 'jiaoshike');
    const res = await staff.get('/api/v1/training/overview');
    expect(res.statusCode).toBe(200);
    const o = res.json() as ComplianceOverview;
    expect(o.ref).toMatchObject({ ruleCode: 'district', requiredHours: 240, cycle: { start: '2024-01-01', end: '2026-12-31' } });
    expect(o.counts.teachers).toBeGreaterThan(2500);
    const atRiskShare = o.counts.atRisk / o.counts.teachers;
    expect(atRiskShare).toBeGreaterThan(0.05);
    expect(atRiskShare).toBeLessThan(0.35);
    expect(o.counts.complete / o.counts.teachers).toBeGreaterThan(0.5);
    expect(o.schools.length).toBeGreaterThan(30);
    expect(o.pendingOutside).toBeGreaterThan(10);
    for (const level of ['national', 'city', 'district', 'school'] as const) expect(o.hoursByLevel[level]).toBeGreaterThan(0);

    const national = (await staff.get('/api/v1/training/overview?rule=national&cycleStart=2021-01-01')).json() as ComplianceOverview;
    expect(national.ref.cycle).toMatchObject({ start: '2021-01-01', end: '2025-12-31' });
    expect(national.counts.incomplete).toBeGreaterThan(0);
    expect(national.counts.completionRate!).toBeGreaterThan(0.7);
    expect(national.counts.completionRate!).toBeLessThan(1);

    const atRisk = (await staff.get('/api/v1/training/compliance?status=at_risk&pageSize=5')).json() as CompliancePage;
    expect(atRisk.total).toBe(o.counts.atRisk);
    expect(atRisk.items.every((s) => s.status === 'at_risk' && s.needed > 0)).toBe(true);
  });

  it('credits a 师德师风 course to nearly every teacher every year, and seminars to most', async () => {
    const teachers = await t.database.db
      .selectFrom('teacher')
      .where('post', '=', 'teacher')
      .where('is_active', '=', true)
      .where('joined_school_on', '<', '2021-01-01')
      .select('id')
      .execute();
    for (const year of [2024, 2025, 2026]) {
      const ethics = await trainingHoursByTeacher(t.database.db, { from: `${year}-01-01`, to: `${year}-12-31`, category: 'ethics' });
      const covered = teachers.filter((x) => (ethics.get(x.id) ?? 0) >= 6).length;
      expect(covered / teachers.length).toBeGreaterThan(0.9);
    }
    const seminars = await seminarCountByTeacher(t.database.db, { from: '2026-01-01', to: '2026-12-31' });
    const met = teachers.filter((x) => (seminars.get(x.id) ?? 0) >= 4).length;
    expect(met / teachers.length).toBeGreaterThan(0.2);
    expect(met / teachers.length).toBeLessThan(0.9);
  });

  it('shows the demo teacher their own hours by cycle with a pending outside training', async () => {
    const teacher = await signIn(t.app, 'laoshi01');
    const me = (await teacher.get('/api/v1/training/me')).json() as TeacherTrainingSummary;
    expect(me.isInCycle).toBe(true);
    expect(me.cycles.map((c) => c.ref.ruleCode)).toEqual(['district', 'national']);
    expect(me.cycles[0]!.standing!.earned).toBeGreaterThan(0);
    expect(me.pendingOutside).toBe(1);
    expect(me.seminars).toHaveLength(3);
    const mine = (await teacher.get('/api/v1/training/outside?mine=true')).json() as { items: { status: string; evidence: unknown[] }[] };
    expect(mine.items.map((i) => i.status).sort()).toEqual(['approved', 'pending']);
    expect(mine.items[0]!.evidence).toHaveLength(1);
    // Nobody else's records.
    const other = await createUser(t.database, [{ role: 'district_admin' }]);
    expect(other.id).toBeGreaterThan(0);
    const firstOther = await t.database.db.selectFrom('teacher').where('id', '<>', me.teacherId).select('id').executeTakeFirstOrThrow();
    expect((await teacher.get(`/api/v1/training/teachers/${firstOther.id}`)).statusCode).toBe(404);
  });

  it('computes the 优质均衡 item 5年360学时 from the ledger with its 口径, and leaves years without a finished cycle to manual judgement', async () => {
    const staff = await signIn(t.app, 'jiaoshike');
    const value = async (year: number) => {
      const list = (await staff.get(`/api/v1/indicators?year=${year}`)).json() as {
        items: { code: string; value: number | null; numerator: number | null; denominator: number | null; warnings: string[] }[];
      };
      return list.items.find((v) => v.code === 'teachers.training_completion_rate')!;
    };
    const y2025 = await value(2025);
    expect(y2025.denominator).toBeGreaterThan(2500);
    expect(y2025.numerator! / y2025.denominator!).toBeGreaterThan(0.7);
    expect(y2025.numerator!).toBeLessThan(y2025.denominator!);
    expect(y2025.warnings.join()).toContain('2021–2025');
    const y2024 = await value(2024);
    expect(y2024.value).toBeNull();
  });

  it('records the seed in the audit log', async () => {
    const row = await t.database.db.selectFrom('audit_log').where('action', '=', 'demo.training').select('after').executeTakeFirstOrThrow();
    const after = (typeof row.after === 'string' ? JSON.parse(row.after) : row.after) as { credits: number; elapsedMs: number };
    expect(after.credits).toBeGreaterThan(40_000);
    // A guard against pathological slow-downs only: the seed takes seconds on an idle machine (see docs/teacher-growth.md).
    expect(after.elapsedMs).toBeLessThan(120_000);
  });
});
