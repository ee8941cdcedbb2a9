import { describe, expect, it } from 'vitest';
import {
  addMonths,
  applyAppeal,
  daysBetween,
  isWithinPeriod,
  penaltyPeriod,
  periodEnd,
  restrictionLabel,
  restrictionsForDecision,
} from './periods.ts';
import { ETHICS_RULES_2018, ethicsRulesOn } from './rules.ts';

const R = ETHICS_RULES_2018;

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-10', -6, '2025-11-10'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('periodEnd (inclusive last day of N months)', () => {
  it.each([
    // 记过 12 months from the first of a month ends on the last day of the month before.
    ['2026-03-01', 12, '2027-02-28'],
    ['2027-03-01', 12, '2028-02-29'],
    ['2026-01-15', 6, '2026-07-14'],
    // No corresponding day in a short month: the period ends at that month's end.
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-08-30', 6, '2027-02-28'],
    ['2026-08-29', 6, '2027-02-28'],
    ['2026-08-28', 6, '2027-02-27'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2027-08-30', 6, '2028-02-29'],
    // Leap day start.
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-28'],
    ['2026-12-31', 1, '2027-01-30'],
    ['2026-12-01', 1, '2026-12-31'],
    ['2026-07-20', 24, '2028-07-19'],
  ])('%s for %i months ends %s', (from, months, expected) => {
    expect(periodEnd(from, months)).toBe(expected);
  });

  it('refuses non-positive months', () => {
    expect(() => periodEnd('2026-01-01', 0)).toThrow();
    expect(() => periodEnd('2026-01-01', 1.5)).toThrow();
  });
});

describe('penalty periods of 教师〔2018〕18号', () => {
  it.each([
    ['warning', '2026-03-01', '2026-08-31'],
    ['demerit', '2026-03-01', '2027-02-28'],
    ['demotion', '2026-03-01', '2028-02-29'],
    ['dismissal', '2026-03-10', '2028-03-09'],
    ['expulsion', '2026-03-01', null],
  ] as const)('%s from %s runs to %s', (penalty, from, to) => {
    expect(penaltyPeriod(R, penalty, from)).toEqual({ from, to });
  });

  it('counts the first and the last day as inside, the next day as outside', () => {
    const p = penaltyPeriod(R, 'demerit', '2026-03-01');
    expect(isWithinPeriod(p, '2026-03-01')).toBe(true);
    expect(isWithinPeriod(p, '2027-02-28')).toBe(true);
    expect(isWithinPeriod(p, '2027-03-01')).toBe(false);
    expect(isWithinPeriod(p, '2026-02-28')).toBe(false);
    expect(isWithinPeriod(penaltyPeriod(R, 'expulsion', '2026-03-01'), '2099-12-31')).toBe(true);
  });

  it('labels periods with their dates', () => {
    expect(restrictionLabel('记过处分', { from: '2026-03-01', to: '2027-02-28' })).toBe('记过处分（2026-03-01 至 2027-02-28）');
    expect(restrictionLabel('开除处分', { from: '2026-03-01', to: null })).toBe('开除处分（2026-03-01 起）');
  });

  it('lists the 11 violation categories and uses the 2018 rules for cases since 2018-11-08', () => {
    expect(R.categories).toHaveLength(11);
    expect(R.categories[10]!.label).toBe('其他违反职业道德的行为');
    expect(ethicsRulesOn('2026-01-01').version).toBe('教师〔2018〕18号');
    expect(daysBetween('2026-02-20', '2026-03-02')).toBe(10);
  });
});

describe('restrictionsForDecision', () => {
  it('imposes nothing for no violation', () => {
    expect(restrictionsForDecision(R, { outcome: 'no_violation', effectiveOn: '2026-03-01' })).toEqual([]);
  });

  it('imposes the 处分期 on every purpose and a separate disqualification period', () => {
    const drafts = restrictionsForDecision(R, {
      outcome: 'penalty',
      penalty: 'demerit',
      disqualificationMonths: 24,
      effectiveOn: '2026-03-01',
    });
    expect(drafts.map((d) => [d.kind, d.label, d.period.to])).toEqual([
      ['penalty', '记过处分', '2027-02-28'],
      ['disqualification', '取消评奖评优等资格24个月', '2028-02-29'],
    ]);
    expect(drafts[0]!.purposes).toContain('award');
    expect(drafts[0]!.purposes).toContain('rotation_backbone_receiver');
  });

  it('other measures without disqualification impose nothing; with it, only the disqualification', () => {
    expect(restrictionsForDecision(R, { outcome: 'other_measures', effectiveOn: '2026-03-01' })).toEqual([]);
    const d = restrictionsForDecision(R, { outcome: 'other_measures', disqualificationMonths: 24, effectiveOn: '2026-03-01' });
    expect(d).toHaveLength(1);
    expect(d[0]!.kind).toBe('disqualification');
  });

  it('开除 is indefinite', () => {
    const [p] = restrictionsForDecision(R, { outcome: 'penalty', penalty: 'expulsion', effectiveOn: '2026-03-01' });
    expect(p!.period.to).toBeNull();
  });
});

describe('applyAppeal', () => {
  const existing = [
    { id: 1, kind: 'penalty' as const, period: { from: '2026-03-01', to: '2028-02-29' } },
    { id: 2, kind: 'disqualification' as const, period: { from: '2026-03-01', to: '2028-02-29' } },
  ];

  it('upheld changes nothing; revoked revokes everything', () => {
    expect(applyAppeal(R, existing, '2026-03-01', { kind: 'upheld' })).toEqual({ revoke: [], update: [], add: [] });
    expect(applyAppeal(R, existing, '2026-03-01', { kind: 'revoked' }).revoke).toEqual([1, 2]);
  });

  it('a lighter penalty shortens the period from the same first day and drops a disqualification no longer imposed', () => {
    const c = applyAppeal(R, existing, '2026-03-01', { kind: 'changed', outcome: 'penalty', penalty: 'warning' });
    expect(c.update).toEqual([{ id: 1, label: '警告处分', to: '2026-08-31' }]);
    expect(c.revoke).toEqual([2]);
    expect(c.add).toEqual([]);
  });

  it('changing a penalty to other measures with disqualification revokes the penalty and keeps a shorter disqualification', () => {
    const c = applyAppeal(R, existing, '2026-03-01', { kind: 'changed', outcome: 'other_measures', disqualificationMonths: 12 });
    expect(c.revoke).toEqual([1]);
    expect(c.update).toEqual([{ id: 2, label: '取消评奖评优等资格12个月', to: '2027-02-28' }]);
  });

  it('adds a kind the original decision did not have', () => {
    const c = applyAppeal(R, [existing[0]!], '2026-03-01', {
      kind: 'changed',
      outcome: 'penalty',
      penalty: 'demerit',
      disqualificationMonths: 24,
    });
    expect(c.update).toEqual([{ id: 1, label: '记过处分', to: '2027-02-28' }]);
    expect(c.add.map((a) => a.kind)).toEqual(['disqualification']);
  });
});
