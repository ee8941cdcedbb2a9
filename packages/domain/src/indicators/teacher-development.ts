/**
 * Teacher-development items of 优质均衡 第七条: the 5-year 360-学时 training cycle (第九项) and yearly
 * 交流轮岗 (第十一项: ≥10 % of eligible teachers, 骨干 ≥20 % of those rotated).
 */
import { computeRatioIndicator } from './compute.ts';
import type { EvaluationContext, IndicatorScope, IndicatorValue } from './types.ts';

/** Share of teachers in the cycle who completed the required hours (100 % required). */
export function computeTrainingCompletion(
  input: { teachersInCycle: number; completed: number },
  scope: IndicatorScope,
  context: EvaluationContext,
): IndicatorValue {
  return computeRatioIndicator({
    code: 'teachers.training_completion_rate',
    numerator: input.completed,
    denominator: input.teachersInCycle,
    scope,
    context,
  });
}

/** A year of rotation in the district. */
export interface RotationInput {
  /** Teachers eligible to rotate this year (e.g. 6 years in the same school). */
  eligible: number;
  /** Teachers who rotated. */
  rotated: number;
  /** 骨干教师 among those who rotated. */
  rotatedBackbone: number;
  /** 'rotated' (national): 骨干 ÷ rotated; 'eligible' (some provinces): 骨干 ÷ eligible. */
  backboneBasis?: 'rotated' | 'eligible';
}

/** The two rotation shares: rotated ÷ eligible (≥10 %) and rotated 骨干 ÷ the configured basis (≥20 %). */
export function computeRotation(input: RotationInput, scope: IndicatorScope, context: EvaluationContext): [IndicatorValue, IndicatorValue] {
  const basis = input.backboneBasis ?? 'rotated';
  return [
    computeRatioIndicator({ code: 'teachers.rotation_share', numerator: input.rotated, denominator: input.eligible, scope, context }),
    computeRatioIndicator({
      code: 'teachers.rotation_backbone_share',
      numerator: input.rotatedBackbone,
      denominator: basis === 'rotated' ? input.rotated : input.eligible,
      scope,
      context,
      warnings: basis === 'eligible' ? ['口径：以应交流教师数为分母'] : [],
    }),
  ];
}
