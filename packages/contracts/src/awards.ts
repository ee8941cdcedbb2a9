/**
 * Teaching-achievement awards (教育教学成果奖) API: rounds with rules and rubric, applications with team
 * members and attachments, formal check, the expert pool, reviewer assignment with conflict of
 * interest, blind scoring, consolidation and ranking, the 公示 with objections, the final list, the
 * recommendation to the city and the city results.
 */
import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';
import { AvailableAction, EvaluationEvidence, WorkflowLogEntry } from './evaluations.ts';

const Id = z.number().int();
const Text = (max: number) => z.string().trim().max(max);

export const AWARD_FIELDS = ['基础教育', '学前教育', '职业教育', '特殊教育', '教育管理'] as const;
export const AWARD_STAGES = ['学前', '小学', '初中', '高中', '中职', '跨学段'] as const;

export const AwardCriterionSchema = z.object({
  code: Text(10).min(1, '请填写编号'),
  title: Text(40).min(1, '请填写评分项名称'),
  maxPoints: z.number().positive('满分须大于 0').max(100, '单项满分不超过 100'),
  description: Text(200).optional(),
});

export const AwardRulesSchema = z.object({
  version: Text(20).min(1),
  basis: Text(300).min(1, '请填写依据文件'),
  reviewersPerApplication: z.number().int().min(3, '每项成果至少 3 位评审专家').max(9, '每项成果至多 9 位评审专家'),
  trimFromReviewers: z.number().int().min(3).max(9),
  coiLookbackYears: z.number().int().min(0).max(10),
  publicity: z.object({ days: z.number().int().min(1).max(30), kind: z.enum(['working', 'calendar']) }),
  gradeQuotas: z.object({ first: z.number().int().min(0), second: z.number().int().min(0), third: z.number().int().min(0) }),
  minAwardScore: z.number().min(0).max(100),
  cityQuota: z.number().int().min(0).max(100),
});
export type AwardRulesInput = z.infer<typeof AwardRulesSchema>;

export const AwardCallInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    title: Text(100).min(1, '请填写评审名称'),
    notice: Text(5000).default(''),
    applicationsOpenOn: IsoDate,
    applicationsDueOn: IsoDate,
    reviewDueOn: IsoDate,
    rules: AwardRulesSchema,
    rubric: z.array(AwardCriterionSchema).min(1, '评分细则至少需要一项').max(10),
  })
  .refine((v) => v.applicationsDueOn >= v.applicationsOpenOn, { path: ['applicationsDueOn'], message: '申报截止日期不能早于开始日期' })
  .refine((v) => v.reviewDueOn >= v.applicationsDueOn, { path: ['reviewDueOn'], message: '评审截止日期不能早于申报截止日期' });
export type AwardCallInput = z.infer<typeof AwardCallInput>;

export const AwardCallCounts = z.object({
  applications: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  awarded: z.number().int(),
  recommended: z.number().int(),
  cityAwarded: z.number().int(),
  cityRecorded: z.number().int(),
});

