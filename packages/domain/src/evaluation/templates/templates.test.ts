import { describe, expect, it } from 'vitest';
import { aggregateScores } from '../aggregation.ts';
import { flattenRubric, listCheckpoints, type RubricTemplate } from '../rubric.ts';
import type { CheckpointScore, ScoreInput } from '../scoring.ts';
import { validateRubric } from '../validate-rubric.ts';
import {
  BOTTOM_LINE_TEMPLATE,
  BUILT_IN_TEMPLATES,
  KINDERGARTEN_CARE_QUALITY_TEMPLATE,
  KINDERGARTEN_CONDUCT_TEMPLATE,
  RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE,
  SCHOOL_QUALITY_TEMPLATE,
} from './index.ts';

/** The best answer for every check point (with evidence attached), then the given replacements. */
function sheetOf(template: RubricTemplate, replace: Record<string, ScoreInput> = {}): CheckpointScore[] {
  return listCheckpoints(template).map((n): CheckpointScore => {
    const m = n.method!;
    const best: ScoreInput =
      m.kind === 'points'
        ? { kind: 'points', points: m.max }
        : m.kind === 'levels'
          ? { kind: 'level', label: m.levels[0]!.label }
          : m.kind === 'yes_no'
            ? { kind: 'yes_no', yes: true }
            : { kind: 'computed', value: m.thresholds[0]!.value };
    const input = replace[n.code] ?? best;
    return { code: n.code, input, evidenceCount: 1, ...(input.kind === 'yes_no' && !input.yes ? { note: '现场发现的问题' } : {}) };
  });
}

const count = (t: RubricTemplate, kind: string) => flattenRubric(t).filter((f) => f.node.kind === kind).length;

describe('built-in templates', () => {
  it.each([
    // [name, template, scale, areas, indicators, check points, vetoes, computed, pass rule]
    [KINDERGARTEN_CONDUCT_TEMPLATE.name, KINDERGARTEN_CONDUCT_TEMPLATE, 1000, 5, 15, 42, 4, 3, 'bands'],
    [KINDERGARTEN_CARE_QUALITY_TEMPLATE.name, KINDERGARTEN_CARE_QUALITY_TEMPLATE, 240, 5, 15, 48, 0, 0, 'bands'],
    [SCHOOL_QUALITY_TEMPLATE.name, SCHOOL_QUALITY_TEMPLATE, 100, 5, 12, 29, 1, 2, 'bands'],
    [BOTTOM_LINE_TEMPLATE.name, BOTTOM_LINE_TEMPLATE, 20, 4, 0, 20, 0, 0, 'all_yes'],
    [RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE.name, RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE, 16, 8, 0, 16, 0, 0, 'all_yes'],
  ] as const)(
    '%s validates and has the expected shape',
    (_name, template, scale, areas, indicators, checkpoints, vetoes, computed, passRule) => {
      expect(validateRubric(template)).toEqual([]);
      const cps = listCheckpoints(template);
      expect({
        scale: template.scale,
        areas: count(template, 'area'),
        indicators: count(template, 'indicator'),
        checkpoints: cps.length,
        vetoes: cps.filter((c) => c.isVeto).length,
        computed: cps.filter((c) => c.method?.kind === 'computed').length,
        passRule: template.passRule,
      }).toEqual({ scale, areas, indicators, checkpoints, vetoes, computed, passRule });
      expect(template.isBuiltIn).toBe(true);
      expect(template.source?.notes.length).toBeGreaterThan(0);
    },
  );

  it('gives each built-in template its own family', () => {
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.family)).size).toBe(BUILT_IN_TEMPLATES.length);
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.name, t] as const))('%s: full marks pass at the top', (_name, template) => {
    const r = aggregateScores(template, sheetOf(template));
    expect(r).toMatchObject({ total: template.scale, verdict: 'pass', isComplete: true });
    if (template.passRule === 'bands') expect(r.band).toBe(template.bands[0]!.label);
  });
});

