/** Rubric helpers for the pages: check points in tree order with their area and indicator, and labels. */
import type { ScoreValue, TemplateNode, TemplateScoringMethod } from '@zhiping/contracts';
import { flattenRubric, type RubricNode } from '@zhiping/domain';

/** A check point with where it sits in the tree. */
export interface CheckpointView {
  node: TemplateNode;
  areaTitle: string;
  indicatorTitle: string;
  index: number;
}

/** The check points of a rubric in tree order. */
export function checkpointsOf(nodes: readonly TemplateNode[]): CheckpointView[] {
  const flat = flattenRubric({ nodes: nodes as unknown as RubricNode[] });
  const titles = new Map(flat.map((f) => [f.node.code, f.node.title] as const));
  return flat
    .filter((f) => f.node.kind === 'checkpoint')
    .map((f, index) => ({
      node: f.node as unknown as TemplateNode,
      areaTitle: titles.get(f.areaCode) ?? '',
      indicatorTitle: f.parentCode && f.parentCode !== f.areaCode ? (titles.get(f.parentCode) ?? '') : '',
      index,
    }));
}

/** 打分 / 等级 / 是否 / 系统计算, in Chinese. */
export function methodLabel(method: TemplateScoringMethod | undefined): string {
  switch (method?.kind) {
    case 'points':
      return `打分（${method.min}–${method.max}，步长 ${method.step}）`;
    case 'levels':
      return `等级（${method.levels.map((l) => `${l.label}${l.points}分`).join('、')}）`;
    case 'yes_no':
      return `是否判断（是 ${method.yesPoints} 分，否 ${method.noPoints} 分）`;
    case 'computed':
      return `系统计算（${method.source}）`;
    default:
      return '—';
  }
}

/** A score value as text: "18 分", "良好", "是". */
export function scoreText(input: ScoreValue | null | undefined, method?: TemplateScoringMethod): string {
  if (!input) return '未评';
  switch (input.kind) {
    case 'points':
      return `${input.points} 分`;
    case 'level':
      return input.label;
    case 'yes_no':
      return input.yes
        ? method?.kind === 'yes_no'
          ? (method.yesLabel ?? '是')
          : '是'
        : method?.kind === 'yes_no'
          ? (method.noLabel ?? '否')
          : '否';
    case 'computed':
      return `计算值 ${input.value}`;
  }
}

/** As a domain node (the same shape), for validateScore and pointsForScore. */
export const asRubricNode = (node: TemplateNode) => node as unknown as RubricNode;
