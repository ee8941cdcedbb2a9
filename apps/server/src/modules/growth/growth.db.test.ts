/**
 * Teacher growth through the API with permission scoping: the annual test import (all or nothing, row
 * errors in Chinese) and who sees results (the teacher their own, a school its own, the 教师科 all, no one
 * else); studios (the 教师科 sets up, the host records activities, only members attend); expert teams
 * (rural pairing checked against the 城乡 code); a selection round from application (self and school
 * nomination, ethics restriction refused) through review (no scoring of one's own application),
 * consolidation, manual adjustment with a reason and publication; the views; audit rows.
 */
import type {
  ApplicationRow,
  Page,
  GrowthDashboard,
  RoundDetail,
  SchoolDevelopment,
  StudioDetail,
  TeacherGrowth,
  TeamDetail,
  TestAnalysis,
  TestImportResult,
  TestScoreRow,
} from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool, buildTeacher } from '../../../test/factories.ts';
import { buildXlsx, multipart } from '../../../test/xlsx.ts';

let t: TestApp;
let manager: TestClient;
let supervisionStaff: TestClient;
let adminA: TestClient;
let adminB: TestClient;
let teacherA: TestClient;
let teacherB: TestClient;
let schoolA: { id: number; name: string };
let schoolB: { id: number; name: string };
let tA1: { id: number; idNumber: string };
let tA2: { id: number; idNumber: string };
let tB1: { id: number; idNumber: string };
let reviewerIds: number[] = [];
let reviewers: TestClient[] = [];

const json = <T>(r: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  if (r.statusCode !== status) throw new Error(`expected ${status}, got ${r.statusCode}: ${r.body}`);
  return r.json() as T;
};
const upload = (client: TestClient, url: string, file: Buffer) => {
  const m = multipart('scores.xlsx', file);
  return client.inject({ method: 'POST', url, payload: m.payload, headers: m.headers });
};

