/**
 * Threshold versions: a stricter local value changes the threshold and status the values are judged by;
 * a looser one is stored but reported as not applied; validation, ending a version, audit and who may.
 */
import type { IndicatorList, ThresholdVersion } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../../test/app.ts';
import { clientAs, createDemoApp } from './indicator-test-support.ts';

let t: TestApp;
let admin: TestClient;
let staff: TestClient;

beforeAll(async () => {
  t = await createDemoApp();
  admin = await clientAs(t, [{ role: 'district_admin' }]);
  staff = await clientAs(t, [{ role: 'district_staff', office: '督导室' }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const inclusive = async () =>
  ((await staff.get('/api/v1/indicators?year=2025&stage=preschool')).json() as IndicatorList).items.find(
    (v) => v.code === 'preschool.inclusive_share',
  )!;
const audits = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('threshold versions', () => {
  it('lists the national defaults as built-in versions applied today', async () => {
    const body = (await staff.get('/api/v1/indicators/thresholds?code=preschool.inclusive_share')).json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: null,
      builtin: true,
      level: 'national',
      value: 80,
      comparator: '>=',
      inForce: true,
      applied: true,
    });
  });

  it('applies a stricter district value from its effective date, which can fail a value that met the national one', async () => {
    const before = await inclusive();
    expect(before.status).toBe('met');
    const strict = Math.ceil(before.value! + 1);
    const res = await admin.post('/api/v1/indicators/thresholds', {
      indicatorCode: 'preschool.inclusive_share',
      stage: 'preschool',
      value: strict,
      level: 'district',
      document: '示例区教委〔2025〕12号',
      effectiveFrom: '2025-01-01',
      sourceUrl: 'https://example.gov.cn/doc/12',
      note: '区级提高普惠率目标',
    });
    expect(res.statusCode).toBe(200);
    const v = res.json() as ThresholdVersion;
    expect(v).toMatchObject({ builtin: false, level: 'district', comparator: '>=', inForce: true, applied: true, warning: null });
    const after = await inclusive();
    expect(after.threshold).toMatchObject({ value: strict, level: 'district', document: '示例区教委〔2025〕12号' });
    expect(after.status).toBe('not_met');
    // Years before the effective date keep the national value.
    const y2023 = ((await staff.get('/api/v1/indicators?year=2023&stage=preschool')).json() as IndicatorList).items.find(
      (x) => x.code === 'preschool.inclusive_share',
    )!;
    expect(y2023.threshold?.level).toBe('national');
    const audit = await audits('indicator_threshold.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_id).toBe(String(v.id));

    const ended = await admin.patch(`/api/v1/indicators/thresholds/${v.id}`, { effectiveTo: '2025-06-30', note: '改为次年执行' });
    expect(ended.json()).toMatchObject({ effectiveTo: '2025-06-30', inForce: false, applied: false });
    expect((await inclusive()).threshold?.level).toBe('national');
    expect(await audits('indicator_threshold.update')).toHaveLength(1);
  });

  it('stores a looser local value but reports it as not applied, and keeps judging by the national one', async () => {
    const res = await admin.post('/api/v1/indicators/thresholds', {
      indicatorCode: 'balanced.teaching_area_per_student',
      stage: 'primary',
      value: 3,
      level: 'city',
      document: '某市文件',
      effectiveFrom: '2024-01-01',
    });
    expect(res.statusCode).toBe(200);
    const v = res.json() as ThresholdVersion;
    expect(v).toMatchObject({ inForce: true, applied: false });
    expect(v.warning).toContain('不予采用');
    const values = ((await staff.get('/api/v1/indicators?stage=primary')).json() as IndicatorList).items;
    const area = values.find((x) => x.code === 'balanced.teaching_area_per_student')!;
    expect(area.threshold?.value).toBe(4.5);
    expect(area.warnings.some((w) => w.includes('不予采用'))).toBe(true);
  });

  it('validates the code, stage, value and dates', async () => {
    const base = {
      indicatorCode: 'preschool.public_share',
      stage: null,
      value: 55,
      level: 'district',
      document: '示例文件',
      effectiveFrom: '2025-01-01',
    };
    expect((await admin.post('/api/v1/indicators/thresholds', { ...base, indicatorCode: 'no.such' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/indicators/thresholds', { ...base, stage: 'junior' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/indicators/thresholds', { ...base, value: -1 })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/indicators/thresholds', { ...base, effectiveTo: '2024-01-01' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/indicators/thresholds', { ...base, document: '' })).statusCode).toBe(400);
    expect((await admin.patch('/api/v1/indicators/thresholds/99999', { effectiveTo: null })).statusCode).toBe(404);
  });

  it('lets only district users with base:write add versions', async () => {
    const body = {
      indicatorCode: 'preschool.public_share',
      stage: null,
      value: 60,
      level: 'district',
      document: '示例文件',
      effectiveFrom: '2025-01-01',
    };
    expect((await staff.post('/api/v1/indicators/thresholds', body)).statusCode).toBe(403);
    const school = (await t.database.db.selectFrom('school').select('id').limit(1).executeTakeFirstOrThrow()).id;
    const schoolAdmin = await clientAs(t, [{ role: 'school_admin', schoolId: school }]);
    expect((await schoolAdmin.post('/api/v1/indicators/thresholds', body)).statusCode).toBe(403);
    expect((await schoolAdmin.get('/api/v1/indicators/thresholds')).statusCode).toBe(200);
  });
});
