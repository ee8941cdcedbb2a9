import { describe, expect, it } from 'vitest';
import { findIndicator, INDICATORS } from './catalog.ts';
import { isIsoDate } from './dates.ts';
import { compareToThreshold, NATIONAL_THRESHOLDS, resolveThreshold, resolveThresholdCached } from './thresholds.ts';
import { computeRatioIndicator } from './compute.ts';
import type { Threshold } from './types.ts';

const AREA = 'balanced.teaching_area_per_student';
const local = (over: Partial<Threshold>): Threshold => ({
  indicatorCode: AREA,
  stage: 'junior',
  value: 6.0,
  comparator: '>=',
  level: 'district',
  document: '区教委〔2023〕1号',
  effectiveFrom: '2023-09-01',
  note: '',
  ...over,
});
const pick = (extra: Threshold[], asOf: string, code = AREA, stage: 'primary' | 'junior' | null = 'junior') =>
  resolveThreshold([...NATIONAL_THRESHOLDS, ...extra], code, stage, asOf);

describe('catalog and national thresholds', () => {
  it('has unique codes, a source and a factor matching the unit', () => {
    expect(new Set(INDICATORS.map((d) => d.code)).size).toBe(INDICATORS.length);
    for (const d of INDICATORS) {
      expect(d.source.document.length).toBeGreaterThan(0);
      expect(d.factor).toBe(d.unit === '%' || d.unit === 'per_100_students' ? 100 : 1);
    }
  });

  it('only names catalog indicators, with valid dates and a comparator matching the direction', () => {
    for (const t of NATIONAL_THRESHOLDS) {
      const def = findIndicator(t.indicatorCode);
      expect(def, t.indicatorCode).toBeDefined();
      expect(isIsoDate(t.effectiveFrom)).toBe(true);
      expect(t.comparator).toBe(def!.direction === 'min' ? '>=' : '<=');
    }
  });
});

describe('resolveThreshold', () => {
  it.each([
    // The national value of 第六条 is in force from the release date on, not the day before.
    ['2017-05-22', null],
    ['2017-05-23', 5.8],
    ['2025-09-01', 5.8],
  ])('national 初中 teaching area on %s → %s', (asOf, expected) => {
    expect(pick([], asOf).threshold?.value ?? null).toBe(expected);
  });

  it('applies a stricter district value from its effective date', () => {
    expect(pick([local({})], '2023-08-31').threshold?.value).toBe(5.8);
    const r = pick([local({})], '2023-09-01');
    expect([r.threshold?.value, r.threshold?.level, r.warnings]).toEqual([6.0, 'district', []]);
  });

  it('applies an equal district value (at least as strict)', () => {
    expect(pick([local({ value: 5.8 })], '2024-01-01').threshold?.level).toBe('district');
  });

  it('ignores a looser district value with a warning and keeps the national one', () => {
    const r = pick([local({ value: 5.0 })], '2024-01-01');
    expect(r.threshold?.level).toBe('national');
    expect(r.warnings[0]).toContain('不予采用');
  });

  it('checks a district value against the province, not only the nation (国家85 < 区88 < 省90 → 省90)', () => {
    const code = 'preschool.gross_enrolment_rate';
    const prov = local({ indicatorCode: code, stage: null, value: 90, level: 'province', effectiveFrom: '2021-01-01' });
    const dist = local({ indicatorCode: code, stage: null, value: 88, level: 'district', effectiveFrom: '2022-01-01' });
    const r = resolveThreshold([...NATIONAL_THRESHOLDS, prov, dist], code, 'preschool', '2024-01-01');
    expect([r.threshold?.value, r.threshold?.level]).toEqual([90, 'province']);
    expect(r.warnings).toHaveLength(1);
  });

  it.each([
    // For a ceiling (CV ≤ 0.45) lower is stricter.
    [0.4, 0.4, 0],
    [0.48, 0.45, 1],
  ])('初中 CV: district %s → %s (%s warnings)', (value, expected, warnings) => {
    const code = 'balanced.cv.teaching_area_per_student';
    const r = pick([local({ indicatorCode: code, comparator: '<=', value })], '2024-01-01', code);
    expect([r.threshold?.value, r.warnings.length]).toEqual([expected, warnings]);
  });

  it('takes the latest version of a level in force at the date', () => {
    const v1 = local({ value: 6.0, effectiveFrom: '2022-09-01' });
    const v2 = local({ value: 6.2, effectiveFrom: '2024-09-01' });
    expect(pick([v1, v2], '2024-08-31').threshold?.value).toBe(6.0);
    expect(pick([v1, v2], '2024-09-01').threshold?.value).toBe(6.2);
  });

  it('treats effectiveTo as the last day in force', () => {
    const v = local({ effectiveTo: '2024-06-30' });
    expect(pick([v], '2024-06-30').threshold?.value).toBe(6.0);
    expect(pick([v], '2024-07-01').threshold?.value).toBe(5.8);
  });

  it.each([
    // String comparison of ISO dates: a version starting on 29 Feb 2024 is in force from that day.
    ['2024-02-28', 5.8],
    ['2024-02-29', 6.0],
    ['2024-03-01', 6.0],
  ])('a version from 2024-02-29 on %s → %s', (asOf, expected) => {
    expect(pick([local({ effectiveFrom: '2024-02-29' })], asOf).threshold?.value).toBe(expected);
  });

  it('ignores a version with an impossible date (2023-02-29) and rejects an invalid evaluation date', () => {
    const r = pick([local({ effectiveFrom: '2023-02-29', value: 9 })], '2024-01-01');
    expect(r.threshold?.value).toBe(5.8);
    expect(r.warnings[0]).toContain('生效日期无效');
    expect(pick([], '2024-13-01')).toEqual({ threshold: null, warnings: ['评价日期无效：2024-13-01'] });
  });

  it('prefers a stage-specific row over an all-stages row of the same level', () => {
    const all = local({ stage: null, value: 7.0 });
    const junior = local({ stage: 'junior', value: 6.5 });
    expect(pick([all, junior], '2024-01-01').threshold?.value).toBe(6.5);
    expect(pick([all], '2024-01-01', AREA, 'primary').threshold?.value).toBe(7.0);
  });

  it('ignores a local row with the opposite comparator', () => {
    const r = pick([local({ comparator: '<=', value: 9 })], '2024-01-01');
    expect(r.threshold?.level).toBe('national');
    expect(r.warnings[0]).toContain('比较方向');
  });

  it('takes the strictest of two same-day versions of one level and warns', () => {
    const r = pick([local({ value: 6.0 }), local({ value: 6.4 })], '2024-01-01');
    expect(r.threshold?.value).toBe(6.4);
    expect(r.warnings[0]).toContain('多个版本');
  });

  it('uses a local value alone when there is no national one', () => {
    const code = 'high_school.gross_enrolment_rate';
    const r = resolveThreshold([local({ indicatorCode: code, stage: null, value: 95 })], code, 'senior', '2024-01-01');
    expect(r.threshold?.value).toBe(95);
  });
});

