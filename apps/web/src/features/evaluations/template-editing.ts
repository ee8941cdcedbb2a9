/** Pure edits of a rubric definition for the template editor: change, add and remove nodes, keep sums consistent. */
import type { RubricDefinition, TemplateNode, TemplateScoringMethod } from '@zhiping/contracts';
import { COMPUTED_SOURCES } from '@zhiping/domain';

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

type Method = TemplateScoringMethod;

const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

/** The method a check point of `maxPoints` starts from when the editor switches it to `kind`. */
export function defaultMethod(kind: Method['kind'], maxPoints: number): Method {
  switch (kind) {
    case 'points':
      return { kind, min: 0, max: maxPoints, step: Number.isInteger(maxPoints) ? 1 : 0.5 };
    case 'levels':
      return {
        kind,
        levels: [
          { label: '优秀', points: maxPoints },
          { label: '良好', points: round2(maxPoints * 0.8) },
          { label: '合格', points: round2(maxPoints * 0.6) },
          { label: '不合格', points: 0 },
        ],
      };
    case 'yes_no':
      return { kind, yesPoints: maxPoints, noPoints: 0 };
    case 'computed':
      // The first source of the catalogue, full points at 100 and 60 % of them at 90.
      return {
        kind,
        source: Object.keys(COMPUTED_SOURCES)[0]!,
        direction: 'at_least',
        thresholds: [
          { value: 100, points: maxPoints },
          { value: 90, points: round2(maxPoints * 0.6) },
        ],
        otherwise: 0,
      };
  }
}

/** A method scaled from `from` points to `to`: the best level or threshold gets exactly `to`, the others their share. */
export function scaleMethod(method: Method, from: number, to: number): Method {
  const share = (p: number) => (from > 0 ? Math.min(round2((p * to) / from), to) : 0);
  switch (method.kind) {
    case 'points':
      return { ...method, min: share(method.min), max: to };
    case 'levels':
      return { ...method, levels: method.levels.map((l, i) => ({ ...l, points: i === 0 ? to : share(l.points) })) };
    case 'yes_no':
      return { ...method, yesPoints: to, noPoints: share(method.noPoints) };
    case 'computed':
      return {
        ...method,
        thresholds: method.thresholds.map((t, i) => ({ ...t, points: i === 0 ? to : share(t.points) })),
        otherwise: share(method.otherwise),
      };
  }
}

/** The check point with new points; its method follows them. */
export function withMaxPoints(node: TemplateNode, maxPoints: number): TemplateNode {
  return node.method ? { ...node, maxPoints, method: scaleMethod(node.method, node.maxPoints, maxPoints) } : { ...node, maxPoints };
}

/** The check point with another method; a veto needs 是/否, so it is cleared for any other kind. */
export function withMethod(node: TemplateNode, method: Method): TemplateNode {
  return { ...node, method, isVeto: method.kind === 'yes_no' ? node.isVeto : undefined };
}

const pts = (p: number) => `${p}分`;

/** One line describing a method, as the editor's table shows it. */
export function describeMethod(method: Method | undefined, sourceLabel: (key: string) => string = (k) => k): string {
  if (!method) return '未设置';
  switch (method.kind) {
    case 'points':
      return `打分 ${method.min}–${method.max}（步长 ${method.step}）`;
    case 'levels':
      return `等级：${method.levels.map((l) => `${l.label} ${pts(l.points)}`).join(' / ')}`;
    case 'yes_no':
      return `${method.yesLabel || '是'} ${pts(method.yesPoints)} / ${method.noLabel || '否'} ${pts(method.noPoints)}${method.noRequiresNote ? '（选否须说明）' : ''}`;
    case 'computed':
      return `数据计算：${sourceLabel(method.source)}，${method.direction === 'at_least' ? '不低于' : '不高于'} ${method.thresholds
        .map((t) => `${t.value} 得 ${pts(t.points)}`)
        .join('、')}，否则 ${pts(method.otherwise)}`;
  }
}
