/**
 * 交流轮岗 / 区管校聘 API: versioned rule sets, the eligible list per year with exemptions, rotation plans
 * with the optimizer, hand edits and the workflow (school review, teacher notice, district approval,
 * execution), and the reports by school and year.
 */
import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';
import { AvailableAction, WorkflowLogEntry } from './evaluations.ts';

const Id = z.number().int();
const Text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const Year = z.coerce.number().int().min(2000, '学年无效').max(2100, '学年无效');
const Share = z.number().min(0, '比例不能为负').max(1, '比例不能超过100%');

export const RotationRulesBody = z.object({
  eligibleYears: z.number().int().min(1, '应交流年限至少1年').max(30, '应交流年限不能超过30年'),
  leaderTermYears: z.number().int().min(1).max(10),
  leaderTerms: z.number().int().min(1).max(5),
  retirementAge: z.object({ male: z.number().int().min(50).max(70), female: z.number().int().min(45).max(70) }),
  nearRetirementYears: z.number().int().min(0).max(10),
  sendingUrbanRuralPrefixes: z.array(z.string().regex(/^\d{1,3}$/, '城乡分类代码前缀须为1–3位数字')).max(10),
  sendingSchoolIds: z.array(Id).max(500),
  minShare: Share,
  backboneShare: Share,
  backboneBasis: z.enum(['rotated', 'eligible']),
  maxShare: Share,
  maxDistanceKm: z.number().positive('最远交流距离须大于0').max(500),
  defaultMoveKind: z.enum(['full', 'partial']),
  highQualityTitles: z.array(z.string().max(20)).max(10),
});
export type RotationRulesBody = z.infer<typeof RotationRulesBody>;

export const RotationRuleSetInput = z.object({
  title: Text(100).min(1, '请填写名称'),
  documentNumber: Text(100).min(1, '请填写文件文号'),
  validFrom: IsoDate,
  note: Text(1000).default(''),
  rules: RotationRulesBody,
});
export type RotationRuleSetInput = z.infer<typeof RotationRuleSetInput>;

export const RotationRuleSet = z.object({
  id: Id,
  title: z.string(),
  documentNumber: z.string(),
  validFrom: z.string(),
  note: z.string(),
  rules: RotationRulesBody,
  createdByName: z.string(),
  createdAt: z.string(),
});
export type RotationRuleSet = z.infer<typeof RotationRuleSet>;

export const ROTATION_EXEMPTION_CODES = ['pregnancy', 'nursing', 'illness', 'near_retirement', 'other'] as const;

export const EligibleListQuery = PageQuery.extend({
  year: Year,
  schoolId: z.coerce.number().int().positive().optional(),
  status: z.enum(['eligible', 'exempt', 'all_due']).default('all_due'),
  backbone: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(50).optional(),
});
export type EligibleListQuery = z.infer<typeof EligibleListQuery>;

export const EligibleTeacher = z.object({
  teacherId: Id,
  name: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  isSendingSchool: z.boolean(),
  post: z.string(),
  stage: z.string().nullable(),
  subject: z.string().nullable(),
  title: z.string(),
  serviceStart: z.string().nullable(),
  years: z.number().int(),
  isBackbone: z.boolean(),
  status: z.enum(['eligible', 'exempt', 'not_due']),
  reason: z.string(),
  exemptionId: Id.nullable(),
  exemptionReason: z.string().nullable(),
  restriction: z.string().nullable(),
});
export type EligibleTeacher = z.infer<typeof EligibleTeacher>;

export const EligibleSummary = z.object({
  year: z.number().int(),
  referenceDate: z.string(),
  ruleSet: z.object({ id: Id, title: z.string(), documentNumber: z.string() }),
  eligible: z.number().int(),
  exempt: z.number().int(),
  eligibleSending: z.number().int(),
  eligibleBackbone: z.number().int(),
  minRotated: z.number().int(),
  schools: z.number().int(),
});
export const EligiblePage = pageOf(EligibleTeacher).extend({ summary: EligibleSummary });
export type EligiblePage = z.infer<typeof EligiblePage>;

export const ExemptionInput = z
  .object({
    year: Year,
    teacherId: Id,
    reason: z.enum(ROTATION_EXEMPTION_CODES, { message: '请选择免于交流的原因' }),
    note: Text(500).default(''),
  })
  .refine((x) => x.reason !== 'other' || x.note.length > 0, { message: '原因为“其他”时须说明', path: ['note'] });
export type ExemptionInput = z.infer<typeof ExemptionInput>;

export const CvTermDto = z.object({
  stage: z.enum(['primary', 'junior']),
  indicator: z.enum(['backbone', 'above']),
  code: z.string(),
  label: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  lowerBound: z.number().nullable(),
});
export type CvTermDto = z.infer<typeof CvTermDto>;

export const PlanResult = z.object({
  baselineYear: z.number().int(),
  cv: z.array(CvTermDto),
  objectiveBefore: z.number(),
  objectiveAfter: z.number(),
  lowerBound: z.number(),
  isFeasible: z.boolean(),
  problems: z.array(z.string()),
  rotated: z.number().int(),
  rotatedFromSending: z.number().int(),
  backbone: z.number().int(),
  requiredRotated: z.number().int(),
  requiredBackbone: z.number().int(),
  maxRotated: z.number().int(),
  share: z.number().nullable(),
  backboneShare: z.number().nullable(),
  isMinimumMet: z.boolean(),
  isBackboneMet: z.boolean(),
  eligible: z.number().int(),
  eligibleSending: z.number().int(),
  candidates: z.number().int(),
  elapsedMs: z.number(),
});
export type PlanResult = z.infer<typeof PlanResult>;

