/** Code lists of teacher growth: studio kinds, activity and output kinds, visit kinds, selection kinds, test areas. */

/** 名师工作室 types (名校长 / 名班主任 / 名师). */
export const STUDIO_KINDS = ['principal', 'head_teacher', 'teacher'] as const;
export type StudioKind = (typeof STUDIO_KINDS)[number];
export const STUDIO_KIND_LABELS: Record<StudioKind, string> = {
  principal: '名校长工作室',
  head_teacher: '名班主任工作室',
  teacher: '名师工作室',
};

/** Studio activities. */
export const ACTIVITY_KINDS = ['research_lesson', 'lecture', 'joint_preparation', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  research_lesson: '研究课',
  lecture: '专题讲座',
  joint_preparation: '集体备课',
  other: '其他研修',
};

/** Outputs of an activity. */
export const OUTPUT_KINDS = ['paper', 'lesson', 'resource'] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];
export const OUTPUT_KIND_LABELS: Record<OutputKind, string> = { paper: '论文', lesson: '课例', resource: '教学资源' };

/** Yearly review ratings of a studio against its goals. */
export const REVIEW_RATINGS = ['excellent', 'good', 'pass', 'fail'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];
export const REVIEW_RATING_LABELS: Record<ReviewRating, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };

/** Why a school is paired with an expert team. */
export const PAIRING_REASONS = ['rural', 'weak'] as const;
export type PairingReason = (typeof PAIRING_REASONS)[number];
export const PAIRING_REASON_LABELS: Record<PairingReason, string> = { rural: '农村学校', weak: '薄弱学校' };

/** Help given on a visit of an expert team. */
export const VISIT_KINDS = ['lesson_observation', 'demonstration', 'lecture', 'research_guidance', 'other'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_LABELS: Record<VisitKind, string> = {
  lesson_observation: '听课评课',
  demonstration: '送教示范',
  lecture: '专题讲座',
  research_guidance: '教研指导',
  other: '其他帮扶',
};

/** Yearly selection kinds: 示范课 and 教学能手. */
export const SELECTION_KINDS = ['demo_lesson', 'teaching_expert'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export const SELECTION_KIND_LABELS: Record<SelectionKind, string> = { demo_lesson: '示范课', teaching_expert: '教学能手' };

/** States of a selection round. */
export const ROUND_STATES = ['open', 'reviewing', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
export const ROUND_STATE_LABELS: Record<RoundState, string> = { open: '申报中', reviewing: '评审中', published: '已公布' };

/**
 * Areas of the annual teacher test (专业知识和能力考核), each scored on its own maximum; the areas add up to
 * the total of 100. Files may carry any subset; missing areas are simply not analysed.
 */
export const TEST_AREAS = [
  { key: '学科知识', max: 40 },
  { key: '教学设计', max: 20 },
  { key: '课堂实施', max: 20 },
  { key: '教育理论', max: 10 },
  { key: '信息技术应用', max: 10 },
] as const;
export type TestArea = (typeof TEST_AREAS)[number]['key'];
