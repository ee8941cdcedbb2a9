/**
 * Supervision and evaluation (督导评估) API: rubric templates and version mappings, campaigns and
 * inspector teams, per-school evaluations on the workflow, offline-friendly scoring, consolidation,
 * results and statistics, rectification items (整改) and responsible inspectors (责任督学挂牌督导).
 */
import { z } from 'zod';
import { IsoDate, PageQuery, pageOf } from './common.ts';

const Id = z.number().int();
const Points = z.number().finite();
const Text = (max: number) => z.string().trim().max(max);

// ───────────────────────────── rubric templates ─────────────────────────────

export const TemplateScoringMethod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('points'), min: Points, max: Points, step: z.number().positive() }),
  z.object({
    kind: z.literal('levels'),
    levels: z
      .array(z.object({ label: Text(20).min(1), points: Points, description: Text(500).optional() }))
      .min(1)
      .max(10),
  }),
  z.object({
    kind: z.literal('yes_no'),
    yesPoints: Points,
    noPoints: Points,
    yesLabel: Text(20).optional(),
    noLabel: Text(20).optional(),
    noRequiresNote: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('computed'),
    source: Text(100),
    direction: z.enum(['at_least', 'at_most']),
    thresholds: z
      .array(z.object({ value: Points, points: Points }))
      .min(1)
      .max(10),
    otherwise: Points,
  }),
]);
export type TemplateScoringMethod = z.infer<typeof TemplateScoringMethod>;

/** One node of the rubric tree: area (一级指标) → indicator (二级指标) → check point (评估要点). */
export interface TemplateNode {
  kind: 'area' | 'indicator' | 'checkpoint';
  code: string;
  title: string;
  maxPoints: number;
  weight?: number | undefined;
  method?: TemplateScoringMethod | undefined;
  guidance?: string | undefined;
  requiresEvidence?: boolean | undefined;
  isVeto?: boolean | undefined;
  children?: TemplateNode[] | undefined;
}
export const TemplateNode: z.ZodType<TemplateNode> = z.object({
  kind: z.enum(['area', 'indicator', 'checkpoint']),
  code: Text(40).min(1),
  title: Text(200).min(1, '请填写名称'),
  maxPoints: z.number().min(0),
  weight: z.number().positive().optional(),
  method: TemplateScoringMethod.optional(),
  guidance: Text(2000).optional(),
  requiresEvidence: z.boolean().optional(),
  isVeto: z.boolean().optional(),
  get children() {
    return z.array(TemplateNode).max(100).optional();
  },
});

export const RubricBand = z.object({
  label: Text(20).min(1),
  minTotal: z.number().min(0),
  areaMinimums: z.record(z.string(), z.number().min(0)).optional(),
  isPassing: z.boolean(),
});
export type RubricBand = z.infer<typeof RubricBand>;

/** The editable part of a template (family and version are the server's). */
export const RubricDefinition = z.object({
  name: Text(100).min(2, '名称至少2个字'),
  scale: z.number().positive(),
  passRule: z.enum(['bands', 'all_yes']),
  bands: z.array(RubricBand).max(10),
  verdictLabels: z.object({ pass: Text(20), fail: Text(20) }).optional(),
  nodes: z.array(TemplateNode).min(1).max(50),
  description: Text(2000).optional(),
});
export type RubricDefinition = z.infer<typeof RubricDefinition>;