export const RotationPlanInput = z.object({
  year: z.number().int().min(2000, '学年无效').max(2100, '学年无效'),
  title: Text(100).min(1, '请填写方案名称'),
  effectiveFrom: IsoDate,
});
export type RotationPlanInput = z.infer<typeof RotationPlanInput>;

export const RotationPlanSummary = z.object({
  id: Id,
  year: z.number().int(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  effectiveFrom: z.string(),
  moves: z.number().int(),
  computedAt: z.string().nullable(),
  executedAt: z.string().nullable(),
  ruleSetTitle: z.string(),
  documentNumber: z.string(),
});
export type RotationPlanSummary = z.infer<typeof RotationPlanSummary>;

export const RotationPlanDetail = RotationPlanSummary.extend({
  version: z.number().int(),
  result: PlanResult.nullable(),
  actions: z.array(AvailableAction),
  log: z.array(WorkflowLogEntry),
  exclusions: z.array(z.object({ teacherId: Id, name: z.string(), schoolName: z.string(), reason: z.string() })),
  reviews: z.object({ pending: z.number().int(), accepted: z.number().int(), objected: z.number().int(), acknowledged: z.number().int() }),
  canEdit: z.boolean(),
});
export type RotationPlanDetail = z.infer<typeof RotationPlanDetail>;

export const RotationMove = z.object({
  id: Id,
  planId: Id,
  planTitle: z.string(),
  planState: z.string(),
  teacherId: Id,
  teacherName: z.string(),
  fromSchoolId: Id,
  fromSchoolName: z.string(),
  toSchoolId: Id,
  toSchoolName: z.string(),
  stage: z.enum(['primary', 'junior']),
  subject: z.string().nullable(),
  kind: z.enum(['full', 'partial']),
  isBackbone: z.boolean(),
  countsAsBackbone: z.boolean(),
  isHighQuality: z.boolean(),
  source: z.enum(['optimizer', 'manual', 'locked']),
  reasons: z.array(z.string()),
  fromReview: z.enum(['pending', 'accepted', 'objected']),
  fromReviewNote: z.string(),
  toReview: z.enum(['pending', 'accepted', 'objected']),
  toReviewNote: z.string(),
  acknowledgedAt: z.string().nullable(),
  effectiveFrom: z.string(),
  assignmentId: Id.nullable(),
  distanceKm: z.number().nullable(),
});
export type RotationMove = z.infer<typeof RotationMove>;

export const MoveListQuery = PageQuery.extend({
  schoolId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  review: z.enum(['pending', 'accepted', 'objected']).optional(),
});
export type MoveListQuery = z.infer<typeof MoveListQuery>;
export const RotationMovePage = pageOf(RotationMove);
export type RotationMovePage = z.infer<typeof RotationMovePage>;

export const PlanParams = z.object({ id: z.coerce.number().int().positive() });
export const MoveParams = z.object({ id: z.coerce.number().int().positive(), moveId: z.coerce.number().int().positive() });
export const ExclusionParams = z.object({ id: z.coerce.number().int().positive(), teacherId: z.coerce.number().int().positive() });

export const ManualMoveInput = z.object({
  teacherId: Id,
  toSchoolId: Id,
  kind: z.enum(['full', 'partial']).optional(),
});
export type ManualMoveInput = z.infer<typeof ManualMoveInput>;

export const MoveUpdate = z.object({
  isLocked: z.boolean().optional(),
  toSchoolId: Id.optional(),
  kind: z.enum(['full', 'partial']).optional(),
});
export type MoveUpdate = z.infer<typeof MoveUpdate>;

export const ExclusionInput = z.object({ teacherId: Id, reason: Text(200).min(1, '请填写排除原因') });
export type ExclusionInput = z.infer<typeof ExclusionInput>;

export const MoveReviewInput = z
  .object({ decision: z.enum(['accepted', 'objected']), note: Text(500).default('') })
  .refine((x) => x.decision !== 'objected' || x.note.length > 0, { message: '提出异议须填写理由', path: ['note'] });
export type MoveReviewInput = z.infer<typeof MoveReviewInput>;

export const RotationReportQuery = z.object({
  fromYear: Year.optional(),
  toYear: Year.optional(),
});
export type RotationReportQuery = z.infer<typeof RotationReportQuery>;

export const RotationReportRow = z.object({
  year: z.number().int(),
  schoolId: Id.nullable(),
  schoolName: z.string(),
  eligible: z.number().int(),
  rotated: z.number().int(),
  backbone: z.number().int(),
  highQuality: z.number().int(),
  share: z.number().nullable(),
  backboneShare: z.number().nullable(),
  highQualityShare: z.number().nullable(),
});
export type RotationReportRow = z.infer<typeof RotationReportRow>;

export const RotationReport = z.object({
  years: z.array(z.number().int()),
  byYear: z.array(RotationReportRow),
  bySchool: z.array(RotationReportRow),
  total: RotationReportRow,
  ruleSet: z.object({ title: z.string(), documentNumber: z.string(), minShare: z.number(), backboneShare: z.number() }),
});
export type RotationReport = z.infer<typeof RotationReport>;
