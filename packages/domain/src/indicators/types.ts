/**
 * Shared types of the indicator engine: what an indicator is (definition), what it must reach
 * (versioned threshold), and what one computation produced (value with its inputs and status).
 */
import type { Stage } from '../codes/stages.ts';

/** How sure standards.md is about a definition or a threshold: [V] verified, [P] partly verified, [U] unverified. */
export type Confidence = 'V' | 'P' | 'U';

/** Unit of an indicator value; decides formatting and the factor applied to numerator ÷ denominator. */
export type IndicatorUnit =
  | '%'
  | 'ratio'
  | 'cv'
  | 'm2_per_student'
  | 'yuan_per_student'
  | 'per_100_students'
  | 'count'
  | 'students'
  | 'students_per_teacher'
  | 'children_per_teacher';

/** Where an indicator is computed: one school, one stage part of a school, or the whole district. */
export type IndicatorLevel = 'school' | 'stage_part' | 'district';

/** 'min': the threshold is a floor (higher is better); 'max': the threshold is a ceiling (lower is better). */
export type Direction = 'min' | 'max';

/** Policy document and article an indicator or threshold comes from. */
export interface SourceRef {
  /** Document title with its number, e.g. 《县域义务教育优质均衡发展督导评估办法》(教督〔2017〕6号). */
  document: string;
  /** Article or section, e.g. 第六条; null when the document has no article for it. */
  article: string | null;
}

/** One indicator, defined once: the UI, the API and SQL helpers all read this. */
export interface IndicatorDefinition {
  /** Stable code, e.g. 'balanced.teaching_area_per_student'. */
  code: string;
  /** Chinese name as in the source document. */
  name: string;
  /** Definition in words (Chinese), including what is counted. */
  definition: string;
  source: SourceRef;
  unit: IndicatorUnit;
  /** Multiplier applied to numerator ÷ denominator: 100 for % and per-100-students values, else 1. */
  factor: 1 | 100;
  /** Decimals shown in the UI (comparisons always use the unrounded value). */
  precision: number;
  /** Levels the indicator is computed at. */
  levels: readonly IndicatorLevel[];
  /** Stages it applies to. */
  stages: readonly Stage[];
  direction: Direction;
  /** What the numerator counts (Chinese). */
  numeratorLabel: string;
  /** What the denominator counts (Chinese). */
  denominatorLabel: string;
  /** How sure the definition is, from standards.md. */
  confidence: Confidence;
  /** Caveats worth showing next to the value. */
  note?: string;
}

/** Administrative level that issued a threshold: 国家/省/市/区. */
export type ThresholdLevel = 'national' | 'province' | 'city' | 'district';

/** How a value is compared with its threshold; equality always passes. */
export type Comparator = '>=' | '<=';

/** One version of a threshold, as configuration data. */
export interface Threshold {
  indicatorCode: string;
  /** Stage it applies to; null = every stage of the indicator. */
  stage: Stage | null;
  value: number;
  comparator: Comparator;
  level: ThresholdLevel;
  /** Document number (文号) or title that sets the value. */
  document: string;
  /** First day in force, 'YYYY-MM-DD'. */
  effectiveFrom: string;
  /** Last day in force (inclusive), 'YYYY-MM-DD'; absent or null = until superseded. */
  effectiveTo?: string | null;
  /** Why this value, and how sure it is. */
  note: string;
}

/** What an indicator value describes. */
export interface IndicatorScope {
  level: IndicatorLevel;
  schoolId?: string;
  stage?: Stage;
  regionCode?: string;
  /** Human label for reasons (e.g. the school name); falls back to schoolId. */
  label?: string;
}

/** Outcome of one indicator value against its threshold. */
export type IndicatorStatus = 'met' | 'not_met' | 'no_threshold' | 'no_data';

/** One computed indicator value, with everything needed to audit it. */
export interface IndicatorValue {
  code: string;
  scope: IndicatorScope;
  /** Numerator as counted (before the factor); for plain measures the measure itself. */
  numerator: number | null;
  /** Denominator; null for plain measures (a class size, a school size). */
  denominator: number | null;
  /** Unrounded value; null when it cannot be computed (see reason). */
  value: number | null;
  /** Why value is null (Chinese); null otherwise. */
  reason: string | null;
  /** The threshold version used, or null when none applies. */
  threshold: Threshold | null;
  status: IndicatorStatus;
  /** Caveats: thresholds ignored, variants used, data assumed (Chinese). */
  warnings: string[];
}

/** Thresholds and the date they are evaluated at; every computation takes one. */
export interface EvaluationContext {
  /** All threshold versions known to the district (national defaults plus local ones). */
  thresholds: readonly Threshold[];
  /** Date of evaluation 'YYYY-MM-DD' (usually the statistics date); picks threshold versions. */
  asOf: string;
}
