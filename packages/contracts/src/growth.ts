/**
 * Teacher growth (教师成长): 名师工作室, expert teams and pairing (专家团队结对帮扶), selection rounds of
 * 示范课 and 教学能手, the annual teacher test (专业知识和能力考核), and the composite growth views.
 */
import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';
import { Recognition } from './teachers.ts';

const Id = z.coerce.number().int().positive();
const Year = z.coerce.number().int().min(2000, '年度不能早于 2000').max(2100, '年度不能晚于 2100');
const Text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 字`);
const Required = (max: number, label: string) => Text(max, label).min(1, `请填写${label}`);
const BoolString = z.enum(['true', 'false']).optional();
const Link = z
  .string()
  .trim()
  .max(500, '链接最多 500 字')
  .refine((s) => s === '' || /^https?:\/\//.test(s), '链接应以 http:// 或 https:// 开头');

export const STUDIO_KIND_VALUES = ['principal', 'head_teacher', 'teacher'] as const;
export const ACTIVITY_KIND_VALUES = ['research_lesson', 'lecture', 'joint_preparation', 'other'] as const;
export const OUTPUT_KIND_VALUES = ['paper', 'lesson', 'resource'] as const;
export const REVIEW_RATING_VALUES = ['excellent', 'good', 'pass', 'fail'] as const;
export const PAIRING_REASON_VALUES = ['rural', 'weak'] as const;
export const VISIT_KIND_VALUES = ['lesson_observation', 'demonstration', 'lecture', 'research_guidance', 'other'] as const;
export const SELECTION_KIND_VALUES = ['demo_lesson', 'teaching_expert'] as const;
export const ROUND_STATE_VALUES = ['open', 'reviewing', 'published'] as const;
export const TARGET_KEY_VALUES = ['demo_lessons', 'teaching_experts', 'studios', 'rural_coverage'] as const;

/** A teacher as growth lists show them. */
export const GrowthTeacherRef = z.object({
  id: z.number().int(),
  name: z.string(),
  schoolId: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  subject: z.string().nullable(),
});
export type GrowthTeacherRef = z.infer<typeof GrowthTeacherRef>;

// ---- studios ----------------------------------------------------------------------------------------

export const StudioListQuery = PageQuery.extend({
  kind: z.enum(STUDIO_KIND_VALUES).optional(),
  schoolId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
export type StudioListQuery = z.infer<typeof StudioListQuery>;

export const StudioSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(STUDIO_KIND_VALUES),
  kindLabel: z.string(),
  subject: z.string().nullable(),
  host: GrowthTeacherRef,
  schoolId: z.number().int(),
  schoolName: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  isActive: z.boolean(),
  members: z.number().int(),
  activitiesThisYear: z.number().int(),
  outputsThisYear: z.number().int(),
  latestReview: z.object({ year: z.number().int(), rating: z.enum(REVIEW_RATING_VALUES), ratingLabel: z.string() }).nullable(),
});
export type StudioSummary = z.infer<typeof StudioSummary>;
export const StudioPage = pageOf(StudioSummary);

export const StudioOutput = z.object({
  kind: z.enum(OUTPUT_KIND_VALUES, { message: '请选择成果类型' }),
  title: Required(200, '成果名称'),
  link: Link.default(''),
});
export type StudioOutput = z.infer<typeof StudioOutput>;

export const StudioActivity = z.object({
  id: z.number().int(),
  kind: z.enum(ACTIVITY_KIND_VALUES),
  kindLabel: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  attendees: z.array(z.object({ id: z.number().int(), name: z.string() })),
  outputs: z.array(StudioOutput),
  createdBy: z.string(),
});
export type StudioActivity = z.infer<typeof StudioActivity>;

export const StudioMember = GrowthTeacherRef.extend({
  title: z.string(),
  isHost: z.boolean(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  attended: z.number().int(),
});
export type StudioMember = z.infer<typeof StudioMember>;

export const StudioReview = z.object({
  year: z.number().int(),
  rating: z.enum(REVIEW_RATING_VALUES),
  ratingLabel: z.string(),
  summary: z.string(),
  activities: z.number().int(),
  outputs: z.number().int(),
  reviewedBy: z.string(),
  reviewedAt: z.string(),
});
export type StudioReview = z.infer<typeof StudioReview>;

export const StudioDetail = StudioSummary.extend({
  goals: z.string(),
  memberList: z.array(StudioMember),
  activities: z.array(StudioActivity),
  reviews: z.array(StudioReview),
  /** Facts of each year for the review form: activities and outputs counted from the records. */
  yearFacts: z.array(z.object({ year: z.number().int(), activities: z.number().int(), outputs: z.number().int() })),
  canManage: z.boolean(),
});
export type StudioDetail = z.infer<typeof StudioDetail>;

export const StudioInput = z
  .object({
    name: Required(100, '工作室名称'),
    kind: z.enum(STUDIO_KIND_VALUES, { message: '请选择工作室类型' }),
    subject: Text(30, '学科').nullable().default(null),
    hostTeacherId: Id,
    termStart: IsoDate,
    termEnd: IsoDate,
    goals: Required(2000, '工作室目标'),
    memberIds: z.array(Id).max(100, '成员最多 100 人').default([]),
  })
  .refine((v) => v.termEnd > v.termStart, { message: '任期结束须晚于开始', path: ['termEnd'] });
export type StudioInput = z.infer<typeof StudioInput>;

/** A studio's own facts as the 教师科 corrects them; moving the term end to a past date ends the studio. */
export const StudioUpdateInput = z
  .object({
    name: Required(100, '工作室名称'),
    kind: z.enum(STUDIO_KIND_VALUES, { message: '请选择工作室类型' }),
    subject: Text(30, '学科').nullable().default(null),
    termStart: IsoDate,
    termEnd: IsoDate,
    goals: Required(2000, '工作室目标'),
  })
  .refine((v) => v.termEnd > v.termStart, { message: '任期结束须晚于开始', path: ['termEnd'] });
export type StudioUpdateInput = z.infer<typeof StudioUpdateInput>;

export const StudioMembersInput = z.object({
  teacherIds: z.array(Id).min(1, '请选择要加入的教师').max(100),
  joinedOn: IsoDate,
});
export type StudioMembersInput = z.infer<typeof StudioMembersInput>;

export const ActivityInput = z.object({
  kind: z.enum(ACTIVITY_KIND_VALUES, { message: '请选择活动类型' }),
  title: Required(200, '活动主题'),
  heldOn: IsoDate,
  place: Text(100, '地点').default(''),
  attendeeIds: z.array(Id).max(500).default([]),
  outputs: z.array(StudioOutput).max(50, '成果最多 50 项').default([]),
});
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ReviewInput = z.object({
  year: Year,
  rating: z.enum(REVIEW_RATING_VALUES, { message: '请选择考核等次' }),
  summary: Required(2000, '考核意见'),
});
export type ReviewInput = z.infer<typeof ReviewInput>;

// ---- expert teams ----------------------------------------------------------------------------------

export const TeamListQuery = PageQuery.extend({
  reason: z.enum(PAIRING_REASON_VALUES).optional(),
  /** current: still paired; ended: the pairing has ended. */
  state: z.enum(['current', 'ended'], { message: '状态应为 current 或 ended' }).optional(),
  schoolId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
export type TeamListQuery = z.infer<typeof TeamListQuery>;

export const PairedSchool = z.object({
  id: z.number().int(),
  name: z.string(),
  urbanRuralCode: z.string(),
  urbanRuralLabel: z.string(),
  isRural: z.boolean(),
});

export const TeamSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  lead: GrowthTeacherRef,
  pairedSchool: PairedSchool,
  pairingReason: z.enum(PAIRING_REASON_VALUES),
  pairingReasonLabel: z.string(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  members: z.number().int(),
  visits: z.number().int(),
  lastVisitOn: z.string().nullable(),
});
export type TeamSummary = z.infer<typeof TeamSummary>;
export const TeamPage = pageOf(TeamSummary);

export const TeamVisit = z.object({
  id: z.number().int(),
  visitedOn: z.string(),
  kind: z.enum(VISIT_KIND_VALUES),
  kindLabel: z.string(),
  content: z.string(),
  participants: z.number().int(),
  outcome: z.string(),
  createdBy: z.string(),
});
export type TeamVisit = z.infer<typeof TeamVisit>;

/** The helped school's indicator values in the pairing's first year and the latest year (from the indicator engine). */
export const IndicatorChange = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      stage: z.string().nullable(),
      unit: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
      beforeValue: z.number().nullable(),
      afterValue: z.number().nullable(),
    }),
  ),
});
export type IndicatorChange = z.infer<typeof IndicatorChange>;

export const TeamDetail = TeamSummary.extend({
  focus: z.string(),
  weakReason: z.string(),
  memberList: z.array(GrowthTeacherRef.extend({ title: z.string(), isLead: z.boolean() })),
  visitList: z.array(TeamVisit),
  indicatorChange: IndicatorChange.nullable(),
  /** Why there is no comparison (no data for the years). */
  indicatorNote: z.string().nullable(),
  canManage: z.boolean(),
});
export type TeamDetail = z.infer<typeof TeamDetail>;

export const ExpertTeamInput = z
  .object({
    name: Required(100, '团队名称'),
    leadTeacherId: Id,
    memberIds: z.array(Id).max(30, '团队成员最多 30 人').default([]),
    pairedSchoolId: Id,
    pairingReason: z.enum(PAIRING_REASON_VALUES, { message: '请选择结对原因' }),
    weakReason: Text(500, '薄弱原因').default(''),
    startedOn: IsoDate,
    focus: Text(1000, '帮扶重点').default(''),
  })
  .refine((v) => v.pairingReason !== 'weak' || v.weakReason.length > 0, {
    message: '结对薄弱学校须说明薄弱原因',
    path: ['weakReason'],
  });
export type ExpertTeamInput = z.infer<typeof ExpertTeamInput>;

/** Ends a pairing on a date (not in the future: a team is current until it has ended). */
export const TeamEndInput = z.object({ endedOn: IsoDate });
export type TeamEndInput = z.infer<typeof TeamEndInput>;

export const TeamVisitInput = z.object({
  visitedOn: IsoDate,
  kind: z.enum(VISIT_KIND_VALUES, { message: '请选择帮扶形式' }),
  content: Required(1000, '帮扶内容'),
  participants: z.coerce.number().int().min(0).max(10000).default(0),
  outcome: Text(1000, '成效').default(''),
});
export type TeamVisitInput = z.infer<typeof TeamVisitInput>;

// ---- selection rounds ------------------------------------------------------------------------------

export const RoundListQuery = z.object({ year: Year.optional(), kind: z.enum(SELECTION_KIND_VALUES).optional() });

export const RoundSummary = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: z.enum(SELECTION_KIND_VALUES),
  kindLabel: z.string(),
  name: z.string(),
  target: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(ROUND_STATE_VALUES),
  stateLabel: z.string(),
  isWindowOpen: z.boolean(),
  applications: z.number().int(),
  selected: z.number().int(),
  publishedOn: z.string().nullable(),
  isReviewer: z.boolean(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundDetail = RoundSummary.extend({
  reviewers: z.array(z.object({ id: z.number().int(), name: z.string(), username: z.string(), scored: z.number().int() })),
  canManage: z.boolean(),
  /** The caller may apply for themself (a teacher inside the window without an application yet). */
  canApplySelf: z.boolean(),
  /** Schools the caller may nominate for (school administrators, inside the window). */
  nominateSchoolIds: z.array(z.number().int()),
  ownApplicationId: z.number().int().nullable(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const RoundInput = z
  .object({
    year: Year,
    kind: z.enum(SELECTION_KIND_VALUES, { message: '请选择评选类型' }),
    name: Required(100, '评选名称'),
    target: z.coerce.number().int().min(1, '名额至少 1').max(10000),
    opensOn: IsoDate,
    closesOn: IsoDate,
  })
  .refine((v) => v.closesOn >= v.opensOn, { message: '截止日期不能早于开始日期', path: ['closesOn'] });
export type RoundInput = z.infer<typeof RoundInput>;

export const ApplicationListQuery = PageQuery.extend({
  schoolId: Id.optional(),
  selected: BoolString,
  q: z.string().trim().max(50).optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const ApplicationRow = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  teacher: GrowthTeacherRef,
  subject: z.string(),
  teachingStage: z.string().nullable(),
  title: z.string(),
  materialLink: z.string(),
  statement: z.string(),
  source: z.enum(['self', 'school']),
  submittedBy: z.string(),
  submittedAt: z.string(),
  scoreCount: z.number().int(),
  /** The caller's own score when they are a reviewer. */
  myScore: z.number().nullable(),
  finalScore: z.number().nullable(),
  rank: z.number().int().nullable(),
  isSelected: z.boolean(),
  adjustment: z.enum(['include', 'exclude']).nullable(),
  adjustmentReason: z.string().nullable(),
  blockedReason: z.string().nullable(),
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;
export const ApplicationPage = pageOf(ApplicationRow);

export const ApplicationInput = z.object({
  /** The teacher applied for: omitted when a teacher applies for themself; required when a school nominates. */
  teacherId: Id.optional(),
  title: Text(200, '课题/申报名称').default(''),
  materialLink: Link.default(''),
  statement: Text(2000, '申报说明').default(''),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

/** What the district already holds about the applicant, shown prefilled (减负: nothing is typed twice). */
export const ApplicationPrefill = z.object({
  teacher: GrowthTeacherRef,
  teachingStage: z.string().nullable(),
  title: z.string(),
  recognitions: z.array(Recognition),
  latestTest: z.object({ year: z.number().int(), total: z.number() }).nullable(),
  studios: z.array(z.string()),
  blockedReason: z.string().nullable(),
});
export type ApplicationPrefill = z.infer<typeof ApplicationPrefill>;

export const ReviewersInput = z.object({ userIds: z.array(Id).min(1, '请至少指定一名评审').max(50) });
export const ReviewerCandidate = z.object({ id: z.number().int(), name: z.string(), username: z.string(), roleLabel: z.string() });
export type ReviewerCandidate = z.infer<typeof ReviewerCandidate>;

export const ScoreInput = z.object({
  score: z.coerce.number({ message: '请填写分数' }).min(0, '分数在 0–100 之间').max(100, '分数在 0–100 之间'),
  comment: Text(500, '评语').default(''),
});
export type ScoreInput = z.infer<typeof ScoreInput>;

export const AdjustmentInput = z
  .object({ adjustment: z.enum(['include', 'exclude']).nullable(), reason: Text(500, '调整理由').default('') })
  .refine((v) => v.adjustment === null || v.reason.length > 0, { message: '人工调整须说明理由', path: ['reason'] });
export type AdjustmentInput = z.infer<typeof AdjustmentInput>;

export const RoundActionInput = z.object({ action: z.enum(['close', 'consolidate', 'publish', 'reopen']) });

// ---- annual test ----------------------------------------------------------------------------------

export const TestImportResult = z.object({
  year: z.number().int(),
  imported: z.number().int(),
  replaced: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
export type TestImportResult = z.infer<typeof TestImportResult>;

export const TestAnalysisQuery = z.object({ year: Year.optional(), schoolId: Id.optional() });

export const GroupStats = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Mean change of the same teachers against the previous year. */
  change: z.number().nullable(),
});
export type GroupStats = z.infer<typeof GroupStats>;

export const TestAnalysis = z.object({
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  previousYear: z.number().int().nullable(),
  scopeLabel: z.string(),
  overall: GroupStats,
  distribution: z.array(z.object({ label: z.string(), count: z.number().int() })),
  areas: z.array(
    z.object({ area: z.string(), max: z.number(), mean: z.number().nullable(), percent: z.number().nullable(), count: z.number().int() }),
  ),
  bySchool: z.array(GroupStats),
  bySubject: z.array(GroupStats),
  byAgeGroup: z.array(GroupStats),
  byTitle: z.array(GroupStats),
  /** Teachers tested in both years: how many improved, stayed, declined. */
  changeSummary: z.object({
    compared: z.number().int(),
    improved: z.number().int(),
    declined: z.number().int(),
    mean: z.number().nullable(),
  }),
});
export type TestAnalysis = z.infer<typeof TestAnalysis>;

export const TestScoreListQuery = PageQuery.extend({
  year: Year.optional(),
  schoolId: Id.optional(),
  subject: z.string().trim().max(30).optional(),
  q: z.string().trim().max(50).optional(),
});
export type TestScoreListQuery = z.infer<typeof TestScoreListQuery>;

export const TestScoreRow = z.object({
  year: z.number().int(),
  teacher: GrowthTeacherRef,
  subject: z.string(),
  total: z.number(),
  parts: z.record(z.string(), z.number()),
  previous: z.number().nullable(),
  change: z.number().nullable(),
});
export type TestScoreRow = z.infer<typeof TestScoreRow>;
export const TestScorePage = pageOf(TestScoreRow);

// ---- targets ---------------------------------------------------------------------------------------

export const TargetVersionDto = z.object({
  id: z.number().int(),
  key: z.enum(TARGET_KEY_VALUES),
  label: z.string(),
  unit: z.string(),
  value: z.number(),
  validFromYear: z.number().int(),
  source: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TargetVersionDto = z.infer<typeof TargetVersionDto>;

export const TargetInput = z.object({
  key: z.enum(TARGET_KEY_VALUES, { message: '请选择目标' }),
  value: z.coerce.number().min(0, '目标值不能为负').max(100000),
  validFromYear: Year,
  source: Required(300, '依据（文件或材料来源）'),
});
export type TargetInput = z.infer<typeof TargetInput>;

// ---- views -----------------------------------------------------------------------------------------

export const TeacherTestResult = z.object({
  year: z.number().int(),
  subject: z.string(),
  total: z.number(),
  parts: z.record(z.string(), z.number()),
  schoolMean: z.number().nullable(),
  change: z.number().nullable(),
});
export type TeacherTestResult = z.infer<typeof TeacherTestResult>;

export const TeacherGrowth = z.object({
  teacher: GrowthTeacherRef.extend({ title: z.string(), post: z.string(), age: z.number().int() }),
  recognitions: z.array(Recognition),
  studios: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      kindLabel: z.string(),
      isHost: z.boolean(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      activitiesAttended: z.number().int(),
      outputs: z.number().int(),
    }),
  ),
  expertTeams: z.array(
    z.object({ id: z.number().int(), name: z.string(), pairedSchoolName: z.string(), isLead: z.boolean(), visits: z.number().int() }),
  ),
  selections: z.array(
    z.object({
      roundId: z.number().int(),
      year: z.number().int(),
      kindLabel: z.string(),
      roundState: z.enum(ROUND_STATE_VALUES),
      title: z.string(),
      isSelected: z.boolean(),
      /** Shown once the list is published. */
      finalScore: z.number().nullable(),
    }),
  ),
  /** Whether the caller may see test results (the teacher, their school, the 教师科). */
  testsVisible: z.boolean(),
  tests: z.array(TeacherTestResult),
});
export type TeacherGrowth = z.infer<typeof TeacherGrowth>;

export const SchoolDevelopment = z.object({
  school: z.object({ id: z.number().int(), name: z.string(), urbanRuralLabel: z.string(), isRural: z.boolean() }),
  year: z.number().int(),
  teachers: z.number().int(),
  backbone: z.number().int(),
  studios: z.object({ hosted: z.number().int(), memberships: z.number().int(), names: z.array(z.string()) }),
  experts: z.number().int(),
  helpingTeams: z.array(TeamSummary),
  selections: z.array(z.object({ year: z.number().int(), kindLabel: z.string(), applied: z.number().int(), selected: z.number().int() })),
  test: z.object({
    visible: z.boolean(),
    year: z.number().int().nullable(),
    tested: z.number().int(),
    mean: z.number().nullable(),
    districtMean: z.number().nullable(),
    change: z.number().nullable(),
    areas: TestAnalysis.shape.areas,
  }),
});
export type SchoolDevelopment = z.infer<typeof SchoolDevelopment>;

export const DASHBOARD_METRICS = [
  'demo_lessons',
  'teaching_experts',
  'studios',
  'studio_members',
  'experts',
  'rural_paired',
  'rural_unpaired',
  'weak_paired',
  'tested',
] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

export const GrowthDashboard = z.object({
  year: z.number().int(),
  targets: z.array(
    z.object({
      key: z.enum(TARGET_KEY_VALUES),
      label: z.string(),
      unit: z.string(),
      target: z.number().nullable(),
      actual: z.number(),
      progress: z.number().nullable(),
      source: z.string().nullable(),
      validFromYear: z.number().int().nullable(),
      metric: z.enum(DASHBOARD_METRICS),
    }),
  ),
  studios: z.object({
    total: z.number().int(),
    byKind: z.array(z.object({ kind: z.enum(STUDIO_KIND_VALUES), label: z.string(), count: z.number().int() })),
    members: z.number().int(),
    activities: z.number().int(),
    outputs: z.number().int(),
    ratings: z.array(z.object({ rating: z.enum(REVIEW_RATING_VALUES), label: z.string(), count: z.number().int() })),
    reviewYear: z.number().int(),
  }),
  teams: z.object({
    total: z.number().int(),
    experts: z.number().int(),
    ruralSchools: z.number().int(),
    ruralPaired: z.number().int(),
    weakPaired: z.number().int(),
    visits: z.number().int(),
  }),
  rounds: z.array(RoundSummary),
  test: z.object({ visible: z.boolean(), year: z.number().int().nullable(), tested: z.number().int(), mean: z.number().nullable() }),
});
export type GrowthDashboard = z.infer<typeof GrowthDashboard>;

export const DrillQuery = PageQuery.extend({ metric: z.enum(DASHBOARD_METRICS), year: Year.optional() });
export const DrillRow = z.object({
  kind: z.enum(['teacher', 'school', 'studio']),
  id: z.number().int(),
  name: z.string(),
  schoolId: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  detail: z.string(),
});
export type DrillRow = z.infer<typeof DrillRow>;
export const DrillPage = pageOf(DrillRow).extend({ title: z.string() });
export type DrillPage = z.infer<typeof DrillPage>;
