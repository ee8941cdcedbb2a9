import type { TemplateNode } from '@zhiping/contracts';
import { methodProblems, type ScoringMethod } from '@zhiping/domain';
import { describe, expect, it } from 'vitest';
import {
  addCheckpoint,
  defaultMethod,
  describeMethod,
  mapNode,
  normalizeDefinition,
  withMaxPoints,
  withMethod,
} from './template-editing.ts';

const cp = (code: string, maxPoints: number): TemplateNode => ({
  kind: 'checkpoint',
  code,
  title: code,
  maxPoints,
  method: { kind: 'points', min: 0, max: maxPoints, step: 1 },
});
const tree: TemplateNode[] = [
  {
    kind: 'area',
    code: 'A1',
    title: '办园条件',
    maxPoints: 30,
    children: [{ kind: 'indicator', code: 'A1.1', title: '园舍', maxPoints: 30, children: [cp('A1.1.1', 10), cp('A1.1.2', 20)] }],
  },
];

describe('template editing', () => {
  it('adds a check point after the last child and recomputes sums and scale', () => {
    const nodes = addCheckpoint(tree, 'A1.1');
    expect(nodes[0]!.children![0]!.children!.map((c) => c.code)).toEqual(['A1.1.1', 'A1.1.2', 'A1.1.3']);
    const d = normalizeDefinition({ name: '测试', scale: 30, passRule: 'bands', bands: [], nodes });
    expect(d.scale).toBe(40);
    expect(d.nodes[0]!.children![0]!.maxPoints).toBe(40);
  });

  it('removes and edits nodes; a points method follows the new maximum', () => {
    const removed = mapNode(tree, 'A1.1.1', () => null);
    expect(removed[0]!.children![0]!.children!.map((c) => c.code)).toEqual(['A1.1.2']);
    const edited = mapNode(tree, 'A1.1.2', (n) => ({ ...n, maxPoints: 25 }));
    const d = normalizeDefinition({ name: '测试', scale: 30, passRule: 'bands', bands: [], nodes: edited });
    expect(d.scale).toBe(35);
    expect(d.nodes[0]!.children![0]!.children![1]!.method).toEqual({ kind: 'points', min: 0, max: 25, step: 1 });
  });

  it('starts each kind from defaults the server accepts, at whole and half points', () => {
    for (const max of [10, 5, 2.5])
      for (const kind of ['points', 'levels', 'yes_no'] as const)
        expect(methodProblems(defaultMethod(kind, max) as ScoringMethod, max), `${kind} at ${max}`).toEqual([]);
    expect(defaultMethod('levels', 10)).toEqual({
      kind: 'levels',
      levels: [
        { label: '优秀', points: 10 },
        { label: '良好', points: 8 },
        { label: '合格', points: 6 },
        { label: '不合格', points: 0 },
      ],
    });
    expect(defaultMethod('points', 2.5)).toEqual({ kind: 'points', min: 0, max: 2.5, step: 0.5 });
  });

  it('scales every kind of method with the check point’s points (the best gets them all)', () => {
    const levels: TemplateNode = { ...cp('A1.1.1', 10), method: defaultMethod('levels', 10) };
    expect(withMaxPoints(levels, 5).method).toEqual({
      kind: 'levels',
      levels: [
        { label: '优秀', points: 5 },
        { label: '良好', points: 4 },
        { label: '合格', points: 3 },
        { label: '不合格', points: 0 },
      ],
    });
    const yesNo: TemplateNode = { ...cp('A1.1.1', 4), method: { kind: 'yes_no', yesPoints: 4, noPoints: 1, noRequiresNote: true } };
    expect(withMaxPoints(yesNo, 6).method).toEqual({ kind: 'yes_no', yesPoints: 6, noPoints: 1.5, noRequiresNote: true });
    const computed: TemplateNode = {
      ...cp('A1.1.1', 3),
      method: {
        kind: 'computed',
        source: 'base.school_class_size_compliance',
        direction: 'at_least',
        thresholds: [
          { value: 100, points: 3 },
          { value: 90, points: 2 },
        ],
        otherwise: 0,
      },
    };
    const scaled = withMaxPoints(computed, 2);
    expect(scaled.method).toMatchObject({
      thresholds: [
        { value: 100, points: 2 },
        { value: 90, points: 1.33 },
      ],
      otherwise: 0,
    });
    expect(methodProblems(scaled.method as ScoringMethod, 2)).toEqual([]);
    // From 0 points every lower step is 0 and the best gets the new points.
    expect(
      withMaxPoints(
        {
          ...levels,
          maxPoints: 0,
          method: {
            kind: 'levels',
            levels: [
              { label: '有', points: 0 },
              { label: '无', points: 0 },
            ],
          },
        },
        2,
      ).method,
    ).toEqual({
      kind: 'levels',
      levels: [
        { label: '有', points: 2 },
        { label: '无', points: 0 },
      ],
    });
  });

  it('clears a veto when the method is no longer yes/no, and describes each method in one line', () => {
    const veto: TemplateNode = { ...cp('A1.1.1', 5), method: defaultMethod('yes_no', 5), isVeto: true };
    expect(withMethod(veto, defaultMethod('yes_no', 5)).isVeto).toBe(true);
    expect(withMethod(veto, defaultMethod('levels', 5)).isVeto).toBeUndefined();
    expect(describeMethod(defaultMethod('points', 10))).toBe('打分 0–10（步长 1）');
    expect(describeMethod(defaultMethod('levels', 10))).toBe('等级：优秀 10分 / 良好 8分 / 合格 6分 / 不合格 0分');
    expect(describeMethod({ kind: 'yes_no', yesPoints: 5, noPoints: 0, noLabel: '存在问题', noRequiresNote: true })).toBe(
      '是 5分 / 存在问题 0分（选否须说明）',
    );
    expect(describeMethod(undefined)).toBe('未设置');
  });
});
