/**
 * One inspector's score for one check point: what can be entered for each scoring method, how it
 * is checked, and how many points it earns.
 */
import type { ComputedMethod, RubricNode } from './rubric.ts';

/** What was entered for a check point; the kind must suit the check point's method. */
export type ScoreInput =
  | { kind: 'points'; points: number }
  | { kind: 'level'; label: string }
  | { kind: 'yes_no'; yes: boolean }
  /** The value the server computed from base data for a computed check point. */
  | { kind: 'computed'; value: number };

/** One check point's score on a score sheet. */
export interface CheckpointScore {
  code: string;
  input: ScoreInput;
  /** The inspector's note: the problem found, or why a computed value was overridden. */
  note?: string;
  /** How many evidence attachments back the score. */
  evidenceCount?: number;
}

/** Points earned by a computed value: the first threshold (best first) the value reaches, else `otherwise`. */
export function pointsForComputedValue(method: ComputedMethod, value: number): number {
  for (const t of method.thresholds) {
    if (method.direction === 'at_least' ? value >= t.value : value <= t.value) return t.points;
  }
  return method.otherwise;
}

/** Lists the problems of one score against its check point's method (Chinese; empty when valid). Evidence is checked at submission, not here. */
export function validateScore(node: RubricNode, score: CheckpointScore): string[] {
  const method = node.method;
  if (node.kind !== 'checkpoint' || !method) return [`${node.code} 不是评估要点，不能评分`];
  const input = score.input;
  const hasNote = !!score.note?.trim();
  switch (method.kind) {
    case 'points': {
      if (input.kind !== 'points') return [wrongKind(input.kind, '分数')];
      if (!Number.isFinite(input.points)) return ['分数应为数字'];
      if (input.points < method.min || input.points > method.max) return [`分数 ${input.points} 超出范围 ${method.min}–${method.max}`];
      const steps = (input.points - method.min) / method.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) return [`分数 ${input.points} 不符合计分步长 ${method.step}`];
      return [];
    }
    case 'levels':
      if (input.kind !== 'level') return [wrongKind(input.kind, '等级')];
      if (!method.levels.some((l) => l.label === input.label))
        return [`等级“${input.label}”不在可选等级（${method.levels.map((l) => l.label).join('、')}）中`];
      return [];
    case 'yes_no':
      if (input.kind !== 'yes_no') return [wrongKind(input.kind, '“是/否”判断')];
      if (!input.yes && method.noRequiresNote && !hasNote) return [`选择“${method.noLabel ?? '否'}”时须说明存在的问题`];
      return [];
    case 'computed':
      if (input.kind === 'computed') return Number.isFinite(input.value) ? [] : ['计算值应为数字'];
      // A manual override is allowed (data missing or wrong), within 0..max and with a reason on record.
      if (input.kind !== 'points') return [wrongKind(input.kind, '由系统数据计算的值（或带理由的人工分数）')];
      if (!Number.isFinite(input.points) || input.points < 0 || input.points > node.maxPoints)
        return [`人工分数 ${input.points} 超出范围 0–${node.maxPoints}`];
      if (!hasNote) return ['人工调整系统计算的得分须填写理由'];
      return [];
    default: {
      const never: never = method;
      return [`未知评分方式：${JSON.stringify(never)}`];
    }
  }
}

/** The points a valid score earns, or null when the score is invalid for the check point. */
export function pointsForScore(node: RubricNode, score: CheckpointScore): number | null {
  if (validateScore(node, score).length > 0) return null;
  const method = node.method!;
  const input = score.input;
  switch (input.kind) {
    case 'points':
      return input.points;
    case 'level':
      return method.kind === 'levels' ? method.levels.find((l) => l.label === input.label)!.points : null;
    case 'yes_no':
      return method.kind === 'yes_no' ? (input.yes ? method.yesPoints : method.noPoints) : null;
    case 'computed':
      return method.kind === 'computed' ? pointsForComputedValue(method, input.value) : null;
  }
}

/** Whether a score says a requirement is not met (a "no" on a yes/no check point). */
export function isNoAnswer(score: CheckpointScore): boolean {
  return score.input.kind === 'yes_no' && !score.input.yes;
}

const KIND_LABELS: Record<ScoreInput['kind'], string> = { points: '分数', level: '等级', yes_no: '“是/否”判断', computed: '计算值' };

function wrongKind(given: ScoreInput['kind'], expected: string): string {
  return `该要点应填写${expected}，不能填写${KIND_LABELS[given]}`;
}
