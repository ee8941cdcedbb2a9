/** Kysely table types of 交流轮岗 (migration 20261122100000_rotation). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface RotationRuleSetTable {
  id: Generated<number>;
  title: string;
  document_number: string;
  valid_from: string;
  rules: Json<unknown>;
  note: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface RotationExemptionTable {
  id: Generated<number>;
  school_year: number;
  teacher_id: number;
  reason: 'pregnancy' | 'nursing' | 'illness' | 'near_retirement' | 'other';
  note: Generated<string>;
  recorded_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface RotationPlanTable {
  id: Generated<number>;
  school_year: number;
  title: string;
  rule_set_id: number;
  effective_from: string;
  result: ColumnType<unknown | null, string | null | undefined, string | null>;
  computed_at: NullableTimestamp;
  executed_at: NullableTimestamp;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RotationMoveTable {
  id: Generated<number>;
  plan_id: number;
  teacher_id: number;
  from_school_id: number;
  to_school_id: number;
  stage: 'primary' | 'junior';
  subject: string | null;
  kind: 'full' | 'partial';
  is_backbone: boolean;
  counts_as_backbone: boolean;
  is_above_qualification: boolean;
  is_high_quality: boolean;
  source: 'optimizer' | 'manual' | 'locked';
  reasons: ColumnType<string[], string | undefined, string>;
  from_review: Generated<'pending' | 'accepted' | 'objected'>;
  from_review_note: Generated<string>;
  to_review: Generated<'pending' | 'accepted' | 'objected'>;
  to_review_note: Generated<string>;
  acknowledged_at: NullableTimestamp;
  assignment_id: number | null;
}

export interface RotationExclusionTable {
  plan_id: number;
  teacher_id: number;
  reason: string;
}
