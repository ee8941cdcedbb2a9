/**
 * Continuing education (继续教育) API: versioned training rules, courses and sessions with enrolment,
 * attendance and completion, the hours ledger, completion-list imports, teachers' outside trainings
 * awaiting approval, and cycle compliance per teacher, school and district.
 */
import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

const Id = z.number().int();
const Text = (max: number) => z.string().trim().max(max);
const Hours = z
  .number()
  .min(0.5, '学时至少 0.5')
  .max(1000, '学时不能超过 1000')
  .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, '学时最多一位小数');

export const TRAINING_LEVEL_CODES = ['national', 'city', 'district', 'school'] as const;
export const TRAINING_CATEGORY_CODES = ['ethics', 'subject', 'pedagogy', 'it', 'mental', 'management', 'safety', 'other'] as const;
export const TRAINING_MODE_CODES = ['offline', 'online', 'blended'] as const;
export const CYCLE_STATUS_CODES = ['complete', 'on_track', 'at_risk', 'incomplete'] as const;
export const OUTSIDE_STATUS_CODES = ['pending', 'approved', 'rejected'] as const;

const Level = z.enum(TRAINING_LEVEL_CODES, { error: '培训级别应为国家级、市级、区级或校本' });
const Category = z.enum(TRAINING_CATEGORY_CODES, { error: '请选择培训类别' });
const Mode = z.enum(TRAINING_MODE_CODES, { error: '请选择培训方式' });
const HoursByLevel = z.object({ national: z.number(), city: z.number(), district: z.number(), school: z.number() });

// ───────────────────────────── rules ─────────────────────────────

export const TrainingSubQuota = z.object({
  label: Text(40).min(1, '请填写子项名称'),
  levels: z.array(Level).min(1, '请选择计入的级别'),
  minHours: z.number().min(0).max(1000),
});

export const TrainingRuleInput = z.object({
  /** Rule family: a new version of an existing code, or a new family. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, '规则代码应为小写字母、数字或下划线'),
  name: Text(100).min(1, '请填写规则名称'),
  issuerLevel: z.enum(['national', 'province', 'city', 'district']),
  documentNumber: Text(100).min(1, '请填写依据文号'),
  documentTitle: Text(200).default(''),
  effectiveFrom: IsoDate,
  cycleYears: z.number().int().min(1, '周期至少 1 年').max(10, '周期不能超过 10 年'),
  cycleAnchor: IsoDate,
  requiredHours: z.number().positive('应修学时应大于 0').max(5000),
  subQuotas: z.array(TrainingSubQuota).max(8).default([]),
  seminarMinPerYear: z.number().int().min(0).max(50),
  warningMonths: z.number().int().min(0).max(60),
  riskPaceFactor: z.number().min(1).max(10),
  isProrated: z.boolean(),
  isIndicatorBasis: z.boolean().default(false),
  note: Text(1000).default(''),
});
export type TrainingRuleInput = z.infer<typeof TrainingRuleInput>;

export const TrainingRule = TrainingRuleInput.extend({
  id: Id,
  version: Id,
  isCurrent: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TrainingRule = z.infer<typeof TrainingRule>;
export const TrainingRuleList = z.object({ items: z.array(TrainingRule) });
export type TrainingRuleList = z.infer<typeof TrainingRuleList>;

// ───────────────────────────── courses and sessions ─────────────────────────────

export const TrainingCourseInput = z.object({
  title: Text(200).min(2, '请填写培训项目名称'),
  provider: Text(100).min(1, '请填写培训机构'),
  level: Level,
  category: Category,
  mode: Mode,
  isSeminar: z.boolean().default(false),
  hours: Hours,
  /** Required for 校本 (the school running it); empty otherwise. */
  schoolId: z.number().int().positive().nullable().default(null),
  description: Text(2000).default(''),
});
export type TrainingCourseInput = z.infer<typeof TrainingCourseInput>;

export const TrainingSessionSummary = z.object({
  id: Id,
  courseId: Id,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  capacity: z.number().int(),
  location: z.string(),
  isClosed: z.boolean(),
  enrolled: z.number().int(),
  completed: z.number().int(),
});
export type TrainingSessionSummary = z.infer<typeof TrainingSessionSummary>;

