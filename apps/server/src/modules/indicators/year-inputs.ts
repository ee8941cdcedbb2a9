/**
 * What the indicators of one school year are computed from: the rows the repository's few set-based
 * queries return, keyed by school id. Everything after loading is pure (the domain computes).
 */
import type { TrainingCompletionInputs } from '../training/training-indicator.ts';
import type { CohortStatRow, Membership, PopulationByAge, Stage, TeacherCounts, Threshold } from '@zhiping/domain';

/** A school as it stood on the statistics date. */
export interface SchoolRef {
  id: number;
  code: string;
  name: string;
  typeCode: string;
  sponsor: 'public' | 'private';
  isInclusive: boolean;
  urbanRuralCode: string;
  streetId: number | null;
  streetName: string | null;
}

/** Grade rows of one school summed over one stage part (compulsory class sizes at each grade's average). */
export interface StagePartStats {
  stage: Stage;
  students: number;
  classes: number;
  girls: number;
  migrantChildren: number;
  disabledStudents: number;
  /** Largest per-grade average class size; null without classes. */
  maxClassSize: number | null;
  largeClasses: number;
  superLargeClasses: number;
  /** Kindergarten classes within their norm (preschool parts). */
  kindergartenWithinLimit: number;
}

/** One school's 办学条件 of the year. */
export interface ConditionInputs {
  teachingArea: number;
  gymArea: number;
  sportsGroundArea: number;
  equipmentValue: number;
  multimediaRooms: number;
  musicRooms: number;
  artRooms: number;
}

/** Rotation (交流轮岗) counts of one home school in the school year. */
export interface RotationCounts {
  eligible: number;
  rotated: number;
  rotatedBackbone: number;
}

/** Summed cohort cells of all schools of one street and sponsor (for 九年义务教育巩固率 under filters). */
export interface CohortCell extends CohortStatRow {
  streetId: number | null;
  sponsor: 'public' | 'private';
}

/** Data-quality failures of one school in the year. */
export interface QualityCounts {
  error: number;
  warning: number;
  info: number;
}

/** Everything one year's indicators need. */
export interface YearInputs {
  year: number;
  /** Statistics date (学年初), used for thresholds, recognitions and memberships. */
  asOf: string;
  /** Last day of the school year. */
  yearEnd: string;
  /** Fingerprint of the base data these inputs were read from. */
  dataVersion: string;
  thresholds: Threshold[];
  /** Schools with grade rows or conditions in the year. */
  schools: Map<number, SchoolRef>;
  /** Per school, per stage part (only stages the school type covers; special schools hold one 'special' part). */
  parts: Map<number, Map<Stage, StagePartStats>>;
  /** Students in grade rows outside the school's type (left out of every indicator). */
  outsideStudents: Map<number, number>;
  conditions: Map<number, ConditionInputs>;
  /** Teacher counts per school stage part after the split of staff without a stage of the school. */
  teachers: Map<number, Map<Stage, TeacherCounts>>;
  teacherWarnings: string[];
  /** Per school: the rows of the cohort graduating from 初中 this year (Y-2 J1, Y-1 J2, Y J3). */
  juniorCohort: Map<number, CohortStatRow[]>;
  /** Cells of the cohort in grade 9 this year, from grade 1 eight years before, by street and sponsor. */
  nineYearCells: CohortCell[];
  population: PopulationByAge[];
  memberships: Membership[];
  rotation: Map<number, RotationCounts>;
  /**
   * The 交流轮岗 rule set in force on the statistics date: its 应交流年限 decided who counted as due in the
   * buckets, its 骨干 basis decides the 骨干 share, and `source` names it in the values' warnings.
   */
  rotationRule?: RotationRuleInputs;
  /** 教师5年360学时 completion per school from the training ledger (null: no basis rule or no ledger rows). */
  training?: TrainingCompletionInputs | null;
  quality: Map<number, QualityCounts>;
}

/** The 交流轮岗 rule the rotation indicators are computed under. */
export interface RotationRuleInputs {
  eligibleYears: number;
  backboneBasis: 'rotated' | 'eligible';
  source: string;
}

/** Statistics date of a school year (学年初 report): 1 September of its first calendar year. */
export function statisticsDate(year: number): string {
  return `${year}-09-01`;
}

/** Last day of a school year. */
export function schoolYearEnd(year: number): string {
  return `${year + 1}-08-31`;
}