describe('幼儿园办园行为督导评估', () => {
  const T = KINDERGARTEN_CONDUCT_TEMPLATE;

  it('uses the five areas of 教督〔2017〕7号 and the 1000/750 bands', () => {
    expect(T.nodes.map((a) => [a.title, a.maxPoints])).toEqual([
      ['办园条件', 200],
      ['安全卫生', 200],
      ['保育教育', 250],
      ['教职工队伍', 200],
      ['内部管理', 150],
    ]);
    expect(T.bands.map((b) => [b.label, b.minTotal, b.isPassing])).toEqual([
      ['优秀', 900, true],
      ['良好', 800, true],
      ['合格', 750, true],
      ['不合格', 0, false],
    ]);
  });

  // Full marks minus 250: A1.1.2 −25, A1.1.3 −25, A2.1.2 −30, A2.2.1 −25, A3.2.1 −35, A3.2.2 −35, A4.3.1 −30,
  // A5.2.1 −25, A4.2.1 −20 → 750. Areas: A1 150 (≥120), A2 145 (≥120), A3 180 (≥150), A4 150 (≥120), A5 125 (≥90).
  const at750: Record<string, ScoreInput> = {
    'A1.1.2': { kind: 'points', points: 0 },
    'A1.1.3': { kind: 'points', points: 0 },
    'A2.1.2': { kind: 'points', points: 0 },
    'A2.2.1': { kind: 'points', points: 0 },
    'A3.2.1': { kind: 'points', points: 0 },
    'A3.2.2': { kind: 'points', points: 0 },
    'A4.3.1': { kind: 'points', points: 0 },
    'A5.2.1': { kind: 'points', points: 0 },
    'A4.2.1': { kind: 'points', points: 10 },
  };

  it('passes at exactly 750 and fails at 749', () => {
    expect(aggregateScores(T, sheetOf(T, at750))).toMatchObject({ total: 750, band: '合格', verdict: 'pass' });
    expect(aggregateScores(T, sheetOf(T, { ...at750, 'A4.2.1': { kind: 'points', points: 9 } }))).toMatchObject({
      total: 749,
      band: '不合格',
      verdict: 'fail',
    });
  });

  it('demotes 950 points to 合格 when 内部管理 is weak', () => {
    // A5.1.1 and A5.1.2 at 0: 内部管理 150 − 50 = 100 < 127.5 (优秀) and < 112.5 (良好), ≥ 90 (合格); total 950.
    const r = aggregateScores(T, sheetOf(T, { 'A5.1.1': { kind: 'points', points: 0 }, 'A5.1.2': { kind: 'points', points: 0 } }));
    expect(r).toMatchObject({ total: 950, bandByTotal: '优秀', band: '合格', verdict: 'pass' });
    expect(r.demotions.map((d) => [d.band, d.areaTitle, d.minimum, d.actual])).toEqual([
      ['优秀', '内部管理', 127.5, 100],
      ['良好', '内部管理', 112.5, 100],
    ]);
  });

  it('fails a full-marks kindergarten with a serious safety accident', () => {
    const r = aggregateScores(T, sheetOf(T, { 'A2.1.4': { kind: 'yes_no', yes: false } }));
    expect(r).toMatchObject({ total: 1000, band: '不合格', verdict: 'fail', verdictLabel: '不合格（一票否决）' });
    expect(r.vetoesHit.map((v) => v.code)).toEqual(['A2.1.4']);
  });

  it('scores class size and the teacher ratio from base data', () => {
    // 85 % of classes within the limit → the 80 % threshold: 20 of 40; 18.2 children per teacher → beyond 17.5, within 20: 10 of 30.
    const r = aggregateScores(T, sheetOf(T, { 'A1.3.1': { kind: 'computed', value: 85 }, 'A4.1.1': { kind: 'computed', value: 18.2 } }));
    expect(r.nodes.find((n) => n.code === 'A1.3.1')!.points).toBe(20);
    expect(r.nodes.find((n) => n.code === 'A4.1.1')!.points).toBe(10);
    expect(r.total).toBe(1000 - 20 - 20); // 960
  });
});

describe('幼儿园保育教育质量评估', () => {
  it('has the 15 key indicators of 教基〔2022〕1号 and 48 level-scored points', () => {
    const T = KINDERGARTEN_CARE_QUALITY_TEMPLATE;
    expect(T.nodes.map((a) => [a.title, a.children!.map((i) => i.title)])).toEqual([
      ['办园方向', ['党建工作', '品德启蒙', '科学理念']],
      ['保育与安全', ['卫生保健', '生活照料', '安全防护']],
      ['教育过程', ['活动组织', '师幼互动', '家园共育']],
      ['环境创设', ['空间设施', '玩具材料']],
      ['教师队伍', ['师德师风', '人员配备', '专业发展', '激励机制']],
    ]);
    expect(T.nodes.map((a) => listCheckpoints({ nodes: [a] }).length)).toEqual([7, 10, 12, 6, 13]);
    expect(listCheckpoints(T).every((c) => c.method?.kind === 'levels')).toBe(true);
  });
});

describe('中小学办学质量评价', () => {
  it('has the five school-level areas of the 义务教育质量评价指南 and 12 key indicators', () => {
    expect(SCHOOL_QUALITY_TEMPLATE.nodes.map((a) => [a.title, a.children!.length])).toEqual([
      ['办学方向', 2],
      ['课程教学', 3],
      ['教师发展', 2],
      ['学校管理', 2],
      ['学生发展', 3],
    ]);
  });
});

describe('责任督学常规督导记录', () => {
  const T = RESPONSIBLE_INSPECTOR_VISIT_TEMPLATE;

  it('covers the 8 routine items', () => {
    expect(T.nodes.map((a) => a.title)).toEqual([
      '依法治校与制度建设',
      '招生、收费与择校',
      '课程开设与课堂教学',
      '学生课业负担与体育锻炼',
      '教师师德与专业发展',
      '校园及周边安全',
      '食堂、饮水与卫生',
      '校风、教风与学风',
    ]);
  });

  it('records a partial visit, and a problem with its note', () => {
    const yes = (code: string): CheckpointScore => ({ code, input: { kind: 'yes_no', yes: true } });
    expect(aggregateScores(T, [yes('A3.1'), yes('A3.2'), yes('A6.1')])).toMatchObject({ verdict: 'incomplete', completeness: 18.8 }); // 3 / 16
    const r = aggregateScores(T, [yes('A3.1'), { code: 'A7.1', input: { kind: 'yes_no', yes: false }, note: '食品留样不足 48 小时' }]);
    expect(r).toMatchObject({
      verdict: 'fail',
      verdictLabel: '发现问题',
      noAnswers: [{ code: 'A7.1', title: '食堂食品安全和陪餐制度落实情况', note: '食品留样不足 48 小时' }],
    });
  });
});
