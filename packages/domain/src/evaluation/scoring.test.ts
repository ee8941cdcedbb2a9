import { describe, expect, it } from 'vitest';
import type { ComputedMethod, RubricNode } from './rubric.ts';
import { pointsForComputedValue, pointsForScore, validateScore, type ScoreInput } from './scoring.ts';

const POINTS: RubricNode = {
  kind: 'checkpoint',
  code: 'A1.1',
  title: '分数',
  maxPoints: 20,
  method: { kind: 'points', min: 0, max: 20, step: 0.5 },
};
const LEVELS: RubricNode = {
  kind: 'checkpoint',
  code: 'A1.2',
  title: '等级',
  maxPoints: 10,
  method: {
    kind: 'levels',
    levels: [
      { label: '优', points: 10 },
      { label: '良', points: 8 },
      { label: '中', points: 6 },
      { label: '差', points: 2 },
    ],
  },
};
const YES_NO: RubricNode = {
  kind: 'checkpoint',
  code: 'A1.3',
  title: '是否',
  maxPoints: 5,
  method: { kind: 'yes_no', yesPoints: 5, noPoints: 0, noLabel: '存在问题', noRequiresNote: true },
};
const CLASS_SIZE: ComputedMethod = {
  kind: 'computed',
  source: 'base.school_class_size_compliance',
  direction: 'at_least',
  thresholds: [
    { value: 100, points: 30 },
    { value: 90, points: 20 },
    { value: 80, points: 10 },
  ],
  otherwise: 0,
};
const RATIO: ComputedMethod = {
  kind: 'computed',
  source: 'base.kindergarten_children_per_teacher',
  direction: 'at_most',
  thresholds: [
    { value: 15, points: 30 },
    { value: 17.5, points: 20 },
  ],
  otherwise: 5,
};
const COMPUTED: RubricNode = { kind: 'checkpoint', code: 'A1.4', title: '班额', maxPoints: 30, method: CLASS_SIZE };

describe('validateScore and pointsForScore', () => {
  it.each<[string, RubricNode, ScoreInput, string | undefined, string[], number | null]>([
    ['points in range on the step', POINTS, { kind: 'points', points: 17.5 }, undefined, [], 17.5],
    ['points at the top of the range', POINTS, { kind: 'points', points: 20 }, undefined, [], 20],
    ['points above the range', POINTS, { kind: 'points', points: 20.5 }, undefined, ['分数 20.5 超出范围 0–20'], null],
    ['negative points', POINTS, { kind: 'points', points: -1 }, undefined, ['分数 -1 超出范围 0–20'], null],
    ['points off the step', POINTS, { kind: 'points', points: 17.3 }, undefined, ['分数 17.3 不符合计分步长 0.5'], null],
    ['a level where points are expected', POINTS, { kind: 'level', label: '优' }, undefined, ['该要点应填写分数，不能填写等级'], null],
    ['a known level', LEVELS, { kind: 'level', label: '良' }, undefined, [], 8],
    ['an unknown level', LEVELS, { kind: 'level', label: '优秀' }, undefined, ['等级“优秀”不在可选等级（优、良、中、差）中'], null],
    ['yes', YES_NO, { kind: 'yes_no', yes: true }, undefined, [], 5],
    ['no with a note', YES_NO, { kind: 'yes_no', yes: false }, '食堂未留样', [], 0],
    ['no without the required note', YES_NO, { kind: 'yes_no', yes: false }, '  ', ['选择“存在问题”时须说明存在的问题'], null],
    ['a computed value', COMPUTED, { kind: 'computed', value: 92.5 }, undefined, [], 20],
    ['a manual override of a computed value with a reason', COMPUTED, { kind: 'points', points: 25 }, '基础数据未更新，按现场核实', [], 25],
    ['a manual override without a reason', COMPUTED, { kind: 'points', points: 25 }, undefined, ['人工调整系统计算的得分须填写理由'], null],
    ['a manual override beyond the maximum', COMPUTED, { kind: 'points', points: 31 }, '现场核实', ['人工分数 31 超出范围 0–30'], null],
  ])('%s', (_case, node, input, note, problems, points) => {
    const score = { code: node.code, input, ...(note !== undefined ? { note } : {}) };
    expect(validateScore(node, score)).toEqual(problems);
    expect(pointsForScore(node, score)).toBe(points);
  });

  it('refuses to score a node that is not a check point', () => {
    expect(
      validateScore(
        { kind: 'area', code: 'A1', title: '领域', maxPoints: 20, children: [POINTS] },
        { code: 'A1', input: { kind: 'points', points: 1 } },
      ),
    ).toEqual(['A1 不是评估要点，不能评分']);
  });
});

describe('pointsForComputedValue', () => {
  it.each([
    // at_least: 100 → 30; 99.9 and 90 → 20 (the 90 threshold is inclusive); 80 → 10; 79.9 → otherwise 0.
    [CLASS_SIZE, 100, 30],
    [CLASS_SIZE, 99.9, 20],
    [CLASS_SIZE, 90, 20],
    [CLASS_SIZE, 80, 10],
    [CLASS_SIZE, 79.9, 0],
    // at_most: 14 and 15 → 30; 15.1 and 17.5 → 20; 18 → otherwise 5.
    [RATIO, 14, 30],
    [RATIO, 15, 30],
    [RATIO, 15.1, 20],
    [RATIO, 17.5, 20],
    [RATIO, 18, 5],
  ])('%#: value %d earns %d', (method, value, points) => {
    expect(pointsForComputedValue(method, value)).toBe(points);
  });
});
