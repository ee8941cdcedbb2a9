/**
 * Use cases of indicator values: the catalog with the thresholds in force, district values under
 * filters, trends, per-school rankings and distributions, and a school's own page. Values come from the
 * cached computed year (indicator-cache.ts); scoping follows indicator.policy.ts.
 */
import type {
  IndicatorCatalog,
  IndicatorList,
  IndicatorQuery,
  IndicatorSchools,
  IndicatorTrend,
  SchoolIndicators,
} from '@zhiping/contracts';
import { INDICATORS, findIndicator, getIndicator, resolveThreshold, type IndicatorValue, type Stage } from '@zhiping/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { countFailuresBySchool } from '../data-quality/data-quality.service.ts';
import { MANUAL_ONLY_CODES } from './district-values.ts';
import { getYearModel, getYearModels } from './indicator-cache.ts';
import { toDefinitionDto, toThresholdDto, toValueDto } from './indicator.mapper.ts';
import { assertFilterAllowed, canSeeSchool, indicatorScope } from './indicator.policy.ts';
import { findYearsWithStats } from './indicator.repository.ts';
import { findThresholds } from './threshold.repository.ts';
import { rankSchools } from './ranking.ts';
import { districtFor, type SchoolFilter, type YearModel } from './year-model.ts';

/** Codes whose values come from entries in the assessments rather than base data. */
const NOT_FROM_DATA = new Set<string>([...MANUAL_ONLY_CODES, 'survey.social_recognition']);

/** NOT_FOUND unless the school year has grade statistics. */
export async function assertYearWithData(db: Kysely<DB>, year: number): Promise<void> {
  const years = await findYearsWithStats(db);
  if (!years.includes(year))
    throw new AppError('NOT_FOUND', { userMessage: `${year} 学年没有学年统计数据（已有：${years.join('、') || '无'}）` });
}

/** The years with data and the requested (default: latest) year's computed model. */
export async function loadYear(db: Kysely<DB>, year: number | undefined): Promise<{ model: YearModel; years: number[] }> {
  const years = await findYearsWithStats(db);
  const y = year ?? years[0];
  if (y === undefined) throw new AppError('NOT_FOUND', { userMessage: '尚无学年统计数据，无法计算指标' });
  if (!years.includes(y)) throw new AppError('NOT_FOUND', { userMessage: `${y} 学年没有学年统计数据（已有：${years.join('、')}）` });
  return { model: await getYearModel(db, y, countFailuresBySchool), years };
}

/** Every definition with the threshold in force per stage on a date (default today). */
export async function getCatalog(ctx: ServiceContext, asOfQuery: string | undefined): Promise<IndicatorCatalog> {
  indicatorScope(ctx.actor);
  const asOf = asOfQuery ?? ctx.clock.today();
  const thresholds = await findThresholds(ctx.db);
  return {
    asOf,
    items: INDICATORS.map((d) => {
      const stages: (Stage | null)[] = d.stages.length > 1 ? [...d.stages] : [d.stages[0] ?? null];
      const perStage = stages.map((stage) => {
        const r = resolveThreshold(thresholds, d.code, stage, asOf);
        return { stage, threshold: r.threshold ? toThresholdDto(r.threshold) : null, warnings: r.warnings };
      });
      return toDefinitionDto(d, perStage, !NOT_FROM_DATA.has(d.code));
    }),
  };
}

/** True when a value belongs to a stage filter (its own stage, or a stage-less value of an indicator of that stage). */
export function matchesStage(v: IndicatorValue, stage: Stage | undefined): boolean {
  if (stage === undefined) return true;
  if (v.scope.stage !== undefined) return v.scope.stage === stage;
  return getIndicator(v.code).stages.includes(stage);
}

/** Every value of one school (stage parts, then school-level). */
export function schoolValuesOf(model: YearModel, schoolId: number): IndicatorValue[] {
  const r = model.schools.get(schoolId);
  return r ? [...r.parts.flatMap((p) => p.values), ...r.schoolValues] : [];
}

/** GET /indicators: district values under filters, or one school's values (scope=school:<id>). */
export async function listIndicators(ctx: ServiceContext, query: IndicatorQuery): Promise<IndicatorList> {
  const scope = indicatorScope(ctx.actor);
  const filter: SchoolFilter = { streetId: query.streetId, sponsor: query.sponsor };
  const { model, years } = await loadYear(ctx.db, query.year);
  let values: IndicatorValue[];
  let warnings: string[];
  if (query.scope.startsWith('school:')) {
    const id = Number(query.scope.slice(7));
    if (!canSeeSchool(scope, id) || !model.schools.has(id)) throw notFound('学校');
    values = schoolValuesOf(model, id);
    warnings = [];
  } else {
    assertFilterAllowed(scope, filter);
    const d = districtFor(model, filter);
    values = d.values;
    warnings = d.warnings;
  }
  return {
    year: model.inputs.year,
    asOf: model.inputs.asOf,
    years,
    scope: query.scope,
    filter: { stage: query.stage ?? null, streetId: query.streetId ?? null, sponsor: query.sponsor ?? null },
    dataVersion: model.inputs.dataVersion,
    items: values.filter((v) => matchesStage(v, query.stage)).map(toValueDto),
    warnings,
  };
}

