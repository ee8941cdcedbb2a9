/**
 * Splitting one-through schools (九年一贯制, 完全中学, 十二年一贯制) into stage parts, each counted as a
 * separate school (standards.md §1.1). Shared resources go to the parts in proportion to weighted
 * enrolment Pk·wk; every indicator that needs a stage part uses this one split.
 */
import { findSchoolType } from '../codes/school-types.ts';
import type { Stage } from '../codes/stages.ts';

/** Enrolment weight of each stage of a school type. */
export type SplitWeights = Partial<Record<Stage, number>>;

const NINE_YEAR: SplitWeights = { primary: 1, junior: 1.1 };
const COMPLETE_MIDDLE: SplitWeights = { junior: 1, senior: 1.2 };
const TWELVE_YEAR: SplitWeights = { primary: 1, junior: 1.1, senior: 1.32 };

/** Default weights by 办学类型 from the 基本均衡 practice [P]; whether they still apply under 优质均衡 is [U]. */
export const DEFAULT_SPLIT_WEIGHTS: Readonly<Record<string, SplitWeights>> = {
  '312': NINE_YEAR,
  '314': NINE_YEAR,
  '341': COMPLETE_MIDDLE,
  '343': COMPLETE_MIDDLE,
  '345': TWELVE_YEAR,
};

/** Each stage's share of a school's shared resources. */
export interface StageShares {
  /** Stages of the school type, in grade order. */
  stages: Stage[];
  /** Share per stage (sums to 1 unless the school has no students). */
  shares: Partial<Record<Stage, number>>;
  warnings: string[];
}

/** Shares of the stages of a school: Pk·wk ÷ Σ Pj·wj over the stages its type covers. */
export function stageShares(
  typeCode: string,
  students: Partial<Record<Stage, number>>,
  weights: Readonly<Record<string, SplitWeights>> = DEFAULT_SPLIT_WEIGHTS,
): StageShares {
  const type = findSchoolType(typeCode);
  const warnings: string[] = [];
  if (!type) return { stages: [], shares: {}, warnings: [`未知的办学类型代码：${typeCode}`] };
  const stages = [...type.stages];
  if (stages.length === 1) return { stages, shares: { [stages[0]!]: 1 }, warnings };
  const w = weights[typeCode];
  if (!w) warnings.push(`办学类型 ${typeCode} 未配置分摊权重，按各学段1:1分摊`);
  const weighted = stages.map((s) => (students[s] ?? 0) * (w?.[s] ?? 1));
  const total = weighted.reduce((a, b) => a + b, 0);
  const shares: Partial<Record<Stage, number>> = {};
  if (total === 0) warnings.push('各学段在校生数均为0，共用资源无法分摊');
  stages.forEach((s, i) => {
    shares[s] = total === 0 ? 0 : weighted[i]! / total;
  });
  return { stages, shares, warnings };
}

/** Inputs of a split: students per stage, shared amounts, and amounts already tied to one stage. */
export interface SplitInput<K extends string> {
  typeCode: string;
  students: Partial<Record<Stage, number>>;
  /** Resources used by all stages (areas, equipment value, rooms, books, teachers without a stage). */
  shared: Record<K, number>;
  /** Resources that belong to one stage only; added to that stage after the split. */
  own?: Partial<Record<Stage, Partial<Record<K, number>>>>;
  weights?: Readonly<Record<string, SplitWeights>>;
}

/** One stage part of a school after the split; amounts stay unrounded (a part may hold 0.52 of a teacher). */
export interface StagePart<K extends string> {
  stage: Stage;
  students: number;
  share: number;
  resources: Record<K, number>;
}

/** Apportions shared resources of a school to its stage parts by weighted enrolment and adds each part's own resources. */
export function splitSharedResources<K extends string>(input: SplitInput<K>): { parts: StagePart<K>[]; warnings: string[] } {
  const { stages, shares, warnings } = stageShares(input.typeCode, input.students, input.weights);
  const keys = Object.keys(input.shared) as K[];
  const parts = stages.map((stage) => {
    const share = shares[stage] ?? 0;
    const own: Partial<Record<K, number>> = input.own?.[stage] ?? {};
    const resources = {} as Record<K, number>;
    for (const k of keys) resources[k] = input.shared[k] * share + (own[k] ?? 0);
    for (const k of Object.keys(own) as K[]) if (!(k in resources)) resources[k] = own[k] ?? 0;
    return { stage, students: input.students[stage] ?? 0, share, resources };
  });
  return { parts, warnings };
}
