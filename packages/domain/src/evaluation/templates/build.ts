/** Compact builders for writing rubric templates as data; codes (A1, A1.2, A1.2.3) are numbered by position. */
import type { ComputedMethod, LevelsMethod, PointsMethod, RubricNode, ScoringMethod, YesNoMethod } from '../rubric.ts';

/** A node before it is numbered. */
export interface DraftNode extends Omit<RubricNode, 'code' | 'children'> {
  children?: DraftNode[];
}

/** Options of a check point. */
export interface CheckpointOptions {
  guidance?: string;
  evidence?: boolean;
  veto?: boolean;
}

/** An area (一级指标) with its maximum points. */
export function area(title: string, maxPoints: number, children: DraftNode[]): DraftNode {
  return { kind: 'area', title, maxPoints, children };
}

/** An indicator (二级指标) with its maximum points. */
export function indicator(title: string, maxPoints: number, children: DraftNode[]): DraftNode {
  return { kind: 'indicator', title, maxPoints, children };
}

/** A check point (评估要点); its maximum is the best outcome of its method. */
export function checkpoint(title: string, method: ScoringMethod, options: CheckpointOptions = {}): DraftNode {
  return {
    kind: 'checkpoint',
    title,
    maxPoints: bestOutcome(method),
    method,
    ...(options.guidance ? { guidance: options.guidance } : {}),
    ...(options.evidence ? { requiresEvidence: true } : {}),
    ...(options.veto ? { isVeto: true } : {}),
  };
}

function bestOutcome(method: ScoringMethod): number {
  switch (method.kind) {
    case 'points':
      return method.max;
    case 'levels':
      return method.levels[0]?.points ?? 0;
    case 'yes_no':
      return method.yesPoints;
    case 'computed':
      return method.thresholds[0]?.points ?? 0;
  }
}

/** Points from 0 to max on a step. */
export function points(max: number, step = 1): PointsMethod {
  return { kind: 'points', min: 0, max, step };
}

/** Levels 优/良/中/差 (or other labels) with their points, best first. */
export function levels(pointsByLevel: readonly number[], labels: readonly string[] = ['优', '良', '中', '差']): LevelsMethod {
  return { kind: 'levels', levels: pointsByLevel.map((p, i) => ({ label: labels[i] ?? `等级${i + 1}`, points: p })) };
}

/** A yes/no requirement; "no" earns 0. */
export function yesNo(yesPoints: number, labels?: { yes: string; no: string; noRequiresNote?: boolean }): YesNoMethod {
  return {
    kind: 'yes_no',
    yesPoints,
    noPoints: 0,
    ...(labels ? { yesLabel: labels.yes, noLabel: labels.no } : {}),
    ...(labels?.noRequiresNote ? { noRequiresNote: true } : {}),
  };
}

/** A value computed from base data, mapped by thresholds [value, points] from best to worst. */
export function computed(
  source: string,
  direction: ComputedMethod['direction'],
  thresholds: readonly [number, number][],
  otherwise = 0,
): ComputedMethod {
  return { kind: 'computed', source, direction, thresholds: thresholds.map(([value, p]) => ({ value, points: p })), otherwise };
}

/** Numbers the drafts: areas A1, A2 …, their children A1.1, A1.2 …, and so on down. */
export function numberNodes(drafts: readonly DraftNode[]): RubricNode[] {
  const number = (d: DraftNode, code: string): RubricNode => {
    const { children, ...rest } = d;
    return { ...rest, code, ...(children ? { children: children.map((c, i) => number(c, `${code}.${i + 1}`)) } : {}) };
  };
  return drafts.map((d, i) => number(d, `A${i + 1}`));
}