export const AwardCallSummary = z.object({
  id: Id,
  year: z.number().int(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  applicationsOpenOn: z.string(),
  applicationsDueOn: z.string(),
  reviewDueOn: z.string(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  counts: AwardCallCounts,
});
export type AwardCallSummary = z.infer<typeof AwardCallSummary>;
export const AwardCallPage = pageOf(AwardCallSummary);

export const AwardCallDetail = AwardCallSummary.extend({
  notice: z.string(),
  rules: AwardRulesSchema,
  rubric: z.array(AwardCriterionSchema),
  drawSeed: z.number().int().nullable(),
  finalPublishedOn: z.string().nullable(),
  recommendedOn: z.string().nullable(),
  log: z.array(WorkflowLogEntry),
  actions: z.array(AvailableAction),
  canManage: z.boolean(),
  /** Whether the caller may create applications (a school administrator while the round is open). */
  canApply: z.boolean(),
  /** Open objections (公示 only). */
  openObjections: z.number().int(),
});
export type AwardCallDetail = z.infer<typeof AwardCallDetail>;

export const AwardCallListQuery = PageQuery.extend({
  year: z.coerce.number().int().optional(),
  state: z.string().max(30).optional(),
});

export const AwardCallTransition = z.object({
  action: z.string().min(1).max(40),
  note: Text(2000).optional(),
  expectedVersion: z.number().int().positive().optional(),
  /** start_publicity: the first day of the 公示 (defaults to today). */
  publicityStart: IsoDate.optional(),
});
export type AwardCallTransition = z.infer<typeof AwardCallTransition>;

// ───────────────────────────── applications ─────────────────────────────

export const AwardApplicationInput = z.object({
  callId: Id.positive(),
  leadTeacherId: Id.positive({ message: '请选择成果主持人' }),
  memberTeacherIds: z.array(Id.positive()).max(10, '团队成员至多 10 人').default([]),
  title: Text(100).min(2, '请填写成果名称'),
  field: z.enum(AWARD_FIELDS, { message: '请选择成果类别' }),
  stage: z.enum(AWARD_STAGES, { message: '请选择学段' }),
  subject: Text(40).default(''),
  summary: Text(5000).min(20, '成果简介不少于 20 字'),
});
export type AwardApplicationInput = z.infer<typeof AwardApplicationInput>;

export const AwardMember = z.object({ teacherId: Id, name: z.string(), schoolName: z.string(), isLead: z.boolean() });

export const AwardApplicationSummary = z.object({
  id: Id,
  callId: Id,
  callTitle: z.string(),
  callYear: z.number().int(),
  callState: z.string(),
  title: z.string(),
  field: z.string(),
  stage: z.string(),
  subject: z.string(),
  leadTeacherId: Id,
  leadName: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  members: z.array(AwardMember),
  status: z.string(),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  checkNote: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  isTie: z.boolean(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  excludedReason: z.string().nullable(),
  isRecommended: z.boolean(),
  cityResult: z.string().nullable(),
  cityResultLabel: z.string().nullable(),
  /** Results are shown to schools and teachers once the final list is published. */
  isResultPublic: z.boolean(),
});
export type AwardApplicationSummary = z.infer<typeof AwardApplicationSummary>;
export const AwardApplicationPage = pageOf(AwardApplicationSummary);

export const AwardApplicationDetail = AwardApplicationSummary.extend({
  summary: z.string(),
  attachments: z.array(EvaluationEvidence),
  canEdit: z.boolean(),
  canCheck: z.boolean(),
});
export type AwardApplicationDetail = z.infer<typeof AwardApplicationDetail>;

export const AwardApplicationListQuery = PageQuery.extend({
  callId: z.coerce.number().int().positive().optional(),
  status: z.string().max(20).optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  /** Only applications on the final list (graded). */
  awarded: z.enum(['true', 'false']).optional(),
});

export const AwardCheckDecision = z
  .object({ decision: z.enum(['pass', 'return']), note: Text(1000).default('') })
  .refine((v) => v.decision === 'pass' || v.note.length > 0, { path: ['note'], message: '退回须说明理由' });

export const AwardTeacherOption = z.object({
  id: Id,
  name: z.string(),
  schoolId: Id.nullable(),
  schoolName: z.string(),
  subject: z.string().nullable(),
  teachingStage: z.string().nullable(),
});
export type AwardTeacherOption = z.infer<typeof AwardTeacherOption>;
export const AwardTeacherOptionQuery = z.object({
  q: z.string().trim().max(30).default(''),
  schoolId: z.coerce.number().int().positive().optional(),
});

// ───────────────────────────── experts and assignment ─────────────────────────────

export const AwardExpert = z.object({
  id: Id,
  userId: Id,
  username: z.string(),
  name: z.string(),
  organisation: z.string(),
  schoolName: z.string().nullable(),
  specialty: z.string(),
  isActive: z.boolean(),
});
export type AwardExpert = z.infer<typeof AwardExpert>;

export const AwardExpertInput = z.object({
  username: Text(60).min(1, '请填写专家的登录账号'),
  organisation: Text(100).default(''),
  specialty: Text(100).default(''),
});

export const AwardAssignmentRow = z.object({
  applicationId: Id,
  title: z.string(),
  leadName: z.string(),
  schoolName: z.string(),
  reviewers: z.array(z.object({ expertId: Id, name: z.string(), method: z.string(), isSubmitted: z.boolean() })),
  /** Experts who must not review this application, with the reason. */
  conflicts: z.array(z.object({ expertId: Id, name: z.string(), reason: z.string() })),
});
export type AwardAssignmentRow = z.infer<typeof AwardAssignmentRow>;

export const AwardAssignmentBoard = z.object({
  perApplication: z.number().int(),
  drawSeed: z.number().int().nullable(),
  experts: z.array(AwardExpert.extend({ load: z.number().int() })),
  rows: z.array(AwardAssignmentRow),
});
export type AwardAssignmentBoard = z.infer<typeof AwardAssignmentBoard>;

export const AwardDrawRequest = z.object({ seed: z.number().int().min(1).max(2_000_000_000).optional() });
export const AwardDrawResult = z.object({
  seed: z.number().int(),
  assigned: z.number().int(),
  unstaffed: z.array(z.object({ applicationId: Id, title: z.string(), eligible: z.number().int(), needed: z.number().int() })),
});
export type AwardDrawResult = z.infer<typeof AwardDrawResult>;

export const AwardManualAssignment = z.object({ expertIds: z.array(Id.positive()).max(9) });

// ───────────────────────────── blind review ─────────────────────────────

export const AwardReviewTask = z.object({
  applicationId: Id,
  /** Blind code shown instead of names. */
  code: z.string(),
  callId: Id,
  callTitle: z.string(),
  callState: z.string(),
  reviewDueOn: z.string(),
  title: z.string(),
  field: z.string(),
  stage: z.string(),
  subject: z.string(),
  total: z.number().nullable(),
  isSubmitted: z.boolean(),
});
export type AwardReviewTask = z.infer<typeof AwardReviewTask>;
export const AwardReviewTaskPage = pageOf(AwardReviewTask);

export const AwardReviewSheet = AwardReviewTask.extend({
  summary: z.string(),
  attachments: z.array(EvaluationEvidence.pick({ id: true, fileName: true, contentType: true, size: true })),
  rubric: z.array(AwardCriterionSchema),
  points: z.record(z.string(), z.number()),
  comment: z.string(),
  canScore: z.boolean(),
});
export type AwardReviewSheet = z.infer<typeof AwardReviewSheet>;

export const AwardScoreInput = z.object({
  points: z.record(z.string().max(10), z.number().min(0, '分数不能为负').max(100)),
  comment: Text(2000).default(''),
  submit: z.boolean().default(false),
});
export type AwardScoreInput = z.infer<typeof AwardScoreInput>;

// ───────────────────────────── consolidation, 公示, final list, city ─────────────────────────────

export const AwardRankingRow = z.object({
  applicationId: Id,
  title: z.string(),
  leadName: z.string(),
  schoolName: z.string(),
  score: z.number().nullable(),
  rawMean: z.number().nullable(),
  rank: z.number().int().nullable(),
  isTie: z.boolean(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  excludedReason: z.string().nullable(),
  isRecommended: z.boolean(),
  cityResult: z.string().nullable(),
  cityResultLabel: z.string().nullable(),
  sheets: z.array(z.object({ expertName: z.string(), total: z.number().nullable(), isSubmitted: z.boolean(), isDropped: z.boolean() })),
});
export type AwardRankingRow = z.infer<typeof AwardRankingRow>;
export const AwardRanking = z.object({
  state: z.string(),
  trimFromReviewers: z.number().int(),
  submittedSheets: z.number().int(),
  expectedSheets: z.number().int(),
  rows: z.array(AwardRankingRow),
});
export type AwardRanking = z.infer<typeof AwardRanking>;

export const AwardObjection = z.object({
  id: Id,
  applicationId: Id,
  applicationTitle: z.string(),
  content: z.string(),
  /** Shown to the 教师科 and the filer only. */
  filedByName: z.string().nullable(),
  filedAt: z.string(),
  decision: z.enum(['upheld', 'dismissed']).nullable(),
  decisionNote: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string().nullable(),
});
export type AwardObjection = z.infer<typeof AwardObjection>;

export const AwardNoticeItem = z.object({
  applicationId: Id,
  rank: z.number().int().nullable(),
  title: z.string(),
  leadName: z.string(),
  memberNames: z.array(z.string()),
  schoolName: z.string(),
  score: z.number().nullable(),
  grade: z.string().nullable(),
  gradeLabel: z.string().nullable(),
  excludedReason: z.string().nullable(),
  cityResultLabel: z.string().nullable(),
  isRecommended: z.boolean(),
});
export type AwardNoticeItem = z.infer<typeof AwardNoticeItem>;

export const AwardNotice = z.object({
  callId: Id,
  title: z.string(),
  state: z.string(),
  publicityStart: z.string().nullable(),
  publicityEnd: z.string().nullable(),
  /** 'before' | 'running' | 'ended' | null when no 公示 yet. */
  phase: z.string().nullable(),
  items: z.array(AwardNoticeItem),
  objections: z.array(AwardObjection),
  canObject: z.boolean(),
  canDecide: z.boolean(),
});
export type AwardNotice = z.infer<typeof AwardNotice>;

export const AwardObjectionInput = z.object({
  applicationId: Id.positive(),
  content: Text(2000).min(10, '异议内容不少于 10 字，请写明事实和依据'),
});
export const AwardObjectionDecision = z
  .object({ decision: z.enum(['upheld', 'dismissed']), note: Text(1000).min(2, '请填写处理意见') })
  .strict();

export const AwardRecommendation = z.object({ applicationIds: z.array(Id.positive()).min(1, '请至少推荐一项成果').max(100) });

export const AwardCityResults = z.object({
  results: z
    .array(
      z.object({
        applicationId: Id.positive(),
        result: z.enum(['first', 'second', 'third', 'none']),
        note: Text(200).default(''),
      }),
    )
    .min(1)
    .max(100),
});

/** A teacher's own applications and results (the teacher growth page). */
export const TeacherAwards = z.object({
  teacherId: Id,
  items: z.array(
    AwardApplicationSummary.pick({
      id: true,
      callTitle: true,
      callYear: true,
      title: true,
      statusLabel: true,
      gradeLabel: true,
      cityResultLabel: true,
      isResultPublic: true,
      rank: true,
    }).extend({ isLead: z.boolean() }),
  ),
});
export type TeacherAwards = z.infer<typeof TeacherAwards>;

/** Rounds and their counts for the district dashboard. */
export const AwardOverview = z.object({
  rounds: z.array(AwardCallSummary),
  totals: z.object({
    districtAwards: z.number().int(),
    cityRecommended: z.number().int(),
    cityAwarded: z.number().int(),
    since: z.number().int().nullable(),
  }),
});
export type AwardOverview = z.infer<typeof AwardOverview>;
