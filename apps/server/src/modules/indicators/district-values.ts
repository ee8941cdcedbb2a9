/**
 * District values over a set of schools (the whole district, or those of a street or sponsor): the 7
 * resource indicators with their CVs and the share of passing schools per stage, 生师比, 持证率, class
 * sizes, 骨干 share, 巩固率, 随迁子女, 交流轮岗, 学前 and 高中 rates, coverage, and the catalog entries
 * Zhiping has no base data for (no_data, decided by manual entries in the assessments).
 */
import {
  BALANCED_RESOURCE_CODES,
  INDICATORS,
  STAGES,
  computeBackboneSchoolsShare,
  computeCoverage,
  computeDerivedIndicator,
  computeHighSchoolGrossEnrolment,
  computeJuniorRetentionFromRows,
  computeMigrantPublicShare,
  computeNineYearRetention,
  computePreschoolIndicators,
  computeRatioIndicator,
  computeRotation,
  computeStudentTeacherRatio,
  computeTrainingCompletion,
  resourceAmount,
  sumPopulation,
  type CohortStatRow,
  type EvaluationContext,
  type IndicatorScope,
  type IndicatorValue,
  type PopulationBasis,
  type StageBalanceResult,
  type Stage,
  type TeacherCounts,
} from '@zhiping/domain';
import { classSizeValues, studentsByStage, type PartResult, type SchoolResult } from './school-values.ts';
import { evaluateStageOf } from './stage-balance.ts';
import type { StagePartStats, YearInputs } from './year-inputs.ts';

/** A kindergarten as computePreschoolIndicators takes it. */
type KindergartenInput = Parameters<typeof computePreschoolIndicators>[0]['kindergartens'][number];

const CATALOG_ORDER = new Map(INDICATORS.map((d, i) => [d.code, i]));

/** Catalog entries without base data in Zhiping. */
export const MANUAL_ONLY_CODES = [
  'balanced.special_education_funding_per_student',
  'balanced.teacher_pay_ratio',
  'balanced.training_budget_share',
  'teachers.training_completion_rate',
  'compulsory.zoned_admission_rate',
  'compulsory.quota_allocation_share',
  'compulsory.disabled_enrolment_rate',
] as const;
export const NO_BASE_DATA_REASON = '平台暂无该项基础数据，须在督导评估中人工判定';

/** District values over some schools. */
export interface DistrictResult {
  values: IndicatorValue[];
  stageResults: StageBalanceResult[];
  /** Values that decide assessment items (real computations only). */
  assessmentValues: IndicatorValue[];
  warnings: string[];
}

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);

/** The population basis to use: the one with more rows (户籍 on a tie). */
function chooseBasis(inputs: YearInputs): PopulationBasis {
  const n = (b: PopulationBasis) => inputs.population.filter((p) => p.basis === b).length;
  return n('resident') > n('registered') ? 'resident' : 'registered';
}

/** One school stage part with its grade sums and teacher counts. */
interface StagePartEntry {
  r: SchoolResult;
  p: PartResult;
  stats: StagePartStats;
  t: TeacherCounts | undefined;
}

/** The stage parts of the schools grouped by stage, in school order (one pass over the schools). */
function partsByStage(inputs: YearInputs, results: readonly SchoolResult[]): Map<Stage, StagePartEntry[]> {
  const out = new Map<Stage, StagePartEntry[]>();
  for (const r of results) {
    const stats = inputs.parts.get(r.school.id);
    const teachers = inputs.teachers.get(r.school.id);
    for (const p of r.parts) {
      let list = out.get(p.stage);
      if (!list) out.set(p.stage, (list = []));
      list.push({ r, p, stats: stats!.get(p.stage)!, t: teachers?.get(p.stage) });
    }
  }
  return out;
}