export const TemplateSummary = z.object({
  id: Id,
  family: z.string(),
  version: z.number().int(),
  name: z.string(),
  scale: z.number(),
  passRule: z.enum(['bands', 'all_yes']),
  isBuiltIn: z.boolean(),
  /** A campaign uses this version: editing it creates the next version. */
  isUsed: z.boolean(),
  /** The highest version of its family. */
  isLatest: z.boolean(),
  checkpointCount: z.number().int(),
  copiedFrom: z.object({ family: z.string(), version: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateDetail = TemplateSummary.extend({
  definition: RubricDefinition,
  source: z
    .object({ document: z.string(), confidence: z.enum(['verified', 'partial', 'unverified']), notes: z.array(z.string()) })
    .nullable(),
  /** Problems found by validateRubric (empty when sound). */
  problems: z.array(z.string()),
  isEditableInPlace: z.boolean(),
  versions: z.array(z.object({ id: Id, version: z.number().int(), isUsed: z.boolean() })),
});
export type TemplateDetail = z.infer<typeof TemplateDetail>;

export const TemplateCopyRequest = z.object({
  name: Text(100).min(2, '名称至少2个字'),
  /** Family key of the copy (letters, digits, dashes); generated from the source when omitted. */
  family: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,59}$/, '模板族标识应为小写字母开头的字母、数字或短横线')
    .optional(),
});
export type TemplateCopyRequest = z.infer<typeof TemplateCopyRequest>;

export const TemplateUpdateRequest = z.object({ definition: RubricDefinition });
export type TemplateUpdateRequest = z.infer<typeof TemplateUpdateRequest>;

export const TemplateDiffView = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.object({ code: z.string(), changes: z.array(z.string()) })),
  scaleChanged: z.object({ from: z.number(), to: z.number() }).nullable(),
  bandsChanged: z.boolean(),
  passRuleChanged: z.boolean(),
  isUnchanged: z.boolean(),
});
export type TemplateDiffView = z.infer<typeof TemplateDiffView>;

/** The answer to a save: edited in place, or a new version (with what changed against the old one). */
export const TemplateSaveResult = z.object({
  template: TemplateDetail,
  isNewVersion: z.boolean(),
  diff: TemplateDiffView.nullable(),
});
export type TemplateSaveResult = z.infer<typeof TemplateSaveResult>;

