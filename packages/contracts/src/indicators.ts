/**
 * Indicators, thresholds, the two county assessments (优质均衡, 学前普及普惠), what-if plans and data
 * quality: request and response schemas of /indicators, /schools/:id/indicators, /assessments and
 * /data-quality. Values are unrounded numbers; `display` is the formatted value (statuses are always
 * decided on the unrounded value).
 */
import { z } from 'zod';
import { IsoDate, PageQuery, SchoolYear, pageOf } from './common.ts';

export const INDICATOR_STAGES = ['preschool', 'primary', 'junior', 'senior', 'vocational', 'special'] as const;
export const IndicatorStage = z.enum(INDICATOR_STAGES);
export const IndicatorLevel = z.enum(['school', 'stage_part', 'district']);
export const IndicatorStatus = z.enum(['met', 'not_met', 'no_threshold', 'no_data']);
export const THRESHOLD_LEVELS = ['national', 'province', 'city', 'district'] as const;
export const ThresholdLevel = z.enum(THRESHOLD_LEVELS);
export const THRESHOLD_LEVEL_NAMES: Record<(typeof THRESHOLD_LEVELS)[number], string> = {
  national: '国家',
  province: '省级',
  city: '市级',
  district: '区级',
};
const Code = z.string().min(1).max(100);

/** One threshold version as applied to a value. */
export const IndicatorThreshold = z.object({
  value: z.number(),
  comparator: z.enum(['>=', '<=']),
  level: ThresholdLevel,
  document: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string(),
});
export type IndicatorThreshold = z.infer<typeof IndicatorThreshold>;

/** One computed value with everything needed to audit it. */
export const IndicatorValue = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  level: IndicatorLevel,
  stage: IndicatorStage.nullable(),
  schoolId: z.number().int().nullable(),
  schoolName: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  /** Formatted value, e.g. '4.3', '95.2%', '1:14.2'; null when there is no value. */
  display: z.string().nullable(),
  reason: z.string().nullable(),
  threshold: IndicatorThreshold.nullable(),
  status: IndicatorStatus,
  warnings: z.array(z.string()),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

/** Filters of district values: a stage, a street (街镇) and the sponsor. */
export const IndicatorFilter = z.object({
  year: SchoolYear.optional(),
  stage: IndicatorStage.optional(),
  streetId: z.coerce.number().int().positive().optional(),
  sponsor: z.enum(['public', 'private']).optional(),
});