export const TrainingCourseSummary = z.object({
  id: Id,
  title: z.string(),
  provider: z.string(),
  level: Level,
  category: Category,
  mode: Mode,
  isSeminar: z.boolean(),
  hours: z.number(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  description: z.string(),
  sessions: z.number().int(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  lastSessionOn: z.string().nullable(),
  canManage: z.boolean(),
});
export type TrainingCourseSummary = z.infer<typeof TrainingCourseSummary>;
export const TrainingCoursePage = pageOf(TrainingCourseSummary);
export type TrainingCoursePage = z.infer<typeof TrainingCoursePage>;
export const TrainingCourseDetail = TrainingCourseSummary.extend({ sessionList: z.array(TrainingSessionSummary) });
export type TrainingCourseDetail = z.infer<typeof TrainingCourseDetail>;

export const TrainingCourseQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  level: Level.optional(),
  category: Category.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const TrainingSessionInput = z
  .object({
    name: Text(100).min(1, '请填写期次名称'),
    startsOn: IsoDate,
    endsOn: IsoDate,
    capacity: z.number().int().min(1, '名额至少 1 人').max(100000),
    location: Text(200).default(''),
  })
  .refine((s) => s.endsOn >= s.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type TrainingSessionInput = z.infer<typeof TrainingSessionInput>;

export const ENROLMENT_STATUS_CODES = ['enrolled', 'attended', 'absent', 'completed'] as const;

export const TrainingEnrolment = z.object({
  id: Id,
  teacherId: Id,
  teacherName: z.string(),
  idNumberMasked: z.string(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  status: z.enum(ENROLMENT_STATUS_CODES),
  creditedHours: z.number().nullable(),
});
export type TrainingEnrolment = z.infer<typeof TrainingEnrolment>;
export const TrainingEnrolmentPage = pageOf(TrainingEnrolment);
export type TrainingEnrolmentPage = z.infer<typeof TrainingEnrolmentPage>;
export const TrainingEnrolmentQuery = PageQuery.extend({ status: z.enum(ENROLMENT_STATUS_CODES).optional() });

export const TrainingSessionDetail = TrainingSessionSummary.extend({
  course: TrainingCourseSummary,
  attended: z.number().int(),
  absent: z.number().int(),
  canManage: z.boolean(),
});
export type TrainingSessionDetail = z.infer<typeof TrainingSessionDetail>;

export const EnrolRequest = z.object({
  teacherIds: z.array(z.number().int().positive()).min(1, '请选择教师').max(2000),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;
export const AttendanceRequest = z.object({
  teacherIds: z.array(z.number().int().positive()).min(1, '请选择教师').max(5000),
  status: z.enum(['attended', 'absent']),
});
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;
export const CompletionRequest = z.object({
  teacherIds: z.array(z.number().int().positive()).min(1, '请选择教师').max(5000),
  /** Day completed; defaults to the session's last day. */
  completedOn: IsoDate.optional(),
});
export type CompletionRequest = z.infer<typeof CompletionRequest>;
export const BatchResult = z.object({ changed: z.number().int(), skipped: z.number().int(), messages: z.array(z.string()) });
export type BatchResult = z.infer<typeof BatchResult>;

// ───────────────────────────── ledger ─────────────────────────────

export const TrainingCredit = z.object({
  id: Id,
  teacherId: Id,
  teacherName: z.string(),
  schoolName: z.string().nullable(),
  source: z.enum(['session', 'import', 'outside']),
  title: z.string(),
  provider: z.string(),
  level: Level,
  category: Category,
  isSeminar: z.boolean(),
  hours: z.number(),
  completedOn: z.string(),
  evidence: z.string(),
});
export type TrainingCredit = z.infer<typeof TrainingCredit>;
export const TrainingCreditPage = pageOf(TrainingCredit);
export type TrainingCreditPage = z.infer<typeof TrainingCreditPage>;
export const TrainingCreditQuery = PageQuery.extend({
  teacherId: z.coerce.number().int().positive().optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  level: Level.optional(),
  category: Category.optional(),
});

// ───────────────────────────── outside trainings ─────────────────────────────

export const OutsideTrainingInput = z
  .object({
    title: Text(200).min(2, '请填写培训名称'),
    provider: Text(100).min(1, '请填写培训机构'),
    level: Level,
    category: Category,
    isSeminar: z.boolean().default(false),
    hours: Hours,
    startedOn: IsoDate,
    endedOn: IsoDate,
    note: Text(1000).default(''),
  })
  .refine((s) => s.endedOn >= s.startedOn, { message: '结束日期不能早于开始日期', path: ['endedOn'] });
export type OutsideTrainingInput = z.infer<typeof OutsideTrainingInput>;

export const TrainingEvidence = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type TrainingEvidence = z.infer<typeof TrainingEvidence>;

export const OutsideTraining = z.object({
  id: Id,
  teacherId: Id,
  teacherName: z.string(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  title: z.string(),
  provider: z.string(),
  level: Level,
  category: Category,
  isSeminar: z.boolean(),
  hours: z.number(),
  startedOn: z.string(),
  endedOn: z.string(),
  note: z.string(),
  status: z.enum(OUTSIDE_STATUS_CODES),
  reviewNote: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  submittedAt: z.string(),
  evidence: z.array(TrainingEvidence),
  canReview: z.boolean(),
  canUpload: z.boolean(),
});
export type OutsideTraining = z.infer<typeof OutsideTraining>;
export const OutsideTrainingPage = pageOf(OutsideTraining);
export type OutsideTrainingPage = z.infer<typeof OutsideTrainingPage>;
export const OutsideTrainingQuery = PageQuery.extend({
  status: z.enum(OUTSIDE_STATUS_CODES).optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const OutsideReviewRequest = z
  .object({ decision: z.enum(['approve', 'reject']), note: Text(500).default('') })
  .refine((r) => r.decision === 'approve' || r.note.length > 0, { message: '退回时请说明原因', path: ['note'] });
export type OutsideReviewRequest = z.infer<typeof OutsideReviewRequest>;

// ───────────────────────────── completion import ─────────────────────────────

export const CompletionImportResult = z.object({
  /** True when the rows were written (a dry run, or any error, writes nothing). */
  committed: z.boolean(),
  rows: z.number().int(),
  hours: z.number(),
  teachers: z.number().int(),
  importId: Id.nullable(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
  /** True when more errors exist than listed. */
  isTruncated: z.boolean(),
});
export type CompletionImportResult = z.infer<typeof CompletionImportResult>;
export const CompletionImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  platform: z.string().trim().max(100).default(''),
});

// ───────────────────────────── compliance ─────────────────────────────

export const CycleView = z.object({ start: z.string(), end: z.string(), label: z.string() });
export type CycleView = z.infer<typeof CycleView>;

export const QuotaStandingView = z.object({
  label: z.string(),
  required: z.number(),
  earned: z.number(),
  shortfall: z.number(),
});

export const TeacherStanding = z.object({
  teacherId: Id,
  teacherName: z.string(),
  idNumberMasked: z.string(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  subject: z.string().nullable(),
  serviceStart: z.string().nullable(),
  required: z.number(),
  earned: z.number(),
  needed: z.number(),
  hoursByLevel: HoursByLevel,
  quotas: z.array(QuotaStandingView),
  status: z.enum(CYCLE_STATUS_CODES),
  statusLabel: z.string(),
  daysLeft: z.number().int(),
  neededPerYear: z.number().nullable(),
  seminarsThisYear: z.number().int(),
  seminarsRequired: z.number().int(),
});
export type TeacherStanding = z.infer<typeof TeacherStanding>;

export const ComplianceCounts = z.object({
  teachers: z.number().int(),
  complete: z.number().int(),
  onTrack: z.number().int(),
  atRisk: z.number().int(),
  incomplete: z.number().int(),
  completionRate: z.number().nullable(),
  /** Teachers who reached the yearly seminar minimum this year. */
  seminarMet: z.number().int(),
  hours: z.number(),
});
export type ComplianceCounts = z.infer<typeof ComplianceCounts>;

export const RuleCycleRef = z.object({
  ruleCode: z.string(),
  ruleName: z.string(),
  ruleVersion: z.number().int(),
  documentNumber: z.string(),
  requiredHours: z.number(),
  cycleYears: z.number().int(),
  seminarMinPerYear: z.number().int(),
  cycle: CycleView,
  /** The cycles one may choose (the current one, the previous ones with data). */
  cycles: z.array(CycleView),
  asOf: z.string(),
});
export type RuleCycleRef = z.infer<typeof RuleCycleRef>;

export const ComplianceQuery = PageQuery.extend({
  rule: z.string().max(40).optional(),
  /** First day of the cycle to judge (the current cycle when absent). */
  cycleStart: IsoDate.optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  status: z.enum(CYCLE_STATUS_CODES).optional(),
  q: z.string().trim().max(50).optional(),
  seminarShort: z.enum(['true', 'false']).optional(),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;

export const CompliancePage = pageOf(TeacherStanding).extend({ ref: RuleCycleRef, counts: ComplianceCounts });
export type CompliancePage = z.infer<typeof CompliancePage>;

export const SchoolCompliance = ComplianceCounts.extend({ schoolId: Id, schoolName: z.string() });
export type SchoolCompliance = z.infer<typeof SchoolCompliance>;

export const ComplianceOverview = z.object({
  ref: RuleCycleRef,
  counts: ComplianceCounts,
  schools: z.array(SchoolCompliance),
  hoursByLevel: HoursByLevel,
  hoursByCategory: z.array(z.object({ category: Category, hours: z.number() })),
  pendingOutside: z.number().int(),
});
export type ComplianceOverview = z.infer<typeof ComplianceOverview>;
export const ComplianceOverviewQuery = z.object({
  rule: z.string().max(40).optional(),
  cycleStart: IsoDate.optional(),
  schoolId: z.coerce.number().int().positive().optional(),
});

/** One teacher's training as the teacher (or their school) sees it. */
export const TeacherTrainingSummary = z.object({
  teacherId: Id,
  teacherName: z.string(),
  schoolName: z.string().nullable(),
  isInCycle: z.boolean(),
  cycles: z.array(
    z.object({
      ref: RuleCycleRef,
      standing: TeacherStanding.nullable(),
    }),
  ),
  seminars: z.array(z.object({ year: z.number().int(), required: z.number().int(), done: z.number().int(), shortfall: z.number().int() })),
  hoursByYear: z.array(z.object({ year: z.number().int(), hours: z.number() })),
  recent: z.array(TrainingCredit),
  pendingOutside: z.number().int(),
});
export type TeacherTrainingSummary = z.infer<typeof TeacherTrainingSummary>;