describe('compareToThreshold', () => {
  it.each([
    [4.2, '>=', 4.2, true], // equality passes
    [4.19, '>=', 4.2, false], // would display as 4.2 but fails: unrounded comparison
    [(42 * 100) / 1000, '>=', 4.2, true], // 42 teachers for 1000 pupils is exactly the standard
    [0.85 * 2.3, '>=', 1.955, true], // 0.85 × 2.3 is 1.9549999999999998 in binary floating point
    [0.45, '<=', 0.45, true],
    [0.4501, '<=', 0.45, false],
    [45, '<=', 45, true],
    [46, '<=', 45, false],
  ] as const)('%s %s %s → %s', (value, comparator, threshold, expected) => {
    expect(compareToThreshold(value, { value: threshold, comparator })).toBe(expected);
  });
});

describe('resolveThresholdCached', () => {
  it('answers what resolveThreshold answers for every code, stage and date', () => {
    const list = [...NATIONAL_THRESHOLDS, local({ value: 6.0 }), local({ value: 5.0, level: 'city', effectiveFrom: '2020-01-01' })];
    for (const asOf of ['2016-01-01', '2022-09-01', '2025-09-01', 'not-a-date'])
      for (const d of INDICATORS)
        for (const stage of [null, ...d.stages]) {
          const expected = resolveThreshold(list, d.code, stage, asOf);
          expect(resolveThresholdCached(list, d.code, stage, asOf)).toEqual(expected);
          // The second call is served from the cache and is still the same answer.
          expect(resolveThresholdCached(list, d.code, stage, asOf)).toEqual(expected);
        }
  });

  it('resolves a new list afresh: changed configuration changes the threshold and status', () => {
    const v = (thresholds: readonly Threshold[]) =>
      computeRatioIndicator({
        code: AREA,
        numerator: 550,
        denominator: 100,
        scope: { level: 'stage_part', stage: 'junior' },
        context: { thresholds, asOf: '2024-09-01' },
      });
    const national = [...NATIONAL_THRESHOLDS];
    expect(v(national).threshold?.value).toBe(5.8);
    expect(v(national).status).toBe('not_met');
    const stricter = [...NATIONAL_THRESHOLDS, local({ value: 6.5 })];
    expect(v(stricter).threshold?.value).toBe(6.5);
    expect(v(national).threshold?.value).toBe(5.8);
  });

  it('notices a list changed in place (push) and resolves it again', () => {
    const list: Threshold[] = [...NATIONAL_THRESHOLDS];
    expect(resolveThresholdCached(list, AREA, 'junior', '2024-09-01').threshold?.value).toBe(5.8);
    list.push(local({ value: 7.0 }));
    expect(resolveThresholdCached(list, AREA, 'junior', '2024-09-01').threshold?.value).toBe(7.0);
    list.splice(list.length - 1, 1);
    expect(resolveThresholdCached(list, AREA, 'junior', '2024-09-01').threshold?.value).toBe(5.8);
  });

  it('keeps dates apart: a version in force later does not apply earlier', () => {
    const list = [...NATIONAL_THRESHOLDS, local({ value: 6.5, effectiveFrom: '2024-09-01' })];
    expect(resolveThresholdCached(list, AREA, 'junior', '2024-09-01').threshold?.value).toBe(6.5);
    expect(resolveThresholdCached(list, AREA, 'junior', '2023-09-01').threshold?.value).toBe(5.8);
  });

  it('shares a resolution without letting the warnings of a value leak into it', () => {
    const list = [...NATIONAL_THRESHOLDS, local({ value: 4.0 })];
    const first = computeRatioIndicator({
      code: AREA,
      numerator: 1,
      denominator: 1,
      scope: { level: 'stage_part', stage: 'junior' },
      context: { thresholds: list, asOf: '2024-09-01' },
    });
    first.warnings.push('added by a caller');
    const again = resolveThresholdCached(list, AREA, 'junior', '2024-09-01');
    expect(again.warnings).not.toContain('added by a caller');
    expect(again.warnings.length).toBeGreaterThan(0);
  });
});