/** Values per stage that sum school parts: 资源配置, 生师比, 持证率, class sizes, 骨干 share. */
function stageValues(
  results: readonly SchoolResult[],
  parts: readonly StagePartEntry[],
  stage: Stage,
  context: EvaluationContext,
  precomputed: readonly StageBalanceResult[] | undefined,
): { values: IndicatorValue[]; stageResult: StageBalanceResult | null } {
  const scope: IndicatorScope = { level: 'district', stage };
  const values: IndicatorValue[] = [];
  let stageResult: StageBalanceResult | null = null;
  if (stage === 'primary' || stage === 'junior') {
    stageResult = precomputed?.find((r) => r.stage === stage) ?? evaluateStageOf(results, stage, context);
    const included = new Set(stageResult.schools.map((s) => s.schoolId));
    const counted = parts.filter((x) => included.has(String(x.r.school.id)) && x.p.balancedInputs);
    for (const code of BALANCED_RESOURCE_CODES) {
      const numerator = sum(counted, (x) => resourceAmount(code, x.p.balancedInputs!));
      values.push(
        computeRatioIndicator({ code, numerator, denominator: sum(counted, (x) => x.p.balancedInputs!.students), scope, context }),
      );
    }
    values.push(...stageResult.cvs, stageResult.passingShare);
    values.push(
      computeBackboneSchoolsShare(
        stageResult.schools.flatMap((s) => s.indicators.filter((v) => v.code === 'balanced.backbone_teachers_per100')),
        scope,
        context,
      ),
    );
  }
  const fullTime = sum(parts, (x) => x.t?.fullTime ?? 0);
  if (stage !== 'preschool' && stage !== 'special')
    values.push(computeStudentTeacherRatio({ students: sum(parts, (x) => x.stats.students), fullTimeTeachers: fullTime }, scope, context));
  values.push(
    computeRatioIndicator({
      code: 'teachers.certificate_rate',
      numerator: sum(parts, (x) => x.t?.certified ?? 0),
      denominator: fullTime,
      scope,
      context,
    }),
  );
  if (stage === 'primary' || stage === 'junior') {
    const maxes = parts.map((x) => x.stats.maxClassSize).filter((m): m is number => m !== null);
    values.push(
      ...classSizeValues(
        {
          maxClassSize: maxes.length ? Math.max(...maxes) : null,
          largeClasses: sum(parts, (x) => x.stats.largeClasses),
          superLargeClasses: sum(parts, (x) => x.stats.superLargeClasses),
          classes: sum(parts, (x) => x.stats.classes),
        },
        scope,
        context,
      ),
    );
  }
  return { values, stageResult };
}

