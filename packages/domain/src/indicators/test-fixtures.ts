/**
 * Builders shared by the indicator tests (not exported from the package).
 */
import type { BalancedInputs, BalancedStage } from './balanced.ts';
import { NATIONAL_THRESHOLDS } from './thresholds.ts';
import type { EvaluationContext } from './types.ts';

/** National thresholds evaluated on 2025-09-01. */
export const CTX: EvaluationContext = { thresholds: NATIONAL_THRESHOLDS, asOf: '2025-09-01' };

/** Per-student standards of the 7 indicators (per-100 ones already divided by 100). */
const PER_STUDENT: Record<BalancedStage, Omit<BalancedInputs, 'students' | 'gymArea'>> = {
  primary: {
    teachersAboveQualification: 0.042,
    backboneCountyOrAbove: 0.01,
    peArtTeachers: 0.009,
    teachingArea: 4.5,
    sportsGroundArea: 7.5,
    equipmentValue: 2000,
    multimediaRooms: 0.023,
  },
  junior: {
    teachersAboveQualification: 0.053,
    backboneCountyOrAbove: 0.01,
    peArtTeachers: 0.009,
    teachingArea: 5.8,
    sportsGroundArea: 10.2,
    equipmentValue: 2500,
    multimediaRooms: 0.024,
  },
};

/** Inputs of a stage part sitting exactly at every standard (students a multiple of 1000 keep counts whole). */
export function atStandard(stage: BalancedStage, students: number, over: Partial<BalancedInputs> = {}): BalancedInputs {
  const p = PER_STUDENT[stage];
  const k = students / 1000;
  return {
    students,
    teachersAboveQualification: Math.round(p.teachersAboveQualification * 1000) * k,
    backboneCountyOrAbove: Math.round(p.backboneCountyOrAbove * 1000) * k,
    peArtTeachers: Math.round(p.peArtTeachers * 1000) * k,
    teachingArea: Math.round(p.teachingArea * 1000) * k,
    gymArea: 0,
    sportsGroundArea: Math.round(p.sportsGroundArea * 1000) * k,
    equipmentValue: Math.round(p.equipmentValue * 1000) * k,
    multimediaRooms: Math.round(p.multimediaRooms * 1000) * k,
    ...over,
  };
}