beforeAll(async () => {
  t = await createTestApp();
  schoolA = await buildSchool(t.database, t.districtId, { name: '测试乡村小学' });
  schoolB = await buildSchool(t.database, t.districtId, { name: '测试城区小学' });
  await t.database.db.updateTable('school_version').set({ urban_rural_code: '220' }).where('school_id', '=', schoolA.id).execute();
  tA1 = await buildTeacher(t.database, schoolA.id, { name: '甲一', subject: '语文' });
  tA2 = await buildTeacher(t.database, schoolA.id, { name: '甲二', subject: '数学' });
  tB1 = await buildTeacher(t.database, schoolB.id, { name: '乙一', subject: '语文' });
  manager = await signInAs(t, [{ role: 'district_staff', office: '教师科' }]);
  supervisionStaff = await signInAs(t, [{ role: 'district_staff', office: '督导室' }]);
  adminA = await signInAs(t, [{ role: 'school_admin', schoolId: schoolA.id }]);
  adminB = await signInAs(t, [{ role: 'school_admin', schoolId: schoolB.id }]);
  teacherA = await signInAs(t, [{ role: 'teacher', schoolId: schoolA.id }], tA1.id);
  teacherB = await signInAs(t, [{ role: 'teacher', schoolId: schoolB.id }], tB1.id);
  for (let i = 0; i < 4; i += 1) {
    const u = await createUser(t.database, [{ role: 'district_staff', office: '教师科' }]);
    reviewerIds.push(u.id);
    reviewers.push(await signIn(t.app, u.username));
  }
  // teacher B's account reviews as well (a teacher account may review, but never their own application)
  const bUser = await t.database.db.selectFrom('app_user').select('id').where('teacher_id', '=', tB1.id).executeTakeFirstOrThrow();
  reviewerIds = [...reviewerIds, bUser.id];
  reviewers = [...reviewers, teacherB];
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('annual test', () => {
  it('refuses a file with any wrong row and writes nothing', async () => {
    const file = await buildXlsx(
      ['身份证号', '姓名', '考核学科', '总分', '学科知识', '教学设计', '课堂实施', '教育理论', '信息技术应用'],
      [
        [tA1.idNumber, '甲一', '语文', 80, 32, 16, 16, 8, 8],
        [tA2.idNumber, '错名', '数学', 70],
        ['110101199003070000', '', '语文', 70],
        [tB1.idNumber, '乙一', '语文', 101],
        [tA1.idNumber, '甲一', '语文', 60],
      ],
    );
    const r = json<TestImportResult>(await upload(manager, '/api/v1/growth/tests/import?year=2025', file));
    expect(r.imported).toBe(0);
    const messages = r.errors.map((e) => `${e.row}:${e.message}`);
    expect(messages).toContain('3:姓名“错名”与教师档案（甲二）不一致');
    expect(messages.some((m) => m.startsWith('4:身份证号'))).toBe(true);
    expect(messages).toContain('5:总分不能大于 100');
    expect(messages).toContain('6:与第 2 行是同一位教师');
    const n = await t.database.db
      .selectFrom('growth_test_score')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('imports two years, replaces on re-import, and checks that the areas add up', async () => {
    const y2024 = await buildXlsx(
      ['身份证号', '考核学科', '总分', '学科知识', '教学设计'],
      [
        [tA1.idNumber, '语文', 70, 30, 12],
        [tA2.idNumber, '数学', 60, 25, 10],
        [tB1.idNumber, '语文', 90, 38, 18],
      ],
    );
    expect(json<TestImportResult>(await upload(manager, '/api/v1/growth/tests/import?year=2024', y2024))).toMatchObject({
      imported: 3,
      replaced: 0,
    });
    const bad = await buildXlsx(
      ['身份证号', '考核学科', '总分', '学科知识', '教学设计', '课堂实施', '教育理论', '信息技术应用'],
      [[tA1.idNumber, '语文', 90, 32, 16, 16, 8, 8]],
    );
    expect(json<TestImportResult>(await upload(manager, '/api/v1/growth/tests/import?year=2025', bad)).errors[0]!.message).toBe(
      '各分项之和 80 与总分 90 不一致',
    );
    const y2025 = await buildXlsx(
      ['身份证号', '考核学科', '总分', '学科知识', '教学设计'],
      [
        [tA1.idNumber, '语文', 80, 33, 14],
        [tA2.idNumber, '数学', 55, 24, 8],
        [tB1.idNumber, '语文', 91, 38, 18],
      ],
    );
    expect(json<TestImportResult>(await upload(manager, '/api/v1/growth/tests/import?year=2025', y2025))).toMatchObject({
      imported: 3,
      replaced: 0,
    });
    expect(json<TestImportResult>(await upload(manager, '/api/v1/growth/tests/import?year=2025', y2025))).toMatchObject({
      imported: 3,
      replaced: 3,
    });
    expect((await upload(adminA, '/api/v1/growth/tests/import?year=2025', y2025)).statusCode).toBe(403);
    const audit = await t.database.db.selectFrom('audit_log').select('summary').where('action', '=', 'growth.test.import').execute();
    expect(audit).toHaveLength(3);
  });

  it('shows results to the teacher, their school and the 教师科 only', async () => {
    const all = json<TestAnalysis>(await manager.get('/api/v1/growth/tests/analysis'));
    expect(all).toMatchObject({ year: 2025, previousYear: 2024, scopeLabel: '全区' });
    expect(all.overall).toMatchObject({ count: 3, mean: 75.3, change: 2 });
    expect(all.bySchool).toHaveLength(2);
    expect(all.changeSummary).toMatchObject({ compared: 3, improved: 2, declined: 1 });
    const a = json<TestAnalysis>(await adminA.get('/api/v1/growth/tests/analysis'));
    expect(a.scopeLabel).toBe('本校');
    expect(a.bySchool.map((g) => g.label)).toEqual([schoolA.name]);
    const scoresA = json<Page<TestScoreRow>>(await adminA.get('/api/v1/growth/tests/scores'));
    expect(scoresA.items.map((r) => [r.teacher.name, r.total, r.previous, r.change])).toEqual([
      ['甲一', 80, 70, 10],
      ['甲二', 55, 60, -5],
    ]);
    const mine = json<Page<TestScoreRow>>(await teacherA.get('/api/v1/growth/tests/scores'));
    expect(mine.items.map((r) => r.teacher.id)).toEqual([tA1.id]);
    expect((await supervisionStaff.get('/api/v1/growth/tests/analysis')).statusCode).toBe(403);
    const g = json<TeacherGrowth>(await teacherA.get('/api/v1/growth/me'));
    expect(g.tests.map((x) => [x.year, x.total, x.change])).toEqual([
      [2024, 70, null],
      [2025, 80, 10],
    ]);
    expect(g.tests[1]!.schoolMean).toBe(67.5);
    expect((await teacherA.get(`/api/v1/growth/teachers/${tB1.id}`)).statusCode).toBe(404);
    expect((await adminA.get(`/api/v1/growth/teachers/${tB1.id}`)).statusCode).toBe(404);
    const seenBySupervision = json<TeacherGrowth>(await supervisionStaff.get(`/api/v1/growth/teachers/${tA1.id}`));
    expect(seenBySupervision).toMatchObject({ testsVisible: false, tests: [] });
    const school = json<SchoolDevelopment>(await adminA.get(`/api/v1/growth/schools/${schoolA.id}`));
    expect(school.test).toMatchObject({ visible: true, year: 2025, tested: 2, mean: 67.5, change: 2.5 });
    expect((await adminA.get(`/api/v1/growth/schools/${schoolB.id}`)).statusCode).toBe(404);
  });
});

describe('studios and expert teams', () => {
  let studioId: number;
  it('the 教师科 sets up a studio; the host records activities of members only', async () => {
    const input = {
      name: '甲一语文名师工作室',
      kind: 'teacher',
      subject: '语文',
      hostTeacherId: tA1.id,
      termStart: '2025-09-01',
      termEnd: '2028-08-31',
      goals: '培养骨干 3 名',
      memberIds: [tB1.id],
    };
    expect((await adminA.post('/api/v1/growth/studios', input)).statusCode).toBe(403);
    expect((await manager.post('/api/v1/growth/studios', { ...input, termEnd: '2025-01-01' })).statusCode).toBe(400);
    const s = json<StudioDetail>(await manager.post('/api/v1/growth/studios', input));
    studioId = s.id;
    expect(s.memberList.map((m) => [m.name, m.isHost])).toEqual([
      ['甲一', true],
      ['乙一', false],
    ]);
    expect(s.canManage).toBe(true);
    const activity = {
      kind: 'research_lesson',
      title: '大单元研究课',
      heldOn: '2026-10-10',
      attendeeIds: [tA1.id, tB1.id],
      outputs: [{ kind: 'lesson', title: '课例一', link: '' }],
    };
    expect((await teacherB.post(`/api/v1/growth/studios/${studioId}/activities`, activity)).statusCode).toBe(403);
    expect((await teacherA.post(`/api/v1/growth/studios/${studioId}/activities`, { ...activity, attendeeIds: [tA2.id] })).statusCode).toBe(
      400,
    );
    expect((await teacherA.post(`/api/v1/growth/studios/${studioId}/activities`, { ...activity, heldOn: '2030-01-01' })).statusCode).toBe(
      400,
    );
    const after = json<StudioDetail>(await teacherA.post(`/api/v1/growth/studios/${studioId}/activities`, activity));
    expect(after).toMatchObject({ activitiesThisYear: 1, outputsThisYear: 1 });
    expect(after.memberList.find((m) => m.id === tB1.id)!.attended).toBe(1);
    const reviewed = json<StudioDetail>(
      await manager.post(`/api/v1/growth/studios/${studioId}/reviews`, { year: 2026, rating: 'good', summary: '完成年度目标' }),
    );
    expect(reviewed.reviews[0]).toMatchObject({ year: 2026, ratingLabel: '良好', activities: 1, outputs: 1 });
    const g = json<TeacherGrowth>(await teacherB.get('/api/v1/growth/me'));
    expect(g.studios[0]).toMatchObject({ name: '甲一语文名师工作室', isHost: false, activitiesAttended: 1, outputs: 1 });
  });

  it('pairs an expert team with a rural school (城乡 code checked) and records visits', async () => {
    const input = {
      name: '乙一专家团队',
      leadTeacherId: tB1.id,
      memberIds: [],
      pairedSchoolId: schoolB.id,
      pairingReason: 'rural',
      startedOn: '2025-09-01',
    };
    expect(json<{ error: { message: string } }>(await manager.post('/api/v1/growth/teams', input), 400).error.message).toContain(
      '不是农村学校',
    );
    expect((await manager.post('/api/v1/growth/teams', { ...input, memberIds: [tA1.id], pairedSchoolId: schoolA.id })).statusCode).toBe(
      400,
    );
    expect((await manager.post('/api/v1/growth/teams', { ...input, pairingReason: 'weak' })).statusCode).toBe(400);
    const team = json<TeamDetail>(await manager.post('/api/v1/growth/teams', { ...input, pairedSchoolId: schoolA.id }));
    expect(team.pairedSchool).toMatchObject({ isRural: true, urbanRuralLabel: '村庄' });
    expect(team.indicatorNote).toContain('学年');
    const visited = json<TeamDetail>(
      await teacherB.post(`/api/v1/growth/teams/${team.id}/visits`, {
        visitedOn: '2026-10-20',
        kind: 'demonstration',
        content: '送教示范课',
        participants: 12,
      }),
    );
    expect(visited.visitList).toHaveLength(1);
    expect(
      (await teacherA.post(`/api/v1/growth/teams/${team.id}/visits`, { visitedOn: '2026-10-20', kind: 'lecture', content: 'x' }))
        .statusCode,
    ).toBe(403);
    const d = json<GrowthDashboard>(await manager.get('/api/v1/growth/dashboard?year=2026'));
    expect(d.teams).toMatchObject({ total: 1, ruralSchools: 1, ruralPaired: 1 });
    expect(d.targets.find((x) => x.key === 'rural_coverage')).toMatchObject({ actual: 100, target: 100, progress: 100 });
    expect(d.targets.find((x) => x.key === 'studios')).toMatchObject({ actual: 1, target: 29 });
    expect((await adminA.get('/api/v1/growth/dashboard')).statusCode).toBe(403);
  });

  it('the 教师科 corrects and ends a studio within its records, and ends a pairing after its last visit', async () => {
    const url = `/api/v1/growth/studios/${studioId}`;
    const base = json<StudioDetail>(await manager.get(url));
    const edit = {
      name: base.name,
      kind: base.kind,
      subject: base.subject,
      termStart: base.termStart,
      termEnd: base.termEnd,
      goals: '培养骨干 3 名，研究课 6 节',
    };
    const refused = async (client: TestClient, body: unknown, text: string) =>
      expect(json<{ error: { message: string } }>(await client.patch(url, body), 400).error.message).toContain(text);
    expect((await teacherA.patch(url, edit)).statusCode).toBe(403);
    expect((await manager.patch(url, {})).statusCode).toBe(400);
    await refused(manager, { ...edit, termStart: '2026-10-11' }, '任期开始晚于已记录的活动（2026-10-10）');
    await refused(manager, { ...edit, termEnd: '2026-10-09' }, '任期结束早于已记录的活动（2026-10-10）');
    json(await manager.post(`/api/v1/growth/studios/${studioId}/reviews`, { year: 2025, rating: 'pass', summary: '起步' }));
    await refused(manager, { ...edit, termStart: '2026-01-01' }, '已有 2025 年度考核');
    // A term end before today ends the studio; nothing is recorded after it.
    const ended = json<StudioDetail>(await manager.patch(url, { ...edit, termEnd: '2026-11-20' }));
    expect(ended).toMatchObject({ termEnd: '2026-11-20', isActive: false, goals: '培养骨干 3 名，研究课 6 节' });
    const activity = { kind: 'lecture', title: '结束后的讲座', heldOn: '2026-11-21', attendeeIds: [tA1.id] };
    expect(json<{ error: { message: string } }>(await teacherA.post(`${url}/activities`, activity), 400).error.message).toContain(
      '活动日期晚于工作室任期',
    );
    expect((await manager.post(`${url}/members`, { teacherIds: [tA2.id], joinedOn: '2026-11-21' })).statusCode).toBe(400);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['summary', 'before'])
      .where('action', '=', 'growth.studio.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toContain('于 2026-11-20 结束');
    expect(JSON.stringify(audit[0]!.before)).toContain('2028-08-31');

    const [team] = json<Page<TeamDetail>>(await manager.get('/api/v1/growth/teams')).items;
    const end = (client: TestClient, endedOn: string) => client.post(`/api/v1/growth/teams/${team!.id}/end`, { endedOn });
    const endRefused = async (endedOn: string, text: string) =>
      expect(json<{ error: { message: string } }>(await end(manager, endedOn), 400).error.message).toContain(text);
    expect((await end(teacherB, '2026-11-01')).statusCode).toBe(403);
    expect((await manager.post(`/api/v1/growth/teams/${team!.id}/end`, { endedOn: '11/01/2026' })).statusCode).toBe(400);
    await endRefused('2026-12-01', '不能晚于今天');
    await endRefused('2025-08-01', '早于结对开始日期');
    await endRefused('2026-10-19', '早于最后一次帮扶（2026-10-20）');
    expect(json<TeamDetail>(await end(manager, '2026-11-01')).endedOn).toBe('2026-11-01');
    await endRefused('2026-11-02', '该结对已于 2026-11-01 结束');
    const visit = (visitedOn: string) =>
      teacherB.post(`/api/v1/growth/teams/${team!.id}/visits`, { visitedOn, kind: 'lecture', content: '专题讲座' });
    expect(json<{ error: { message: string } }>(await visit('2026-11-10'), 400).error.message).toContain('结对已于 2026-11-01 结束');
    // A visit made before the end may still be recorded late.
    expect(json<TeamDetail>(await visit('2026-10-25')).visitList).toHaveLength(2);
    expect(json<Page<TeamDetail>>(await manager.get('/api/v1/growth/teams?state=current')).items).toEqual([]);
    expect(json<Page<TeamDetail>>(await manager.get('/api/v1/growth/teams?state=ended')).items.map((x) => x.endedOn)).toEqual([
      '2026-11-01',
    ]);
    expect((await manager.get('/api/v1/growth/teams?state=paused')).statusCode).toBe(400);
    const actions = await t.database.db.selectFrom('audit_log').select('summary').where('action', '=', 'growth.team.end').execute();
    expect(actions.map((a) => a.summary)).toEqual([expect.stringContaining('结对于 2026-11-01 结束')]);
  });
});

describe('a selection round', () => {
  let roundId: number;
  it('takes applications from the teacher and the school, refusing restricted teachers and other schools', async () => {
    const round = json<RoundDetail>(
      await manager.post('/api/v1/growth/rounds', {
        year: 2026,
        kind: 'demo_lesson',
        name: '2026年度区级示范课评选',
        target: 1,
        opensOn: '2026-11-01',
        closesOn: '2026-12-15',
      }),
    );
    roundId = round.id;
    expect(
      (
        await manager.post('/api/v1/growth/rounds', {
          year: 2026,
          kind: 'demo_lesson',
          name: 'x',
          target: 1,
          opensOn: '2026-11-01',
          closesOn: '2026-12-15',
        })
      ).statusCode,
    ).toBe(409);
    const forA = json<RoundDetail>(await teacherA.get(`/api/v1/growth/rounds/${roundId}`));
    expect(forA).toMatchObject({ canApplySelf: true, isWindowOpen: true, reviewers: [] });
    const prefill = json<{ teacher: { name: string; subject: string }; latestTest: { total: number } | null }>(
      await teacherA.get(`/api/v1/growth/rounds/${roundId}/prefill`),
    );
    expect(prefill).toMatchObject({ teacher: { name: '甲一', subject: '语文' }, latestTest: { year: 2025, total: 80 } });
    expect((await teacherA.post(`/api/v1/growth/rounds/${roundId}/applications`, {})).statusCode).toBe(400);
    const own = json<ApplicationRow>(await teacherA.post(`/api/v1/growth/rounds/${roundId}/applications`, { title: '《春》' }));
    expect(own).toMatchObject({ source: 'self', subject: '语文', finalScore: null });
    expect((await teacherA.post(`/api/v1/growth/rounds/${roundId}/applications`, { title: '《春》' })).statusCode).toBe(409);
    expect((await adminA.post(`/api/v1/growth/rounds/${roundId}/applications`, { teacherId: tB1.id, title: 'x' })).statusCode).toBe(404);
    expect(
      json<ApplicationRow>(await adminB.post(`/api/v1/growth/rounds/${roundId}/applications`, { teacherId: tB1.id, title: '《秋》' })),
    ).toMatchObject({ source: 'school' });
    // 甲二 is under a 师德 restriction that blocks demonstration lessons.
    const c = await t.database.db
      .insertInto('ethics_case')
      .values({
        source: 'office',
        rules_version: '教师〔2018〕18号',
        is_anonymous: false,
        reported_name_enc: 'x',
        content_enc: 'x',
        received_on: '2026-03-01',
        triage_due: '2026-03-08',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('ethics_restriction')
      .values({
        teacher_id: tA2.id,
        case_id: c.id,
        kind: 'penalty',
        label: '记过处分',
        purposes: ['demo_lesson', 'teaching_expert'],
        starts_on: '2026-03-01',
        ends_on: '2027-02-28',
        original_ends_on: null,
        revoked_on: null,
      })
      .execute();
    const refused = json<{ error: { message: string } }>(
      await adminA.post(`/api/v1/growth/rounds/${roundId}/applications`, { teacherId: tA2.id, title: 'x' }),
      409,
    );
    expect(refused.error.message).toContain('师德');
    // the school sees only its own teachers' applications before publication
    const seenByB = json<Page<ApplicationRow>>(await adminB.get(`/api/v1/growth/rounds/${roundId}/applications`));
    expect(seenByB.items.map((a) => a.teacher.name)).toEqual(['乙一']);
  });

  it('is reviewed, consolidated, adjusted with a reason and published', async () => {
    expect((await reviewers[0]!.put(`/api/v1/growth/applications/1/score`, { score: 80 })).statusCode).toBe(403);
    json<RoundDetail>(await manager.put(`/api/v1/growth/rounds/${roundId}/reviewers`, { userIds: reviewerIds }));
    const apps = json<Page<ApplicationRow>>(await manager.get(`/api/v1/growth/rounds/${roundId}/applications`));
    const a1 = apps.items.find((a) => a.teacher.id === tA1.id)!;
    const b1 = apps.items.find((a) => a.teacher.id === tB1.id)!;
    expect((await reviewers[0]!.put(`/api/v1/growth/applications/${a1.id}/score`, { score: 80 })).statusCode).toBe(409);
    json<RoundDetail>(await manager.post(`/api/v1/growth/rounds/${roundId}/actions`, { action: 'close' }));
    expect((await teacherB.put(`/api/v1/growth/applications/${b1.id}/score`, { score: 99 })).statusCode).toBe(403);
    expect((await reviewers[0]!.put(`/api/v1/growth/applications/${a1.id}/score`, { score: 120 })).statusCode).toBe(400);
    const scoresA = [60, 85, 86, 87, 99];
    for (const [i, r] of reviewers.entries())
      json<ApplicationRow>(await r.put(`/api/v1/growth/applications/${a1.id}/score`, { score: scoresA[i] }));
    for (const r of reviewers.slice(0, 4)) json<ApplicationRow>(await r.put(`/api/v1/growth/applications/${b1.id}/score`, { score: 90 }));
    json<RoundDetail>(await manager.post(`/api/v1/growth/rounds/${roundId}/actions`, { action: 'consolidate' }));
    let list = json<Page<ApplicationRow>>(await manager.get(`/api/v1/growth/rounds/${roundId}/applications`)).items;
    // five scores: drop 60 and 99, mean of 85, 86, 87; four scores: plain mean
    expect(list.find((a) => a.id === a1.id)).toMatchObject({ finalScore: 86, rank: 2, isSelected: false });
    expect(list.find((a) => a.id === b1.id)).toMatchObject({ finalScore: 90, rank: 1, isSelected: true });
    expect((await manager.put(`/api/v1/growth/applications/${a1.id}/adjustment`, { adjustment: 'include', reason: '' })).statusCode).toBe(
      400,
    );
    json<ApplicationRow>(
      await manager.put(`/api/v1/growth/applications/${a1.id}/adjustment`, { adjustment: 'include', reason: '农村学校教师，课例示范性强' }),
    );
    // scores stay hidden from the school and the teacher until publication
    const beforePublish = json<Page<ApplicationRow>>(await teacherA.get(`/api/v1/growth/rounds/${roundId}/applications`)).items;
    expect(beforePublish).toHaveLength(1);
    expect(beforePublish[0]).toMatchObject({ finalScore: null, rank: null });
    json<RoundDetail>(await manager.post(`/api/v1/growth/rounds/${roundId}/actions`, { action: 'publish' }));
    list = json<Page<ApplicationRow>>(await supervisionStaff.get(`/api/v1/growth/rounds/${roundId}/applications?selected=true`)).items;
    expect(list.map((a) => a.teacher.name).sort()).toEqual(['乙一', '甲一']);
    expect(list.every((a) => a.finalScore === null)).toBe(true);
    const g = json<TeacherGrowth>(await teacherA.get('/api/v1/growth/me'));
    expect(g.selections[0]).toMatchObject({ isSelected: true, finalScore: 86, roundState: 'published' });
    const d = json<GrowthDashboard>(await manager.get('/api/v1/growth/dashboard?year=2026'));
    expect(d.targets.find((x) => x.key === 'demo_lessons')).toMatchObject({ actual: 2 });
    const actions = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'growth.%').execute();
    for (const a of [
      'growth.round.create',
      'growth.application.submit',
      'growth.application.score',
      'growth.application.adjust',
      'growth.round.publish',
      'growth.studio.activity',
      'growth.team.visit',
    ])
      expect(actions.map((x) => x.action)).toContain(a);
  });

  it('answers 400 to malformed input and 404 to unknown records', async () => {
    expect((await manager.post('/api/v1/growth/rounds', { year: 'x' })).statusCode).toBe(400);
    expect((await manager.get('/api/v1/growth/studios/99999')).statusCode).toBe(404);
    expect((await manager.get('/api/v1/growth/dashboard/drill?metric=nope')).statusCode).toBe(400);
    const drill = json<{ total: number; items: { name: string }[] }>(
      await manager.get('/api/v1/growth/dashboard/drill?metric=demo_lessons&year=2026'),
    );
    expect(drill.items.map((x) => x.name).sort()).toEqual(['乙一', '甲一']);
  });
});

describe('exports', () => {
  it('exports studios, teams, a round and test scores as xlsx within the caller’s reach', async () => {
    for (const url of [
      '/api/v1/growth/studios/export',
      '/api/v1/growth/teams/export',
      '/api/v1/growth/rounds/1/applications/export',
      '/api/v1/growth/tests/scores/export?year=2025',
    ]) {
      const r = await manager.get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
    }
    expect((await supervisionStaff.get('/api/v1/growth/tests/scores/export?year=2025')).statusCode).toBe(403);
  });
});
