/** Kysely table types of the ethics area (师德师风); see migration 20261122110000_ethics. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateStr = string;

export interface EthicsCaseTable {
  id: Generated<number>;
  source: 'public_report' | 'office';
  rules_version: string;
  is_anonymous: boolean;
  reporter_name_enc: string | null;
  reporter_contact_enc: string | null;
  tracking_code_hash: string | null;
  tracking_password_hash: string | null;
  tracking_failures: Generated<number>;
  tracking_locked_until: NullableTimestamp;
  reported_name_enc: string;
  reported_school_id: number | null;
  content_enc: string;
  occurred_on: DateStr | null;
  suggested_category: string | null;
  received_at: Timestamp;
  received_on: DateStr;
  triage_due: DateStr;
  triaged_on: DateStr | null;
  triage_note_enc: string | null;
  teacher_id: number | null;
  school_id: number | null;
  category: string | null;
  handler_level: 'district' | 'school' | null;
  handler_user_id: number | null;
  investigation_due: DateStr | null;
  findings_enc: string | null;
  findings_on: DateStr | null;
  statement_due: DateStr | null;
  statement_enc: string | null;
  statement_on: DateStr | null;
  decision_due: DateStr | null;
  outcome: 'no_violation' | 'other_measures' | 'penalty' | null;
  penalty: 'warning' | 'demerit' | 'demotion' | 'dismissal' | 'expulsion' | null;
  measures: ColumnType<string[], string | undefined, string>;
  disqualification_months: number | null;
  decision_enc: string | null;
  decided_on: DateStr | null;
  notice_enc: string | null;
  notified_on: DateStr | null;
  appeal_due: DateStr | null;
  appeal_enc: string | null;
  appealed_on: DateStr | null;
  appeal_outcome: 'upheld' | 'changed' | 'revoked' | null;
  appeal_result_enc: string | null;
  appeal_decided_on: DateStr | null;
  closed_on: DateStr | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EthicsCaseMessageTable {
  id: Generated<number>;
  case_id: number;
  kind: 'question' | 'update' | 'reply' | 'note';
  body_enc: string;
  author_id: number | null;
  author_name: Generated<string>;
  at: Timestamp;
}

export interface EthicsAttachmentTable {
  id: Generated<number>;
  case_id: number;
  message_id: number | null;
  origin: 'reporter' | 'staff' | 'teacher';
  file_name_enc: string;
  content_type: string;
  size_bytes: number;
  content_enc: string;
  uploaded_by_name: Generated<string>;
  at: Timestamp;
}

export interface EthicsRestrictionTable {
  id: Generated<number>;
  teacher_id: number;
  case_id: number;
  kind: 'penalty' | 'disqualification';
  label: string;
  purposes: string[];
  starts_on: DateStr;
  ends_on: DateStr | null;
  original_ends_on: DateStr | null;
  revoked_on: DateStr | null;
  change_note: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EthicsReviewTable {
  teacher_id: number;
  year: number;
  school_id: number;
  level: 'excellent' | 'qualified' | 'basic' | 'unqualified';
  note: Generated<string>;
  source: 'entry' | 'import';
  recorded_by_name: Generated<string>;
  recorded_at: Timestamp;
}

export interface EthicsCommitmentTable {
  teacher_id: number;
  year: number;
  school_id: number;
  signed_on: DateStr;
  recorded_by_name: Generated<string>;
  recorded_at: Timestamp;
}