export const MappingEntry = z.object({
  from: Text(40).min(1),
  to: z.array(z.object({ code: Text(40).min(1), factor: z.number().positive() })).min(1),
});
export const VersionMappingView = z.object({
  family: z.string(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  toScale: z.number(),
  entries: z.array(MappingEntry),
});
export type VersionMappingView = z.infer<typeof VersionMappingView>;
export const MappingInput = z.object({ entries: z.array(MappingEntry).max(2000) });
export type MappingInput = z.infer<typeof MappingInput>;
export const MappingParams = z.object({
  family: z.string().min(1).max(60),
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

// ───────────────────────────── campaigns and teams ─────────────────────────────

/** The states of one school's evaluation (EVALUATION_WORKFLOW). */
export const EVALUATION_STATES = ['planned', 'self_assessment', 'on_site', 'consolidation', 'review', 'published', 'cancelled'] as const;
export type EvaluationStateKey = (typeof EVALUATION_STATES)[number];
export const EVALUATION_STATE_LABELS: Record<EvaluationStateKey, string> = {
  planned: '已计划',
  self_assessment: '学校自评',
  on_site: '现场评估',
  consolidation: '组内合议',
  review: '督导室审核',
  published: '已发布',
  cancelled: '已取消',
};

/** How a campaign picks its schools: open schools of the listed types AND streets, plus listed schools, minus excluded. */
export const SchoolSelection = z.object({
  typeCodes: z
    .array(z.string().regex(/^\d{3}$/))
    .max(30)
    .default([]),
  streetIds: z.array(z.number().int().positive()).max(200).default([]),
  schoolIds: z.array(z.number().int().positive()).max(5000).default([]),
  excludeSchoolIds: z.array(z.number().int().positive()).max(5000).default([]),
});
export type SchoolSelection = z.infer<typeof SchoolSelection>;

export const CampaignInput = z.object({
  name: Text(100).min(2, '名称至少2个字'),
  description: Text(2000).default(''),
  templateId: z.number().int().positive(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  selfAssessmentDue: IsoDate,
  onSiteDue: IsoDate,
  reportDue: IsoDate,
  teamSize: z.number().int().min(1).max(9).default(3),
  /** 回避: a school the inspector left within this many years is avoided. */
  lookbackYears: z.number().int().min(0).max(30).default(3),
  /** A spread above this share of a check point's maximum is flagged in consolidation. */
  disagreementRatio: z.number().gt(0).max(1).default(0.2),
  selection: SchoolSelection,
});
export type CampaignInput = z.infer<typeof CampaignInput>;

/** A campaign's name, deadlines, settings and school set (the template stays); only while no school has begun scoring. */
export const CampaignUpdateInput = CampaignInput.omit({ templateId: true });
export type CampaignUpdateInput = z.infer<typeof CampaignUpdateInput>;

export const SchoolPreview = z.object({
  count: z.number().int(),
  schools: z.array(z.object({ id: Id, code: z.string(), name: z.string(), typeCode: z.string(), streetName: z.string().nullable() })),
});
export type SchoolPreview = z.infer<typeof SchoolPreview>;

export const TemplateRef = z.object({ id: Id, family: z.string(), version: z.number().int(), name: z.string(), scale: z.number() });

export const CampaignSummary = z.object({
  id: Id,
  name: z.string(),
  template: TemplateRef,
  periodStart: z.string(),
  periodEnd: z.string(),
  selfAssessmentDue: z.string(),
  onSiteDue: z.string(),
  reportDue: z.string(),
  teamSize: z.number().int(),
  lookbackYears: z.number().int(),
  disagreementRatio: z.number(),
  schoolCount: z.number().int(),
  /** Schools per state. */
  stateCounts: z.record(z.string(), z.number().int()),
  createdAt: z.string(),
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;
export const CampaignPage = pageOf(CampaignSummary);
export type CampaignPage = z.infer<typeof CampaignPage>;
export const CampaignListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });

export const TeamMember = z.object({ userId: Id, name: z.string(), isLead: z.boolean(), sheetSubmittedAt: z.string().nullable() });
export type TeamMember = z.infer<typeof TeamMember>;

/** One school's evaluation as a list row. */
export const EvaluationRow = z.object({
  id: Id,
  campaignId: Id,
  campaignName: z.string(),
  schoolId: Id,
  schoolCode: z.string(),
  schoolName: z.string(),
  streetName: z.string().nullable(),
  state: z.enum(EVALUATION_STATES),
  stateLabel: z.string(),
  /** Workflow version: send it back as expectedVersion so a stale screen cannot act twice. */
  version: z.number().int(),
  visitDate: z.string().nullable(),
  team: z.array(TeamMember),
  /** Shown once the result is visible to the caller (published, or for the team and the district). */
  total: z.number().nullable(),
  band: z.string().nullable(),
  verdictLabel: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type EvaluationRow = z.infer<typeof EvaluationRow>;
export const EvaluationPage = pageOf(EvaluationRow);
export type EvaluationPage = z.infer<typeof EvaluationPage>;
export const EvaluationListQuery = PageQuery.extend({
  campaignId: z.coerce.number().int().positive().optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  state: z.enum(EVALUATION_STATES).optional(),
  /** Only evaluations where the caller is on the team. */
  mine: z.enum(['true', 'false']).default('false'),
});

export const CampaignDetail = CampaignSummary.extend({
  description: z.string(),
  selection: SchoolSelection,
  /** Why the campaign can no longer be edited (scoring has begun …), or null while it can. */
  editLock: z.string().nullable(),
  /** Why the campaign cannot be deleted, or null while it can. */
  deleteLock: z.string().nullable(),
  evaluations: z.array(EvaluationRow),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const ProposalRequest = z.object({
  /** Inspectors to draw from (default: every enabled user with the inspector role). */
  inspectorIds: z.array(z.number().int().positive()).max(500).optional(),
  maxSchoolsPerInspector: z.number().int().min(1).max(500).optional(),
});
export type ProposalRequest = z.infer<typeof ProposalRequest>;

const Avoided = z.object({ inspectorId: Id, name: z.string(), reason: z.string() });
export const TeamProposal = z.object({
  assignments: z.array(
    z.object({
      evaluationId: Id,
      schoolId: Id,
      schoolName: z.string(),
      inspectorIds: z.array(Id),
      leadId: Id,
      names: z.array(z.string()),
      avoided: z.array(Avoided),
    }),
  ),
  unstaffed: z.array(z.object({ evaluationId: Id, schoolId: Id, schoolName: z.string(), reason: z.string(), avoided: z.array(Avoided) })),
  loads: z.array(z.object({ inspectorId: Id, name: z.string(), schools: z.number().int() })),
});
export type TeamProposal = z.infer<typeof TeamProposal>;

export const TeamInput = z
  .object({ inspectorIds: z.array(z.number().int().positive()).min(1).max(9), leadId: z.number().int().positive() })
  .refine((t) => t.inspectorIds.includes(t.leadId), { message: '组长须是评估组成员', path: ['leadId'] })
  .refine((t) => new Set(t.inspectorIds).size === t.inspectorIds.length, { message: '督学重复', path: ['inspectorIds'] });
export type TeamInput = z.infer<typeof TeamInput>;
export const ApplyTeamsRequest = z.object({
  teams: z
    .array(
      z.object({
        evaluationId: z.number().int().positive(),
        inspectorIds: z.array(z.number().int().positive()).min(1).max(9),
        leadId: z.number().int().positive(),
      }),
    )
    .max(5000),
});
export type ApplyTeamsRequest = z.infer<typeof ApplyTeamsRequest>;

export const EligibleInspector = z.object({
  userId: Id,
  name: z.string(),
  /** Why the inspector must be avoided (回避), or null. */
  conflict: z.string().nullable(),
  /** Schools on the inspector's plate in unfinished evaluations. */
  load: z.number().int(),
});
export const EligibleInspectors = z.object({ items: z.array(EligibleInspector) });
export type EligibleInspectors = z.infer<typeof EligibleInspectors>;

export const VisitDateInput = z.object({ visitDate: IsoDate.nullable() });
export const AutoScheduleRequest = z.object({
  /** First and last day visits may be scheduled (default: the day after the self-assessment deadline to the on-site deadline). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Include Saturdays and Sundays. */
  includeWeekends: z.boolean().default(false),
});

export const ScheduleRow = z.object({
  evaluationId: Id,
  date: z.string().nullable(),
  schoolCode: z.string(),
  schoolName: z.string(),
  address: z.string(),
  leadName: z.string().nullable(),
  memberNames: z.array(z.string()),
  state: z.enum(EVALUATION_STATES),
});
export const CampaignSchedule = z.object({
  campaignId: Id,
  campaignName: z.string(),
  rows: z.array(ScheduleRow),
  unscheduled: z.number().int(),
});
export type CampaignSchedule = z.infer<typeof CampaignSchedule>;

// ───────────────────────────── workflow ─────────────────────────────

export const WorkflowLogEntry = z.object({
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  isSendBack: z.boolean(),
  actorName: z.string(),
  note: z.string(),
  at: z.string(),
});
export type WorkflowLogEntry = z.infer<typeof WorkflowLogEntry>;

export const AvailableAction = z.object({ action: z.string(), label: z.string(), requiresNote: z.boolean(), isSendBack: z.boolean() });

export const TransitionRequest = z.object({
  action: z.string().min(1).max(40),
  note: Text(2000).optional(),
  expectedVersion: z.number().int().positive().optional(),
});
export type TransitionRequest = z.infer<typeof TransitionRequest>;

export const BulkTransitionResult = z.object({
  done: z.number().int(),
  skipped: z.array(z.object({ evaluationId: Id, schoolName: z.string(), reason: z.string() })),
});
export type BulkTransitionResult = z.infer<typeof BulkTransitionResult>;

export const SheetInfo = z.object({
  kind: z.enum(['self', 'inspector']),
  inspectorId: Id.nullable(),
  name: z.string(),
  scored: z.number().int(),
  total: z.number().int(),
  submittedAt: z.string().nullable(),
});

export const EvaluationDetail = EvaluationRow.extend({
  template: TemplateRef,
  deadlines: z.object({ selfAssessmentDue: z.string(), onSiteDue: z.string(), reportDue: z.string() }),
  /** The caller's capacities: district_supervisor, school_admin, inspector, lead_inspector. */
  capacities: z.array(z.string()),
  actions: z.array(AvailableAction),
  log: z.array(WorkflowLogEntry),
  /** The sheets the caller may open. */
  sheets: z.array(SheetInfo),
  /** Whether the caller may read the consolidation. */
  canSeeConsolidation: z.boolean(),
  canSeeResult: z.boolean(),
});
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;

// ───────────────────────────── scoring ─────────────────────────────

export const ScoreValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('points'), points: Points }),
  z.object({ kind: z.literal('level'), label: z.string().min(1).max(20) }),
  z.object({ kind: z.literal('yes_no'), yes: z.boolean() }),
  z.object({ kind: z.literal('computed'), value: Points }),
]);
export type ScoreValue = z.infer<typeof ScoreValue>;

/** One stored score (input null: cleared). */
export const ScoreRecord = z.object({
  code: z.string(),
  input: ScoreValue.nullable(),
  note: z.string(),
  points: z.number().nullable(),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ScoreRecord = z.infer<typeof ScoreRecord>;

/** 'self' (the school), 'mine' (the calling inspector) or an inspector's user id (read only). */
export const SheetParams = z.object({ id: z.coerce.number().int().positive(), sheet: z.string().regex(/^(self|mine|\d+)$/) });
export const ScoreParams = SheetParams.extend({ code: z.string().min(1).max(40) });

export const ComputedValue = z.object({
  code: z.string(),
  source: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  /** Why there is no value (no data for the year …). */
  reason: z.string().nullable(),
  points: z.number().nullable(),
});
export type ComputedValue = z.infer<typeof ComputedValue>;

export const Sheet = z.object({
  evaluationId: Id,
  kind: z.enum(['self', 'inspector']),
  inspectorId: Id.nullable(),
  isEditable: z.boolean(),
  submittedAt: z.string().nullable(),
  scores: z.array(ScoreRecord),
  /** Values the server computes for computed check points (filled in when the sheet is submitted). */
  computed: z.array(ComputedValue),
  /** Evidence files per check point code. */
  evidenceCounts: z.record(z.string(), z.number().int()),
  summary: z.object({
    scored: z.number().int(),
    total: z.number().int(),
    completeness: z.number(),
    totalPoints: z.number(),
    missing: z.array(z.string()),
    evidenceMissing: z.array(z.string()),
  }),
});
export type Sheet = z.infer<typeof Sheet>;

export const ScoreUpsert = z.object({
  input: ScoreValue.nullable(),
  note: Text(2000).default(''),
  /** The revision the client last saw (0: it never saw one). A stale base answers 409 with the current value. */
  baseRevision: z.number().int().min(0),
});
export type ScoreUpsert = z.infer<typeof ScoreUpsert>;

/** score is null only when clearing a check point that was never scored. */
export const ScoreUpsertResult = z.object({ status: z.enum(['saved', 'unchanged']), score: ScoreRecord.nullable() });
export type ScoreUpsertResult = z.infer<typeof ScoreUpsertResult>;

/** The details of a 409 on a score: the server's current value. */
export const ScoreConflictDetails = z.object({ current: ScoreRecord.nullable() });

export const SyncRequest = z.object({
  items: z
    .array(ScoreUpsert.extend({ code: z.string().min(1).max(40) }))
    .min(1)
    .max(1000),
});
export type SyncRequest = z.infer<typeof SyncRequest>;

export const SyncResult = z.object({
  results: z.array(
    z.object({
      code: z.string(),
      status: z.enum(['saved', 'unchanged', 'conflict', 'invalid']),
      /** The stored value after the sync (for a conflict: the server's value to show beside the local one). */
      score: ScoreRecord.nullable(),
      message: z.string().nullable(),
    }),
  ),
  saved: z.number().int(),
  conflicts: z.number().int(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const EvaluationEvidence = z.object({
  id: Id,
  code: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type EvaluationEvidence = z.infer<typeof EvaluationEvidence>;
export const EvidenceList = z.object({ items: z.array(EvaluationEvidence) });
export type EvidenceList = z.infer<typeof EvidenceList>;
export const EvidenceQuery = z.object({ code: z.string().min(1).max(40).optional() });

// ───────────────────────────── consolidation ─────────────────────────────

const Settled = z.object({ input: ScoreValue, points: z.number(), note: z.string().nullable() });

export const ConsolidatedPointView = z.object({
  code: z.string(),
  title: z.string(),
  maxPoints: z.number(),
  scores: z.array(z.object({ inspectorId: Id, name: z.string(), points: z.number(), input: ScoreValue, note: z.string().nullable() })),
  mean: z.number(),
  min: z.number(),
  max: z.number(),
  spread: z.number(),
  /** A large disagreement: highlight it. */
  isFlagged: z.boolean(),
  /** A yes/no split evenly: the lead must decide. */
  isTie: z.boolean(),
  rule: z.enum(['median', 'mean', 'majority']),
  proposed: Settled,
  final: Settled,
  override: z.object({ byName: z.string(), reason: z.string(), at: z.string(), replaced: Settled }).nullable(),
});
export type ConsolidatedPointView = z.infer<typeof ConsolidatedPointView>;

export const AreaScore = z.object({
  code: z.string(),
  title: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number().nullable(),
});

export const ResultSummary = z.object({
  total: z.number(),
  scale: z.number(),
  band: z.string().nullable(),
  bandByTotal: z.string().nullable(),
  verdict: z.enum(['pass', 'fail', 'incomplete']),
  verdictLabel: z.string(),
  areas: z.array(AreaScore),
  vetoesHit: z.array(z.object({ code: z.string(), title: z.string() })),
  demotions: z.array(z.object({ band: z.string(), areaCode: z.string(), areaTitle: z.string(), minimum: z.number(), actual: z.number() })),
  completeness: z.number(),
});
export type ResultSummary = z.infer<typeof ResultSummary>;

export const ConsolidationView = z.object({
  evaluationId: Id,
  state: z.enum(EVALUATION_STATES),
  /** The caller is the lead and the evaluation is in consolidation. */
  isEditable: z.boolean(),
  disagreementRatio: z.number(),
  points: z.array(ConsolidatedPointView),
  notScored: z.array(z.string()),
  flagged: z.array(z.string()),
  unresolved: z.array(z.string()),
  preview: ResultSummary,
});
export type ConsolidationView = z.infer<typeof ConsolidationView>;

export const OverrideInput = z.object({
  input: ScoreValue,
  note: Text(2000).optional(),
  reason: Text(1000).min(1, '组长调整合议分须填写理由'),
});
export type OverrideInput = z.infer<typeof OverrideInput>;

// ───────────────────────────── results and statistics ─────────────────────────────

export const Finding = z.object({
  code: z.string(),
  title: z.string(),
  areaTitle: z.string(),
  points: z.number(),
  maxPoints: z.number(),
  note: z.string(),
  /** Problems only: the rectification item opened for it. */
  rectificationId: Id.nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const EvaluationResultView = ResultSummary.extend({
  evaluationId: Id,
  school: z.object({ id: Id, code: z.string(), name: z.string() }),
  campaign: z.object({ id: Id, name: z.string() }),
  template: TemplateRef,
  nodes: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(['area', 'indicator', 'checkpoint']),
      title: z.string(),
      points: z.number(),
      maxPoints: z.number(),
      percent: z.number().nullable(),
    }),
  ),
  strengths: z.array(Finding),
  problems: z.array(Finding),
  isPublished: z.boolean(),
  publishedAt: z.string().nullable(),
  computedAt: z.string(),
});
export type EvaluationResultView = z.infer<typeof EvaluationResultView>;

export const CampaignStatistics = z.object({
  campaignId: Id,
  template: TemplateRef,
  /** Published results counted. */
  published: z.number().int(),
  schools: z.number().int(),
  totals: z.object({ mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() }),
  distribution: z.object({
    bands: z.array(z.object({ label: z.string(), count: z.number().int(), percent: z.number() })),
    vetoed: z.number().int(),
    incomplete: z.number().int(),
    graded: z.number().int(),
  }),
  /** Histogram of totals in tenths of the scale. */
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  ranking: z.array(
    z.object({
      rank: z.number().int(),
      schoolId: Id,
      schoolName: z.string(),
      total: z.number(),
      band: z.string().nullable(),
      isVetoed: z.boolean(),
    }),
  ),
  areaAverages: z.array(
    z.object({ code: z.string(), title: z.string(), maxPoints: z.number(), meanPoints: z.number(), meanPercent: z.number().nullable() }),
  ),
  weakest: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      areaCode: z.string(),
      maxPoints: z.number(),
      meanPercent: z.number(),
      schoolsScored: z.number().int(),
    }),
  ),
  comparison: z
    .object({
      previousCampaign: z.object({ id: Id, name: z.string(), version: z.number().int() }),
      /** The previous campaign used another version: totals were mapped onto this one. */
      isMapped: z.boolean(),
      compared: z.number().int(),
      meanCurrent: z.number().nullable(),
      meanPrevious: z.number().nullable(),
      meanChange: z.number().nullable(),
      schools: z.array(
        z.object({
          schoolId: Id,
          schoolName: z.string(),
          current: z.number(),
          previous: z.number().nullable(),
          change: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type CampaignStatistics = z.infer<typeof CampaignStatistics>;

export const ReportJob = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  fileName: z.string(),
  message: z.string().nullable(),
  size: z.number().int().nullable(),
});
export type ReportJob = z.infer<typeof ReportJob>;
export const ReportJobParams = z.object({ jobId: z.string().regex(/^[a-f0-9]{16,64}$/) });

// ───────────────────────────── rectification ─────────────────────────────

export const RECTIFICATION_STATUSES = ['open', 'submitted', 'verified'] as const;
export type RectificationStatusValue = (typeof RECTIFICATION_STATUSES)[number];

export const RectificationInput = z.object({
  schoolId: z.number().int().positive(),
  /** The evaluation the problem was found in (its check point code in `code`). */
  evaluationId: z.number().int().positive().nullable().default(null),
  code: z.string().max(40).nullable().default(null),
  problem: Text(2000).min(2, '请描述存在的问题'),
  requirement: Text(2000).default(''),
  requiredEvidence: Text(1000).default(''),
  owner: Text(100).min(1, '请填写整改责任人'),
  deadline: IsoDate,
});
export type RectificationInput = z.infer<typeof RectificationInput>;

export const RectificationSummary = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  source: z.enum(['evaluation', 'visit', 'manual']),
  evaluationId: Id.nullable(),
  campaignName: z.string().nullable(),
  visitId: Id.nullable(),
  code: z.string().nullable(),
  problem: z.string(),
  requirement: z.string(),
  requiredEvidence: z.string(),
  owner: z.string(),
  deadline: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  statusLabel: z.string(),
  version: z.number().int(),
  isOverdue: z.boolean(),
  daysRemaining: z.number().int(),
  isDueSoon: z.boolean(),
  wasLate: z.boolean(),
  submittedOn: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type RectificationSummary = z.infer<typeof RectificationSummary>;
export const RectificationPage = pageOf(RectificationSummary);
export type RectificationPage = z.infer<typeof RectificationPage>;
export const RectificationListQuery = PageQuery.extend({
  schoolId: z.coerce.number().int().positive().optional(),
  evaluationId: z.coerce.number().int().positive().optional(),
  campaignId: z.coerce.number().int().positive().optional(),
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only items still open or awaiting verification (what a visit to the school opens with). */
  unfinished: z.enum(['true', 'false']).optional(),
});

export const RectificationDetail = RectificationSummary.extend({
  progress: z.array(z.object({ id: Id, note: z.string(), byName: z.string(), at: z.string() })),
  evidence: z.array(EvaluationEvidence),
  log: z.array(WorkflowLogEntry),
  capacities: z.array(z.string()),
  actions: z.array(AvailableAction),
});
export type RectificationDetail = z.infer<typeof RectificationDetail>;

export const ProgressInput = z.object({ note: Text(2000).min(1, '请填写整改进展') });

export const RectificationDashboard = z.object({
  open: z.number().int(),
  submitted: z.number().int(),
  verified: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  schools: z.array(
    z.object({ schoolId: Id, schoolName: z.string(), open: z.number().int(), submitted: z.number().int(), overdue: z.number().int() }),
  ),
});
export type RectificationDashboard = z.infer<typeof RectificationDashboard>;

// ───────────────────────────── responsible inspectors ─────────────────────────────

export const InspectorSummary = z.object({
  userId: Id,
  username: z.string(),
  name: z.string(),
  phone: z.string(),
  title: z.string(),
  duties: z.string(),
  teacherId: Id.nullable(),
  /** Where the linked teacher record works now (conflict-of-interest source). */
  currentSchoolName: z.string().nullable(),
  responsibleSchools: z.number().int(),
  relatedSchools: z.array(z.object({ schoolId: Id, schoolName: z.string(), reason: z.string() })),
});
export type InspectorSummary = z.infer<typeof InspectorSummary>;
export const InspectorList = z.object({ items: z.array(InspectorSummary) });
export type InspectorList = z.infer<typeof InspectorList>;

export const InspectorProfileInput = z.object({
  phone: Text(40).default(''),
  title: Text(100).default(''),
  duties: Text(2000).default(''),
  relatedSchools: z
    .array(z.object({ schoolId: z.number().int().positive(), reason: Text(200).default('') }))
    .max(100)
    .default([]),
});
export type InspectorProfileInput = z.infer<typeof InspectorProfileInput>;

export const Responsibility = z.object({
  schoolId: Id,
  schoolCode: z.string(),
  schoolName: z.string(),
  streetName: z.string().nullable(),
  inspectorId: Id.nullable(),
  inspectorName: z.string().nullable(),
  since: z.string().nullable(),
  lastVisit: z.string().nullable(),
  nextDue: z.string().nullable(),
  isOverdue: z.boolean(),
  daysOverdue: z.number().int(),
  openRectifications: z.number().int(),
});
export type Responsibility = z.infer<typeof Responsibility>;
export const ResponsibilityList = z.object({ intervalDays: z.number().int(), items: z.array(Responsibility) });
export type ResponsibilityList = z.infer<typeof ResponsibilityList>;
export const ResponsibilityQuery = z.object({
  inspectorId: z.coerce.number().int().positive().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
});
export const ResponsibilityInput = z.object({
  schoolId: z.number().int().positive(),
  /** null ends the current responsibility without a successor. */
  inspectorId: z.number().int().positive().nullable(),
  since: IsoDate,
});
export type ResponsibilityInput = z.infer<typeof ResponsibilityInput>;

export const VisitItem = z.object({ code: z.string().min(1).max(40), yes: z.boolean(), note: Text(1000).default('') });
export const VisitIssue = z.object({
  code: z.string().max(40).nullable().default(null),
  problem: Text(2000).min(2),
  requirement: Text(2000).default(''),
  requiredEvidence: Text(1000).default(''),
  owner: Text(100).min(1),
  deadline: IsoDate,
});
export const VisitInput = z.object({
  schoolId: z.number().int().positive(),
  visitDate: IsoDate,
  /** The routine items looked at (a visit may cover only some of them). */
  items: z.array(VisitItem).max(100),
  summary: Text(4000).default(''),
  /** Problems to rectify: each becomes a rectification item. */
  issues: z.array(VisitIssue).max(50).default([]),
  /** Follow-ups of open rectification items (recorded as progress notes). */
  followUps: z
    .array(z.object({ rectificationId: z.number().int().positive(), note: Text(2000).min(1) }))
    .max(100)
    .default([]),
});
export type VisitInput = z.infer<typeof VisitInput>;

export const Visit = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  inspectorId: Id,
  inspectorName: z.string(),
  visitDate: z.string(),
  items: z.array(z.object({ code: z.string(), title: z.string(), areaTitle: z.string(), yes: z.boolean(), note: z.string() })),
  summary: z.string(),
  problemCount: z.number().int(),
  verdictLabel: z.string(),
  rectificationIds: z.array(Id),
  followUps: z.array(z.object({ rectificationId: Id, note: z.string() })),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof Visit>;
export const VisitPage = pageOf(Visit);
export type VisitPage = z.infer<typeof VisitPage>;
export const VisitListQuery = PageQuery.extend({
  schoolId: z.coerce.number().int().positive().optional(),
  inspectorId: z.coerce.number().int().positive().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const VisitStart = z.object({
  school: z.object({ id: Id, code: z.string(), name: z.string(), address: z.string() }),
  inspector: z.object({ userId: Id, name: z.string() }).nullable(),
  checklist: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      items: z.array(z.object({ code: z.string(), title: z.string(), yesLabel: z.string(), noLabel: z.string() })),
    }),
  ),
  lastVisit: Visit.nullable(),
  /** Open rectification items of the school: the visit opens with them. */
  openItems: z.array(RectificationSummary),
});
export type VisitStart = z.infer<typeof VisitStart>;

export const VisitCalendar = z.object({
  from: z.string(),
  to: z.string(),
  visits: z.array(
    z.object({ id: Id, date: z.string(), schoolId: Id, schoolName: z.string(), inspectorName: z.string(), problemCount: z.number().int() }),
  ),
  /** Next visits due in the window, and every overdue school. */
  due: z.array(
    z.object({
      schoolId: Id,
      schoolName: z.string(),
      inspectorName: z.string().nullable(),
      nextDue: z.string().nullable(),
      isOverdue: z.boolean(),
      daysOverdue: z.number().int(),
    }),
  ),
});
export type VisitCalendar = z.infer<typeof VisitCalendar>;
export const CalendarQuery = z.object({ from: IsoDate, to: IsoDate, inspectorId: z.coerce.number().int().positive().optional() });

export const InspectorSettings = z.object({
  /** Days allowed between two visits of a responsible inspector. */
  visitIntervalDays: z.number().int().min(7).max(365),
});
export type InspectorSettings = z.infer<typeof InspectorSettings>;

/** The public card (挂牌督导公示牌) of a school. */
export const PublicCard = z.object({
  schoolName: z.string(),
  schoolCode: z.string(),
  inspectorName: z.string().nullable(),
  phone: z.string(),
  title: z.string(),
  duties: z.array(z.string()),
  issuer: z.string(),
  since: z.string().nullable(),
});
export type PublicCard = z.infer<typeof PublicCard>;
