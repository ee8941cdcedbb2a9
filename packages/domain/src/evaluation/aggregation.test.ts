import { describe, expect, it } from 'vitest';
import { aggregateScores } from './aggregation.ts';
import type { RubricTemplate } from './rubric.ts';
import { BOTTOM_LINE_TEMPLATE } from './templates/index.ts';
import { FIXTURE, pts, sheet, yn } from './test-fixtures.ts';

describe('aggregateScores: totals, bands and area minimums', () => {
  it.each([
    // [case, A1.1.1, A1.1.2, A2.1, A2.2 level, total, bandByTotal, band, verdict]
    // 300 + 150 = 450 (A1 ≥ 360); 220 + 80 = 300 (A2 ≥ 240); 450 + 300 = 750 → exactly the line: 合格.
    ['exactly 750 passes', 300, 150, 220, '良', 750, '合格', '合格', 'pass'],
    // 300 + 150 + 219.5 + 80 = 749.5 → half a point short: 不合格.
    ['749.5 fails', 300, 150, 219.5, '良', 749.5, '不合格', '不合格', 'fail'],
    // 400 + 200 = 600; 300 + 100 = 400 → full marks 1000: 优秀.
    ['full marks', 400, 200, 300, '优', 1000, '优秀', '优秀', 'pass'],
    // 400 + 200 = 600; 250 + 100 = 350 → 950 reaches 优秀, but A2 350 < 360 → 良好 (A2 350 ≥ 320).
    ['one area demotes one band', 400, 200, 250, '优', 950, '优秀', '良好', 'pass'],
    // 600; 300 + 0 (差) = 300 → 900: A2 300 < 360 (优秀) and < 320 (良好) → 合格 (≥ 240).
    ['one area demotes two bands', 400, 200, 300, '差', 900, '优秀', '合格', 'pass'],
    // 400 + 200 = 600; 150 + 80 = 230 → 830 reaches 良好, but A2 230 < 240 even for 合格 → 不合格.
    ['an area below the passing minimum fails', 400, 200, 150, '良', 830, '良好', '不合格', 'fail'],
  ] as const)('%s', (_case, a111, a112, a21, level, total, bandByTotal, band, verdict) => {
    const r = aggregateScores(FIXTURE, sheet(a111, a112, a21, level));
    expect({ total: r.total, bandByTotal: r.bandByTotal, band: r.band, verdict: r.verdict, verdictLabel: r.verdictLabel }).toEqual({
      total,
      bandByTotal,
      band,
      verdict,
      verdictLabel: band,
    });
    expect(r.isComplete).toBe(true);
  });

  it('explains each demotion', () => {
    // 900 as above: A2 300 misses 优秀's 360 and 良好's 320.
    expect(aggregateScores(FIXTURE, sheet(400, 200, 300, '差')).demotions).toEqual([
      { band: '优秀', areaCode: 'A2', areaTitle: '管理', minimum: 360, actual: 300 },
      { band: '良好', areaCode: 'A2', areaTitle: '管理', minimum: 320, actual: 300 },
    ]);
  });

  it('reports points per area and per node with percentages', () => {
    const r = aggregateScores(FIXTURE, sheet(300, 150, 220, '良'));
    expect(r.areas.map((a) => [a.code, a.points, a.maxPoints, a.percent])).toEqual([
      ['A1', 450, 600, 75], // 450 / 600 = 75 %
      ['A2', 300, 400, 75], // 300 / 400 = 75 %
    ]);
    expect(r.nodes.find((n) => n.code === 'A1.1')).toMatchObject({ points: 450, scoredCheckpoints: 2, totalCheckpoints: 2 });
    expect(r.nodes.find((n) => n.code === 'A2.3')).toMatchObject({ points: 0, percent: null });
  });
});

describe('aggregateScores: vetoes', () => {
  it('fails a 950-point evaluation that hits a veto', () => {
    // 390 + 200 = 590 (≥ 540); 260 + 100 = 360 (≥ 360) → 950 would be 优秀.
    const r = aggregateScores(FIXTURE, sheet(390, 200, 260, '优', false));
    expect(r.total).toBe(950);
    expect(r.bandByTotal).toBe('优秀');
    expect(r.band).toBe('不合格');
    expect(r.verdict).toBe('fail');
    expect(r.verdictLabel).toBe('不合格（一票否决）');
    expect(r.vetoesHit).toEqual([{ code: 'A2.3', title: '无重大安全责任事故' }]);
  });

  it('fails at once on a veto even while other check points are missing', () => {
    const r = aggregateScores(FIXTURE, [yn('A2.3', false)]);
    expect(r.verdict).toBe('fail');
    expect(r.missing).toEqual(['A1.1.1', 'A1.1.2', 'A2.1', 'A2.2']);
  });
});

