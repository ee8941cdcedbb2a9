/**
 * Continuing education end to end on a small district: rules as versions, a course and session with
 * enrolment, attendance and completion crediting the ledger, outside trainings approved by the school,
 * completion-list imports (all or nothing, row errors in Chinese), and permission scoping — a teacher
 * sees only their own hours, a school administrator only their school's teachers.
 */
import type {
  BatchResult,
  CompletionImportResult,
  CompliancePage,
  OutsideTraining,
  TeacherTrainingSummary,
  TrainingCourseDetail,
  TrainingRule,
  TrainingSessionDetail,
} from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool, buildTeacher } from '../../../test/factories.ts';
import { buildXlsx, multipart } from '../../../test/xlsx.ts';
import { trainingHoursByTeacher } from './training-ledger.ts';

let t: TestApp;
let schoolA: number;
let schoolB: number;
const teachers: Record<'a1' | 'a2' | 'b1', { id: number; idNumber: string; name: string }> = {} as never;
let staff: TestClient;
let otherOffice: TestClient;
let adminA: TestClient;
let adminB: TestClient;
let teacherA1: TestClient;

const json = <T>(res: { statusCode: number; body: string; json: () => unknown }, status = 200): T => {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
};

beforeAll(async () => {
  t = await createTestApp();
  schoolA = (await buildSchool(t.database, t.districtId, { name: '培训测试甲校' })).id;
  schoolB = (await buildSchool(t.database, t.districtId, { name: '培训测试乙校' })).id;
  for (const [key, school, name] of [
    ['a1', schoolA, '甲校教师一'],
    ['a2', schoolA, '甲校教师二'],
    ['b1', schoolB, '乙校教师一'],
  ] as const) {
    const built = await buildTeacher(t.database, school, { name, joinedSchoolOn: '2015-09-01' });
    teachers[key] = { ...built, name };
  }
  staff = await signInAs(t, [{ role: 'district_staff', office: '教师科' }]);
  otherOffice = await signInAs(t, [{ role: 'district_staff', office: '规划科' }]);
  adminA = await signInAs(t, [{ role: 'school_admin', schoolId: schoolA }]);
  adminB = await signInAs(t, [{ role: 'school_admin', schoolId: schoolB }]);
  teacherA1 = await signInAs(t, [{ role: 'teacher', schoolId: schoolA }], teachers.a1.id);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('training rules', () => {
  it('ship the national 360/5 rule and take new versions from 教师科 only', async () => {
    const rules = json<{ items: TrainingRule[] }>(await staff.get('/api/v1/training/rules'));
    expect(rules.items).toEqual([
      expect.objectContaining({
        code: 'national',
        requiredHours: 360,
        cycleYears: 5,
        documentNumber: '教师〔2011〕1号',
        isIndicatorBasis: true,
      }),
    ]);
    const input = {
      code: 'district',
      name: '区教师继续教育学时要求',
      issuerLevel: 'district',
      documentNumber: '测区教发〔2024〕1号',
      effectiveFrom: '2024-01-01',
      cycleYears: 3,
      cycleAnchor: '2024-01-01',
      requiredHours: 240,
      subQuotas: [{ label: '市级及以上', levels: ['national', 'city'], minHours: 24 }],
      seminarMinPerYear: 4,
      warningMonths: 6,
      riskPaceFactor: 1.5,
      isProrated: true,
    };
    expect((await adminA.post('/api/v1/training/rules', input)).statusCode).toBe(403);
    expect((await staff.post('/api/v1/training/rules', { ...input, cycleYears: 0 })).statusCode).toBe(400);
    const created = json<TrainingRule>(await staff.post('/api/v1/training/rules', input));
    expect(created).toMatchObject({ version: 1, isCurrent: true });
    const audit = await t.database.db.selectFrom('audit_log').where('action', '=', 'training.rule.create').select('summary').execute();
    expect(audit[0]!.summary).toContain('测区教发〔2024〕1号');
  });
});

describe('courses, sessions and completion', () => {
  let sessionId: number;
  it('lets 教师科 open district courses and schools only their own 校本 courses', async () => {
    const course = {
      title: '区级学科教学专题培训',
      provider: '区教师进修学院',
      level: 'district',
      category: 'subject',
      mode: 'offline',
      hours: 12,
    };
    expect((await adminA.post('/api/v1/training/courses', course)).statusCode).toBe(403);
    expect((await otherOffice.post('/api/v1/training/courses', course)).statusCode).toBe(403);
    expect((await staff.post('/api/v1/training/courses', { ...course, hours: 0 })).statusCode).toBe(400);
    const created = json<TrainingCourseDetail>(await staff.post('/api/v1/training/courses', course));
    const session = json<TrainingSessionDetail>(
      await staff.post(`/api/v1/training/courses/${created.id}/sessions`, {
        name: '第1期',
        startsOn: '2026-03-02',
        endsOn: '2026-03-20',
        capacity: 2,
      }),
    );
    sessionId = session.id;
    const schoolCourse = { ...course, title: '校本研修', level: 'school', schoolId: schoolB };
    expect((await adminA.post('/api/v1/training/courses', schoolCourse)).statusCode).toBe(403);
    expect((await adminA.post('/api/v1/training/courses', { ...schoolCourse, schoolId: schoolA })).statusCode).toBe(200);
    // 乙校 does not see 甲校's 校本 course.
    const seen = json<{ items: { title: string }[] }>(await adminB.get('/api/v1/training/courses'));
    expect(seen.items.map((c) => c.title)).toEqual(['区级学科教学专题培训']);
    expect((await teacherA1.get('/api/v1/training/courses')).statusCode).toBe(403);
  });

  it('enrols, marks attendance and credits hours only to attending teachers, within the school admin scope', async () => {
    const url = `/api/v1/training/sessions/${sessionId}`;
    expect((await adminA.post(`${url}/enrolments`, { teacherIds: [teachers.a1.id, teachers.b1.id] })).statusCode).toBe(404);
    expect(json<BatchResult>(await adminA.post(`${url}/enrolments`, { teacherIds: [teachers.a1.id, teachers.a2.id] })).changed).toBe(2);
    // The session holds two; a third is refused.
    expect((await staff.post(`${url}/enrolments`, { teacherIds: [teachers.b1.id] })).statusCode).toBe(409);
    json<BatchResult>(await adminA.post(`${url}/attendance`, { teacherIds: [teachers.a1.id], status: 'attended' }));
    const done = json<BatchResult>(await adminA.post(`${url}/completion`, { teacherIds: [teachers.a1.id, teachers.a2.id] }));
    expect(done).toMatchObject({ changed: 1, skipped: 1 });
    expect(done.messages.join()).toContain('未登记出勤');
    const hours = await trainingHoursByTeacher(t.database.db, { from: '2026-01-01', to: '2026-12-31' });
    expect(hours.get(teachers.a1.id)).toBe(12);
    expect(hours.has(teachers.a2.id)).toBe(false);
    const audit = await t.database.db.selectFrom('audit_log').where('action', '=', 'training.complete').select('summary').execute();
    expect(audit).toHaveLength(1);
    // 乙校's admin sees the session's counts but none of 甲校's teachers.
    const list = json<{ total: number }>(await adminB.get(`${url}/enrolments`));
    expect(list.total).toBe(0);
  });
});

describe('outside trainings', () => {
  let outsideId: number;
  it('a teacher submits their own with evidence; only their school (or 教师科) approves, and only then hours count', async () => {
    const input = {
      title: '全国班主任能力提升研修',
      provider: '中国教师研修网',
      level: 'national',
      category: 'pedagogy',
      hours: 20,
      startedOn: '2026-07-01',
      endedOn: '2026-07-10',
    };
    expect((await adminA.post('/api/v1/training/outside', input)).statusCode).toBe(403);
    expect((await teacherA1.post('/api/v1/training/outside', { ...input, endedOn: '2026-06-01' })).statusCode).toBe(400);
    const created = json<OutsideTraining>(await teacherA1.post('/api/v1/training/outside', input));
    outsideId = created.id;
    expect(created).toMatchObject({ status: 'pending', canUpload: true, canReview: false });
    const file = Buffer.from('%PDF-1.4 结业证书');
    const up = await teacherA1.inject({
      method: 'POST',
      url: `/api/v1/training/outside/${outsideId}/evidence`,
      ...multipart('结业证书.pdf', file),
    });
    expect(up.statusCode).toBe(200);
    expect((await adminB.get(`/api/v1/training/outside/${outsideId}`)).statusCode).toBe(404);
    expect((await adminB.post(`/api/v1/training/outside/${outsideId}/review`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await teacherA1.post(`/api/v1/training/outside/${outsideId}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await otherOffice.post(`/api/v1/training/outside/${outsideId}/review`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await adminA.post(`/api/v1/training/outside/${outsideId}/review`, { decision: 'reject' })).statusCode).toBe(400);
    const before = await trainingHoursByTeacher(t.database.db, { teacherIds: [teachers.a1.id], from: '2026-01-01', to: '2026-12-31' });
    expect(before.get(teachers.a1.id)).toBe(12);
    const approved = json<OutsideTraining>(await adminA.post(`/api/v1/training/outside/${outsideId}/review`, { decision: 'approve' }));
    expect(approved.status).toBe('approved');
    expect(approved.evidence).toHaveLength(1);
    const after = await trainingHoursByTeacher(t.database.db, { teacherIds: [teachers.a1.id], from: '2026-01-01', to: '2026-12-31' });
    expect(after.get(teachers.a1.id)).toBe(32);
    expect((await adminA.post(`/api/v1/training/outside/${outsideId}/review`, { decision: 'approve' })).statusCode).toBe(409);
  });
});

describe('completion-list import', () => {
  const headers = ['身份证号', '姓名', '培训项目名称', '培训机构', '培训级别', '培训类别', '是否高端研修研讨', '学时', '完成日期'];
  const row = (idNumber: string, name: string, title = '市级骨干教师研修') => [
    idNumber,
    name,
    title,
    '市教科院',
    '市级',
    '学科教学',
    '否',
    24,
    '2026-05-20',
  ];
  const upload = (client: TestClient, content: Buffer, dryRun = false) =>
    client.inject({
      method: 'POST',
      url: `/api/v1/training/completion-imports?dryRun=${dryRun}&platform=市平台`,
      ...multipart('名单.xlsx', content),
    });

  it('refuses the whole file when any row is wrong, naming row and column in Chinese', async () => {
    const bad = await buildXlsx(headers, [
      row(teachers.b1.idNumber, teachers.b1.name),
      row('500199198501150000', '查无此人'),
      [teachers.a2.idNumber, '名字不对', '研修', '市教科院', '省级', '学科教学', '否', 0, '2026-13-01'],
    ]);
    const r = json<CompletionImportResult>(await upload(staff, bad));
    expect(r.committed).toBe(false);
    expect(r.rows).toBe(3);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual(
      expect.arrayContaining([
        [3, '身份证号'],
        [4, '培训级别'],
        [4, '学时'],
        [4, '完成日期'],
      ]),
    );
    const hours = await trainingHoursByTeacher(t.database.db, { teacherIds: [teachers.b1.id], from: '2026-01-01', to: '2026-12-31' });
    expect(hours.size).toBe(0);
  });

  it('writes a clean file once; a school admin may import only their own teachers; re-imports are refused as duplicates', async () => {
    const good = await buildXlsx(headers, [row(teachers.b1.idNumber, teachers.b1.name), row(teachers.a2.idNumber, teachers.a2.name)]);
    const fromA = json<CompletionImportResult>(await upload(adminA, good));
    expect(fromA.committed).toBe(false);
    expect(fromA.errors).toEqual([expect.objectContaining({ row: 2, message: expect.stringContaining('管理范围') })]);
    const dry = json<CompletionImportResult>(await upload(staff, good, true));
    expect(dry).toMatchObject({ committed: false, errors: [], rows: 2, hours: 48, teachers: 2 });
    const done = json<CompletionImportResult>(await upload(staff, good));
    expect(done).toMatchObject({ committed: true, rows: 2, hours: 48 });
    const again = json<CompletionImportResult>(await upload(staff, good));
    expect(again.committed).toBe(false);
    expect(again.errors[0]!.message).toContain('已登记');
    const hours = await trainingHoursByTeacher(t.database.db, { teacherIds: [teachers.b1.id], from: '2026-01-01', to: '2026-12-31' });
    expect(hours.get(teachers.b1.id)).toBe(24);
  });
});

describe('compliance and scoping', () => {
  it('a teacher sees only their own hours; a school admin only their school; the district everyone', async () => {
    const me = json<TeacherTrainingSummary>(await teacherA1.get('/api/v1/training/me'));
    const district = me.cycles.find((c) => c.ref.ruleCode === 'district')!;
    expect(district.standing).toMatchObject({
      earned: 32,
      required: 240,
      hoursByLevel: { national: 20, city: 0, district: 12, school: 0 },
    });
    expect(district.standing!.quotas[0]).toMatchObject({ label: '市级及以上', earned: 20, required: 24, shortfall: 4 });
    expect((await teacherA1.get(`/api/v1/training/teachers/${teachers.a2.id}`)).statusCode).toBe(404);
    const own = json<CompliancePage>(await teacherA1.get('/api/v1/training/compliance'));
    expect(own.items.map((s) => s.teacherId)).toEqual([teachers.a1.id]);
    const mine = json<{ items: OutsideTraining[] }>(await teacherA1.get('/api/v1/training/outside?mine=true'));
    expect(mine.items).toHaveLength(1);

    const school = json<CompliancePage>(await adminA.get('/api/v1/training/compliance'));
    expect(school.items.map((s) => s.teacherId).sort()).toEqual([teachers.a1.id, teachers.a2.id].sort());
    expect((await adminA.get(`/api/v1/training/teachers/${teachers.b1.id}`)).statusCode).toBe(404);

    const all = json<CompliancePage>(await otherOffice.get('/api/v1/training/compliance?status=at_risk'));
    expect(all.counts.teachers).toBe(3);
    expect(all.items.every((s) => s.status === 'at_risk')).toBe(true);
    const bySchool = json<CompliancePage>(await staff.get(`/api/v1/training/compliance?schoolId=${schoolB}`));
    expect(bySchool.items.map((s) => s.teacherName)).toEqual([teachers.b1.name]);
    expect((await staff.get('/api/v1/training/compliance?cycleStart=2024-02-01')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/training/compliance?status=nope')).statusCode).toBe(400);
  });

  it('exports the filtered list as xlsx and audits the export', async () => {
    const res = await adminA.get('/api/v1/training/compliance.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .where('action', '=', 'export.training_compliance')
      .select('summary')
      .execute();
    expect(audit[0]!.summary).toContain('2 人');
  });
});
