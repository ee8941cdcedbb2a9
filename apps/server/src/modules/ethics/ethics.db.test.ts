import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool, buildTeacher } from '../../../test/factories.ts';
import { configurePublicGuard, solveChallenge } from './public-guard.ts';
import { assertNotRestricted, findActiveRestrictions } from './restrictions.ts';

let t: TestApp;
let schoolId: number;
let otherSchoolId: number;
let teacherId: number;
let colleagueId: number;
let colleagueIdNumber: string;
let office: TestClient;
let handler: TestClient;
let caseId: number;
let receipt: { caseNo: string; trackingCode: string; password: string };

async function publicPost(url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url: `/api/v1/public/ethics${url}`, payload: payload as object });
}

async function solved() {
  const c = (await publicPost('/challenge', {})).json() as { token: string; bits: number };
  return { challenge: c.token, nonce: solveChallenge(c.token, c.bits) };
}

const report = {
  isAnonymous: true,
  teacherName: '王某某',
  occurredOn: '2026-11-10',
  category: 'v10',
  content: '该老师在校外组织有偿补课，要求学生每周六参加，每次收费两百元。',
};

beforeAll(async () => {
  configurePublicGuard({ bits: 8, minFillMs: 0 });
  t = await createTestApp();
  schoolId = (await buildSchool(t.database, t.districtId)).id;
  otherSchoolId = (await buildSchool(t.database, t.districtId)).id;
  teacherId = (await buildTeacher(t.database, schoolId, { name: '王某某' })).id;
  const colleague = await buildTeacher(t.database, schoolId);
  colleagueId = colleague.id;
  colleagueIdNumber = colleague.idNumber;
  office = await signInAs(t, [{ role: 'district_staff', office: '师德办' }]);
  handler = await signInAs(t, [{ role: 'school_admin', schoolId }]);
});

afterAll(async () => {
  await t.close();
});

