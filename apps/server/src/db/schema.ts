/**
 * Kysely table types of the database. Row types never leave the server: mappers turn them into
 * contract shapes. `date` columns are read as 'YYYY-MM-DD' strings, numeric as numbers (see database.ts).
 */
import type {
  AwardApplicationTable,
  AwardAssignmentTable,
  AwardAttachmentTable,
  AwardCallTable,
  AwardExpertTable,
  AwardMemberTable,
  AwardObjectionTable,
  AwardScoreTable,
} from './tables-awards.ts';
import type { DataChangeTable } from './tables-data-change.ts';
import type {
  EthicsAttachmentTable,
  EthicsCaseMessageTable,
  EthicsCaseTable,
  EthicsCommitmentTable,
  EthicsRestrictionTable,
  EthicsReviewTable,
} from './tables-ethics.ts';
import type {
  GrowthApplicationTable,
  GrowthExpertMemberTable,
  GrowthExpertTeamTable,
  GrowthReviewScoreTable,
  GrowthRoundReviewerTable,
  GrowthRoundTable,
  GrowthStudioActivityTable,
  GrowthStudioMemberTable,
  GrowthStudioReviewTable,
  GrowthStudioTable,
  GrowthTargetTable,
  GrowthTeamVisitTable,
  GrowthTestScoreTable,
} from './tables-growth.ts';
import type {
  RotationExclusionTable,
  RotationExemptionTable,
  RotationMoveTable,
  RotationPlanTable,
  RotationRuleSetTable,
} from './tables-rotation.ts';
import type {
  TrainingCourseTable,
  TrainingCreditTable,
  TrainingEnrolmentTable,
  TrainingEvidenceTable,
  TrainingImportTable,
  TrainingOutsideTable,
  TrainingRuleTable,
  TrainingSessionTable,
} from './tables-training.ts';
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz column with a default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A required timestamptz column. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type DateStr = string;

export interface RegionTable {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  parent_code: string | null;
  valid_from: ColumnType<DateStr, DateStr | undefined, DateStr>;
  valid_to: DateStr | null;
}

export interface OrgUnitTable {
  id: Generated<number>;
  kind: 'district' | 'street';
  code: string;
  name: string;
  parent_id: number | null;
  region_code: string | null;
  valid_from: ColumnType<DateStr, DateStr | undefined, DateStr>;
  valid_to: DateStr | null;
}

