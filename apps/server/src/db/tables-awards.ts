/** Kysely table types of the teaching-achievement awards (migration 20261122090000_awards). */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateStr = string;
/** numeric columns are read as numbers (see database.ts). */
type Numeric = ColumnType<number, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;

export interface AwardCallTable {
  id: Generated<number>;
  year: number;
  title: string;
  notice: Generated<string>;
  applications_open_on: DateStr;
  applications_due_on: DateStr;
  review_due_on: DateStr;
  rules: Json;
  rubric: Json;
  draw_seed: number | null;
  publicity_start: DateStr | null;
  publicity_end: DateStr | null;
  final_published_on: DateStr | null;
  recommended_on: DateStr | null;
  created_by: number | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AwardApplicationTable {
  id: Generated<number>;
  call_id: number;
  lead_teacher_id: number;
  school_id: number;
  title: string;
  field: string;
  stage: string;
  subject: Generated<string>;
  summary: Generated<string>;
  status: Generated<'draft' | 'submitted' | 'returned' | 'accepted' | 'withdrawn'>;
  submitted_at: NullableTimestamp;
  check_note: Generated<string>;
  checked_by_name: Generated<string>;
  checked_at: NullableTimestamp;
  score: Numeric | null;
  raw_mean: Numeric | null;
  rank: number | null;
  is_tie: Generated<boolean>;
  grade: 'first' | 'second' | 'third' | null;
  excluded_reason: string | null;
  is_recommended: Generated<boolean>;
  city_result: 'first' | 'second' | 'third' | 'none' | null;
  city_note: Generated<string>;
  created_by: number | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AwardMemberTable {
  application_id: number;
  teacher_id: number;
  school_id: number;
  position: number;
}

export interface AwardAttachmentTable {
  id: Generated<number>;
  application_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_by_name: Generated<string>;
  uploaded_at: Timestamp;
}

export interface AwardExpertTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  organisation: Generated<string>;
  specialty: Generated<string>;
  is_active: Generated<boolean>;
  created_at: Timestamp;
}

export interface AwardAssignmentTable {
  application_id: number;
  expert_id: number;
  method: 'drawn' | 'manual';
  assigned_by_name: Generated<string>;
  assigned_at: Timestamp;
}

export interface AwardScoreTable {
  application_id: number;
  expert_id: number;
  points: Json;
  total: Numeric;
  comment: Generated<string>;
  is_submitted: Generated<boolean>;
  is_dropped: Generated<boolean>;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
}

export interface AwardObjectionTable {
  id: Generated<number>;
  application_id: number;
  content: string;
  filed_by: number | null;
  filed_by_name: Generated<string>;
  filed_at: Timestamp;
  decision: 'upheld' | 'dismissed' | null;
  decision_note: Generated<string>;
  decided_by_name: Generated<string>;
  decided_at: NullableTimestamp;
}
