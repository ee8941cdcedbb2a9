/**
 * A round through the API from call to city results: a school prepares and submits an application
 * with a team member from another school; who sees it (the teacher their own, a school only its own,
 * 404 outside); formal check; reviewer assignment with conflicts of interest (own school, past school
 * within the lookback, authors) refused by hand and avoided by the seeded draw; blind scoring (no names
 * or school; attachments only through the assignment); consolidation dropping the highest and lowest;
 * the 公示 with an objection decided; the final list; recommendation and city results; audit rows.
 */
import type {
  AwardApplicationDetail,
  AwardAssignmentBoard,
  AwardCallDetail,
  AwardDrawResult,
  AwardNotice,
  AwardRanking,
  AwardReviewSheet,
  Page,
  AwardApplicationSummary,
  AwardObjection,
  TeacherAwards,
} from '@zhiping/contracts';
import { AWARD_RULES_2021, DEFAULT_AWARD_RUBRIC } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signIn, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool, buildTeacher } from '../../../test/factories.ts';
import { ok } from '../evaluations/evaluation-test-support.ts';

let t: TestApp;
let manager: TestClient;
let reader: TestClient;
let school1: TestClient;
let school2: TestClient;
let leadTeacher: TestClient;
let otherTeacher: TestClient;
let schools: { id: number }[];
let lead: { id: number };
let member: { id: number };
const experts: { expertId: number; client: TestClient }[] = [];
let callId = 0;
let appId = 0;

const expectStatus = async (res: Promise<{ statusCode: number; body: string }>, status: number) => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r;
};

