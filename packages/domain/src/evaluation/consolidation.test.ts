import { describe, expect, it } from 'vitest';
import { aggregateScores } from './aggregation.ts';
import { consolidatedScores, consolidateScores, overrideConsolidatedPoint, type InspectorSheet } from './consolidation.ts';
import type { RubricTemplate } from './rubric.ts';
import { FIXTURE, lvl, pts, sheet, yn } from './test-fixtures.ts';

/** The consolidation of one points check point given each inspector's points. */
function pointOf(code: string, values: number[], template: RubricTemplate = FIXTURE, ratio?: number) {
  const sheets: InspectorSheet[] = values.map((v, i) => ({ inspectorId: `I${i + 1}`, scores: [pts(code, v)] }));
  const c = consolidateScores(template, sheets, ratio === undefined ? {} : { disagreementRatio: ratio });
  return c.points.find((p) => p.code === code)!;
}

describe('consolidateScores: statistics, proposal and disagreement flag', () => {
  it.each([
    // [case, code, values, mean, min, max, spread, rule, proposed, flagged]
    // 300, 320, 390: mean 1010 / 3 = 336.67; median 320; spread 90 > 20 % × 400 = 80 → flagged.
    ['three inspectors: the median', 'A1.1.1', [300, 320, 390], 336.67, 300, 390, 90, 'median', 320, true],
    // 300, 380: mean 340; spread 80 = exactly 20 % of 400 → not flagged (the flag needs more than 20 %).
    ['two inspectors at the boundary: the mean, not flagged', 'A1.1.1', [300, 380], 340, 300, 380, 80, 'mean', 340, false],
    // 300, 380.5: spread 80.5 > 80 → flagged; mean 340.25 lies halfway between 340 and 340.5 → the lower, 340.
    ['just past the boundary: flagged, the half step rounds down', 'A1.1.1', [300, 380.5], 340.25, 300, 380.5, 80.5, 'mean', 340, true],
    // 100, 101.5: mean 100.75 lies halfway between the steps 100.5 and 101 → the lower, 100.5.
    ['a mean between steps', 'A1.1.2', [100, 101.5], 100.75, 100, 101.5, 1.5, 'mean', 100.5, false],
    // four inspectors 200, 210, 230, 290: median (210 + 230) / 2 = 220; spread 90 > 60 (20 % of 300) → flagged.
    ['four inspectors: the median of the middle two', 'A2.1', [200, 210, 230, 290], 232.5, 200, 290, 90, 'median', 220, true],
    // one inspector: the mean is their score.
    ['a single inspector', 'A2.1', [150], 150, 150, 150, 0, 'mean', 150, false],
  ] as const)('%s', (_case, code, values, mean, min, max, spread, rule, proposed, isFlagged) => {
    const p = pointOf(code, [...values]);
    expect({
      mean: p.mean,
      min: p.min,
      max: p.max,
      spread: p.spread,
      rule: p.rule,
      proposed: p.proposed.points,
      isFlagged: p.isFlagged,
    }).toEqual({ mean, min, max, spread, rule, proposed, isFlagged });
    expect(p.final).toEqual(p.proposed);
  });

  it('takes a configurable disagreement ratio', () => {
    // Spread 50 on a 400-point check point: 12.5 %. Flagged at 10 %, not at the default 20 %.
    expect(pointOf('A1.1.1', [300, 350]).isFlagged).toBe(false);
    expect(pointOf('A1.1.1', [300, 350], FIXTURE, 0.1).isFlagged).toBe(true);
  });

  it('proposes the nearest level, the lower one on a tie', () => {
    const level = (labels: string[]) =>
      consolidateScores(
        FIXTURE,
        labels.map((l, i) => ({ inspectorId: `I${i + 1}`, scores: [lvl('A2.2', l)] })),
      ).points[0]!;
    // 优 100 and 良 80: mean 90, equally far from both → 良. Spread 20 = 20 % of 100 → not flagged.
    expect(level(['优', '良'])).toMatchObject({ proposed: { input: { kind: 'level', label: '良' }, points: 80 }, isFlagged: false });
    // 优, 优, 差: median 100 → 优. Spread 100 → flagged.
    expect(level(['优', '优', '差'])).toMatchObject({
      proposed: { input: { kind: 'level', label: '优' }, points: 100 },
      isFlagged: true,
      rule: 'median',
    });
  });

  it('decides yes/no by majority; an even split proposes "no" and waits for the lead', () => {
    const yesNo = (answers: boolean[]) =>
      consolidateScores(
        FIXTURE,
        answers.map((yes, i) => ({ inspectorId: `I${i + 1}`, scores: [yn('A2.3', yes, yes ? undefined : `问题${i + 1}`)] })),
      );
    const majority = yesNo([true, true, false]);
    // A veto item is worth 0 points, so the spread is 0; differing answers are still flagged.
    expect(majority.points[0]).toMatchObject({
      proposed: { input: { kind: 'yes_no', yes: true } },
      isFlagged: true,
      isTie: false,
      rule: 'majority',
    });
    expect(majority.unresolved).toEqual([]);
    const split = yesNo([true, false]);
    expect(split.points[0]).toMatchObject({ proposed: { input: { kind: 'yes_no', yes: false }, note: '问题2' }, isTie: true });
    expect(split.unresolved).toEqual(['A2.3']);
  });

  it('lists check points nobody scored and keeps invalid scores aside', () => {
    const c = consolidateScores(FIXTURE, [
      { inspectorId: 'I1', scores: [pts('A1.1.1', 300), pts('A2.1', 999)] },
      { inspectorId: 'I2', scores: [pts('A1.1.1', 310)] },
    ]);
    expect(c.points.map((p) => p.code)).toEqual(['A1.1.1']);
    expect(c.notScored).toEqual(['A1.1.2', 'A2.1', 'A2.2', 'A2.3']);
  });
});

