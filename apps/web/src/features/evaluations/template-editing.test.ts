import type { TemplateNode } from '@zhiping/contracts';
import { describe, expect, it } from 'vitest';
import { addCheckpoint, mapNode, normalizeDefinition } from './template-editing.ts';

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
});
