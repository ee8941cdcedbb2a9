/**
 * Builds a county assessment from a computed year and the district's entries: the values that decide
 * computed items (district values, plus each school's values for the items judged school by school),
 * manual decisions with their note and evidence files, and the 社会认可度 survey; then the domain's
 * evaluateBalancedAssessment / evaluatePreschoolAssessment decide every item and the overall verdict.
 */
import type { Assessment, AssessmentItem, EvidenceFile } from '@zhiping/contracts';
import {
  BALANCED_ASSESSMENT_ITEMS,
  PRESCHOOL_ASSESSMENT_ITEMS,
  computeMeasureIndicator,
  evaluateBalancedAssessment,
  evaluatePreschoolAssessment,
  type AssessmentItemResult,
  type IndicatorValue,
  type ManualItemEntry,
} from '@zhiping/domain';
import { toValueDto } from '../indicators/indicator.mapper.ts';
import type { YearModel } from '../indicators/year-model.ts';
import type { EvidenceRow, Kind, RecordRow, SurveyRow } from './assessment.repository.ts';

export const ASSESSMENT_TITLES: Record<Kind, string> = {
  balanced: '县域义务教育优质均衡发展督导评估（自评）',
  preschool: '县域学前教育普及普惠督导评估（自评）',
};

/** Item definitions of a kind. */
export function itemsOf(kind: Kind) {
  return kind === 'balanced' ? BALANCED_ASSESSMENT_ITEMS : PRESCHOOL_ASSESSMENT_ITEMS;
}

/** 'government.4' of 'balanced.government.4'. */
export const itemNoOf = (key: string) => key.split('.').slice(1).join('.');

/** Items judged school by school take each school's values; the district value would only repeat them. */
const PER_SCHOOL_CODES = new Set([
  'compulsory.school_size',
  'compulsory.school_size_one_through',
  'balanced.music_art_rooms_per_12_classes',
  'compulsory.max_class_size',
]);
/** Parts whose computed values stand even when undecidable (a manual entry may not replace them). */
const COMPUTED_ONLY_PARTS = new Set(['resource', 'coverage']);
const MAX_VALUES = 50;

/** The entries of one assessment. */
export interface AssessmentEntries {
  records: RecordRow[];
  evidence: EvidenceRow[];
  survey: SurveyRow | undefined;
}

function surveyValue(model: YearModel, survey: SurveyRow | undefined): IndicatorValue[] {
  if (!survey) return [];
  const warnings = [
    `调查${survey.respondents ? `样本 ${survey.respondents} 人` : ''}${survey.organisation ? `，实施单位 ${survey.organisation}` : ''}${survey.surveyed_on ? `，${survey.surveyed_on}` : ''}`,
  ];
  return [
    computeMeasureIndicator({
      code: 'survey.social_recognition',
      value: survey.rate,
      scope: { level: 'district' },
      context: model.context,
      warnings,
    }),
  ];
}

/** Values offered to the items of a kind. */
function assessmentValues(kind: Kind, model: YearModel, survey: SurveyRow | undefined): IndicatorValue[] {
  const district = model.district.assessmentValues.filter((v) => !PER_SCHOOL_CODES.has(v.code));
  const schools = [...model.schools.values()]
    .flatMap((r) => [...r.parts.flatMap((p) => p.values), ...r.schoolValues])
    .filter(
      (v) => PER_SCHOOL_CODES.has(v.code) && (v.scope.stage === undefined || v.scope.stage === 'primary' || v.scope.stage === 'junior'),
    );
  const all =
    kind === 'balanced'
      ? [...district, ...schools]
      : district.filter(
          (v) => v.code.startsWith('preschool.') || (v.code === 'teachers.certificate_rate' && v.scope.stage === 'preschool'),
        );
  const items = itemsOf(kind);
  const partOf = new Map(items.flatMap((i) => (i.compute === 'manual' ? [] : i.compute.codes.map((c) => [c, i.part] as const))));
  // An undecidable value of a data-sparse item yields to a manual entry (the domain falls back only when no value applies).
  return [...all.filter((v) => v.status !== 'no_data' || COMPUTED_ONLY_PARTS.has(partOf.get(v.code) ?? '')), ...surveyValue(model, survey)];
}

function evidenceDto(e: EvidenceRow): EvidenceFile {
  return {
    id: e.id,
    fileName: e.file_name,
    contentType: e.content_type,
    size: e.size_bytes,
    sha256: e.sha256,
    uploadedBy: e.uploaded_by_name,
    uploadedAt: e.uploaded_at.toISOString(),
  };
}