describe('aggregateScores: completeness', () => {
  it('marks a sheet with a missing check point incomplete and scores it 0 there', () => {
    // A1.1.2 missing: 300 + 0 + 220 + 80 = 600; 4 of 5 check points scored = 80 %.
    const scores = sheet(300, 150, 220, '良').filter((s) => s.code !== 'A1.1.2');
    const r = aggregateScores(FIXTURE, scores);
    expect(r).toMatchObject({
      total: 600,
      verdict: 'incomplete',
      verdictLabel: '未完成',
      missing: ['A1.1.2'],
      completeness: 80,
      isComplete: false,
    });
  });

  it('treats invalid, duplicate and unknown scores as problems, not points', () => {
    const scores = [
      pts('A1.1.1', 400.25),
      pts('A1.1.2', 100, { evidenceCount: 2 }),
      pts('A2.1', 10),
      pts('A2.1', 20),
      yn('A2.3', true),
      pts('B9', 5),
    ];
    const r = aggregateScores(FIXTURE, scores);
    expect(r.total).toBe(100);
    expect(r.invalid).toEqual([
      { code: 'A1.1.1', problems: ['分数 400.25 超出范围 0–400'] },
      { code: 'A2.1', problems: ['同一要点有多条评分'] },
    ]);
    expect(r.missing).toEqual(['A1.1.1', 'A2.1', 'A2.2']);
    expect(r.unknownCodes).toEqual(['B9']);
  });

  it('lists scored check points that lack required evidence', () => {
    const scores = sheet(300, 150, 220, '良').map((s) => (s.code === 'A1.1.2' ? { ...s, evidenceCount: 0 } : s));
    const r = aggregateScores(FIXTURE, scores);
    expect(r.evidenceMissing).toEqual(['A1.1.2']);
    expect(r.verdict).toBe('pass'); // the score stands; only submission waits for the evidence
    expect(r.isComplete).toBe(false);
  });
});

describe('aggregateScores: all-yes checklists', () => {
  const CHECKLIST: RubricTemplate = {
    family: 'checklist',
    version: 1,
    name: '清单',
    scale: 3,
    passRule: 'all_yes',
    bands: [],
    nodes: [
      {
        kind: 'area',
        code: 'A1',
        title: '底线',
        maxPoints: 3,
        children: ['一', '二', '三'].map((t, i) => ({
          kind: 'checkpoint' as const,
          code: `A1.${i + 1}`,
          title: t,
          maxPoints: 1,
          method: { kind: 'yes_no' as const, yesPoints: 1, noPoints: 0 },
        })),
      },
    ],
  };

  it.each([
    ['every item yes passes', [yn('A1.1', true), yn('A1.2', true), yn('A1.3', true)], 'pass', '合格', 3],
    ['one no fails', [yn('A1.1', true), yn('A1.2', false), yn('A1.3', true)], 'fail', '不合格', 2],
    ['a missing item leaves it incomplete', [yn('A1.1', true), yn('A1.2', true)], 'incomplete', '未完成', 2],
    ['a no fails even with an item missing', [yn('A1.1', false), yn('A1.2', true)], 'fail', '不合格', 1],
  ] as const)('%s', (_case, scores, verdict, verdictLabel, total) => {
    const r = aggregateScores(CHECKLIST, scores);
    expect({ verdict: r.verdict, verdictLabel: r.verdictLabel, total: r.total, band: r.band }).toEqual({
      verdict,
      verdictLabel,
      total,
      band: null,
    });
  });

  it('lists the failed items with their notes on the 20-item bottom line', () => {
    const codes = BOTTOM_LINE_TEMPLATE.nodes.flatMap((a) => a.children!.map((c) => c.code));
    expect(codes).toHaveLength(20);
    const allYes = codes.map((c) => yn(c, true));
    expect(aggregateScores(BOTTOM_LINE_TEMPLATE, allYes)).toMatchObject({ verdict: 'pass', verdictLabel: '全部达标', total: 20 });
    const oneNo = allYes.map((s) => (s.code === 'A2.2' ? yn('A2.2', false, '三年级作业约 90 分钟') : s));
    const r = aggregateScores(BOTTOM_LINE_TEMPLATE, oneNo);
    expect(r).toMatchObject({ verdict: 'fail', verdictLabel: '存在不达标项', total: 19 });
    expect(r.noAnswers).toEqual([{ code: 'A2.2', title: expect.stringContaining('作业总量达标'), note: '三年级作业约 90 分钟' }]);
  });

  it('refuses a "no" without the required note', () => {
    const codes = BOTTOM_LINE_TEMPLATE.nodes.flatMap((a) => a.children!.map((c) => c.code));
    const r = aggregateScores(
      BOTTOM_LINE_TEMPLATE,
      codes.map((c) => yn(c, c !== 'A1.1')),
    );
    expect(r.invalid).toEqual([{ code: 'A1.1', problems: ['选择“不达标”时须说明存在的问题'] }]);
    expect(r.verdict).toBe('incomplete');
  });
});
