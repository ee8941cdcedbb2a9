/**
 * Evaluation of the county assessments: every item met, not met or undecidable (with a Chinese
 * reason), each part, and the overall verdict listing every failing item and why. All parts must
 * reach the standard; any undecidable item leaves the verdict 'incomplete' rather than 'met'.
 */
import type { StageBalanceResult } from './balanced-stage.ts';
import {
  ASSESSMENT_PART_LABELS,
  BALANCED_ASSESSMENT_ITEMS,
  PRESCHOOL_ASSESSMENT_ITEMS,
  type AssessmentItem,
  type AssessmentPart,
} from './assessment-items.ts';
import { describeIndicatorValue } from './format.ts';
import type { IndicatorValue } from './types.ts';

/** A manual decision on an item, with its evidence. */
export interface ManualItemEntry {
  met: boolean;
  /** What the decision rests on (document, inspection record); required. */
  evidence: string;
}

/** Everything an assessment is decided from. */
export interface AssessmentInput {
  /** Computed indicator values at any level (schools, stage parts, district). */
  values?: readonly IndicatorValue[];
  /** Manual entries by item key. */
  manual?: Readonly<Record<string, ManualItemEntry>>;
}

/** The 优质均衡 input may also carry the stage results of 资源配置 (their CVs, passing shares and school reasons). */
export interface BalancedAssessmentInput extends AssessmentInput {
  stageResults?: readonly StageBalanceResult[];
}

/** The decision on one item. */
export interface AssessmentItemResult {
  item: AssessmentItem;
  status: 'met' | 'not_met' | 'no_data';
  basis: 'computed' | 'manual' | 'none';
  /** Chinese reason. */
  reason: string;
  /** Further lines, e.g. each failing school. */
  details: string[];
  evidence: string | null;
  /** The computed values that decided the item. */
  values: IndicatorValue[];
}

/** Status of one part. */
export interface AssessmentPartResult {
  part: AssessmentPart;
  label: string;
  status: 'met' | 'not_met' | 'no_data';
  met: number;
  total: number;
}

/** The verdict of a county assessment. */
export interface AssessmentResult {
  verdict: 'met' | 'not_met' | 'incomplete';
  parts: AssessmentPartResult[];
  items: AssessmentItemResult[];
  /** Items not met, each with its reason. */
  failing: AssessmentItemResult[];
  /** Items that could not be decided. */
  missing: AssessmentItemResult[];
  /** One Chinese sentence. */
  summary: string;
}

const MAX_LISTED = 5;

function listValues(values: readonly IndicatorValue[]): string {
  const shown = values.slice(0, MAX_LISTED).map(describeIndicatorValue).join('；');
  return values.length > MAX_LISTED ? `${shown}；等共${values.length}项` : shown;
}

function decideManual(item: AssessmentItem, entry: ManualItemEntry | undefined, fallback: boolean): AssessmentItemResult {
  const base = { item, details: [], values: [] };
  const prefix = fallback ? '无计算数据，' : '';
  if (!entry) return { ...base, status: 'no_data', basis: 'none', reason: `${prefix}未录入判定`, evidence: null };
  if (entry.evidence.trim() === '')
    return { ...base, status: 'no_data', basis: 'manual', reason: `${prefix}人工判定缺少佐证材料`, evidence: null };
  const status = entry.met ? 'met' : 'not_met';
  return {
    ...base,
    status,
    basis: 'manual',
    reason: `${prefix}人工判定${entry.met ? '达标' : '未达标'}（佐证：${entry.evidence}）`,
    evidence: entry.evidence,
  };
}

/** Decides one item from the computed values, falling back to a manual entry when no value applies. */
export function evaluateAssessmentItem(item: AssessmentItem, input: AssessmentInput): AssessmentItemResult {
  const entry = input.manual?.[item.key];
  if (item.compute === 'manual') return decideManual(item, entry, false);
  const { codes, stages } = item.compute;
  const values = (input.values ?? []).filter(
    (v) => codes.includes(v.code) && (stages === undefined || (v.scope.stage !== undefined && stages.includes(v.scope.stage))),
  );
  if (values.length === 0) return decideManual(item, entry, true);
  const failing = values.filter((v) => v.status === 'not_met');
  const undecided = values.filter((v) => v.status === 'no_data' || v.status === 'no_threshold');
  const base = { item, basis: 'computed' as const, details: [], evidence: null, values };
  if (failing.length > 0) return { ...base, status: 'not_met', reason: listValues(failing) };
  if (undecided.length > 0) return { ...base, status: 'no_data', reason: listValues(undecided) };
  const reason = values.length === 1 ? describeIndicatorValue(values[0]!) : `${values.length}项数据全部达标`;
  return { ...base, status: 'met', reason };
}

function summarise(items: AssessmentItemResult[], name: string): AssessmentResult {
  const partsInOrder = [...new Set(items.map((r) => r.item.part))];
  const parts = partsInOrder.map((part) => {
    const rs = items.filter((r) => r.item.part === part);
    const status = rs.some((r) => r.status === 'not_met') ? 'not_met' : rs.some((r) => r.status === 'no_data') ? 'no_data' : 'met';
    return {
      part,
      label: ASSESSMENT_PART_LABELS[part],
      status,
      met: rs.filter((r) => r.status === 'met').length,
      total: rs.length,
    } as AssessmentPartResult;
  });
  const failing = items.filter((r) => r.status === 'not_met');
  const missing = items.filter((r) => r.status === 'no_data');
  const verdict = failing.length > 0 ? 'not_met' : missing.length > 0 ? 'incomplete' : 'met';
  const label = (r: AssessmentItemResult) => `${ASSESSMENT_PART_LABELS[r.item.part]}第${r.item.number}项“${r.item.name}”`;
  const summary =
    verdict === 'met'
      ? `${name}：全部${items.length}项达标`
      : verdict === 'not_met'
        ? `${name}：${failing.length}项未达标：${failing.map(label).join('、')}${missing.length > 0 ? `；另有${missing.length}项无法判定` : ''}`
        : `${name}：无未达标项，但${missing.length}项无法判定：${missing.map(label).join('、')}`;
  return { verdict, parts, items, failing, missing, summary };
}

/** Evaluates the 优质均衡 assessment (资源配置, 15 + 9 items, 社会认可度, vetoes). */
export function evaluateBalancedAssessment(input: BalancedAssessmentInput): AssessmentResult {
  const stageValues = (input.stageResults ?? []).flatMap((r) => [...r.cvs, r.passingShare]);
  const merged: AssessmentInput = { ...input, values: [...(input.values ?? []), ...stageValues] };
  const items = BALANCED_ASSESSMENT_ITEMS.map((item) => {
    const r = evaluateAssessmentItem(item, merged);
    if (item.key === 'balanced.resource.1') {
      r.details = (input.stageResults ?? []).flatMap((s) =>
        s.schools.filter((x) => x.verdict.status !== 'pass').map((x) => x.verdict.reason),
      );
    }
    return r;
  });
  return summarise(items, '义务教育优质均衡');
}

/** Evaluates the 学前普及普惠 assessment (3 + 11 + 6 items and 社会认可度). */
export function evaluatePreschoolAssessment(input: AssessmentInput): AssessmentResult {
  return summarise(
    PRESCHOOL_ASSESSMENT_ITEMS.map((item) => evaluateAssessmentItem(item, input)),
    '学前教育普及普惠',
  );
}