beforeAll(async () => {
  t = await createTestApp();
  schools = [];
  for (let i = 0; i < 3; i += 1) schools.push(await buildSchool(t.database, t.districtId));
  lead = await buildTeacher(t.database, schools[0]!.id, { name: '主持人甲' });
  member = await buildTeacher(t.database, schools[1]!.id, { name: '成员乙' });
  const other = await buildTeacher(t.database, schools[0]!.id, { name: '同事丙' });
  manager = await signIn(t.app, (await createUser(t.database, [{ role: 'district_staff', office: '教师科' }])).username);
  reader = await signIn(t.app, (await createUser(t.database, [{ role: 'district_staff', office: '督导室' }])).username);
  school1 = await signIn(t.app, (await createUser(t.database, [{ role: 'school_admin', schoolId: schools[0]!.id }])).username);
  school2 = await signIn(t.app, (await createUser(t.database, [{ role: 'school_admin', schoolId: schools[1]!.id }])).username);
  leadTeacher = await signIn(
    t.app,
    (await createUser(t.database, [{ role: 'teacher', schoolId: schools[0]!.id }], { teacherId: lead.id })).username,
  );
  otherTeacher = await signIn(
    t.app,
    (await createUser(t.database, [{ role: 'teacher', schoolId: schools[0]!.id }], { teacherId: other.id })).username,
  );
  // Experts: #0 at the lead's school, #1 formerly at the member's school (left 2024-06-30), #2..#6 elsewhere.
  for (let i = 0; i < 7; i += 1) {
    const schoolId = i === 0 ? schools[0]!.id : schools[2]!.id;
    const teacher = await buildTeacher(t.database, schoolId, { name: `专家${i}` });
    if (i === 1)
      await t.database.db
        .insertInto('teacher_assignment')
        .values({
          teacher_id: teacher.id,
          school_id: schools[1]!.id,
          home_school_id: null,
          kind: 'full',
          valid_from: '2015-09-01',
          valid_to: '2024-06-30',
          reason: '调出前任职',
        })
        .execute();
    const u = await createUser(t.database, [{ role: 'teacher', schoolId }], { teacherId: teacher.id, username: `expert${i}` });
    const e = await ok<{ id: number }>(manager.post('/api/v1/awards/experts', { username: u.username, specialty: '小学语文' }));
    experts.push({ expertId: e.id, client: await signIn(t.app, u.username) });
  }
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('teaching-achievement awards: a round end to end', () => {
  it('the 教师科 creates and opens a round; others may not', async () => {
    const input = {
      year: 2026,
      title: '2026年度区教育教学成果奖',
      notice: '申报通知',
      applicationsOpenOn: '2026-10-08',
      applicationsDueOn: '2026-11-05',
      reviewDueOn: '2026-11-20',
      rules: AWARD_RULES_2021,
      rubric: DEFAULT_AWARD_RUBRIC,
    };
    await expectStatus(school1.post('/api/v1/awards/calls', input), 403);
    await expectStatus(manager.post('/api/v1/awards/calls', { ...input, rubric: [] }), 400);
    await expectStatus(manager.post('/api/v1/awards/calls', { ...input, reviewDueOn: '2026-11-01' }), 400);
    const call = await ok<AwardCallDetail>(manager.post('/api/v1/awards/calls', input));
    callId = call.id;
    expect(call.state).toBe('draft');
    const list = await ok<Page<unknown>>(school1.get('/api/v1/awards/calls'));
    expect(list.total).toBe(0);
    const opened = await ok<AwardCallDetail>(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'open' }));
    expect(opened.state).toBe('open');
    expect((await ok<AwardCallDetail>(school1.get(`/api/v1/awards/calls/${callId}`))).canApply).toBe(true);
  });

  it('a school prepares, uploads and submits; scope: the teacher sees their own, another school nothing', async () => {
    const input = {
      callId,
      leadTeacherId: lead.id,
      memberTeacherIds: [member.id],
      title: '小学语文大单元教学的实践研究',
      field: '基础教育',
      stage: '小学',
      subject: '语文',
      summary: '历时四年，在全区二十所小学开展大单元教学实践，形成课例一百余节。',
    };
    await expectStatus(school2.post('/api/v1/awards/applications', input), 403);
    await expectStatus(school1.post('/api/v1/awards/applications', { ...input, title: '' }), 400);
    const created = await ok<AwardApplicationDetail>(school1.post('/api/v1/awards/applications', input));
    appId = created.id;
    expect(created.members.map((m) => [m.name, m.isLead])).toEqual([
      ['主持人甲', true],
      ['成员乙', false],
    ]);
    await expectStatus(school1.post(`/api/v1/awards/applications/${appId}/submission`, { action: 'submit' }), 409);
    const boundary = 'awardsboundary';
    const upload = await school1.inject({
      method: 'POST',
      url: `/api/v1/awards/applications/${appId}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="主持人甲-成果报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 report\r\n--${boundary}--\r\n`,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const submitted = await ok<AwardApplicationDetail>(
      school1.post(`/api/v1/awards/applications/${appId}/submission`, { action: 'submit' }),
    );
    expect(submitted.status).toBe('submitted');

    expect((await ok<Page<AwardApplicationSummary>>(leadTeacher.get('/api/v1/awards/applications'))).total).toBe(1);
    expect((await ok<Page<AwardApplicationSummary>>(otherTeacher.get('/api/v1/awards/applications'))).total).toBe(0);
    expect((await ok<Page<AwardApplicationSummary>>(school2.get('/api/v1/awards/applications'))).total).toBe(0);
    await expectStatus(school2.get(`/api/v1/awards/applications/${appId}`), 404);
    await expectStatus(otherTeacher.get(`/api/v1/awards/applications/${appId}`), 404);
    await expectStatus(otherTeacher.get(`/api/v1/awards/teachers/${lead.id}`), 404);
    expect((await ok<TeacherAwards>(leadTeacher.get(`/api/v1/awards/teachers/${lead.id}`))).items).toHaveLength(1);
    await expectStatus(leadTeacher.put(`/api/v1/awards/applications/${appId}`, input), 403);
    const book = await school1.get(`/api/v1/awards/applications.xlsx?callId=${callId}`);
    expect(book.statusCode).toBe(200);
    expect(book.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('formal check, then assignment: conflicts shown, a conflicted pick refused, the seeded draw avoids them', async () => {
    await ok(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'close_applications' }));
    await expectStatus(manager.post(`/api/v1/awards/applications/${appId}/check`, { decision: 'return', note: '' }), 400);
    await expectStatus(school1.post(`/api/v1/awards/applications/${appId}/check`, { decision: 'pass' }), 403);
    expect(
      (await ok<AwardApplicationDetail>(manager.post(`/api/v1/awards/applications/${appId}/check`, { decision: 'pass' }))).status,
    ).toBe('accepted');
    await expectStatus(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'start_review' }), 409);

    const board = await ok<AwardAssignmentBoard>(manager.get(`/api/v1/awards/calls/${callId}/assignments`));
    const conflicts = board.rows[0]!.conflicts.map((c) => [c.expertId, c.reason]);
    expect(conflicts).toEqual([
      [experts[0]!.expertId, '评审专家现任职于申报学校，须回避'],
      [experts[1]!.expertId, '评审专家曾在申报学校任职至 2024-06-30，未满 3 年，须回避'],
    ]);
    const refused = await expectStatus(
      manager.put(`/api/v1/awards/applications/${appId}/reviewers`, { expertIds: [experts[0]!.expertId] }),
      409,
    );
    expect(refused.body).toContain('须回避');

    const draw = await ok<AwardDrawResult>(manager.post(`/api/v1/awards/calls/${callId}/draw`, { seed: 7 }));
    expect(draw).toMatchObject({ seed: 7, assigned: 5, unstaffed: [] });
    const after = await ok<AwardAssignmentBoard>(manager.get(`/api/v1/awards/calls/${callId}/assignments`));
    expect(after.rows[0]!.reviewers.map((r) => r.expertId).sort()).toEqual(
      experts
        .slice(2)
        .map((e) => e.expertId)
        .sort(),
    );
    await ok(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'start_review' }));
  });

  it('experts score blind; attachments only through the assignment; consolidation drops the highest and lowest', async () => {
    const sheet = await ok<AwardReviewSheet>(experts[2]!.client.get(`/api/v1/awards/reviews/${appId}`));
    expect(JSON.stringify(sheet)).not.toMatch(/主持人甲|成员乙|测试第/);
    expect(sheet.attachments[0]!.fileName).toBe('材料1.pdf');
    const file = await experts[2]!.client.get(`/api/v1/awards/reviews/${appId}/attachments/${sheet.attachments[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).not.toContain(encodeURIComponent('主持人甲'));
    await expectStatus(experts[0]!.client.get(`/api/v1/awards/reviews/${appId}`), 404);
    await expectStatus(experts[0]!.client.get(`/api/v1/awards/reviews/${appId}/attachments/${sheet.attachments[0]!.id}`), 404);
    await expectStatus(experts[0]!.client.get(`/api/v1/awards/applications/${appId}`), 404);

    // Totals 70, 80, 85, 90, 99: drop 99 and 70 → (80 + 85 + 90) / 3 = 85.
    const totals = [70, 80, 85, 90, 99];
    await expectStatus(
      experts[2]!.client.put(`/api/v1/awards/reviews/${appId}`, { points: { C1: 31, C2: 10, C3: 10, C4: 10 }, submit: true }),
      400,
    );
    await expectStatus(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'consolidate' }), 409);
    const sheets = [
      { C1: 20, C2: 20, C3: 15, C4: 15 },
      { C1: 25, C2: 25, C3: 15, C4: 15 },
      { C1: 25, C2: 25, C3: 18, C4: 17 },
      { C1: 28, C2: 27, C3: 18, C4: 17 },
      { C1: 30, C2: 29, C3: 20, C4: 20 },
    ];
    for (let i = 0; i < 5; i += 1) {
      const total = totals[i]!;
      const points = sheets[i]!;
      const saved = await ok<AwardReviewSheet>(
        experts[i + 2]!.client.put(`/api/v1/awards/reviews/${appId}`, { points, comment: '', submit: true }),
      );
      expect(saved.total).toBe(total);
    }
    await expectStatus(experts[2]!.client.put(`/api/v1/awards/reviews/${appId}`, { points: {}, submit: false }), 409);
    await ok(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'consolidate' }));
    const ranking = await ok<AwardRanking>(manager.get(`/api/v1/awards/calls/${callId}/ranking`));
    expect(ranking.rows[0]).toMatchObject({ score: 85, rawMean: 84.8, rank: 1, grade: 'first' });
    expect(
      ranking.rows[0]!.sheets.filter((s) => s.isDropped)
        .map((s) => s.total)
        .sort(),
    ).toEqual([70, 99]);
    await expectStatus(school1.get(`/api/v1/awards/calls/${callId}/ranking`), 403);
    // Results stay hidden from the school until the 公示.
    expect((await ok<AwardApplicationDetail>(school1.get(`/api/v1/awards/applications/${appId}`))).score).toBeNull();
  });

  it('公示: anyone signed in objects while it runs; the 教师科 decides; the final list waits for the period to end', async () => {
    await expectStatus(
      manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'start_publicity', publicityStart: '2026-12-01' }),
      400,
    );
    const started = await ok<AwardCallDetail>(
      manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'start_publicity', publicityStart: '2026-11-20' }),
    );
    // Friday 11-20 + 5 working days → Thursday 11-26.
    expect([started.publicityStart, started.publicityEnd]).toEqual(['2026-11-20', '2026-11-26']);
    const notice = await ok<AwardNotice>(otherTeacher.get(`/api/v1/awards/calls/${callId}/notice`));
    expect(notice).toMatchObject({ phase: 'running', canObject: true, canDecide: false });
    expect(notice.items.map((i) => [i.leadName, i.gradeLabel])).toEqual([['主持人甲', '一等奖']]);
    await expectStatus(otherTeacher.post(`/api/v1/awards/calls/${callId}/objections`, { applicationId: appId, content: '太短' }), 400);
    const objection = await ok<AwardObjection>(
      otherTeacher.post(`/api/v1/awards/calls/${callId}/objections`, {
        applicationId: appId,
        content: '成果中的部分课例来自其他学校，请核实。',
      }),
    );
    expect((await ok<AwardNotice>(school2.get(`/api/v1/awards/calls/${callId}/notice`))).objections).toEqual([]);
    await expectStatus(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'publish_final' }), 409);
    await expectStatus(
      otherTeacher.post(`/api/v1/awards/calls/${callId}/objections/${objection.id}/decision`, { decision: 'dismissed', note: '经核实' }),
      403,
    );
    const decided = await ok<AwardObjection>(
      manager.post(`/api/v1/awards/calls/${callId}/objections/${objection.id}/decision`, {
        decision: 'dismissed',
        note: '经核实，课例为团队成员所在学校实践，异议不成立',
      }),
    );
    expect(decided.decision).toBe('dismissed');
    // Still inside the period (today 11-22, end 11-26): refused.
    const early = await expectStatus(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'publish_final' }), 409);
    expect(early.body).toContain('期满后方可公布');
  });

  it('after the period: final list, recommendation within the quota, city results, closing; all audited', async () => {
    // Time passes: the notice ran 11-09 … 11-13 (as if published earlier).
    await t.database.db
      .updateTable('award_call')
      .set({ publicity_start: '2026-11-09', publicity_end: '2026-11-13' })
      .where('id', '=', callId)
      .execute();
    await ok(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'publish_final' }));
    const xlsx = await manager.get(`/api/v1/awards/calls/${callId}/final-list.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    await expectStatus(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'recommend' }), 409);
    await ok(manager.put(`/api/v1/awards/calls/${callId}/recommendation`, { applicationIds: [appId] }));
    await ok(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'recommend' }));
    await expectStatus(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'conclude' }), 409);
    await ok(manager.put(`/api/v1/awards/calls/${callId}/city-results`, { results: [{ applicationId: appId, result: 'second' }] }));
    const done = await ok<AwardCallDetail>(manager.post(`/api/v1/awards/calls/${callId}/transitions`, { action: 'conclude' }));
    expect(done.state).toBe('concluded');
    expect(done.log.map((l) => l.action)).toEqual([
      'start',
      'open',
      'close_applications',
      'start_review',
      'consolidate',
      'start_publicity',
      'publish_final',
      'recommend',
      'conclude',
    ]);
    const mine = await ok<TeacherAwards>(leadTeacher.get(`/api/v1/awards/teachers/${lead.id}`));
    expect(mine.items[0]).toMatchObject({ gradeLabel: '一等奖', cityResultLabel: '市级二等奖', isLead: true });
    const overview = await ok<{ totals: { districtAwards: number; cityAwarded: number } }>(reader.get('/api/v1/awards/overview'));
    expect(overview.totals).toMatchObject({ districtAwards: 1, cityAwarded: 1 });
    await expectStatus(school1.get('/api/v1/awards/overview'), 403);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('action', 'like', '%award%').execute();
    const actions = new Set(audit.map((a) => a.action));
    for (const a of [
      'award.call.create',
      'award.application.create',
      'award.attachment.add',
      'award.application.submit',
      'award.application.pass',
      'award.reviewers.draw',
      'award.score.submit',
      'award.objection.file',
      'award.objection.dismissed',
      'award.recommend.set',
      'award.city.record',
      'workflow.award.call.conclude',
    ])
      expect(actions, a).toContain(a);
  });
});

