/**
 * A computed school year: every school's values, the whole district's values, and district values under
 * street or sponsor filters (computed on first use). Built from YearInputs by the pure domain; cached per
 * (database, year, data fingerprint) by indicator-cache.ts.
 */
import type { EvaluationContext, SchoolBalanceResult, Stage } from '@zhiping/domain';
import { applyDistrictQualityNote, computeDistrict, type DistrictResult } from './district-values.ts';
import { applySchoolQualityNote, balancedInputsOf, computeSchoolResult, type SchoolResult } from './school-values.ts';
import { evaluateStagesFromInputs } from './stage-balance.ts';
import type { QualityCounts, YearInputs } from './year-inputs.ts';

/** Filters that narrow the district to some schools. */
export interface SchoolFilter {
  streetId?: number | undefined;
  sponsor?: 'public' | 'private' | undefined;
}

/** One computed year. */
export interface YearModel {
  inputs: YearInputs;
  context: EvaluationContext;
  schools: Map<number, SchoolResult>;
  district: DistrictResult;
  filtered: Map<string, DistrictResult>;
  computedAt: Date;
}

/** Schools computed between two yields of the event loop (a few milliseconds of work each). */
const SCHOOLS_PER_STEP = 250;

/** Computes every school and the whole district. */
export function buildYearModel(inputs: YearInputs): YearModel {
  const model = runToEnd(computeYearModel(inputs));
  applyQualityNotes(model);
  return model;
}

/**
 * Computes the year while its data-quality counts are still being read (the database evaluates the rules
 * while the domain computes), then adds the notes of failing validations once they arrive. The result is
 * the one buildYearModel gives on the same inputs with those counts. The computation gives the event loop
 * a turn every SCHOOLS_PER_STEP schools, so the data-quality query progresses and other requests are
 * answered while a large district computes.
 */
export async function buildYearModelAsQualityArrives(inputs: YearInputs, quality: Promise<Map<number, QualityCounts>>): Promise<YearModel> {
  const steps = computeYearModel({ ...inputs, quality: new Map() });
  let step = steps.next();
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  const model = step.value;
  model.inputs.quality = await quality;
  applyQualityNotes(model);
  return model;
}

/** Runs a stepwise computation without yielding. */
function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Every school and the whole district, without the data-quality notes; yields between groups of schools. */
function* computeYearModel(inputs: YearInputs): Generator<void, YearModel> {
  const context: EvaluationContext = { thresholds: inputs.thresholds, asOf: inputs.asOf };
  const refs = [...inputs.schools.values()];
  // Each school's split once: the stage evaluation and the school's own values share it.
  const splits = new Map<number, ReturnType<typeof balancedInputsOf>>();
  for (const s of refs) {
    splits.set(s.id, balancedInputsOf(inputs, s));
    if (splits.size % SCHOOLS_PER_STEP === 0) yield;
  }
  // 资源配置 of the whole district first: each school then reuses its indicators and verdict.
  const stageResults = evaluateStagesFromInputs(inputs, refs, context, (s) => splits.get(s.id)!);
  yield;
  const judged = new Map<Stage, Map<string, SchoolBalanceResult>>();
  for (const r of stageResults) judged.set(r.stage, new Map(r.schools.map((s) => [s.schoolId, s])));
  const schools = new Map<number, SchoolResult>();
  for (const s of refs) {
    const id = String(s.id);
    schools.set(
      s.id,
      computeSchoolResult(inputs, s, context, (stage) => judged.get(stage)?.get(id), splits.get(s.id)),
    );
    if (schools.size % SCHOOLS_PER_STEP === 0) yield;
  }
  const district = computeDistrict(inputs, [...schools.values()], context, true, stageResults, false);
  return { inputs, context, schools, district, filtered: new Map(), computedAt: new Date() };
}

/** The notes of failing validations on the values of the schools concerned and, for errors, on the district's. */
function applyQualityNotes(model: YearModel): void {
  for (const r of model.schools.values()) applySchoolQualityNote(model.inputs, r);
  applyDistrictQualityNote(model.inputs, [...model.schools.values()], model.district);
}

/** True when a filter narrows the district. */
export function isFiltered(f: SchoolFilter): boolean {
  return f.streetId !== undefined || f.sponsor !== undefined;
}

/** The schools a filter keeps. */
export function filterSchools(model: YearModel, f: SchoolFilter): SchoolResult[] {
  return [...model.schools.values()].filter(
    (r) => (f.streetId === undefined || r.school.streetId === f.streetId) && (f.sponsor === undefined || r.school.sponsor === f.sponsor),
  );
}

/** District values under a filter (the whole district without one), memoised on the model. */
export function districtFor(model: YearModel, f: SchoolFilter): DistrictResult {
  if (!isFiltered(f)) return model.district;
  const key = `${f.streetId ?? ''}|${f.sponsor ?? ''}`;
  let r = model.filtered.get(key);
  if (!r) {
    r = computeDistrict(model.inputs, filterSchools(model, f), model.context, false);
    model.filtered.set(key, r);
  }
  return r;
}