describe('public reporting channel', () => {
  it('files an anonymous report without a session and stores no address', async () => {
    const res = await publicPost('/reports', { ...report, ...(await solved()), schoolId });
    expect(res.statusCode).toBe(200);
    receipt = res.json();
    expect(receipt.trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(receipt.password).toHaveLength(10);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'ethics.report.receive').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.ip).toBeNull();
    expect(audit[0]!.actor_id).toBeNull();
    const row = await t.database.db.selectFrom('ethics_case').selectAll().executeTakeFirstOrThrow();
    caseId = row.id;
    // Encrypted at rest: the text is not in the row.
    expect(JSON.stringify(row)).not.toContain('有偿补课');
    expect(row.reporter_name_enc).toBeNull();
  });

  it('refuses a reused challenge, a filled honeypot and a missing proof of work', async () => {
    const s = await solved();
    expect((await publicPost('/reports', { ...report, ...s })).statusCode).toBe(200);
    expect((await publicPost('/reports', { ...report, ...s })).statusCode).toBe(400);
    expect((await publicPost('/reports', { ...report, ...(await solved()), website: 'http://spam' })).statusCode).toBe(400);
    const c = (await publicPost('/challenge', {})).json() as { token: string };
    configurePublicGuard({ bits: 20, minFillMs: 0 });
    const hard = (await publicPost('/challenge', {})).json() as { token: string };
    const bad = await publicPost('/reports', { ...report, challenge: hard.token, nonce: '0' });
    expect(bad.statusCode).toBe(400);
    configurePublicGuard({ bits: 8, minFillMs: 0 });
    expect(c.token).toBeTruthy();
  });

  it('requires name and contact for a named report and keeps them encrypted', async () => {
    const missing = await publicPost('/reports', { ...report, ...(await solved()), isAnonymous: false });
    expect(missing.statusCode).toBe(400);
    const ok = await publicPost('/reports', {
      ...report,
      ...(await solved()),
      isAnonymous: false,
      reporterName: '李家长',
      reporterContact: '13900001111',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('lets the reporter follow the case with code and password; a wrong password answers 404', async () => {
    const view = await publicPost('/track', { code: receipt.trackingCode.toLowerCase().replace(/-/g, ''), password: receipt.password });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ caseNo: receipt.caseNo, statusLabel: '已收到，待受理', canReply: true });
    expect((await publicPost('/track', { code: receipt.trackingCode, password: 'wrong-password' })).statusCode).toBe(404);
    expect((await publicPost('/track', { code: 'AAAA-BBBB-CCCC', password: receipt.password })).statusCode).toBe(404);
  });
});

describe('case handling, restrictions and permissions', () => {
  it('triages, assigns to one school administrator, and the handler investigates', async () => {
    const candidates = (await office.get(`/api/v1/ethics/cases/${caseId}/handler-candidates?schoolId=${schoolId}`)).json() as {
      userId: number;
      level: string;
    }[];
    const schoolHandler = candidates.find((c) => c.level === 'school')!;
    const accepted = await office.post(`/api/v1/ethics/cases/${caseId}/accept`, {
      category: 'v10',
      teacherId,
      handlerLevel: 'school',
      handlerUserId: schoolHandler.userId,
      investigationDue: '2026-12-22',
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'investigating', schoolId });
    const q = await office.post(`/api/v1/ethics/cases/${caseId}/messages`, { kind: 'question', body: '请问补课地点在哪里？' });
    expect(q.statusCode).toBe(200);
    const findings = await handler.post(`/api/v1/ethics/cases/${caseId}/findings`, {
      findings: '经查，该教师确有组织有偿补课行为。',
      statementDue: '2026-11-29',
    });
    expect(findings.statusCode).toBe(200);
    expect(findings.json().state).toBe('statement');
  });

  it('shows the reporter the question and takes the answer', async () => {
    const reply = await publicPost('/track/reply', { code: receipt.trackingCode, password: receipt.password, body: '在某小区三楼。' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().messages.map((m: { kind: string }) => m.kind)).toEqual(['question', 'reply']);
    expect(reply.json().statusLabel).toBe('已受理，正在核查处理');
  });

  it('answers 404 to every role that must not see the case', async () => {
    const outsiders: TestClient[] = [
      await signInAs(t, [{ role: 'school_admin', schoolId }]), // another administrator of the same school
      await signInAs(t, [{ role: 'school_admin', schoolId: otherSchoolId }]),
      await signInAs(t, [{ role: 'teacher', schoolId }], colleagueId),
      await signInAs(t, [{ role: 'teacher', schoolId }], teacherId), // the accused, through the staff endpoint
      await signInAs(t, [{ role: 'inspector' }]),
      await signInAs(t, [{ role: 'district_staff', office: '教师科' }]),
      await signInAs(t, [{ role: 'sys_admin' }]),
      await signInAs(t, [{ role: 'security_admin' }]),
      await signInAs(t, [{ role: 'audit_admin' }]),
    ];
    for (const client of outsiders) {
      expect((await client.get(`/api/v1/ethics/cases/${caseId}`)).statusCode).toBe(404);
      expect((await client.post(`/api/v1/ethics/cases/${caseId}/reporter`)).statusCode).toBe(404);
      expect((await client.get(`/api/v1/ethics/cases/${caseId}/files/1`)).statusCode).toBe(404);
    }
    // Without a session the staff endpoints answer 401, and the public channel never exposes a case by id.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/ethics/cases/${caseId}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/ethics/cases/${caseId}` })).statusCode).toBe(404);
    // Their lists do not contain it either.
    const sameSchoolAdmin = outsiders[0]!;
    expect((await sameSchoolAdmin.get('/api/v1/ethics/cases')).json().total).toBe(0);
    expect((await handler.get('/api/v1/ethics/cases')).json().total).toBe(1);
    expect((await handler.get(`/api/v1/ethics/cases/${caseId}`)).statusCode).toBe(200);
    expect((await outsiders[6]!.get('/api/v1/ethics/monitoring')).statusCode).toBe(403);
  });

  it('shows the accused teacher only what is addressed to them and takes their statement', async () => {
    const accused = await signInAs(t, [{ role: 'teacher', schoolId }], teacherId);
    const colleague = await signInAs(t, [{ role: 'teacher', schoolId }], colleagueId);
    expect((await colleague.get('/api/v1/ethics/my-matters')).json()).toEqual([]);
    const mine = (await accused.get('/api/v1/ethics/my-matters')).json() as Record<string, unknown>[];
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ canSubmitStatement: true, findings: '经查，该教师确有组织有偿补课行为。' });
    expect(JSON.stringify(mine)).not.toContain('每次收费两百元');
    const stated = await accused.post(`/api/v1/ethics/my-matters/${caseId}/statement`, { statement: '本人承认错误，已停止补课。' });
    expect(stated.statusCode).toBe(200);
    // The school handler may not decide; only the 师德办.
    expect(
      (await handler.post(`/api/v1/ethics/cases/${caseId}/decision`, { outcome: 'no_violation', effectiveOn: '2026-11-22', decision: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('decides 记过 from 2026-11-01: the teacher is restricted and the backbone recognition is refused', async () => {
    const decided = await office.post(`/api/v1/ethics/cases/${caseId}/decision`, {
      outcome: 'penalty',
      penalty: 'demerit',
      measures: [],
      disqualificationMonths: 24,
      effectiveOn: '2026-11-01',
      decision: '给予记过处分，并取消其二十四个月内评奖评优资格。',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().restrictions.map((r: { label: string }) => r.label)).toEqual([
      '记过处分（2026-11-01 至 2027-10-31）',
      '取消评奖评优等资格24个月（2026-11-01 至 2028-10-31）',
    ]);
    const active = await findActiveRestrictions(t.database.db, [teacherId, colleagueId], '2026-11-22');
    expect(active.get(teacherId)).toHaveLength(2);
    expect(active.has(colleagueId)).toBe(false);
    await expect(assertNotRestricted(t.database.db, teacherId, 'award', '2026-11-22')).rejects.toMatchObject({
      code: 'INVALID_STATE',
      userMessage: '该教师处于师德处分期（记过处分（2026-11-01 至 2027-10-31）），不能参加评奖评优',
    });
    await expect(assertNotRestricted(t.database.db, teacherId, 'award', '2028-11-01')).resolves.toBeUndefined();
    const district = await signInAs(t, [{ role: 'district_admin' }]);
    const refused = await district.post(`/api/v1/teachers/${teacherId}/recognitions`, {
      level: 'district',
      subject: '语文',
      issuer: '区教委',
      issuedOn: '2026-11-22',
      validUntil: null,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('不能参加骨干教师认定');
  });

  it('notifies, takes the appeal, and a changed decision shortens the restriction (recorded)', async () => {
    expect(
      (await office.post(`/api/v1/ethics/cases/${caseId}/notice`, { notice: '处理决定告知书……', notifiedOn: '2026-11-22' })).statusCode,
    ).toBe(200);
    const accused = await signInAs(t, [{ role: 'teacher', schoolId }], teacherId);
    const appealed = await accused.post(`/api/v1/ethics/my-matters/${caseId}/appeal`, { appeal: '处分过重，请求复核。' });
    expect(appealed.statusCode).toBe(200);
    const review = await office.post(`/api/v1/ethics/cases/${caseId}/appeal-decision`, {
      result: 'changed',
      outcome: 'penalty',
      penalty: 'warning',
      text: '变更为警告处分。',
    });
    expect(review.statusCode).toBe(200);
    const body = review.json();
    expect(body.state).toBe('closed');
    expect(body.restrictions[0]).toMatchObject({ label: '警告处分（2026-11-01 至 2027-04-30）', revokedOn: null });
    expect(body.restrictions[1].revokedOn).toBe('2026-11-22');
    const stored = await t.database.db.selectFrom('ethics_restriction').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
    expect(stored[0]!.original_ends_on).toBe('2027-10-31');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'ethics_case')
      .where('entity_id', '=', String(caseId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'ethics.report.receive',
        'workflow.ethics_case.accept',
        'ethics.case.decide',
        'workflow.ethics_case.decide_appeal',
        'ethics.case.appeal_decision',
      ]),
    );
  });

  it('reports monitoring figures to the office', async () => {
    const m = await office.get('/api/v1/ethics/monitoring');
    expect(m.statusCode).toBe(200);
    expect(m.json().totals).toMatchObject({ reports: 3, cases: 1, withPenalty: 1, activeRestrictions: 1 });
    expect(m.json().byCategory.find((c: { code: string }) => c.code === 'v10').cases).toBe(1);
  });

  it('records 师德考核 and 师德承诺 for the administrator’s own school only', async () => {
    expect((await handler.put('/api/v1/ethics/reviews', { teacherId: colleagueId, year: 2025, level: 'excellent' })).statusCode).toBe(200);
    expect(
      (await handler.put('/api/v1/ethics/commitments', { teacherId: colleagueId, year: 2025, signedOn: '2025-09-01' })).statusCode,
    ).toBe(200);
    const other = await signInAs(t, [{ role: 'school_admin', schoolId: otherSchoolId }]);
    expect((await other.put('/api/v1/ethics/reviews', { teacherId: colleagueId, year: 2025, level: 'qualified' })).statusCode).toBe(404);
    const page = (await office.get(`/api/v1/ethics/reviews?year=2025&schoolId=${schoolId}`)).json();
    expect(page.total).toBe(2);
    expect(page.levelCounts).toMatchObject({ excellent: 1, none: 1 });
    expect(page.commitmentCount).toBe(1);
  });

  it('imports 师德考核 from xlsx all-or-nothing and exports the lists', async () => {
    const book = async (rows: string[][]) => {
      const b = new ExcelJS.Workbook();
      const sheet = b.addWorksheet('考核');
      sheet.addRow(['身份证号', '姓名', '考核结果', '备注']);
      for (const r of rows) sheet.addRow(r);
      return Buffer.from(await b.xlsx.writeBuffer());
    };
    const upload = async (client: TestClient, content: Buffer) => {
      const boundary = '----ethics';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="k.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return client.inject({
        method: 'POST',
        url: '/api/v1/ethics/reviews/import?year=2024',
        payload: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    const bad = await upload(
      handler,
      await book([
        [colleagueIdNumber, '', '优秀', ''],
        ['110101199003077777', '', '很好', ''],
      ]),
    );
    expect(bad.statusCode).toBe(200);
    expect(bad.json().imported).toBe(0);
    expect(bad.json().errors.map((e: { row: number }) => e.row)).toEqual([3]);
    const good = await upload(handler, await book([[colleagueIdNumber, '', '合格', '']]));
    expect(good.json()).toEqual({ imported: 1, errors: [] });
    const page = (await office.get(`/api/v1/ethics/reviews?year=2024&schoolId=${schoolId}`)).json();
    expect(page.levelCounts.qualified).toBe(1);
    const cases = await office.get('/api/v1/ethics/cases.xlsx');
    expect(cases.statusCode).toBe(200);
    expect(cases.headers['content-type']).toContain('spreadsheetml');
    // The export holds the list's cases, with the list's overdue flags.
    const listed = (await office.get('/api/v1/ethics/cases?pageSize=100')).json() as {
      total: number;
      items: { caseNo: string; isOverdue: boolean }[];
    };
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load(cases.rawPayload as unknown as ArrayBuffer);
    const exported = sheet.worksheets[0]!.getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(listed.total).toBeGreaterThan(0);
    expect(exported.map((r) => [r[0], r[9]])).toEqual(listed.items.map((c) => [c.caseNo, c.isOverdue ? '是' : '否']));
    const outsider = await signInAs(t, [{ role: 'inspector' }]);
    expect((await outsider.get('/api/v1/ethics/cases.xlsx')).statusCode).toBe(403);
  });
});
