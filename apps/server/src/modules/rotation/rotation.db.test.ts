/**
 * 交流轮岗 on the demo district through the API: the seeded rule versions and five-year history, the
 * eligible list with an exemption, a plan computed by the optimizer that meets the shares, hand edits
 * (exclude, manual move, lock) kept by a re-run, the workflow with each school seeing only its own moves,
 * the teacher's acknowledgement, approval creating dated assignments with an audit row, the indicators'
 * CV following the executed moves, and who may do what.
 */
import type {
  EligiblePage,
  IndicatorList,
  RotationMovePage,
  RotationPlanDetail,
  RotationReport,
  RotationRuleSet,
} from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signIn, type TestApp, type TestClient } from '../../../test/app.ts';
import { clientAs, createDemoApp } from '../indicators/indicator-test-support.ts';

let t: TestApp;
let staff: TestClient;
let plan: RotationPlanDetail;

const json = <T>(r: { statusCode: number; body: string }, status = 200): T => {
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body) as T;
};
const backboneCv = (list: IndicatorList, stage: string) =>
  list.items.find((v) => v.code === 'balanced.cv.backbone_teachers_per100' && v.stage === stage)?.value ?? null;

beforeAll(async () => {
  t = await createDemoApp();
  staff = await clientAs(t, [{ role: 'district_staff', office: '教师科' }]);
}, 400_000);
afterAll(async () => t?.close());