export interface SchoolTable {
  id: Generated<number>;
  code: string;
  district_id: number;
  opened_on: DateStr | null;
  closed_on: DateStr | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchoolVersionTable {
  id: Generated<number>;
  school_id: number;
  valid_from: DateStr;
  valid_to: DateStr | null;
  name: string;
  type_code: string;
  sponsor: 'public' | 'private';
  is_inclusive: boolean;
  urban_rural_code: string;
  street_id: number | null;
  address: string;
  longitude: number | null;
  latitude: number | null;
}

export interface SchoolYearStatTable {
  school_id: number;
  school_year: number;
  grade: string;
  classes: number;
  students: number;
  girls: number;
  new_entrants: number;
  graduates: number;
  transfers_in: number;
  transfers_out: number;
  migrant_children: number;
  disabled_students: number;
  updated_at: Timestamp;
}

export interface SchoolConditionTable {
  school_id: number;
  school_year: number;
  teaching_area: number;
  gym_area: number;
  sports_ground_area: number;
  equipment_value: number;
  multimedia_rooms: number;
  music_rooms: number;
  art_rooms: number;
  books: number;
  building_area: number | null;
  land_area: number | null;
  updated_at: Timestamp;
}

export interface TeacherTable {
  id: Generated<number>;
  id_number_hash: string;
  id_number_enc: string;
  id_number_masked: string;
  name: string;
  gender: 'male' | 'female';
  birth_date: DateStr;
  phone_enc: string | null;
  phone_masked: string | null;
  school_id: number | null;
  post: string;
  is_full_time: boolean;
  teaching_stage: string | null;
  subject: string | null;
  education: string;
  title: string;
  certificate: string;
  staffing: string;
  joined_school_on: DateStr | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeacherAssignmentTable {
  id: Generated<number>;
  teacher_id: number;
  school_id: number;
  home_school_id: number | null;
  kind: 'full' | 'partial';
  valid_from: DateStr;
  valid_to: DateStr | null;
  reason: string;
}

export interface TeacherRecognitionTable {
  id: Generated<number>;
  teacher_id: number;
  level: string;
  subject: string | null;
  issuer: string;
  issued_on: DateStr;
  valid_until: DateStr | null;
}

export interface PopulationTable {
  region_code: string;
  year: number;
  age: number;
  basis: 'registered' | 'resident';
  count: number;
  source: string;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  is_disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  teacher_id: number | null;
  password_changed_at: Timestamp;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  office: string | null;
  school_id: number | null;
  granted_by: number | null;
  granted_at: Timestamp;
}

export interface AppSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: RequiredTimestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  succeeded: boolean;
  at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  school_id: number | null;
  summary: string;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface ImportJobTable {
  id: string;
  kind: string;
  file_name: string;
  status: 'parsing' | 'validated' | 'invalid' | 'committing' | 'committed' | 'failed';
  total_rows: number;
  processed_rows: number;
  error_count: number;
  errors: unknown;
  summary: unknown;
  message: string | null;
  created_by: number | null;
  school_scope: number[] | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface WorkflowInstanceTable {
  id: Generated<number>;
  definition_key: string;
  subject_type: string;
  subject_id: string;
  school_id: number | null;
  state: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WorkflowTransitionTable {
  id: Generated<number>;
  instance_id: number;
  action: string;
  from_state: string | null;
  to_state: string;
  is_send_back: Generated<boolean>;
  actor_id: number | null;
  actor_name: string;
  note: Generated<string>;
  at: Timestamp;
}

export interface SchoolGroupTable {
  id: Generated<number>;
  kind: 'education_group' | 'community' | 'school_district' | 'pairing';
  name: string;
  model: Generated<string>;
  stage: string | null;
  description: Generated<string>;
  valid_from: string;
  valid_to: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchoolGroupMemberTable {
  id: Generated<number>;
  group_id: number;
  school_id: number;
  role: 'core' | 'member' | 'helper' | 'helped';
  valid_from: string;
  valid_to: string | null;
}

export interface IndicatorThresholdTable {
  id: Generated<number>;
  indicator_code: string;
  stage: string | null;
  value: number;
  comparator: '>=' | '<=';
  level: 'national' | 'province' | 'city' | 'district';
  document: string;
  effective_from: DateStr;
  effective_to: DateStr | null;
  source_url: Generated<string>;
  note: Generated<string>;
  created_by: number | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AssessmentItemRecordTable {
  kind: 'balanced' | 'preschool';
  school_year: number;
  item_key: string;
  met: boolean;
  note: Generated<string>;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface AssessmentEvidenceTable {
  id: Generated<number>;
  kind: 'balanced' | 'preschool';
  school_year: number;
  item_key: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_by_name: string;
  uploaded_at: Timestamp;
}

export interface SurveyResultTable {
  kind: 'balanced' | 'preschool';
  school_year: number;
  rate: number;
  respondents: number | null;
  surveyed_on: DateStr | null;
  organisation: Generated<string>;
  note: Generated<string>;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface DataQualityRuleTable {
  code: string;
  name: string;
  target: 'grade' | 'school' | 'condition' | 'teacher';
  left_expr: string;
  operator: string;
  right_expr: string;
  when_left: string | null;
  when_operator: string | null;
  when_right: string | null;
  severity: 'error' | 'warning' | 'info';
  message: string;
  is_enabled: Generated<boolean>;
  is_builtin: Generated<boolean>;
  sort_order: Generated<number>;
  updated_at: Timestamp;
}

export interface RubricTemplateTable {
  id: Generated<number>;
  family: string;
  version: number;
  name: string;
  /** The whole RubricTemplate (packages/domain) as JSON. */
  definition: unknown;
  is_built_in: Generated<boolean>;
  copied_from_family: string | null;
  copied_from_version: number | null;
  created_by: number | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RubricVersionMappingTable {
  family: string;
  from_version: number;
  to_version: number;
  mapping: unknown;
  updated_by_name: Generated<string>;
  updated_at: Timestamp;
}

export interface EvaluationCampaignTable {
  id: Generated<number>;
  name: string;
  description: Generated<string>;
  template_id: number;
  period_start: DateStr;
  period_end: DateStr;
  self_assessment_due: DateStr;
  on_site_due: DateStr;
  report_due: DateStr;
  team_size: number;
  lookback_years: number;
  disagreement_ratio: number;
  selection: unknown;
  created_by: number | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationTable {
  id: Generated<number>;
  campaign_id: number;
  school_id: number;
  visit_date: DateStr | null;
  created_at: Timestamp;
}

export interface EvaluationAssignmentTable {
  evaluation_id: number;
  inspector_id: number;
  is_lead: Generated<boolean>;
  assigned_at: Timestamp;
  sheet_submitted_at: NullableTimestamp;
}

export interface EvaluationScoreTable {
  id: Generated<number>;
  evaluation_id: number;
  /** NULL: the school's self-evaluation. */
  inspector_id: number | null;
  code: string;
  input: unknown;
  points: number | null;
  note: Generated<string>;
  revision: Generated<number>;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: Timestamp;
}

export interface EvaluationOverrideTable {
  evaluation_id: number;
  code: string;
  input: unknown;
  note: Generated<string>;
  reason: string;
  decided_by: number | null;
  decided_by_name: string;
  decided_at: Timestamp;
}

export interface EvaluationResultTable {
  evaluation_id: number;
  total: number;
  band: string | null;
  verdict: 'pass' | 'fail' | 'incomplete';
  verdict_label: string;
  is_vetoed: boolean;
  result: unknown;
  scores: unknown;
  findings: unknown;
  computed_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface EvaluationEvidenceTable {
  id: Generated<number>;
  evaluation_id: number | null;
  rectification_id: number | null;
  code: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  uploaded_by_name: string;
  uploaded_at: Timestamp;
}

export interface InspectorProfileTable {
  user_id: number;
  phone: Generated<string>;
  title: Generated<string>;
  duties: Generated<string>;
  updated_by_name: Generated<string>;
  updated_at: Timestamp;
}

export interface InspectorRelatedSchoolTable {
  user_id: number;
  school_id: number;
  reason: Generated<string>;
}

export interface ResponsibleInspectorTable {
  id: Generated<number>;
  school_id: number;
  inspector_id: number;
  valid_from: DateStr;
  valid_to: DateStr | null;
}

export interface InspectorVisitTable {
  id: Generated<number>;
  school_id: number;
  inspector_id: number;
  visit_date: DateStr;
  items: unknown;
  summary: Generated<string>;
  follow_ups: unknown;
  problem_count: Generated<number>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface RectificationItemTable {
  id: Generated<number>;
  school_id: number;
  evaluation_id: number | null;
  visit_id: number | null;
  code: string | null;
  problem: string;
  requirement: Generated<string>;
  required_evidence: Generated<string>;
  owner: string;
  deadline: DateStr;
  submitted_on: DateStr | null;
  verified_on: DateStr | null;
  created_by: number | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface RectificationProgressTable {
  id: Generated<number>;
  item_id: number;
  note: string;
  by_id: number | null;
  by_name: string;
  at: Timestamp;
}

export interface DB {
  region: RegionTable;
  org_unit: OrgUnitTable;
  school: SchoolTable;
  school_version: SchoolVersionTable;
  school_year_stat: SchoolYearStatTable;
  school_condition: SchoolConditionTable;
  teacher: TeacherTable;
  teacher_assignment: TeacherAssignmentTable;
  teacher_recognition: TeacherRecognitionTable;
  population: PopulationTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  app_session: AppSessionTable;
  login_attempt: LoginAttemptTable;
  audit_log: AuditLogTable;
  import_job: ImportJobTable;
  setting: SettingTable;
  workflow_instance: WorkflowInstanceTable;
  workflow_transition: WorkflowTransitionTable;
  school_group: SchoolGroupTable;
  school_group_member: SchoolGroupMemberTable;
  indicator_threshold: IndicatorThresholdTable;
  assessment_item_record: AssessmentItemRecordTable;
  assessment_evidence: AssessmentEvidenceTable;
  survey_result: SurveyResultTable;
  data_quality_rule: DataQualityRuleTable;
  rubric_template: RubricTemplateTable;
  rubric_version_mapping: RubricVersionMappingTable;
  evaluation_campaign: EvaluationCampaignTable;
  evaluation: EvaluationTable;
  evaluation_assignment: EvaluationAssignmentTable;
  evaluation_score: EvaluationScoreTable;
  evaluation_override: EvaluationOverrideTable;
  evaluation_result: EvaluationResultTable;
  evaluation_evidence: EvaluationEvidenceTable;
  inspector_profile: InspectorProfileTable;
  inspector_related_school: InspectorRelatedSchoolTable;
  responsible_inspector: ResponsibleInspectorTable;
  inspector_visit: InspectorVisitTable;
  rectification_item: RectificationItemTable;
  rectification_progress: RectificationProgressTable;
  training_rule: TrainingRuleTable;
  training_course: TrainingCourseTable;
  training_session: TrainingSessionTable;
  training_credit: TrainingCreditTable;
  training_enrolment: TrainingEnrolmentTable;
  training_outside: TrainingOutsideTable;
  training_evidence: TrainingEvidenceTable;
  training_import: TrainingImportTable;
  // tables: training
  growth_studio: GrowthStudioTable;
  growth_studio_member: GrowthStudioMemberTable;
  growth_studio_activity: GrowthStudioActivityTable;
  growth_studio_review: GrowthStudioReviewTable;
  growth_expert_team: GrowthExpertTeamTable;
  growth_expert_member: GrowthExpertMemberTable;
  growth_team_visit: GrowthTeamVisitTable;
  growth_round: GrowthRoundTable;
  growth_round_reviewer: GrowthRoundReviewerTable;
  growth_application: GrowthApplicationTable;
  growth_review_score: GrowthReviewScoreTable;
  growth_test_score: GrowthTestScoreTable;
  growth_target: GrowthTargetTable;
  // tables: growth
  award_call: AwardCallTable;
  award_application: AwardApplicationTable;
  award_member: AwardMemberTable;
  award_attachment: AwardAttachmentTable;
  award_expert: AwardExpertTable;
  award_assignment: AwardAssignmentTable;
  award_score: AwardScoreTable;
  award_objection: AwardObjectionTable;
  // tables: awards
  // tables: rotation
  rotation_rule_set: RotationRuleSetTable;
  rotation_exemption: RotationExemptionTable;
  rotation_plan: RotationPlanTable;
  rotation_move: RotationMoveTable;
  rotation_exclusion: RotationExclusionTable;
  // tables: ethics
  ethics_case: EthicsCaseTable;
  ethics_case_message: EthicsCaseMessageTable;
  ethics_attachment: EthicsAttachmentTable;
  ethics_restriction: EthicsRestrictionTable;
  ethics_review: EthicsReviewTable;
  ethics_commitment: EthicsCommitmentTable;
  data_change: DataChangeTable;
}
