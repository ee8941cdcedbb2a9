/**
 * Teacher ethics (师德师风) API: the public reporting channel (no sign-in), cases on their workflow, the
 * accused teacher's own matters, monitoring for the 师德办, annual 师德考核 results and 师德承诺 records.
 */
import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

const Id = z.number().int();
const Text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);

/** Limits of the public channel, shared by server and page. */
export const ETHICS_PUBLIC_LIMITS = {
  /** Attachments per report (and per reply). */
  maxFiles: 5,
  /** Bytes per attachment. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Accepted attachment types. */
  contentTypes: ['image/jpeg', 'image/png', 'application/pdf', 'audio/mpeg', 'video/mp4', 'text/plain'],
  contentMaxChars: 5000,
} as const;

export const ETHICS_OUTCOMES = ['no_violation', 'other_measures', 'penalty'] as const;
export const ETHICS_OUTCOME_LABELS: Record<(typeof ETHICS_OUTCOMES)[number], string> = {
  no_violation: '不构成违反职业道德行为',
  other_measures: '其他处理',
  penalty: '处分',
};
export const ETHICS_PENALTIES = ['warning', 'demerit', 'demotion', 'dismissal', 'expulsion'] as const;
export const ETHICS_MEASURES = [
  'criticism',
  'admonition',
  'self_review',
  'circulated_criticism',
  'disqualification',
  'certificate_revoked',
] as const;
export const ETHICS_REVIEW_LEVELS = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export const ETHICS_REVIEW_LEVEL_LABELS: Record<(typeof ETHICS_REVIEW_LEVELS)[number], string> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};
const CategoryCode = z.string().regex(/^v\d{2}$/, '请选择违规类别');

// ───────────────────────────── public channel ─────────────────────────────

export const PublicChallenge = z.object({
  /** Signed, expiring challenge; the page finds a nonce whose SHA-256(token + ':' + nonce) has `bits` leading zero bits. */
  token: z.string(),
  bits: z.number().int(),
  /** The form may be submitted no sooner than this after the challenge was issued. */
  minFillSeconds: z.number().int(),
  expiresInSeconds: z.number().int(),
});
export type PublicChallenge = z.infer<typeof PublicChallenge>;

export const PublicSchoolOption = z.object({ id: Id, name: z.string() });
export const PublicOptions = z.object({
  schools: z.array(PublicSchoolOption),
  categories: z.array(z.object({ code: z.string(), label: z.string() })),
  rulesVersion: z.string(),
});
export type PublicOptions = z.infer<typeof PublicOptions>;

export const PublicReportInput = z
  .object({
    challenge: z.string().min(1, '请刷新页面后重试').max(500),
    nonce: z.string().min(1, '请刷新页面后重试').max(40),
    /** Honeypot: people leave it empty. */
    website: z.string().max(200).optional(),
    isAnonymous: z.boolean(),
    reporterName: Text(50).optional(),
    reporterContact: Text(100).optional(),
    teacherName: Text(50).min(1, '请填写被反映教师姓名'),
    schoolId: z.number().int().positive().nullable().optional(),
    occurredOn: IsoDate.nullable().optional(),
    category: CategoryCode.nullable().optional(),
    content: Text(ETHICS_PUBLIC_LIMITS.contentMaxChars).min(10, '请具体描述反映的问题（至少 10 个字）'),
  })
  .superRefine((v, ctx) => {
    if (!v.isAnonymous && !v.reporterName) ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '实名反映请填写姓名' });
    if (!v.isAnonymous && !v.reporterContact)
      ctx.addIssue({ code: 'custom', path: ['reporterContact'], message: '实名反映请填写联系方式' });
  });
export type PublicReportInput = z.infer<typeof PublicReportInput>;

export const PublicReportReceipt = z.object({
  caseNo: z.string(),
  trackingCode: z.string(),
  /** Shown once; only its hash is stored. */
  password: z.string(),
  receivedOn: IsoDate,
});
export type PublicReportReceipt = z.infer<typeof PublicReportReceipt>;

export const TrackCredentials = z.object({
  code: z.string().trim().min(1, '请输入查询码').max(40),
  password: z.string().min(1, '请输入查询密码').max(100),
});
export type TrackCredentials = z.infer<typeof TrackCredentials>;

export const PublicAttachment = z.object({ id: Id, fileName: z.string(), sizeBytes: z.number().int(), at: z.string() });