/** GET /indicators: `scope` is 'district' (default) or 'school:<id>'. */
export const IndicatorQuery = IndicatorFilter.extend({
  scope: z
    .string()
    .regex(/^(district|school:\d+)$/, 'scope 应为 district 或 school:<学校ID>')
    .default('district'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuery>;

export const IndicatorList = z.object({
  year: z.number().int(),
  /** Statistics date the values describe (学年初), and the date thresholds are resolved on. */
  asOf: z.string(),
  years: z.array(z.number().int()),
  scope: z.string(),
  filter: z.object({
    stage: IndicatorStage.nullable(),
    streetId: z.number().int().nullable(),
    sponsor: z.enum(['public', 'private']).nullable(),
  }),
  /** Fingerprint of the base data the values were computed from. */
  dataVersion: z.string(),
  items: z.array(IndicatorValue),
  warnings: z.array(z.string()),
});
export type IndicatorList = z.infer<typeof IndicatorList>;

export const IndicatorCodeParam = z.object({ code: Code });
export const IndicatorSchoolParam = z.object({ code: Code, schoolId: z.coerce.number().int().positive() });

/** Threshold in force for one stage of an indicator. */
export const StageThreshold = z.object({
  stage: IndicatorStage.nullable(),
  threshold: IndicatorThreshold.nullable(),
  warnings: z.array(z.string()),
});

export const IndicatorDefinition = z.object({
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  source: z.object({ document: z.string(), article: z.string().nullable() }),
  unit: z.string(),
  factor: z.number(),
  precision: z.number().int(),
  levels: z.array(IndicatorLevel),
  stages: z.array(IndicatorStage),
  direction: z.enum(['min', 'max']),
  numeratorLabel: z.string(),
  denominatorLabel: z.string(),
  confidence: z.enum(['V', 'P', 'U']),
  note: z.string().nullable(),
  /** False when Zhiping has no base data for it (decided by a manual entry in the assessments). */
  computedFromData: z.boolean(),
  thresholds: z.array(StageThreshold),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;
export const IndicatorCatalog = z.object({ asOf: z.string(), items: z.array(IndicatorDefinition) });
export type IndicatorCatalog = z.infer<typeof IndicatorCatalog>;
export const CatalogQuery = z.object({ asOf: IsoDate.optional() });

export const TrendQuery = IndicatorFilter.omit({ year: true }).extend({
  code: Code,
  /** Number of school years up to `to` (default 5). */
  years: z.coerce.number().int().min(1).max(15).default(5),
  to: SchoolYear.optional(),
});
export const TrendPoint = z.object({ year: z.number().int(), value: IndicatorValue.nullable() });
export const IndicatorTrend = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  stage: IndicatorStage.nullable(),
  points: z.array(TrendPoint),
});
export type IndicatorTrend = z.infer<typeof IndicatorTrend>;

export const SchoolValuesQuery = z.object({ year: SchoolYear.optional(), stage: IndicatorStage.optional() });
export const RankedSchool = z.object({
  /** 1 = best (by the indicator's direction); null without a value. */
  rank: z.number().int().nullable(),
  schoolId: z.number().int(),
  schoolCode: z.string(),
  schoolName: z.string(),
  streetName: z.string().nullable(),
  sponsor: z.enum(['public', 'private']),
  value: IndicatorValue,
});
export const Distribution = z.object({
  count: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  bins: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  met: z.number().int(),
  notMet: z.number().int(),
});
export const IndicatorSchools = z.object({
  code: z.string(),
  name: z.string(),
  year: z.number().int(),
  stage: IndicatorStage.nullable(),
  district: z.array(IndicatorValue),
  /** Schools ranked; a school-scoped user gets only their own school (with its rank among all). */
  items: z.array(RankedSchool),
  ranked: z.number().int(),
  distribution: Distribution,
  restricted: z.boolean(),
});
export type IndicatorSchools = z.infer<typeof IndicatorSchools>;

/** A record counted in a numerator (teachers; ID numbers masked). */
export const CountedTeacher = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  post: z.string(),
  isFullTime: z.boolean(),
  teachingStage: z.string().nullable(),
  subject: z.string().nullable(),
  education: z.string(),
  certificate: z.string(),
  backboneLevel: z.string().nullable(),
  backboneValidUntil: z.string().nullable(),
  /** Share of this person counted in the stage part (1, or the split share for staff without a stage of the school). */
  share: z.number(),
  counted: z.boolean(),
  reason: z.string(),
});
export const DrillDownInput = z.object({ label: z.string(), value: z.number().nullable(), note: z.string().nullable() });
export const IndicatorDrillDown = z.object({
  year: z.number().int(),
  asOf: z.string(),
  school: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    typeCode: z.string(),
    sponsor: z.enum(['public', 'private']),
  }),
  values: z.array(IndicatorValue),
  inputs: z.array(DrillDownInput),
  /** Shares of the stage parts when the school is split (一贯制, 完全中学). */
  split: z.array(z.object({ stage: IndicatorStage, students: z.number(), share: z.number() })),
  grades: z.array(
    z.object({
      grade: z.string(),
      gradeLabel: z.string(),
      stage: z.string(),
      classes: z.number().int(),
      students: z.number().int(),
      girls: z.number().int(),
      newEntrants: z.number().int(),
      graduates: z.number().int(),
      transfersIn: z.number().int(),
      transfersOut: z.number().int(),
    }),
  ),
  condition: z.record(z.string(), z.number().nullable()).nullable(),
  teachers: z.array(CountedTeacher),
});
export type IndicatorDrillDown = z.infer<typeof IndicatorDrillDown>;

