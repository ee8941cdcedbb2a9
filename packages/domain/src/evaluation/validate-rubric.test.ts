import { describe, expect, it } from 'vitest';
import { flattenRubric, pointsFromWeights, type RubricNode, type RubricTemplate } from './rubric.ts';
import { FIXTURE } from './test-fixtures.ts';
import { validateRubric } from './validate-rubric.ts';

/** A copy of the fixture with one node replaced. */
function withNode(code: string, change: (n: RubricNode) => RubricNode): RubricTemplate {
  const map = (nodes: readonly RubricNode[]): RubricNode[] =>
    nodes.map((n) => (n.code === code ? change(n) : n.children ? { ...n, children: map(n.children) } : n));
  return { ...FIXTURE, nodes: map(FIXTURE.nodes) };
}

describe('validateRubric', () => {
  it('accepts the fixture', () => {
    expect(validateRubric(FIXTURE)).toEqual([]);
  });

  it.each<[string, RubricTemplate, string[]]>([
    [
      'children that do not add up to the parent',
      withNode('A1.1.2', (n) => ({ ...n, maxPoints: 150, method: { kind: 'points', min: 0, max: 150, step: 0.5 } })),
      // 400 + 150 = 550 under A1.1 (600); A1 itself still equals its one child A1.1 (600), so only A1.1 is reported.
      ['A1.1“场地” 的下级分值合计 550，应等于 600'],
    ],
    ['a duplicate code', withNode('A2.2', (n) => ({ ...n, code: 'A2.1' })), ['编码 A2.1 重复']],
    [
      'a code that does not extend its parent',
      withNode('A2.2', (n) => ({ ...n, code: 'A3.2' })),
      ['编码“A3.2”应为上级编码 A2 加“.序号”（如 A2.1）'],
    ],
    ['a veto item that is not yes/no', withNode('A2.1', (n) => ({ ...n, isVeto: true })), ['A2.1“制度” 为一票否决项，评分方式应为“是/否”']],
    [
      'a points range whose top is not the maximum, off the step',
      withNode('A2.1', (n) => ({ ...n, method: { kind: 'points', min: 0, max: 299, step: 2 } })),
      ['A2.1“制度” 的最高分 299 应等于要点分值 300', 'A2.1“制度” 的分数范围不是步长 2 的整数倍'],
    ],
    [
      'levels out of order',
      withNode('A2.2', (n) => ({
        ...n,
        method: {
          kind: 'levels',
          levels: [
            { label: '优', points: 100 },
            { label: '良', points: 100 },
          ],
        },
      })),
      ['A2.2“满意度” 的等级应从高到低排列，“良”不低于“优”'],
    ],
    [
      'a computed source of the wrong shape',
      withNode('A2.1', (n) => ({
        ...n,
        method: { kind: 'computed', source: 'ClassSize', direction: 'at_least', thresholds: [{ value: 100, points: 300 }], otherwise: 0 },
      })),
      ['A2.1“制度” 的数据来源“ClassSize”格式不对，应如 base.class_size_compliance'],
    ],
    [
      'an unknown computed source',
      withNode('A2.1', (n) => ({
        ...n,
        method: {
          kind: 'computed',
          source: 'base.teacher_height',
          direction: 'at_least',
          thresholds: [{ value: 100, points: 300 }],
          otherwise: 0,
        },
      })),
      ['A2.1“制度” 的数据来源“base.teacher_height”不是系统可计算的数据项'],
    ],
    [
      'computed thresholds from worst to best',
      withNode('A2.1', (n) => ({
        ...n,
        method: {
          kind: 'computed',
          source: 'base.school_class_size_compliance',
          direction: 'at_least',
          thresholds: [
            { value: 90, points: 300 },
            { value: 100, points: 200 },
          ],
          otherwise: 0,
        },
      })),
      ['A2.1“制度” 的阈值应从最优到最差排列（阈值 100）'],
    ],
    ['a check point without a method', withNode('A2.1', ({ method: _m, ...n }) => n), ['A2.1“制度” 为评估要点，缺少评分方式']],
    [
      'bands out of order and beyond the scale',
      {
        ...FIXTURE,
        bands: [
          { label: '优秀', minTotal: 1200, isPassing: true },
          { label: '合格', minTotal: 1300, isPassing: true },
          { label: '不合格', minTotal: 0, isPassing: false },
        ],
      },
      [
        '等次“优秀”的最低总分 1200 超出 0–1000',
        '等次“合格”的最低总分 1300 超出 0–1000',
        '等次应按最低总分从高到低排列：“合格”(1300) 不低于“优秀”(1200)',
      ],
    ],
    [
      'a lowest band that passes or needs points',
      {
        ...FIXTURE,
        bands: [
          { label: '合格', minTotal: 600, isPassing: true },
          { label: '基本合格', minTotal: 100, isPassing: true },
        ],
      },
      ['最低等次“基本合格”应从 0 分起且不设领域最低分，使任何得分都有等次', '最低等次“基本合格”应为不合格等次'],
    ],
    [
      'area minimums on an unknown area, or stricter than a higher band',
      {
        ...FIXTURE,
        bands: [
          { label: '优秀', minTotal: 900, areaMinimums: { A1: 500, A9: 1 }, isPassing: true },
          { label: '合格', minTotal: 750, areaMinimums: { A1: 520, A2: 240 }, isPassing: true },
          { label: '不合格', minTotal: 0, isPassing: false },
        ],
      },
      [
        '等次“优秀”的领域最低分引用了不存在的一级指标 A9',
        '等次“合格”对 A1 的最低分 520 高于较高等次“优秀”的 500',
        '等次“优秀”未设 A2 的最低分，而较低等次“合格”设有',
      ],
    ],
    [
      'an all-yes checklist with a points item',
      { ...FIXTURE, passRule: 'all_yes' },
      [
        '底线清单（全部为“是”方可通过）中的 A1.1.1“面积”应为“是/否”判断',
        '底线清单（全部为“是”方可通过）中的 A1.1.2“设施”应为“是/否”判断',
        '底线清单（全部为“是”方可通过）中的 A2.1“制度”应为“是/否”判断',
        '底线清单（全部为“是”方可通过）中的 A2.2“满意度”应为“是/否”判断',
      ],
    ],
    [
      'weights that disagree with the points',
      withNode('A1.1', (n) => ({ ...n, children: n.children!.map((c) => ({ ...c, weight: 1 })) })),
      ['A1.1.1“面积”的分值 400 与权重不符（按权重应约为 300）', 'A1.1.2“设施”的分值 200 与权重不符（按权重应约为 300）'],
    ],
  ])('reports %s', (_case, template, problems) => {
    expect(validateRubric(template)).toEqual(problems);
  });

  it('checks a computed source against the list the server passes', () => {
    const t = withNode('A2.1', (n) => ({
      ...n,
      method: {
        kind: 'computed',
        source: 'survey.parent_satisfaction',
        direction: 'at_least',
        thresholds: [{ value: 90, points: 300 }],
        otherwise: 0,
      },
    }));
    expect(validateRubric(t)).toHaveLength(1);
    expect(validateRubric(t, { knownSources: ['survey.parent_satisfaction'] })).toEqual([]);
  });
});