export const PublicMessage = z.object({
  kind: z.enum(['question', 'update', 'reply']),
  body: z.string(),
  at: z.string(),
  attachments: z.array(PublicAttachment),
});

export const PublicCaseView = z.object({
  caseNo: z.string(),
  receivedOn: IsoDate,
  statusLabel: z.string(),
  isClosed: z.boolean(),
  messages: z.array(PublicMessage),
  /** Files the reporter attached to the report itself. */
  attachments: z.array(PublicAttachment),
  canReply: z.boolean(),
});
export type PublicCaseView = z.infer<typeof PublicCaseView>;

export const ReporterReplyInput = TrackCredentials.extend({ body: Text(ETHICS_PUBLIC_LIMITS.contentMaxChars).min(1, '请填写回复内容') });
export type ReporterReplyInput = z.infer<typeof ReporterReplyInput>;

// ───────────────────────────── cases (师德办 and the designated handler) ─────────────────────────────

export const EthicsCaseListQuery = PageQuery.extend({
  state: z.string().max(30).optional(),
  category: CategoryCode.optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type EthicsCaseListQuery = z.infer<typeof EthicsCaseListQuery>;

export const EthicsCaseSummary = z.object({
  id: Id,
  caseNo: z.string(),
  source: z.enum(['public_report', 'office']),
  receivedOn: IsoDate,
  state: z.string(),
  stateLabel: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  teacherId: Id.nullable(),
  teacherName: z.string().nullable(),
  handlerLevel: z.enum(['district', 'school']).nullable(),
  handlerName: z.string().nullable(),
  currentDue: IsoDate.nullable(),
  isOverdue: z.boolean(),
});
export type EthicsCaseSummary = z.infer<typeof EthicsCaseSummary>;
export const EthicsCasePage = pageOf(EthicsCaseSummary);

export const EthicsAttachmentInfo = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  origin: z.enum(['reporter', 'staff', 'teacher']),
  uploadedByName: z.string(),
  at: z.string(),
});

export const EthicsMessage = z.object({
  id: Id,
  kind: z.enum(['question', 'update', 'reply', 'note']),
  body: z.string(),
  authorName: z.string(),
  at: z.string(),
});

export const EthicsRestrictionInfo = z.object({
  kind: z.enum(['penalty', 'disqualification']),
  label: z.string(),
  from: IsoDate,
  to: IsoDate.nullable(),
  revokedOn: IsoDate.nullable(),
  changeNote: z.string(),
});

export const EthicsCaseDetail = EthicsCaseSummary.extend({
  version: z.number().int(),
  rulesVersion: z.string(),
  isAnonymous: z.boolean(),
  /** '匿名' or '实名（已隐藏，可查看）'; the identity itself only through the audited reporter endpoint. */
  reporterLabel: z.string(),
  canUnmaskReporter: z.boolean(),
  reportedName: z.string(),
  reportedSchoolName: z.string().nullable(),
  content: z.string(),
  occurredOn: IsoDate.nullable(),
  suggestedCategory: z.string().nullable(),
  triageDue: IsoDate,
  triageNote: z.string().nullable(),
  investigationDue: IsoDate.nullable(),
  findings: z.string().nullable(),
  statementDue: IsoDate.nullable(),
  statement: z.string().nullable(),
  statementOn: IsoDate.nullable(),
  decisionDue: IsoDate.nullable(),
  outcome: z.enum(ETHICS_OUTCOMES).nullable(),
  penalty: z.enum(ETHICS_PENALTIES).nullable(),
  measures: z.array(z.string()),
  disqualificationMonths: z.number().int().nullable(),
  decision: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
  notice: z.string().nullable(),
  notifiedOn: IsoDate.nullable(),
  appealDue: IsoDate.nullable(),
  appeal: z.string().nullable(),
  appealedOn: IsoDate.nullable(),
  appealOutcome: z.enum(['upheld', 'changed', 'revoked']).nullable(),
  appealResult: z.string().nullable(),
  closedOn: IsoDate.nullable(),
  restrictions: z.array(EthicsRestrictionInfo),
  messages: z.array(EthicsMessage),
  attachments: z.array(EthicsAttachmentInfo),
  log: z.array(
    z.object({
      action: z.string(),
      fromState: z.string().nullable(),
      toState: z.string(),
      actorName: z.string(),
      note: z.string(),
      at: z.string(),
    }),
  ),
  actions: z.array(z.object({ action: z.string(), label: z.string(), requiresNote: z.boolean() })),
  capacities: z.array(z.string()),
});
export type EthicsCaseDetail = z.infer<typeof EthicsCaseDetail>;