/** Computes the district values over the given schools; `whole` is false under a street or sponsor filter. */
export function computeDistrict(
  inputs: YearInputs,
  results: readonly SchoolResult[],
  context: EvaluationContext,
  whole: boolean,
  /** The 资源配置 results of these schools when already computed (the whole district). */
  precomputed?: readonly StageBalanceResult[],
  /** False when the caller adds the data-quality note later (applyDistrictQualityNote). */
  applyQuality = true,
): DistrictResult {
  const district: IndicatorScope = { level: 'district' };
  const warnings: string[] = [...inputs.teacherWarnings];
  const values: IndicatorValue[] = [];
  const stageResults: StageBalanceResult[] = [];
  const ids = new Set(results.map((r) => r.school.id));
  const byStage = partsByStage(inputs, results);
  for (const stage of ['preschool', 'primary', 'junior', 'senior', 'vocational', 'special'] as const) {
    const parts = byStage.get(stage);
    if (!parts) continue;
    const s = stageValues(results, parts, stage, context, precomputed);
    values.push(...s.values);
    if (s.stageResult) stageResults.push(s.stageResult);
  }
  // One pass over the schools gathers what the district values below sum.
  const junior: CohortStatRow[] = [];
  let compulsoryParts = 0;
  let migrantTotal = 0;
  let migrantInPublic = 0;
  let rotEligible = 0;
  let rotRotated = 0;
  let rotBackbone = 0;
  const kindergartens: { p: StagePartStats; k: KindergartenInput }[] = [];
  let seniorStudents = 0;
  let vocationalStudents = 0;
  let hasHigh = false;
  for (const r of results) {
    const id = r.school.id;
    const stats = inputs.parts.get(id);
    let hasJunior = false;
    for (const p of r.parts) {
      if (p.stage !== 'primary' && p.stage !== 'junior') continue;
      const migrants = stats!.get(p.stage)!.migrantChildren;
      compulsoryParts += 1;
      migrantTotal += migrants;
      if (r.school.sponsor === 'public') migrantInPublic += migrants;
      if (p.stage === 'junior') hasJunior = true;
    }
    if (hasJunior) {
      const rows = inputs.juniorCohort.get(id);
      if (rows) for (const row of rows) junior.push(row);
    }
    const rot = inputs.rotation.get(id);
    if (rot) {
      rotEligible += rot.eligible;
      rotRotated += rot.rotated;
      rotBackbone += rot.rotatedBackbone;
    }
    const pre = stats?.get('preschool');
    if (pre)
      kindergartens.push({
        p: pre,
        k: {
          schoolId: String(id),
          label: r.school.name,
          sponsor: r.school.sponsor,
          isInclusive: r.school.isInclusive,
          children: pre.students,
          fullTimeTeachers: inputs.teachers.get(id)?.get('preschool')?.fullTime ?? 0,
        },
      });
    const senior = stats?.get('senior');
    const vocational = stats?.get('vocational');
    if (senior || vocational) hasHigh = true;
    seniorStudents += senior?.students ?? 0;
    vocationalStudents += vocational?.students ?? 0;
  }
  if (junior.length > 0) values.push(computeJuniorRetentionFromRows(junior, inputs.year, district, context));
  const streets = new Set(results.map((r) => r.school.streetId));
  const sponsors = new Set(results.map((r) => r.school.sponsor));
  const cells = inputs.nineYearCells.filter((c) => streets.has(c.streetId) && sponsors.has(c.sponsor));
  if (cells.length > 0) values.push(computeNineYearRetention(cells, inputs.year, district, context));

  if (compulsoryParts > 0) {
    const v = computeMigrantPublicShare({ inPublicSchools: migrantInPublic, inPurchasedPlaces: 0, total: migrantTotal }, district, context);
    v.warnings.push('未录入政府购买学位就读人数，按0计（仅统计公办学校就读的随迁子女）');
    values.push(v);
    const rotationValues = computeRotation(
      { eligible: rotEligible, rotated: rotRotated, rotatedBackbone: rotBackbone, backboneBasis: inputs.rotationRule?.backboneBasis },
      district,
      context,
    );
    if (inputs.rotationRule) for (const r of rotationValues) r.warnings.push(inputs.rotationRule.source);
    values.push(...rotationValues);
  }

  const basis = chooseBasis(inputs);
  if (kindergartens.length > 0) {
    const pre = computePreschoolIndicators({
      kindergartens: kindergartens.map((x) => x.k),
      population: sumPopulation(inputs.population, 3, 5, basis),
      scope: district,
      context,
    });
    if (whole) values.push(pre.grossEnrolmentRate);
    values.push(pre.inclusiveShare, pre.publicShare, pre.childrenPerTeacher);
    const classes = sum(kindergartens, (x) => x.p.classes);
    values.push(
      computeRatioIndicator({
        code: 'preschool.class_size_compliance_rate',
        numerator: sum(kindergartens, (x) => x.p.kindergartenWithinLimit),
        denominator: classes,
        scope: { ...district, stage: 'preschool' },
        context,
        warnings: ['按各年级平均班额估算（无逐班数据）'],
      }),
    );
  }
  if (whole && hasHigh) {
    values.push(
      computeHighSchoolGrossEnrolment(
        { generalHigh: seniorStudents, vocational: vocationalStudents },
        sumPopulation(inputs.population, 15, 17, basis),
        district,
        context,
      ),
    );
  }
  if (!whole) warnings.push('按街镇或举办者筛选时不计算以人口为分母的毛入园（学）率');

  const coverageSchools = results.map((r) => ({
    schoolId: String(r.school.id),
    typeCode: r.school.typeCode,
    sponsor: r.school.sponsor,
    students: studentsByStage(inputs, r.school.id),
  }));
  for (const kind of ['group', 'community', 'school_district'] as const) {
    values.push(
      computeCoverage({
        kind,
        schools: coverageSchools,
        memberships: inputs.memberships.filter((m) => ids.has(Number(m.schoolId))),
        scope: district,
        context,
      }),
    );
  }
  if (inputs.training) {
    // 教师5年360学时培训完成率 from the training ledger (口径 in the warning).
    const t = results.map((r) => inputs.training!.bySchool.get(r.school.id)).filter((x) => x !== undefined);
    const v = computeTrainingCompletion(
      { teachersInCycle: sum(t, (x) => x.inCycle), completed: sum(t, (x) => x.completed) },
      district,
      context,
    );
    v.warnings.push(...inputs.training.warnings);
    values.push(v);
  }
  // Catalog order, each indicator's stages in grade order, as dashboards list them.
  const rank = (v: IndicatorValue) => CATALOG_ORDER.get(v.code)! * 10 + (v.scope.stage ? STAGES.indexOf(v.scope.stage) : 9);
  values.sort((a, b) => rank(a) - rank(b));
  const assessmentValues = [...values];
  for (const code of MANUAL_ONLY_CODES.filter((c) => !(inputs.training && c === 'teachers.training_completion_rate')))
    values.push(
      computeDerivedIndicator({
        code,
        numerator: null,
        denominator: null,
        value: null,
        reason: NO_BASE_DATA_REASON,
        scope: district,
        context,
      }),
    );
  const result = { values, stageResults, assessmentValues, warnings };
  if (applyQuality) applyDistrictQualityNote(inputs, results, result);
  return result;
}

/** Adds the data-quality note to the district values when some of the schools have validation errors. */
export function applyDistrictQualityNote(inputs: YearInputs, results: readonly SchoolResult[], d: DistrictResult): void {
  const failing = results.filter((r) => (inputs.quality.get(r.school.id)?.error ?? 0) > 0).length;
  if (failing > 0) {
    const note = `数据质量：${failing}所学校的数据有校验错误，相关指标可能受影响（见数据质量页）`;
    d.warnings.push(note);
    for (const v of d.values) v.warnings.push(note);
  }
}