function itemDto(r: AssessmentItemResult, record: RecordRow | undefined, evidence: EvidenceRow[]): AssessmentItem {
  const ordered = [...r.values.filter((v) => v.status === 'not_met'), ...r.values.filter((v) => v.status !== 'not_met')];
  return {
    key: r.item.key,
    itemNo: itemNoOf(r.item.key),
    part: r.item.part,
    partLabel: r.item.part,
    number: r.item.number,
    name: r.item.name,
    standard: r.item.standard,
    source: r.item.source,
    confidence: r.item.confidence,
    compute: r.item.compute === 'manual' ? 'manual' : 'computed',
    codes: r.item.compute === 'manual' ? [] : [...r.item.compute.codes],
    status: r.status,
    basis: r.basis,
    reason: r.reason,
    details: r.details,
    values: ordered.slice(0, MAX_VALUES).map(toValueDto),
    valueCount: r.values.length,
    record: record
      ? { met: record.met, note: record.note, updatedBy: record.updated_by_name, updatedAt: record.updated_at.toISOString() }
      : null,
    evidence: evidence.map(evidenceDto),
  };
}

/** Evaluates an assessment of a kind for the model's year. */
export function buildAssessment(kind: Kind, model: YearModel, entries: AssessmentEntries): Assessment {
  const evidenceOf = (key: string) => entries.evidence.filter((e) => e.item_key === key);
  const manual: Record<string, ManualItemEntry> = {};
  for (const r of entries.records) {
    const files = evidenceOf(r.item_key).map((e) => e.file_name);
    manual[r.item_key] = { met: r.met, evidence: [r.note.trim(), ...files.map((f) => `附件《${f}》`)].filter(Boolean).join('；') };
  }
  const values = assessmentValues(kind, model, entries.survey);
  const result =
    kind === 'balanced'
      ? evaluateBalancedAssessment({ values, manual, stageResults: model.district.stageResults })
      : evaluatePreschoolAssessment({ values, manual });
  const records = new Map(entries.records.map((r) => [r.item_key, r]));
  const schoolOf = (id: string) => model.schools.get(Number(id))!;
  const items = result.items.map((r) => ({
    ...itemDto(r, records.get(r.item.key), evidenceOf(r.item.key)),
    partLabel: result.parts.find((p) => p.part === r.item.part)?.label ?? r.item.part,
  }));
  return {
    kind,
    year: model.inputs.year,
    asOf: model.inputs.asOf,
    title: ASSESSMENT_TITLES[kind],
    verdict: result.verdict,
    summary: result.summary,
    parts: result.parts,
    items,
    failing: result.failing.map((r) => ({ itemNo: itemNoOf(r.item.key), name: r.item.name, reason: r.reason, details: r.details })),
    missing: result.missing.map((r) => ({ itemNo: itemNoOf(r.item.key), name: r.item.name, reason: r.reason })),
    stages:
      kind === 'balanced'
        ? model.district.stageResults.map((s) => ({
            stage: s.stage,
            passed: s.passed,
            failures: s.failures,
            cvs: s.cvs.map(toValueDto),
            passingShare: toValueDto(s.passingShare),
            schools: s.schools.map((x) => {
              const r = schoolOf(x.schoolId);
              const part = r.parts.find((p) => p.stage === s.stage);
              return {
                schoolId: r.school.id,
                schoolCode: r.school.code,
                schoolName: r.school.name,
                verdict: { status: x.verdict.status, metCount: x.verdict.metCount, reason: x.verdict.reason },
                indicators: (part?.values.slice(0, 7) ?? x.indicators).map(toValueDto),
              };
            }),
            excluded: s.excluded.map((e) => ({ schoolId: Number(e.schoolId), schoolName: e.label ?? e.schoolId, reason: e.reason })),
          }))
        : [],
    survey: entries.survey
      ? {
          rate: entries.survey.rate,
          respondents: entries.survey.respondents,
          surveyedOn: entries.survey.surveyed_on,
          organisation: entries.survey.organisation,
          note: entries.survey.note,
          updatedBy: entries.survey.updated_by_name,
          updatedAt: entries.survey.updated_at.toISOString(),
        }
      : null,
    dataVersion: model.inputs.dataVersion,
    warnings: model.district.warnings,
  };
}
