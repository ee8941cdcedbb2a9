/**
 * The indicator endpoints on the demo district: values with numerator, denominator, threshold and status;
 * filters; trend; per-school ranking; drill-down to the records; a school's page; who sees what; and
 * recomputation when base data changes.
 */
import type {
  IndicatorDrillDown,
  IndicatorList,
  IndicatorSchools,
  IndicatorTrend,
  IndicatorValue,
  SchoolIndicators,
} from '@zhiping/contracts';
import { DEMO_ACCOUNT_SCHOOL, generateDemoDistrict } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../../test/app.ts';
import { clientAs, createDemoApp, schoolIdOf } from './indicator-test-support.ts';

const demo = generateDemoDistrict();
let t: TestApp;
let staff: TestClient;
let schoolAdmin: TestClient;
let ownId: number;
let otherId: number;
const gap = demo.deliberateGaps.find((g) => g.indicator.startsWith('生均教学及辅助用房面积'))!;

beforeAll(async () => {
  t = await createDemoApp();
  staff = await clientAs(t, [{ role: 'district_staff', office: '督导室' }]);
  ownId = await schoolIdOf(t.database, demo.schools.find((s) => s.name === DEMO_ACCOUNT_SCHOOL)!.code);
  otherId = await schoolIdOf(t.database, gap.schoolCode);
  schoolAdmin = await clientAs(t, [{ role: 'school_admin', schoolId: ownId }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const find = (items: IndicatorValue[], code: string, stage: string | null = null) =>
  items.find((v) => v.code === code && v.stage === stage);

describe('GET /indicators', () => {
  it('returns the district values of the latest year with numerator, denominator, threshold and status', async () => {
    const res = await staff.get('/api/v1/indicators');
    expect(res.statusCode).toBe(200);
    const body = res.json() as IndicatorList;
    expect(body.year).toBe(2025);
    expect(body.asOf).toBe('2025-09-01');
    expect(body.years).toEqual([2025, 2024, 2023, 2022, 2021]);
    const area = find(body.items, 'balanced.teaching_area_per_student', 'primary')!;
    expect(area.numerator).toBeGreaterThan(0);
    expect(area.denominator).toBeGreaterThan(0);
    expect(area.value).toBeCloseTo(area.numerator! / area.denominator!, 9);
    expect(area.threshold).toMatchObject({ value: 4.5, comparator: '>=', level: 'national' });
    expect(area.status).toBe('met');
    const cv = find(body.items, 'balanced.cv.teaching_area_per_student', 'junior')!;
    expect(cv.threshold?.value).toBe(0.45);
    expect(cv.display).toMatch(/^0\.\d\d$/);
    // The demo builds in failing schools, so the share of passing primary schools is below 100 %.
    expect(find(body.items, 'balanced.schools_passing_share', 'primary')!.status).toBe('not_met');
    expect(find(body.items, 'preschool.public_share', 'preschool')!.value).toBeGreaterThan(50);
    // Catalog entries without base data are listed as no_data with the reason.
    expect(find(body.items, 'balanced.teacher_pay_ratio')).toMatchObject({ status: 'no_data', value: null });
  });

  it('filters by stage, street and sponsor', async () => {
    const primary = (await staff.get('/api/v1/indicators?year=2025&stage=primary')).json() as IndicatorList;
    expect(primary.items.length).toBeGreaterThan(10);
    expect(primary.items.every((v) => v.stage === 'primary' || v.stage === null)).toBe(true);
    const street = (
      await t.database.db.selectFrom('org_unit').select('id').where('kind', '=', 'street').orderBy('id').executeTakeFirstOrThrow()
    ).id;
    const inStreet = (await staff.get(`/api/v1/indicators?stage=primary&streetId=${street}`)).json() as IndicatorList;
    const whole = find(primary.items, 'balanced.teaching_area_per_student', 'primary')!;
    const part = find(inStreet.items, 'balanced.teaching_area_per_student', 'primary')!;
    expect(part.denominator).toBeLessThan(whole.denominator!);
    expect(inStreet.warnings.some((w) => w.includes('毛入园'))).toBe(true);
    const publicOnly = (await staff.get('/api/v1/indicators?sponsor=public&stage=preschool')).json() as IndicatorList;
    expect(find(publicOnly.items, 'preschool.public_share', 'preschool')!.value).toBe(100);
  });

  it('gives one school its values with scope=school:<id>', async () => {
    const body = (await staff.get(`/api/v1/indicators?scope=school:${otherId}`)).json() as IndicatorList;
    const area = body.items.find((v) => v.code === 'balanced.teaching_area_per_student')!;
    expect(area).toMatchObject({ level: 'stage_part', schoolId: otherId, status: 'not_met' });
  });

  it('lets a school administrator see the district values and their own school, nothing narrower or foreign', async () => {
    expect((await schoolAdmin.get('/api/v1/indicators')).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/v1/indicators?scope=school:${ownId}`)).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/v1/indicators?scope=school:${otherId}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get('/api/v1/indicators?sponsor=public')).statusCode).toBe(403);
    const teacher = await clientAs(t, [{ role: 'teacher', schoolId: ownId }]);
    expect((await teacher.get('/api/v1/indicators')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/indicators' })).statusCode).toBe(401);
  });

  it('rejects malformed queries with 400', async () => {
    expect((await staff.get('/api/v1/indicators?scope=everything')).statusCode).toBe(400);
    expect((await staff.get('/api/v1/indicators?stage=college')).statusCode).toBe(400);
  });
});

describe('catalog and trend', () => {
  it('lists every definition with the thresholds in force per stage', async () => {
    const body = (await staff.get('/api/v1/indicators/catalog?asOf=2025-09-01')).json();
    const def = body.items.find((d: { code: string }) => d.code === 'balanced.teachers_above_qualification_per100');
    expect(def.thresholds.map((x: { stage: string; threshold: { value: number } }) => [x.stage, x.threshold.value])).toEqual([
      ['primary', 4.2],
      ['junior', 5.3],
    ]);
    expect(body.items.find((d: { code: string }) => d.code === 'balanced.teacher_pay_ratio').computedFromData).toBe(false);
  });

  it('gives a five-year trend and asks for a stage when the indicator has several', async () => {
    const res = await staff.get('/api/v1/indicators/trend?code=preschool.inclusive_share');
    const body = res.json() as IndicatorTrend;
    expect(body.points.map((p) => p.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(body.points.every((p) => p.value !== null && p.value.value !== null)).toBe(true);
    expect((await staff.get('/api/v1/indicators/trend?code=balanced.teaching_area_per_student')).statusCode).toBe(400);
    const primary = (
      await staff.get('/api/v1/indicators/trend?code=balanced.teaching_area_per_student&stage=primary&years=3')
    ).json() as IndicatorTrend;
    expect(primary.points).toHaveLength(3);
    expect(primary.stage).toBe('primary');
    expect((await staff.get('/api/v1/indicators/trend?code=no.such')).statusCode).toBe(404);
  });
});

describe('per-school values and drill-down', () => {
  it('ranks the schools and summarises the distribution', async () => {
    const body = (
      await staff.get('/api/v1/indicators/balanced.teaching_area_per_student/schools?stage=primary')
    ).json() as IndicatorSchools;
    expect(body.items.length).toBeGreaterThan(40);
    expect(body.items[0]!.rank).toBe(1);
    const values = body.items.map((x) => x.value.value!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(body.distribution.count).toBe(body.items.length);
    expect(body.distribution.bins.reduce((s, b) => s + b.count, 0)).toBe(body.items.length);
    expect(body.distribution.notMet).toBeGreaterThanOrEqual(1);
    expect(body.items.some((x) => x.schoolId === otherId && x.value.status === 'not_met')).toBe(true);
  });

  it('gives a school administrator only their own school, with its rank among all', async () => {
    const body = (
      await schoolAdmin.get('/api/v1/indicators/balanced.teaching_area_per_student/schools?stage=primary')
    ).json() as IndicatorSchools;
    expect(body.restricted).toBe(true);
    expect(body.items.map((x) => x.schoolId)).toEqual([ownId]);
    expect(body.ranked).toBeGreaterThan(40);
  });

  it('drills down from a value to its inputs and the records behind them', async () => {
    const res = await staff.get(`/api/v1/indicators/balanced.teaching_area_per_student/schools/${otherId}?stage=primary`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as IndicatorDrillDown;
    const v = body.values[0]!;
    expect(v.status).toBe('not_met');
    expect(body.inputs[0]).toMatchObject({ label: '教学及辅助用房面积（m²）', value: v.numerator });
    expect(body.grades.reduce((s, g) => s + (g.stage === 'primary' ? g.students : 0), 0)).toBe(v.denominator);
    expect(body.condition!.teaching_area).toBeCloseTo(v.numerator! / body.split.find((s) => s.stage === 'primary')!.share, 6);
    expect(body.teachers).toEqual([]);
  });

  it('lists the teachers counted, with masked ID numbers', async () => {
    const body = (
      await staff.get(`/api/v1/indicators/balanced.pe_art_teachers_per100/schools/${ownId}?stage=primary`)
    ).json() as IndicatorDrillDown;
    const counted = body.teachers.filter((x) => x.counted);
    expect(counted.reduce((s, x) => s + x.share, 0)).toBeCloseTo(body.values[0]!.numerator!, 9);
    expect(counted.every((x) => ['体育', '体育与健康', '音乐', '美术', '艺术'].includes(x.subject!))).toBe(true);
    expect(body.teachers.every((x) => /\*{4}/.test(x.idNumberMasked))).toBe(true);
  });

  it('answers 404 to a school administrator drilling into another school', async () => {
    expect((await schoolAdmin.get(`/api/v1/indicators/balanced.teaching_area_per_student/schools/${otherId}`)).statusCode).toBe(404);
    expect((await schoolAdmin.get(`/api/v1/indicators/balanced.teaching_area_per_student/schools/${ownId}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/indicators/no.such/schools/${ownId}`)).statusCode).toBe(404);
  });
});

describe('GET /schools/:id/indicators', () => {
  it('shows a school its parts with the 优质均衡 verdict, school-level values and the district for comparison', async () => {
    const body = (await staff.get(`/api/v1/schools/${otherId}/indicators?year=2025`)).json() as SchoolIndicators;
    const primary = body.parts.find((p) => p.stage === 'primary')!;
    expect(primary.verdict!.status).toBe('fail');
    expect(primary.verdict!.reason).toContain('生均教学及辅助用房面积');
    expect(body.schoolValues.some((v) => v.code === 'compulsory.school_size')).toBe(true);
    expect(body.district.some((v) => v.code === 'balanced.teaching_area_per_student' && v.level === 'district')).toBe(true);
  });

  it('is scoped: own school 200, another 404', async () => {
    expect((await schoolAdmin.get(`/api/v1/schools/${ownId}/indicators`)).statusCode).toBe(200);
    expect((await schoolAdmin.get(`/api/v1/schools/${otherId}/indicators`)).statusCode).toBe(404);
  });
});

describe('the OpenAPI page', () => {
  it('documents the indicator, assessment and data-quality endpoints', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const p of [
      '/api/v1/indicators/',
      '/api/v1/indicators/catalog',
      '/api/v1/indicators/trend',
      '/api/v1/indicators/thresholds',
      '/api/v1/indicators/{code}/schools',
      '/api/v1/indicators/{code}/schools/{schoolId}',
      '/api/v1/schools/{id}/indicators',
      '/api/v1/assessments/{kind}',
      '/api/v1/assessments/balanced/what-if',
      '/api/v1/assessments/{kind}/{year}/items/{itemNo}',
      '/api/v1/assessments/{kind}/{year}/export.xlsx',
      '/api/v1/data-quality/',
      '/api/v1/data-quality/summary',
    ])
      expect(paths, p).toContain(p);
  });

  it('answers 404 for a year without data', async () => {
    expect((await staff.get('/api/v1/indicators?year=2030')).statusCode).toBe(404);
    expect((await staff.get('/api/v1/assessments/balanced?year=2030')).statusCode).toBe(404);
  });
});

describe('cache and data changes', () => {
  it('recomputes when base data changes and marks values of schools failing validation', async () => {
    const before = (await staff.get(`/api/v1/indicators?scope=school:${otherId}`)).json() as IndicatorList;
    const area = before.items.find((v) => v.code === 'balanced.teaching_area_per_student')!;
    expect((await staff.get(`/api/v1/indicators?scope=school:${otherId}`)).json().dataVersion).toBe(before.dataVersion);
    await t.database.db
      .updateTable('school_condition')
      .set({ teaching_area: 100000 })
      .where('school_id', '=', otherId)
      .where('school_year', '=', 2025)
      .execute();
    // A grade row where girls exceed students fails a validation rule.
    await t.database.db
      .updateTable('school_year_stat')
      .set({ girls: 9999 })
      .where('school_id', '=', otherId)
      .where('school_year', '=', 2025)
      .where('grade', '=', 'P1')
      .execute();
    const after = (await staff.get(`/api/v1/indicators?scope=school:${otherId}`)).json() as IndicatorList;
    expect(after.dataVersion).not.toBe(before.dataVersion);
    const changed = after.items.find((v) => v.code === 'balanced.teaching_area_per_student')!;
    expect(changed.value).toBeGreaterThan(area.value!);
    expect(changed.status).toBe('met');
    expect(changed.warnings.some((w) => w.startsWith('数据质量'))).toBe(true);
    const district = (await staff.get('/api/v1/indicators?stage=primary')).json() as IndicatorList;
    expect(district.warnings.some((w) => w.includes('校验错误'))).toBe(true);
  });
});

describe('rotation rules', () => {
  it('counts teachers due for rotation under the 应交流年限 of the rule set in force, and names it', async () => {
    const rotation = async () =>
      find(((await staff.get('/api/v1/indicators?year=2025')).json() as IndicatorList).items, 'teachers.rotation_share')!;
    const before = await rotation();
    expect(before.denominator).toBeGreaterThan(0);
    expect(before.warnings.some((w) => /同校任教满6年/.test(w))).toBe(true);
    const inForce = await t.database.db
      .selectFrom('rotation_rule_set')
      .select(['rules'])
      .where('valid_from', '<=', '2025-09-01')
      .orderBy('valid_from', 'desc')
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('rotation_rule_set')
      .values({
        title: '测试：三年即应交流',
        document_number: '测教〔2025〕3号',
        valid_from: '2025-08-01',
        rules: JSON.stringify({ ...(inForce.rules as object), eligibleYears: 3 }),
      })
      .execute();
    const after = await rotation();
    // Fewer years at the school make more teachers due; the numerator (those who rotated) does not depend on it.
    expect(after.denominator).toBeGreaterThan(before.denominator!);
    expect(after.numerator).toBe(before.numerator);
    expect(after.warnings).toContain('按《测试：三年即应交流》（测教〔2025〕3号）：同校任教满3年计应交流教师');
    await t.database.db.deleteFrom('rotation_rule_set').where('document_number', '=', '测教〔2025〕3号').execute();
    expect((await rotation()).denominator).toBe(before.denominator);
  });
});