describe('teaching-achievement awards: ethics restrictions', () => {
  it('a team member under a disqualification blocks submission with the reason; without them the school submits', async () => {
    const restricted = await buildTeacher(t.database, schools[0]!.id, { name: '受限丁' });
    const leadB = await buildTeacher(t.database, schools[0]!.id, { name: '主持人戊' });
    const input = {
      year: 2027,
      title: '2027年度区教育教学成果奖',
      applicationsOpenOn: '2026-10-08',
      applicationsDueOn: '2026-11-05',
      reviewDueOn: '2026-11-20',
      rules: AWARD_RULES_2021,
      rubric: DEFAULT_AWARD_RUBRIC,
    };
    const call = await ok<AwardCallDetail>(manager.post('/api/v1/awards/calls', input));
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'open' }));
    const created = await ok<AwardApplicationDetail>(
      school1.post('/api/v1/awards/applications', {
        callId: call.id,
        leadTeacherId: leadB.id,
        memberTeacherIds: [restricted.id],
        title: '初中数学思维可视化教学',
        field: '基础教育',
        stage: '初中',
        summary: '三年实践形成思维导图、学习单和课例资源，覆盖全区十所初中，学生数学建模能力明显提升。',
      }),
    );
    const boundary = 'awardsboundary2';
    await school1.inject({
      method: 'POST',
      url: `/api/v1/awards/applications/${created.id}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
    });
    // The ethics office's disqualification (written here as the ethics module would; awards only reads it through restrictions.ts).
    const ethicsCase = await t.database.db
      .insertInto('ethics_case')
      .values({
        source: 'office',
        rules_version: 'test',
        is_anonymous: false,
        reported_name_enc: 'x',
        content_enc: 'x',
        received_on: '2026-09-01',
        triage_due: '2026-09-08',
        teacher_id: restricted.id,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('ethics_restriction')
      .values({
        teacher_id: restricted.id,
        case_id: ethicsCase.id,
        kind: 'disqualification',
        label: '取消评奖资格',
        purposes: ['award'],
        starts_on: '2026-09-15',
        ends_on: '2028-09-14',
      } as never)
      .execute();
    const refused = await expectStatus(school1.post(`/api/v1/awards/applications/${created.id}/submission`, { action: 'submit' }), 409);
    expect(refused.body).toContain('受限丁');
    expect(refused.body).toContain('师德');
    // Removing the restricted member lets the school submit.
    await ok(
      school1.put(`/api/v1/awards/applications/${created.id}`, {
        callId: call.id,
        leadTeacherId: leadB.id,
        memberTeacherIds: [],
        title: '初中数学思维可视化教学',
        field: '基础教育',
        stage: '初中',
        summary: '三年实践形成思维导图、学习单和课例资源，覆盖全区十所初中，学生数学建模能力明显提升。',
      }),
    );
    expect(
      (await ok<AwardApplicationDetail>(school1.post(`/api/v1/awards/applications/${created.id}/submission`, { action: 'submit' }))).status,
    ).toBe('submitted');
  });
});

describe('teaching-achievement awards: the final list re-checks ethics restrictions', () => {
  it('an application whose member was disqualified after submission is excluded from the final list with the reason', async () => {
    const member2 = await buildTeacher(t.database, schools[1]!.id, { name: '后受限己' });
    const lead2 = await buildTeacher(t.database, schools[0]!.id, { name: '主持人庚' });
    const call = await ok<AwardCallDetail>(
      manager.post('/api/v1/awards/calls', {
        year: 2028,
        title: '2028年度区教育教学成果奖',
        applicationsOpenOn: '2026-10-08',
        applicationsDueOn: '2026-11-05',
        reviewDueOn: '2026-11-20',
        rules: AWARD_RULES_2021,
        rubric: DEFAULT_AWARD_RUBRIC,
      }),
    );
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'open' }));
    const app = await ok<AwardApplicationDetail>(
      school1.post('/api/v1/awards/applications', {
        callId: call.id,
        leadTeacherId: lead2.id,
        memberTeacherIds: [member2.id],
        title: '小学科学项目式学习实践',
        field: '基础教育',
        stage: '小学',
        summary: '以真实问题驱动的项目式学习在全区推广，形成项目案例四十个与评价量表一套。',
      }),
    );
    const boundary = 'awardsboundary3';
    await school1.inject({
      method: 'POST',
      url: `/api/v1/awards/applications/${app.id}/attachments`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--${boundary}--\r\n`,
    });
    await ok(school1.post(`/api/v1/awards/applications/${app.id}/submission`, { action: 'submit' }));
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'close_applications' }));
    await ok(manager.post(`/api/v1/awards/applications/${app.id}/check`, { decision: 'pass' }));
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/draw`, { seed: 3 }));
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'start_review' }));
    for (const e of experts.slice(2))
      await ok(e.client.put(`/api/v1/awards/reviews/${app.id}`, { points: { C1: 25, C2: 25, C3: 15, C4: 15 }, submit: true }));
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'consolidate' }));
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'start_publicity', publicityStart: '2026-11-09' }));
    const ethicsCase = await t.database.db
      .insertInto('ethics_case')
      .values({
        source: 'office',
        rules_version: 'test',
        is_anonymous: false,
        reported_name_enc: 'x',
        content_enc: 'x',
        received_on: '2026-11-01',
        triage_due: '2026-11-08',
        teacher_id: member2.id,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('ethics_restriction')
      .values({
        teacher_id: member2.id,
        case_id: ethicsCase.id,
        kind: 'penalty',
        label: '记过处分',
        purposes: ['award'],
        starts_on: '2026-11-15',
        ends_on: '2027-11-14',
      } as never)
      .execute();
    await ok(manager.post(`/api/v1/awards/calls/${call.id}/transitions`, { action: 'publish_final' }));
    const notice = await ok<AwardNotice>(school1.get(`/api/v1/awards/calls/${call.id}/notice`));
    expect(notice.items).toHaveLength(1);
    expect(notice.items[0]).toMatchObject({ rank: null, grade: null });
    expect(notice.items[0]!.excludedReason).toMatch(/^后受限己：该教师处于师德处分期/);
  });
});