const Expected = { expectedVersion: z.number().int().positive().optional() };

export const OfficeCaseInput = z.object({
  teacherName: Text(50).min(1, '请填写被反映教师姓名'),
  schoolId: z.number().int().positive().nullable().optional(),
  occurredOn: IsoDate.nullable().optional(),
  category: CategoryCode.nullable().optional(),
  content: Text(ETHICS_PUBLIC_LIMITS.contentMaxChars).min(10, '请具体描述问题（至少 10 个字）'),
  sourceNote: Text(200).optional(),
});
export type OfficeCaseInput = z.infer<typeof OfficeCaseInput>;

export const AcceptInput = z.object({
  ...Expected,
  category: CategoryCode,
  teacherId: z.number().int().positive({ message: '请选择被反映教师' }),
  handlerLevel: z.enum(['district', 'school']),
  handlerUserId: z.number().int().positive({ message: '请选择承办人' }),
  investigationDue: IsoDate,
  note: Text(2000).optional(),
});
export type AcceptInput = z.infer<typeof AcceptInput>;

export const DismissInput = z.object({ ...Expected, note: Text(2000).min(1, '请填写不予受理的理由') });
export type DismissInput = z.infer<typeof DismissInput>;

export const FindingsInput = z.object({ ...Expected, findings: Text(10000).min(1, '请填写调查结论'), statementDue: IsoDate });
export type FindingsInput = z.infer<typeof FindingsInput>;

export const StatementInput = z.object({ ...Expected, statement: Text(10000).min(1, '请填写陈述申辩内容') });
export type StatementInput = z.infer<typeof StatementInput>;

export const DecisionInput = z
  .object({
    ...Expected,
    outcome: z.enum(ETHICS_OUTCOMES),
    penalty: z.enum(ETHICS_PENALTIES).nullable().optional(),
    measures: z.array(z.enum(ETHICS_MEASURES)).max(6).default([]),
    disqualificationMonths: z.number().int().min(1).max(120).nullable().optional(),
    effectiveOn: IsoDate,
    decision: Text(10000).min(1, '请填写处理决定'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'penalty' && !v.penalty) ctx.addIssue({ code: 'custom', path: ['penalty'], message: '请选择处分种类' });
    if (v.outcome !== 'penalty' && v.penalty) ctx.addIssue({ code: 'custom', path: ['penalty'], message: '只有“处分”才选择处分种类' });
    if (v.outcome === 'no_violation' && (v.disqualificationMonths || v.measures.length > 0))
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: '不构成违规时不能有处理措施' });
    if (v.outcome === 'other_measures' && v.measures.length === 0)
      ctx.addIssue({ code: 'custom', path: ['measures'], message: '请选择至少一项其他处理措施' });
  });
export type DecisionInput = z.infer<typeof DecisionInput>;

export const NoticeInput = z.object({ ...Expected, notice: Text(10000).min(1, '请填写告知书内容'), notifiedOn: IsoDate });
export type NoticeInput = z.infer<typeof NoticeInput>;

export const AppealInput = z.object({ ...Expected, appeal: Text(10000).min(1, '请填写申诉理由'), appealedOn: IsoDate.optional() });
export type AppealInput = z.infer<typeof AppealInput>;

export const AppealDecisionInput = z
  .object({
    ...Expected,
    result: z.enum(['upheld', 'changed', 'revoked']),
    outcome: z.enum(ETHICS_OUTCOMES).nullable().optional(),
    penalty: z.enum(ETHICS_PENALTIES).nullable().optional(),
    disqualificationMonths: z.number().int().min(1).max(120).nullable().optional(),
    text: Text(10000).min(1, '请填写复核决定'),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'changed' && !v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: '变更处理时请选择新的处理结果' });
    if (v.result === 'changed' && v.outcome === 'penalty' && !v.penalty)
      ctx.addIssue({ code: 'custom', path: ['penalty'], message: '请选择处分种类' });
  });
export type AppealDecisionInput = z.infer<typeof AppealDecisionInput>;

export const CloseInput = z.object({ ...Expected, note: Text(2000).optional() });

export const EthicsMessageInput = z.object({
  kind: z.enum(['question', 'update', 'note']),
  body: Text(5000).min(1, '请填写内容'),
});
export type EthicsMessageInput = z.infer<typeof EthicsMessageInput>;