describe('rubric helpers', () => {
  it('flattens in tree order with parents and areas', () => {
    expect(flattenRubric(FIXTURE).map((f) => [f.node.code, f.depth, f.parentCode, f.areaCode])).toEqual([
      ['A1', 0, null, 'A1'],
      ['A1.1', 1, 'A1', 'A1'],
      ['A1.1.1', 2, 'A1.1', 'A1'],
      ['A1.1.2', 2, 'A1.1', 'A1'],
      ['A2', 0, null, 'A2'],
      ['A2.1', 1, 'A2', 'A2'],
      ['A2.2', 1, 'A2', 'A2'],
      ['A2.3', 1, 'A2', 'A2'],
    ]);
  });

  it.each([
    // 1000 × 3:5:2 → 300, 500, 200 exactly.
    [1000, [3, 5, 2], [300, 500, 200]],
    // 100 / 3 = 33.33 each → floors 33, 33, 33, one point left goes to the first (equal remainders, earlier wins).
    [100, [1, 1, 1], [34, 33, 33]],
    // 10 × 1/6, 2/6, 3/6 = 1.67, 3.33, 5 → floors 1, 3, 5; the leftover point goes to the largest remainder (0.67).
    [10, [1, 2, 3], [2, 3, 5]],
  ])('splits %d by weights %j into %j', (total, weights, expected) => {
    expect(pointsFromWeights(total, weights)).toEqual(expected);
  });
});