/** The district value of one indicator over several years. */
export async function getTrend(
  ctx: ServiceContext,
  q: {
    code: string;
    years: number;
    to?: number | undefined;
    stage?: Stage | undefined;
    streetId?: number | undefined;
    sponsor?: 'public' | 'private' | undefined;
  },
): Promise<IndicatorTrend> {
  const scope = indicatorScope(ctx.actor);
  const def = findIndicator(q.code);
  if (!def) throw notFound('指标');
  const filter: SchoolFilter = { streetId: q.streetId, sponsor: q.sponsor };
  assertFilterAllowed(scope, filter);
  const available = await findYearsWithStats(ctx.db);
  const to = q.to ?? available[0];
  if (to === undefined) throw new AppError('NOT_FOUND', { userMessage: '尚无学年统计数据' });
  const wanted = Array.from({ length: q.years }, (_, i) => to - q.years + 1 + i);
  const points: IndicatorTrend['points'] = [];
  let stage: Stage | null = q.stage ?? null;
  const present = wanted.filter((y) => available.includes(y));
  const models = new Map(
    (present.length ? await getYearModels(ctx.db, present, countFailuresBySchool) : []).map((m) => [m.inputs.year, m]),
  );
  for (const year of wanted) {
    const model = models.get(year);
    if (!model) {
      points.push({ year, value: null });
      continue;
    }
    const candidates = districtFor(model, filter).values.filter((v) => v.code === q.code && matchesStage(v, q.stage));
    const stages = new Set(candidates.map((v) => v.scope.stage ?? null));
    if (q.stage === undefined && stages.size > 1) throw invalid('stage', `${def.name}分学段计算，请指定学段（stage）`);
    const v = candidates[0];
    if (v && stage === null) stage = (v.scope.stage ?? null) as Stage | null;
    points.push({ year, value: v ? toValueDto(v) : null });
  }
  return { code: def.code, name: def.name, unit: def.unit, stage, points };
}

/** Per-school values of one indicator with ranking and distribution; school users get only their own school. */
export async function listIndicatorSchools(
  ctx: ServiceContext,
  code: string,
  q: { year?: number | undefined; stage?: Stage | undefined },
): Promise<IndicatorSchools> {
  const scope = indicatorScope(ctx.actor);
  const def = findIndicator(code);
  if (!def) throw notFound('指标');
  const { model } = await loadYear(ctx.db, q.year);
  const values = [...model.schools.keys()].flatMap((id) =>
    schoolValuesOf(model, id).filter((v) => v.code === code && matchesStage(v, q.stage)),
  );
  const ranked = rankSchools(values, def.direction);
  const restricted = scope.kind !== 'district';
  const items = ranked.items
    .filter((x) => canSeeSchool(scope, x.schoolId))
    .map((x) => {
      const s = model.schools.get(x.schoolId)!.school;
      return {
        rank: x.rank,
        schoolId: s.id,
        schoolCode: s.code,
        schoolName: s.name,
        streetName: s.streetName,
        sponsor: s.sponsor,
        value: toValueDto(x.value),
      };
    });
  return {
    code,
    name: def.name,
    year: model.inputs.year,
    stage: q.stage ?? null,
    district: model.district.values.filter((v) => v.code === code && matchesStage(v, q.stage)).map(toValueDto),
    items,
    ranked: ranked.items.filter((x) => x.rank !== null).length,
    distribution: ranked.distribution,
    restricted,
  };
}

/** A school's own page: every value by stage part with the 优质均衡 verdict, school-level values and the district's for comparison. */
export async function getSchoolIndicators(ctx: ServiceContext, schoolId: number, year: number | undefined): Promise<SchoolIndicators> {
  const scope = indicatorScope(ctx.actor);
  if (!canSeeSchool(scope, schoolId)) throw notFound('学校');
  const { model, years } = await loadYear(ctx.db, year);
  const r = model.schools.get(schoolId);
  if (!r) throw new AppError('NOT_FOUND', { userMessage: `该学校没有 ${model.inputs.year} 学年的数据` });
  const codes = new Set(schoolValuesOf(model, schoolId).map((v) => `${v.code}|${v.scope.stage ?? ''}`));
  return {
    school: { id: r.school.id, code: r.school.code, name: r.school.name, typeCode: r.school.typeCode, sponsor: r.school.sponsor },
    year: model.inputs.year,
    asOf: model.inputs.asOf,
    years,
    parts: r.parts.map((p) => ({
      stage: p.stage,
      values: p.values.map(toValueDto),
      verdict: p.verdict ? { status: p.verdict.status, metCount: p.verdict.metCount, reason: p.verdict.reason } : null,
    })),
    schoolValues: r.schoolValues.map(toValueDto),
    district: model.district.values.filter((v) => codes.has(`${v.code}|${v.scope.stage ?? ''}`) || codes.has(`${v.code}|`)).map(toValueDto),
    dataQualityFailures: Object.values(model.inputs.quality.get(schoolId) ?? { error: 0, warning: 0, info: 0 }).reduce((a, b) => a + b, 0),
  };
}