describe('overrideConsolidatedPoint', () => {
  const base = consolidateScores(FIXTURE, [
    { inspectorId: 'I1', scores: [pts('A1.1.1', 300), yn('A2.3', true)] },
    { inspectorId: 'I2', scores: [pts('A1.1.1', 390), yn('A2.3', false, '消防通道堵塞')] },
  ]);
  const at = '2025-05-20T10:00:00+08:00';

  it('records who decided, why, and what the decision replaced', () => {
    const r = overrideConsolidatedPoint(FIXTURE, base, {
      code: 'A1.1.1',
      by: 'lead-1',
      reason: '复核测绘资料后认定',
      at,
      input: { kind: 'points', points: 380 },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.consolidation.points.find((x) => x.code === 'A1.1.1')!;
    // Proposal was the mean (300 + 390) / 2 = 345.
    expect(p.override).toEqual({
      by: 'lead-1',
      reason: '复核测绘资料后认定',
      at,
      replaced: { input: { kind: 'points', points: 345 }, points: 345 },
    });
    expect(p.final).toEqual({ input: { kind: 'points', points: 380 }, points: 380 });
  });

  it('resolves a tie', () => {
    expect(base.unresolved).toEqual(['A2.3']);
    const r = overrideConsolidatedPoint(FIXTURE, base, {
      code: 'A2.3',
      by: 'lead-1',
      reason: '现场复查已整改',
      at,
      input: { kind: 'yes_no', yes: true },
    });
    expect(r.ok && r.consolidation.unresolved).toEqual([]);
  });

  it.each([
    ['a blank reason', { reason: '  ', input: { kind: 'points', points: 380 } }, '组长调整合议分须填写理由'],
    ['a score out of range', { reason: '复核', input: { kind: 'points', points: 401 } }, '分数 401 超出范围 0–400'],
    ['an unknown check point', { code: 'A9.9', reason: '复核', input: { kind: 'points', points: 1 } }, '模板中没有评估要点 A9.9'],
  ] as const)('refuses %s', (_case, change, message) => {
    expect(overrideConsolidatedPoint(FIXTURE, base, { code: 'A1.1.1', by: 'lead-1', at, ...change })).toEqual({ ok: false, message });
  });

  it('lets the lead score a check point nobody scored', () => {
    const r = overrideConsolidatedPoint(FIXTURE, base, {
      code: 'A2.1',
      by: 'lead-1',
      reason: '组员漏评，由组长补评',
      at,
      input: { kind: 'points', points: 250 },
    });
    expect(r.ok && r.consolidation.notScored).toEqual(['A1.1.2', 'A2.2']);
    expect(r.ok && r.consolidation.points.map((p) => p.code)).toEqual(['A1.1.1', 'A2.1', 'A2.3']);
  });
});

describe('consolidatedScores', () => {
  it('feeds the final scores to aggregation', () => {
    // I1: 300, 150, 220, 良, yes; I2: 310, 160, 230, 优, yes.
    // Means: 305, 155, 225, level mean 90 → 良 (80); total 305 + 155 + 225 + 80 = 765 → 合格.
    const c = consolidateScores(FIXTURE, [
      { inspectorId: 'I1', scores: sheet(300, 150, 220, '良') },
      { inspectorId: 'I2', scores: sheet(310, 160, 230, '优') },
    ]);
    const r = aggregateScores(FIXTURE, consolidatedScores(c));
    expect(r).toMatchObject({ total: 765, band: '合格', verdict: 'pass', evidenceMissing: [] });
  });
});