describe('rotation on the demo district', () => {
  it('has two rule versions and a five-year history from real rows', async () => {
    const rules = json<RotationRuleSet[]>(await staff.get('/api/v1/rotation/rules'));
    expect(rules.map((r) => r.documentNumber)).toEqual(['示例教委发〔2025〕7号', '示例教委发〔2021〕18号']);
    const report = json<RotationReport>(await staff.get('/api/v1/rotation/reports'));
    expect(report.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    const y2024 = report.byYear.find((r) => r.year === 2024)!;
    expect(y2024.rotated).toBeGreaterThan(20);
    expect(y2024.share!).toBeGreaterThan(0.05);
    expect(y2024.backboneShare!).toBeGreaterThan(0.2);
    expect(report.byYear.find((r) => r.year === 2025)!.rotated).toBe(0);
    expect(report.total.rotated).toBe(report.byYear.reduce((s, r) => s + r.rotated, 0));
    const xlsx = await staff.get('/api/v1/rotation/reports.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('lists the eligible teachers of 2025 and records an exemption with its reason', async () => {
    const page = json<EligiblePage>(await staff.get('/api/v1/rotation/eligible?year=2025&status=eligible&pageSize=5'));
    expect(page.summary.eligible).toBeGreaterThan(100);
    expect(page.summary.minRotated).toBeGreaterThan(0);
    expect(page.items[0]!.years).toBeGreaterThanOrEqual(6);
    const someone = page.items[0]!;
    json(await staff.post('/api/v1/rotation/exemptions', { year: 2025, teacherId: someone.teacherId, reason: 'other' }), 400);
    json(
      await staff.post('/api/v1/rotation/exemptions', {
        year: 2025,
        teacherId: someone.teacherId,
        reason: 'nursing',
        note: '哺乳期至2026年3月',
      }),
    );
    const exempt = json<EligiblePage>(
      await staff.get(`/api/v1/rotation/eligible?year=2025&status=exempt&q=${encodeURIComponent(someone.name)}`),
    );
    expect(exempt.items.find((x) => x.teacherId === someone.teacherId)!.reason).toContain('哺乳期（哺乳期至2026年3月）');
    const audit = await t.database.db.selectFrom('audit_log').select('summary').where('action', '=', 'rotation.exemption.add').execute();
    expect(audit).toHaveLength(1);
  });

  it('computes a plan meeting the shares and lowering the CVs, with reasons', async () => {
    plan = json<RotationPlanDetail>(
      await staff.post('/api/v1/rotation/plans', { year: 2025, title: '2025学年交流轮岗方案', effectiveFrom: '2025-09-01' }),
    );
    expect(plan.state).toBe('draft');
    plan = json<RotationPlanDetail>(await staff.post(`/api/v1/rotation/plans/${plan.id}/optimize`));
    const r = plan.result!;
    expect(r.isFeasible).toBe(true);
    expect(r.isMinimumMet && r.isBackboneMet).toBe(true);
    expect(r.objectiveAfter).toBeLessThan(r.objectiveBefore);
    expect(r.lowerBound).toBeLessThanOrEqual(r.objectiveAfter + 1e-9);
    expect(r.cv).toHaveLength(4);
    const moves = json<RotationMovePage>(await staff.get(`/api/v1/rotation/plans/${plan.id}/moves?pageSize=200`));
    expect(moves.total).toBe(r.rotated);
    expect(moves.items.every((m) => m.reasons.length > 0 && (m.distanceKm ?? 0) <= 25)).toBe(true);
    expect(moves.items.some((m) => /差异系数 [\d.]+→[\d.]+/.test(m.reasons[0]!))).toBe(true);
  }, 120_000);

  it('keeps hand edits across a re-run: exclusion, manual move, lock', async () => {
    const moves = json<RotationMovePage>(await staff.get(`/api/v1/rotation/plans/${plan.id}/moves?pageSize=200`)).items;
    const [first, second] = moves;
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/exclusions`, { teacherId: first!.teacherId, reason: '本人承担毕业班教学' }));
    json(await staff.patch(`/api/v1/rotation/plans/${plan.id}/moves/${second!.id}`, { isLocked: true }));
    const pool = json<EligiblePage>(await staff.get('/api/v1/rotation/eligible?year=2025&status=eligible&pageSize=100')).items;
    const extra = pool.find((x) => !moves.some((m) => m.teacherId === x.teacherId))!;
    const target = moves.find((m) => m.toSchoolId !== extra.schoolId)!.toSchoolId;
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/moves`, { teacherId: extra.teacherId, toSchoolId: extra.schoolId }), 400);
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/moves`, { teacherId: extra.teacherId, toSchoolId: target }));
    const stale = json<RotationPlanDetail>(await staff.get(`/api/v1/rotation/plans/${plan.id}`));
    expect(stale.computedAt).toBeNull();
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/transition`, { action: 'submit_review' }), 409);
    plan = json<RotationPlanDetail>(await staff.post(`/api/v1/rotation/plans/${plan.id}/optimize`));
    const after = json<RotationMovePage>(await staff.get(`/api/v1/rotation/plans/${plan.id}/moves?pageSize=200`)).items;
    expect(after.some((m) => m.teacherId === first!.teacherId)).toBe(false);
    expect(after.find((m) => m.teacherId === second!.teacherId)).toMatchObject({ source: 'locked', toSchoolId: second!.toSchoolId });
    expect(after.find((m) => m.teacherId === extra.teacherId)).toMatchObject({ source: 'manual', toSchoolId: target });
    expect(plan.exclusions.map((x) => x.reason)).toEqual(['本人承担毕业班教学']);
  }, 120_000);

  it('runs the workflow: schools review their own moves, the teacher acknowledges, approval executes', async () => {
    const before = json<IndicatorList>(await staff.get('/api/v1/indicators?year=2025'));
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/transition`, { action: 'submit_review' }));
    const moves = json<RotationMovePage>(await staff.get(`/api/v1/rotation/plans/${plan.id}/moves?pageSize=200`)).items;
    const m = moves[0]!;
    const fromAdmin = await clientAs(t, [{ role: 'school_admin', schoolId: m.fromSchoolId }]);
    const mine = json<RotationMovePage>(await fromAdmin.get('/api/v1/rotation/school-moves?pageSize=200'));
    expect(mine.items.every((x) => x.fromSchoolId === m.fromSchoolId || x.toSchoolId === m.fromSchoolId)).toBe(true);
    json(await fromAdmin.post(`/api/v1/rotation/moves/${m.id}/review`, { decision: 'objected' }), 400);
    const stranger = moves.find((x) => x.fromSchoolId !== m.fromSchoolId && x.toSchoolId !== m.fromSchoolId)!;
    json(await fromAdmin.post(`/api/v1/rotation/moves/${stranger.id}/review`, { decision: 'accepted' }), 404);
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/transition`, { action: 'notify_teachers' }), 409);
    // Every school accepts (one admin per school involved).
    const schoolIds = [...new Set(moves.flatMap((x) => [x.fromSchoolId, x.toSchoolId]))];
    for (const id of schoolIds) {
      const admin = await clientAs(t, [{ role: 'school_admin', schoolId: id }]);
      const list = json<RotationMovePage>(await admin.get('/api/v1/rotation/school-moves?pageSize=200'));
      for (const x of list.items) json(await admin.post(`/api/v1/rotation/moves/${x.id}/review`, { decision: 'accepted' }));
    }
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/transition`, { action: 'notify_teachers' }));
    const u = await createUser(t.database, [{ role: 'teacher' }], { teacherId: m.teacherId });
    const teacher = await signIn(t.app, u.username);
    const own = json<RotationMovePage>(await teacher.get('/api/v1/rotation/my-moves'));
    expect(own.items.map((x) => x.teacherId)).toEqual([m.teacherId]);
    json(await teacher.post(`/api/v1/rotation/moves/${m.id}/acknowledge`));
    json(await teacher.post(`/api/v1/rotation/moves/${moves[1]!.id}/acknowledge`), 404);
    json(await staff.post(`/api/v1/rotation/plans/${plan.id}/transition`, { action: 'request_approval' }));
    const done = json<RotationPlanDetail>(await staff.post(`/api/v1/rotation/plans/${plan.id}/transition`, { action: 'approve' }));
    expect(done.state).toBe('executed');
    const rows = await t.database.db
      .selectFrom('rotation_move as r')
      .innerJoin('teacher_assignment as a', 'a.id', 'r.assignment_id')
      .select(['a.kind', 'a.valid_from', 'a.school_id', 'r.to_school_id'])
      .where('r.plan_id', '=', plan.id)
      .execute();
    expect(rows).toHaveLength(moves.length);
    expect(rows.every((x) => x.valid_from === '2025-09-01' && x.school_id === x.to_school_id && x.kind === 'full')).toBe(true);
    const audit = await t.database.db.selectFrom('audit_log').select('summary').where('action', '=', 'rotation.plan.execute').execute();
    expect(audit).toHaveLength(1);
    // The indicators see the new assignments (fingerprint) and the 骨干 CV follows the plan.
    const after = json<IndicatorList>(await staff.get('/api/v1/indicators?year=2025'));
    for (const term of done.result!.cv.filter((c) => c.indicator === 'backbone')) {
      expect(backboneCv(before, term.stage)).toBeCloseTo(term.before!, 6);
      expect(backboneCv(after, term.stage)).toBeCloseTo(term.after!, 6);
    }
    const report = json<RotationReport>(await staff.get('/api/v1/rotation/reports'));
    expect(report.byYear.find((r) => r.year === 2025)!.rotated).toBe(moves.length);
    // The 优质均衡 rotation share counts the executed (full) moves too.
    const share = (list: IndicatorList) => list.items.find((v) => v.code === 'teachers.rotation_share' && v.level === 'district')!;
    expect(share(after).numerator! - share(before).numerator!).toBe(moves.length);
  }, 180_000);

  it('refuses writers outside 教师科 and malformed input', async () => {
    const other = await clientAs(t, [{ role: 'district_staff', office: '督导室' }]);
    json(await other.post('/api/v1/rotation/plans', { year: 2025, title: 'x', effectiveFrom: '2025-09-01' }), 403);
    json(await other.get('/api/v1/rotation/plans'));
    json(await staff.post('/api/v1/rotation/plans', { year: 'abc' }), 400);
    json(await staff.get('/api/v1/rotation/plans/99999'), 404);
    const school = await clientAs(t, [{ role: 'school_admin', schoolId: plan.id }]);
    json(await school.get('/api/v1/rotation/plans'), 403);
  });
});
