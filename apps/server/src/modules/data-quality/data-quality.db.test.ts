/**
 * Data-quality rules as data, evaluated in SQL on crafted data: every seeded rule fires on a row built to
 * break it and stays quiet on clean rows; the page lists failures by school with paging and filters,
 * scoped to the actor; rules can be added and changed by district users (validated, audited).
 */
import type { DataQualityFailure, DataQualitySummary } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { buildSchool } from '../../../test/factories.ts';
import { clientAs, insertGrades, insertTeacher } from '../indicators/indicator-test-support.ts';

let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let clean: number;
let bad: number;
let mixed: number;

const condition = (schoolId: number, year: number, teachingArea: number) => ({
  school_id: schoolId,
  school_year: year,
  teaching_area: teachingArea,
  gym_area: 0,
  sports_ground_area: 3000,
  equipment_value: 500000,
  multimedia_rooms: 10,
  music_rooms: 1,
  art_rooms: 1,
  books: 5000,
  building_area: null,
  land_area: null,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await clientAs(t, [{ role: 'district_admin' }]);
  staff = await clientAs(t, [{ role: 'district_staff', office: '督导室' }]);
  clean = (await buildSchool(t.database, t.districtId, { code: '3500000001', name: '规范小学' })).id;
  bad = (await buildSchool(t.database, t.districtId, { code: '3500000002', name: '问题小学' })).id;
  mixed = (await buildSchool(t.database, t.districtId, { code: '3500000003', name: '撤销小学' })).id;
  await insertGrades(t.database, clean, [
    [2024, 'P1', 2, 90],
    [2024, 'P2', 2, 85],
    [2025, 'P1', 2, 92],
    [2025, 'P2', 2, 88],
  ]);
  await t.database.db
    .insertInto('school_condition')
    .values([condition(clean, 2024, 1000), condition(clean, 2025, 1100)])
    .execute();
  await insertTeacher(t.database, { schoolId: clean, name: '王一', birthDate: '1980-01-01' });
  // The problem school: every grade-row rule broken once, a junior grade in a 小学, enrolment doubled, area doubled.
  await insertGrades(t.database, bad, [
    [2024, 'P1', 2, 100],
    [2025, 'P2', 0, 30],
    [2025, 'P3', 1, 80],
    [2025, 'P4', 5, 3],
    [2025, 'J1', 1, 40],
  ]);
  await t.database.db
    .updateTable('school_year_stat')
    .set({ girls: 50, migrant_children: 60, disabled_students: 70 })
    .where('school_id', '=', bad)
    .where('grade', '=', 'P2')
    .execute();
  await t.database.db
    .insertInto('school_condition')
    .values([condition(bad, 2024, 1000), condition(bad, 2025, 2000)])
    .execute();
  // A closed school with stats but no conditions and no teachers; a teacher still placed there; a duplicate person.
  await insertGrades(t.database, mixed, [[2025, 'P1', 1, 30]]);
  await t.database.db.updateTable('school').set({ closed_on: '2025-07-01' }).where('id', '=', mixed).execute();
  await insertTeacher(t.database, {
    schoolId: mixed,
    name: '李二',
    post: 'admin',
    isFullTime: false,
    teachingStage: null,
    subject: null,
    from: null,
  });
  await insertTeacher(t.database, { schoolId: bad, name: '张三', birthDate: '1990-02-02', teachingStage: null });
  await insertTeacher(t.database, { schoolId: clean, name: '张三', birthDate: '1990-02-02', from: null });
  await insertTeacher(t.database, { schoolId: null, name: '赵四', from: null });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const all = async (client: TestClient, query = '') => {
  const res = await client.get(`/api/v1/data-quality?year=2025&pageSize=200${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: DataQualityFailure[]; total: number; year: number };
};

describe('validation rules', () => {
  it('fires every seeded rule on the row built to break it, and never on the clean school', async () => {
    const { items } = await all(staff);
    const fired = (code: string) => items.filter((f) => f.ruleCode === code);
    expect(fired('grade.girls_le_students').map((f) => [f.schoolId, f.entity, f.leftValue, f.rightValue])).toEqual([
      [bad, '二年级', 50, 30],
    ]);
    expect(fired('grade.classes_positive').map((f) => f.entity)).toEqual(['二年级']);
    expect(fired('grade.class_size_plausible').map((f) => f.entity)).toEqual(['三年级']);
    expect(fired('grade.class_size_min').map((f) => f.entity)).toEqual(['四年级']);
    expect(fired('grade.migrant_le_students')).toHaveLength(1);
    expect(fired('grade.disabled_le_students')).toHaveLength(1);
    expect(fired('school.grade_sum_equals_total').map((f) => [f.schoolId, f.leftValue, f.rightValue])).toEqual([[bad, 153, 113]]);
    expect(fired('school.yoy_students').map((f) => f.schoolId)).toEqual([bad]);
    expect(fired('school.condition_present').map((f) => f.schoolId)).toEqual([mixed]);
    expect(fired('school.full_time_teachers_present').map((f) => f.schoolId)).toEqual([mixed]);
    expect(fired('condition.yoy_teaching_area').map((f) => f.schoolId)).toEqual([bad]);
    expect(fired('teacher.has_school').map((f) => f.entity)).toEqual([expect.stringMatching(/^赵四（500199\*+\d{4}）$/)]);
    expect(fired('teacher.school_open').map((f) => f.schoolId)).toEqual([mixed]);
    expect(
      fired('teacher.unique_person')
        .map((f) => f.schoolId)
        .sort(),
    ).toEqual([clean, bad].sort());
    expect(fired('teacher.full_time_has_stage').map((f) => f.schoolId)).toEqual([bad]);
    expect(items.filter((f) => f.schoolId === clean && f.ruleCode !== 'teacher.unique_person')).toEqual([]);
  });

  it('lists failures by school (teachers without a school first), with paging and filters', async () => {
    const { items, total } = await all(staff);
    expect(items[0]!.schoolId).toBeNull();
    const codes = items.map((f) => f.schoolCode).filter((c) => c !== null);
    expect(codes).toEqual([...codes].sort());
    const page2 = (await staff.get('/api/v1/data-quality?year=2025&page=2&pageSize=5')).json();
    expect(page2.total).toBe(total);
    expect(page2.items).toEqual(items.slice(5, 10));
    const errors = await all(staff, '&severity=error');
    expect(errors.items.every((f) => f.severity === 'error')).toBe(true);
    const mine = await all(staff, `&schoolId=${mixed}`);
    expect(new Set(mine.items.map((f) => f.schoolId))).toEqual(new Set([mixed]));
    expect((await all(staff, '&rule=grade.classes_positive')).total).toBe(1);
  });

  it('summarises failures by severity, rule and school', async () => {
    const s = (await staff.get('/api/v1/data-quality/summary?year=2025')).json() as DataQualitySummary;
    expect(s.total).toBe((await all(staff)).total);
    expect(s.schoolsAffected).toBe(3);
    expect(s.bySeverity.error).toBe(6);
    expect(s.byRule.find((r) => r.ruleCode === 'grade.girls_le_students')!.count).toBe(1);
  });

  it('shows a school administrator only their own school', async () => {
    const own = await clientAs(t, [{ role: 'school_admin', schoolId: bad }]);
    const { items } = await all(own);
    expect(items.length).toBeGreaterThan(5);
    expect(items.every((f) => f.schoolId === bad)).toBe(true);
    const s = (await own.get('/api/v1/data-quality/summary?year=2025')).json() as DataQualitySummary;
    expect(s.schoolsAffected).toBe(1);
  });
});

describe('rules as data', () => {
  it('lists the rules with the fields each target offers', async () => {
    const body = (await staff.get('/api/v1/data-quality/rules')).json();
    expect(body.items.length).toBeGreaterThanOrEqual(16);
    expect(body.fields.grade).toContain('girls');
  });

  it('adds and changes rules with validated expressions, audited, district only', async () => {
    const rule = {
      code: 'grade.graduates_le_students',
      name: '毕业生数不大于在校生数',
      target: 'grade',
      left: 'graduates',
      operator: '<=',
      right: 'students + transfers_in',
      severity: 'warning',
      message: '毕业生数大于在校生数',
    };
    expect((await staff.post('/api/v1/data-quality/rules', rule)).statusCode).toBe(403);
    const badField = await admin.post('/api/v1/data-quality/rules', { ...rule, right: 'students; DROP TABLE teacher' });
    expect(badField.statusCode).toBe(400);
    expect((await admin.post('/api/v1/data-quality/rules', { ...rule, right: 'pupils' })).json().error.message).toContain(
      '字段“pupils”不存在',
    );
    expect((await admin.post('/api/v1/data-quality/rules', { ...rule, whenLeft: 'students' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/data-quality/rules', rule)).statusCode).toBe(200);
    expect((await admin.post('/api/v1/data-quality/rules', rule)).statusCode).toBe(409);
    // Tighten a seeded rule to 45 pupils a class: the clean school's 一年级 (46) now fires.
    const patched = await admin.patch('/api/v1/data-quality/rules/grade.class_size_plausible', { right: 'classes * 45' });
    expect(patched.json()).toMatchObject({ right: 'classes * 45', isBuiltin: true });
    const fired = (await all(staff, '&rule=grade.class_size_plausible')).items;
    expect(fired.some((f) => f.schoolId === clean && f.entity === '一年级')).toBe(true);
    await admin.patch('/api/v1/data-quality/rules/grade.class_size_plausible', { isEnabled: false });
    expect((await all(staff, '&rule=grade.class_size_plausible')).total).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'data_quality_rule')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['data_quality_rule.create', 'data_quality_rule.update', 'data_quality_rule.update']);
    expect((await admin.patch('/api/v1/data-quality/rules/no.such', { isEnabled: false })).statusCode).toBe(404);
  });
});
