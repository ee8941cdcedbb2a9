/** Kysely table types of continuing education (继续教育): rules, courses, sessions, the hours ledger, submissions. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateStr = string;
/** numeric read as number (see database.ts), written as number. */
type Num = ColumnType<number, number | string, number | string>;
type TrainingLevelCol = 'national' | 'city' | 'district' | 'school';

export interface TrainingRuleTable {
  id: Generated<number>;
  code: string;
  version: number;
  name: string;
  issuer_level: 'national' | 'province' | 'city' | 'district';
  document_number: string;
  document_title: Generated<string>;
  effective_from: DateStr;
  cycle_years: number;
  cycle_anchor: DateStr;
  required_hours: Num;
  /** JSON: { label, levels, minHours }[]. */
  sub_quotas: ColumnType<unknown, string | undefined, string>;
  seminar_min_per_year: Generated<number>;
  warning_months: Generated<number>;
  risk_pace_factor: ColumnType<number, number | string | undefined, number | string>;
  is_prorated: Generated<boolean>;
  is_indicator_basis: Generated<boolean>;
  note: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface TrainingCourseTable {
  id: Generated<number>;
  title: string;
  provider: string;
  level: TrainingLevelCol;
  category: string;
  mode: 'offline' | 'online' | 'blended';
  is_seminar: Generated<boolean>;
  hours: Num;
  school_id: number | null;
  description: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  course_id: number;
  name: string;
  starts_on: DateStr;
  ends_on: DateStr;
  capacity: number;
  location: Generated<string>;
  is_closed: Generated<boolean>;
  created_at: Timestamp;
}

export interface TrainingCreditTable {
  id: Generated<number>;
  teacher_id: number;
  source: 'session' | 'import' | 'outside';
  session_id: number | null;
  outside_id: number | null;
  import_id: number | null;
  title: string;
  provider: string;
  level: TrainingLevelCol;
  category: string;
  is_seminar: Generated<boolean>;
  hours: Num;
  completed_on: DateStr;
  evidence: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface TrainingEnrolmentTable {
  id: Generated<number>;
  session_id: number;
  teacher_id: number;
  status: Generated<'enrolled' | 'attended' | 'absent' | 'completed'>;
  attended_hours: ColumnType<number | null, number | string | null | undefined, number | string | null>;
  credit_id: number | null;
  enrolled_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface TrainingOutsideTable {
  id: Generated<number>;
  teacher_id: number;
  title: string;
  provider: string;
  level: TrainingLevelCol;
  category: string;
  is_seminar: Generated<boolean>;
  hours: Num;
  started_on: DateStr;
  ended_on: DateStr;
  note: Generated<string>;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  review_note: Generated<string>;
  reviewed_by_name: string | null;
  reviewed_at: NullableTimestamp;
  credit_id: number | null;
  submitted_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface TrainingEvidenceTable {
  id: Generated<number>;
  outside_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_by_name: string;
  uploaded_at: Timestamp;
}

export interface TrainingImportTable {
  id: Generated<number>;
  file_name: string;
  platform: Generated<string>;
  row_count: number;
  hours: Num;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}