export const ReporterIdentity = z.object({ name: z.string(), contact: z.string() });

export const HandlerCandidate = z.object({ userId: Id, displayName: z.string(), level: z.enum(['district', 'school']) });
export const HandlerCandidates = z.array(HandlerCandidate);

// ───────────────────────────── the accused teacher's own matters ─────────────────────────────

export const MyEthicsMatter = z.object({
  id: Id,
  caseNo: z.string(),
  stateLabel: z.string(),
  categoryLabel: z.string(),
  findings: z.string().nullable(),
  statementDue: IsoDate.nullable(),
  statement: z.string().nullable(),
  notice: z.string().nullable(),
  notifiedOn: IsoDate.nullable(),
  appealDue: IsoDate.nullable(),
  appeal: z.string().nullable(),
  appealOutcomeLabel: z.string().nullable(),
  appealResult: z.string().nullable(),
  canSubmitStatement: z.boolean(),
  canAppeal: z.boolean(),
  version: z.number().int(),
});
export const MyEthicsMatters = z.array(MyEthicsMatter);
export type MyEthicsMatter = z.infer<typeof MyEthicsMatter>;

// ───────────────────────────── monitoring ─────────────────────────────

export const EthicsMonitoringQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  repeatCount: z.coerce.number().int().min(2).max(20).optional(),
  repeatYears: z.coerce.number().int().min(1).max(10).optional(),
});
export type EthicsMonitoringQuery = z.infer<typeof EthicsMonitoringQuery>;

export const EthicsMonitoring = z.object({
  from: IsoDate,
  to: IsoDate,
  totals: z.object({
    reports: z.number().int(),
    cases: z.number().int(),
    dismissed: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    decided: z.number().int(),
    withPenalty: z.number().int(),
    activeRestrictions: z.number().int(),
  }),
  byCategory: z.array(z.object({ code: z.string(), label: z.string(), cases: z.number().int() })),
  bySchool: z.array(z.object({ schoolId: Id, schoolName: z.string(), reports: z.number().int(), cases: z.number().int() })),
  byMonth: z.array(z.object({ month: z.string(), reports: z.number().int(), cases: z.number().int() })),
  handling: z.object({
    decidedCount: z.number().int(),
    averageDays: z.number().nullable(),
    withinDeadline: z.number().int(),
    pastDeadline: z.number().int(),
  }),
  overdueCases: z.array(z.object({ id: Id, caseNo: z.string(), stateLabel: z.string(), due: IsoDate, schoolName: z.string().nullable() })),
  repeated: z.object({
    count: z.number().int(),
    years: z.number().int(),
    rule: z.string(),
    schools: z.array(z.object({ schoolId: Id, schoolName: z.string(), cases: z.number().int(), caseNos: z.array(z.string()) })),
  }),
});
export type EthicsMonitoring = z.infer<typeof EthicsMonitoring>;

// ───────────────────────────── 师德考核, 师德承诺, 师德培训 ─────────────────────────────

export const EthicsReviewQuery = PageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  schoolId: z.coerce.number().int().positive().optional(),
  level: z.enum([...ETHICS_REVIEW_LEVELS, 'none']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type EthicsReviewQuery = z.infer<typeof EthicsReviewQuery>;

export const EthicsReviewRow = z.object({
  teacherId: Id,
  teacherName: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  level: z.enum(ETHICS_REVIEW_LEVELS).nullable(),
  note: z.string(),
  commitmentSignedOn: IsoDate.nullable(),
  ethicsTrainingHours: z.number().nullable(),
});
export const EthicsReviewPage = pageOf(EthicsReviewRow).extend({
  levelCounts: z.record(z.string(), z.number().int()),
  commitmentCount: z.number().int(),
});
export type EthicsReviewPage = z.infer<typeof EthicsReviewPage>;

export const EthicsReviewInput = z.object({
  teacherId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  level: z.enum(ETHICS_REVIEW_LEVELS),
  note: Text(500).optional(),
});
export type EthicsReviewInput = z.infer<typeof EthicsReviewInput>;

export const EthicsCommitmentInput = z.object({
  teacherId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  signedOn: IsoDate.nullable(),
});
export type EthicsCommitmentInput = z.infer<typeof EthicsCommitmentInput>;

export const EthicsReviewImportResult = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
});