export const SchoolIndicatorsQuery = z.object({ year: SchoolYear.optional() });
export const SchoolIndicators = z.object({
  school: z.object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    typeCode: z.string(),
    sponsor: z.enum(['public', 'private']),
  }),
  year: z.number().int(),
  asOf: z.string(),
  years: z.array(z.number().int()),
  parts: z.array(
    z.object({
      stage: IndicatorStage,
      values: z.array(IndicatorValue),
      verdict: z.object({ status: z.enum(['pass', 'fail', 'no_data']), metCount: z.number().int(), reason: z.string() }).nullable(),
    }),
  ),
  schoolValues: z.array(IndicatorValue),
  district: z.array(IndicatorValue),
  dataQualityFailures: z.number().int(),
});
export type SchoolIndicators = z.infer<typeof SchoolIndicators>;

// ---- thresholds ----------------------------------------------------------------------------------

export const ThresholdVersion = z.object({
  /** null for the built-in national defaults. */
  id: z.number().int().nullable(),
  builtin: z.boolean(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  stage: IndicatorStage.nullable(),
  value: z.number(),
  comparator: z.enum(['>=', '<=']),
  level: ThresholdLevel,
  document: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  sourceUrl: z.string(),
  note: z.string(),
  /** In force on asOf by its dates. */
  inForce: z.boolean(),
  /** The version actually used on asOf (a looser local value is stored but not applied). */
  applied: z.boolean(),
  warning: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type ThresholdVersion = z.infer<typeof ThresholdVersion>;
export const ThresholdQuery = z.object({ code: Code.optional(), asOf: IsoDate.optional() });
export const ThresholdList = z.object({ asOf: z.string(), items: z.array(ThresholdVersion) });
export const ThresholdInput = z.object({
  indicatorCode: Code,
  stage: IndicatorStage.nullable().default(null),
  value: z.number().min(0, '阈值不能为负数'),
  level: ThresholdLevel,
  document: z.string().trim().min(2, '请填写文件名称或文号').max(300),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable().default(null),
  sourceUrl: z.union([z.url('来源网址格式不正确'), z.literal('')]).default(''),
  note: z.string().trim().max(1000).default(''),
});
export type ThresholdInput = z.infer<typeof ThresholdInput>;
export const ThresholdEnd = z.object({ effectiveTo: IsoDate.nullable(), note: z.string().trim().max(1000).optional() });
export type ThresholdEnd = z.infer<typeof ThresholdEnd>;

// ---- assessments ---------------------------------------------------------------------------------

export const ASSESSMENT_KINDS = ['balanced', 'preschool'] as const;
export const AssessmentKind = z.enum(ASSESSMENT_KINDS);
export type AssessmentKind = z.infer<typeof AssessmentKind>;
export const AssessmentYearParams = z.object({ kind: AssessmentKind, year: SchoolYear });
/** itemNo is '<part>.<number>', e.g. 'government.4'. */
export const AssessmentItemParams = AssessmentYearParams.extend({
  itemNo: z.string().regex(/^[a-z]+\.\d+$/, '条目编号格式应为 part.number'),
});
export const EvidenceParams = AssessmentItemParams.extend({ fileId: z.coerce.number().int().positive() });
export const AssessmentQuery = z.object({ year: SchoolYear.optional() });

export const EvidenceFile = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;
export const ManualItemRecord = z.object({ met: z.boolean(), note: z.string(), updatedBy: z.string(), updatedAt: z.string() });
export const ManualItemInput = z.object({ met: z.boolean(), note: z.string().trim().max(2000).default('') });
export type ManualItemInput = z.infer<typeof ManualItemInput>;

export const AssessmentItem = z.object({
  key: z.string(),
  itemNo: z.string(),
  part: z.string(),
  partLabel: z.string(),
  number: z.number().int(),
  name: z.string(),
  standard: z.string(),
  source: z.object({ document: z.string(), article: z.string().nullable() }),
  confidence: z.enum(['V', 'P', 'U']),
  compute: z.enum(['computed', 'manual']),
  codes: z.array(z.string()),
  status: z.enum(['met', 'not_met', 'no_data']),
  basis: z.enum(['computed', 'manual', 'none']),
  reason: z.string(),
  details: z.array(z.string()),
  /** Values that decided the item (failing ones first; at most 50). */
  values: z.array(IndicatorValue),
  valueCount: z.number().int(),
  record: ManualItemRecord.nullable(),
  evidence: z.array(EvidenceFile),
});
export type AssessmentItem = z.infer<typeof AssessmentItem>;

export const SchoolVerdict = z.object({ status: z.enum(['pass', 'fail', 'no_data']), metCount: z.number().int(), reason: z.string() });
export const StageBalance = z.object({
  stage: IndicatorStage,
  passed: z.boolean(),
  failures: z.array(z.string()),
  cvs: z.array(IndicatorValue),
  passingShare: IndicatorValue,
  schools: z.array(
    z.object({
      schoolId: z.number().int(),
      schoolCode: z.string(),
      schoolName: z.string(),
      verdict: SchoolVerdict,
      indicators: z.array(IndicatorValue),
    }),
  ),
  excluded: z.array(z.object({ schoolId: z.number().int(), schoolName: z.string(), reason: z.string() })),
});
export const SurveyResult = z.object({
  rate: z.number(),
  respondents: z.number().int().nullable(),
  surveyedOn: z.string().nullable(),
  organisation: z.string(),
  note: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export const SurveyInput = z.object({
  rate: z.number().min(0).max(100),
  respondents: z.number().int().positive().nullable().default(null),
  surveyedOn: IsoDate.nullable().default(null),
  organisation: z.string().trim().max(200).default(''),
  note: z.string().trim().max(2000).default(''),
});
export type SurveyInput = z.infer<typeof SurveyInput>;

export const Assessment = z.object({
  kind: AssessmentKind,
  year: z.number().int(),
  asOf: z.string(),
  title: z.string(),
  verdict: z.enum(['met', 'not_met', 'incomplete']),
  summary: z.string(),
  parts: z.array(
    z.object({
      part: z.string(),
      label: z.string(),
      status: z.enum(['met', 'not_met', 'no_data']),
      met: z.number().int(),
      total: z.number().int(),
    }),
  ),
  items: z.array(AssessmentItem),
  /** Every failing item with why. */
  failing: z.array(z.object({ itemNo: z.string(), name: z.string(), reason: z.string(), details: z.array(z.string()) })),
  missing: z.array(z.object({ itemNo: z.string(), name: z.string(), reason: z.string() })),
  stages: z.array(StageBalance),
  survey: SurveyResult.nullable(),
  dataVersion: z.string(),
  warnings: z.array(z.string()),
});
export type Assessment = z.infer<typeof Assessment>;

export const ResourceAddition = z.object({ code: z.string(), resource: z.string(), unit: z.string(), amount: z.number() });
export const WhatIfSchool = z.object({
  schoolId: z.number().int(),
  schoolName: z.string(),
  reason: z.string(),
  exempt: z.string().nullable(),
  additions: z.array(ResourceAddition),
  passesAfter: z.boolean(),
});
export const WhatIf = z.object({
  year: z.number().int(),
  asOf: z.string(),
  stages: z.array(
    z.object({
      stage: IndicatorStage,
      failingSchools: z.array(WhatIfSchool),
      failingTotals: z.array(ResourceAddition),
      cvBefore: z.array(IndicatorValue),
      cvAfterFailing: z.array(IndicatorValue),
      district: z.object({
        reached: z.boolean(),
        totals: z.array(ResourceAddition),
        schools: z.array(
          z.object({
            schoolId: z.number().int(),
            schoolName: z.string(),
            forSchoolPass: z.array(ResourceAddition),
            forLevelling: z.array(ResourceAddition),
            total: z.array(ResourceAddition),
          }),
        ),
        cvAfter: z.array(IndicatorValue),
        notes: z.array(z.string()),
      }),
    }),
  ),
});
export type WhatIf = z.infer<typeof WhatIf>;

// ---- data quality --------------------------------------------------------------------------------

export const DATA_QUALITY_TARGETS = ['grade', 'school', 'condition', 'teacher'] as const;
export const DQ_SEVERITIES = ['error', 'warning', 'info'] as const;
export const DqSeverity = z.enum(DQ_SEVERITIES);
export const DqOperator = z.enum(['=', '<>', '<', '<=', '>', '>=']);
export const DataQualityRule = z.object({
  code: z.string(),
  name: z.string(),
  target: z.enum(DATA_QUALITY_TARGETS),
  left: z.string(),
  operator: DqOperator,
  right: z.string(),
  whenLeft: z.string().nullable(),
  whenOperator: DqOperator.nullable(),
  whenRight: z.string().nullable(),
  severity: DqSeverity,
  message: z.string(),
  isEnabled: z.boolean(),
  isBuiltin: z.boolean(),
});
export type DataQualityRule = z.infer<typeof DataQualityRule>;
export const DataQualityRuleList = z.object({ items: z.array(DataQualityRule), fields: z.record(z.string(), z.array(z.string())) });
const Expr = z.string().trim().min(1).max(200);
export const DataQualityRuleInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_.]{2,60}$/, '规则代码只能包含小写字母、数字、点和下划线'),
  name: z.string().trim().min(2).max(100),
  target: z.enum(DATA_QUALITY_TARGETS),
  left: Expr,
  operator: DqOperator,
  right: Expr,
  whenLeft: Expr.nullable().default(null),
  whenOperator: DqOperator.nullable().default(null),
  whenRight: Expr.nullable().default(null),
  severity: DqSeverity,
  message: z.string().trim().min(2).max(200),
  isEnabled: z.boolean().default(true),
});
export type DataQualityRuleInput = z.infer<typeof DataQualityRuleInput>;
export const DataQualityRuleUpdate = DataQualityRuleInput.omit({ code: true }).partial();
export type DataQualityRuleUpdate = z.infer<typeof DataQualityRuleUpdate>;
export const RuleCodeParam = z.object({ code: z.string().min(1).max(80) });

export const DataQualityQuery = PageQuery.extend({
  year: SchoolYear.optional(),
  schoolId: z.coerce.number().int().positive().optional(),
  severity: DqSeverity.optional(),
  rule: z.string().max(80).optional(),
});
export type DataQualityQuery = z.infer<typeof DataQualityQuery>;
export const DataQualityFailure = z.object({
  ruleCode: z.string(),
  ruleName: z.string(),
  severity: DqSeverity,
  message: z.string(),
  schoolId: z.number().int().nullable(),
  schoolCode: z.string().nullable(),
  schoolName: z.string().nullable(),
  /** What failed within the school: a grade, the conditions row, a teacher (masked ID). */
  entity: z.string(),
  leftValue: z.number().nullable(),
  rightValue: z.number().nullable(),
});
export type DataQualityFailure = z.infer<typeof DataQualityFailure>;
export const DataQualityPage = pageOf(DataQualityFailure).extend({ year: z.number().int() });
export const DataQualitySummary = z.object({
  year: z.number().int(),
  total: z.number().int(),
  schoolsAffected: z.number().int(),
  bySeverity: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  byRule: z.array(z.object({ ruleCode: z.string(), ruleName: z.string(), severity: DqSeverity, count: z.number().int() })),
  bySchool: z.array(
    z.object({
      schoolId: z.number().int().nullable(),
      schoolCode: z.string().nullable(),
      schoolName: z.string().nullable(),
      error: z.number().int(),
      warning: z.number().int(),
      info: z.number().int(),
    }),
  ),
});
export type DataQualitySummary = z.infer<typeof DataQualitySummary>;
export const DataQualitySummaryQuery = z.object({ year: SchoolYear.optional() });
