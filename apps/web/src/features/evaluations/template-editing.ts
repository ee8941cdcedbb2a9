/** Pure edits of a rubric definition for the template editor: change, add and remove nodes, keep sums consistent. */
import type { RubricDefinition, TemplateNode } from '@zhiping/contracts';

/** Applies `fn` to the node with `code` (returning null removes it). */
export function mapNode(nodes: readonly TemplateNode[], code: string, fn: (n: TemplateNode) => TemplateNode | null): TemplateNode[] {
  const out: TemplateNode[] = [];
  for (const n of nodes) {
    if (n.code === code) {
      const next = fn(n);
      if (next) out.push(next);
    } else out.push(n.children ? { ...n, children: mapNode(n.children, code, fn) } : n);
  }
  return out;
}

/** A new check point under an indicator (or area), coded after its last child. */
export function addCheckpoint(nodes: readonly TemplateNode[], parentCode: string): TemplateNode[] {
  return mapNode(nodes, parentCode, (p) => {
    const children = p.children ?? [];
    const last = children.reduce((m, c) => Math.max(m, Number(c.code.split('.').pop()) || 0), 0);
    const child: TemplateNode = {
      kind: 'checkpoint',
      code: `${p.code}.${last + 1}`,
      title: '新评估要点',
      maxPoints: 10,
      method: { kind: 'points', min: 0, max: 10, step: 1 },
    };
    return { ...p, children: [...children, child] };
  });
}

/** Parents' points become the sum of their children; a points method's maximum follows the check point's points. */
export function recomputePoints(nodes: readonly TemplateNode[]): TemplateNode[] {
  return nodes.map((n) => {
    if (n.children && n.children.length > 0) {
      const children = recomputePoints(n.children);
      return { ...n, children, maxPoints: children.reduce((s, c) => s + c.maxPoints, 0) };
    }
    if (n.method?.kind === 'points') return { ...n, method: { ...n.method, max: n.maxPoints } };
    return n;
  });
}

/** The definition ready to save: sums recomputed and the scale set to the areas' total. */
export function normalizeDefinition(d: RubricDefinition): RubricDefinition {
  const nodes = recomputePoints(d.nodes);
  return { ...d, nodes, scale: nodes.reduce((s, n) => s + n.maxPoints, 0) };
}
