/** Kysely table types of teacher growth (工作室, 专家团队, 评选, 年度考核, 年度目标); see migration 20261122080000_growth. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateStr = string;
/** A jsonb column written as a JSON string. */
type Json<T> = ColumnType<T, string | undefined, string>;

export interface StudioOutput {
  kind: 'paper' | 'lesson' | 'resource';
  title: string;
  link: string;
}

export interface GrowthStudioTable {
  id: Generated<number>;
  name: string;
  kind: 'principal' | 'head_teacher' | 'teacher';
  subject: string | null;
  host_teacher_id: number;
  school_id: number;
  term_start: DateStr;
  term_end: DateStr;
  goals: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GrowthStudioMemberTable {
  studio_id: number;
  teacher_id: number;
  joined_on: DateStr;
  left_on: DateStr | null;
}

export interface GrowthStudioActivityTable {
  id: Generated<number>;
  studio_id: number;
  kind: 'research_lesson' | 'lecture' | 'joint_preparation' | 'other';
  title: string;
  held_on: DateStr;
  place: Generated<string>;
  attendee_ids: ColumnType<number[], number[] | undefined, number[]>;
  outputs: Json<StudioOutput[]>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface GrowthStudioReviewTable {
  studio_id: number;
  year: number;
  rating: 'excellent' | 'good' | 'pass' | 'fail';
  summary: string;
  activities: number;
  outputs: number;
  reviewed_by_name: Generated<string>;
  reviewed_at: Timestamp;
}

export interface GrowthExpertTeamTable {
  id: Generated<number>;
  name: string;
  lead_teacher_id: number;
  paired_school_id: number;
  pairing_reason: 'rural' | 'weak';
  weak_reason: Generated<string>;
  started_on: DateStr;
  ended_on: DateStr | null;
  focus: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface GrowthExpertMemberTable {
  team_id: number;
  teacher_id: number;
}

export interface GrowthTeamVisitTable {
  id: Generated<number>;
  team_id: number;
  visited_on: DateStr;
  kind: 'lesson_observation' | 'demonstration' | 'lecture' | 'research_guidance' | 'other';
  content: string;
  participants: Generated<number>;
  outcome: Generated<string>;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface GrowthRoundTable {
  id: Generated<number>;
  year: number;
  kind: 'demo_lesson' | 'teaching_expert';
  name: string;
  target: number;
  opens_on: DateStr;
  closes_on: DateStr;
  state: ColumnType<'open' | 'reviewing' | 'published', 'open' | 'reviewing' | 'published' | undefined>;
  published_on: DateStr | null;
  published_by_name: string | null;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}

export interface GrowthRoundReviewerTable {
  round_id: number;
  user_id: number;
}

export interface GrowthApplicationTable {
  id: Generated<number>;
  round_id: number;
  teacher_id: number;
  school_id: number;
  subject: Generated<string>;
  teaching_stage: string | null;
  title: Generated<string>;
  material_link: Generated<string>;
  statement: Generated<string>;
  source: 'self' | 'school';
  submitted_by_name: Generated<string>;
  submitted_at: Timestamp;
  final_score: number | null;
  rank: number | null;
  is_selected: Generated<boolean>;
  adjustment: 'include' | 'exclude' | null;
  adjustment_reason: string | null;
  blocked_reason: string | null;
}

export interface GrowthReviewScoreTable {
  application_id: number;
  reviewer_id: number;
  score: number;
  comment: Generated<string>;
  scored_at: Timestamp;
}

export interface GrowthTestScoreTable {
  id: Generated<number>;
  year: number;
  teacher_id: number;
  school_id: number;
  subject: string;
  total: number;
  parts: Json<Record<string, number>>;
  imported_by_name: Generated<string>;
  imported_at: Timestamp;
}

export interface GrowthTargetTable {
  id: Generated<number>;
  key: 'demo_lessons' | 'teaching_experts' | 'studios' | 'rural_coverage';
  value: number;
  valid_from_year: number;
  source: string;
  created_by_name: Generated<string>;
  created_at: Timestamp;
}
