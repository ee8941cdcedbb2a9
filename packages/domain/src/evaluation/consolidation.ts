/**
 * Team consolidation (合议): each inspector scores on site independently; per check point we compute
 * mean, min, max and spread, highlight large disagreements, and propose one score the lead inspector
 * accepts or overrides with a mandatory reason.
 *
 * The proposal is the median with three or more inspectors (one outlier cannot drag it) and the mean
 * with one or two (for two the median is the mean anyway). It is then snapped to a value the method
 * allows: the nearest step, level or threshold, an exact half going to the lower value so a school
 * never gains from a disagreement. Yes/no items go by majority; an even split proposes "no" and must
 * be decided by the lead.
 */
import { meanOf, medianOf, roundPoints } from './numbers.ts';
import { listCheckpoints, type RubricNode, type RubricTemplate } from './rubric.ts';
import { pointsForScore, validateScore, type CheckpointScore, type ScoreInput } from './scoring.ts';

/** One inspector's independent score sheet. */
export interface InspectorSheet {
  inspectorId: string;
  scores: readonly CheckpointScore[];
}

/** Options of consolidateScores. */
export interface ConsolidationOptions {
  /** A spread above this share of the check point's maximum is flagged (default 0.2, i.e. 20 %). */
  disagreementRatio?: number;
}

/** A score as it will be recorded. */
export interface SettledScore {
  input: ScoreInput;
  points: number;
  note?: string;
  evidenceCount?: number;
}

/** The lead inspector's decision replacing the proposal. */
export interface LeadOverride {
  by: string;
  reason: string;
  /** When it was decided (ISO timestamp supplied by the caller). */
  at: string;
  /** The proposal it replaced. */
  replaced: SettledScore;
}

/** The consolidation of one check point. */
export interface ConsolidatedPoint {
  code: string;
  title: string;
  maxPoints: number;
  scores: { inspectorId: string; points: number; input: ScoreInput; note?: string }[];
  invalid: { inspectorId: string; problems: string[] }[];
  mean: number;
  min: number;
  max: number;
  spread: number;
  /** Spread above the ratio of the maximum, or yes/no answers that differ. */
  isFlagged: boolean;
  /** A yes/no item split evenly: the lead must decide. */
  isTie: boolean;
  rule: 'median' | 'mean' | 'majority';
  proposed: SettledScore;
  override?: LeadOverride;
  /** The override when there is one, else the proposal. */
  final: SettledScore;
}

/** The consolidation of a team's sheets. */
export interface Consolidation {
  family: string;
  version: number;
  points: ConsolidatedPoint[];
  /** Check points no inspector scored validly. */
  notScored: string[];
  flagged: string[];
  /** Ties the lead has not decided yet; the consolidation cannot be finalised while any remain. */
  unresolved: string[];
}

/** An override requested by the lead inspector. */
export interface LeadOverrideRequest {
  code: string;
  by: string;
  reason: string;
  at: string;
  input: ScoreInput;
  note?: string;
  evidenceCount?: number;
}

/** Consolidates the independent sheets of a team, check point by check point, in template order. */
export function consolidateScores(
  template: RubricTemplate,
  sheets: readonly InspectorSheet[],
  options: ConsolidationOptions = {},
): Consolidation {
  const ratio = options.disagreementRatio ?? 0.2;
  const points: ConsolidatedPoint[] = [];
  const notScored: string[] = [];
  for (const node of listCheckpoints(template)) {
    const scores: ConsolidatedPoint['scores'] = [];
    const invalid: ConsolidatedPoint['invalid'] = [];
    let evidenceCount = 0;
    for (const sheet of sheets) {
      const score = sheet.scores.find((s) => s.code === node.code);
      if (!score) continue;
      const p = pointsForScore(node, score);
      if (p === null) invalid.push({ inspectorId: sheet.inspectorId, problems: validateScore(node, score) });
      else scores.push({ inspectorId: sheet.inspectorId, points: p, input: score.input, ...(score.note ? { note: score.note } : {}) });
      evidenceCount = Math.max(evidenceCount, score.evidenceCount ?? 0);
    }
    if (scores.length === 0) {
      notScored.push(node.code);
      continue;
    }
    points.push(consolidatePoint(node, scores, invalid, evidenceCount, ratio));
  }
  return summarise(template, points, notScored);
}

function consolidatePoint(
  node: RubricNode,
  scores: ConsolidatedPoint['scores'],
  invalid: ConsolidatedPoint['invalid'],
  evidenceCount: number,
  ratio: number,
): ConsolidatedPoint {
  const values = scores.map((s) => s.points);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const stats = { mean: roundPoints(meanOf(values)), min, max, spread: roundPoints(max - min) };
  const evidence = evidenceCount > 0 ? { evidenceCount } : {};
  const notes = scores.filter((s) => s.note).map((s) => s.note!);
  const method = node.method!;
  if (method.kind === 'yes_no') {
    const yes = scores.filter((s) => s.input.kind === 'yes_no' && s.input.yes).length;
    const no = scores.length - yes;
    const isYes = yes > no;
    const noNotes = scores.filter((s) => s.input.kind === 'yes_no' && !s.input.yes && s.note).map((s) => s.note!);
    const proposed: SettledScore = {
      input: { kind: 'yes_no', yes: isYes },
      points: isYes ? method.yesPoints : method.noPoints,
      ...(isYes || noNotes.length === 0 ? {} : { note: noNotes.join('；') }),
      ...evidence,
    };
    return {
      ...base(node, scores, invalid),
      ...stats,
      isFlagged: yes > 0 && no > 0,
      isTie: yes === no,
      rule: 'majority',
      proposed,
      final: proposed,
    };
  }
  const rule = scores.length >= 3 ? 'median' : 'mean';
  const centre = rule === 'median' ? medianOf(values) : meanOf(values);
  const noteText = notes.length > 0 ? { note: notes.join('；') } : {};
  let proposed: SettledScore;
  switch (method.kind) {
    case 'points': {
      const steps = (centre - method.min) / method.step;
      // Round to the nearest step; an exact half goes down (the 1e-9 absorbs float noise).
      const snapped = roundPoints(method.min + Math.ceil(steps - 0.5 - 1e-9) * method.step);
      proposed = { input: { kind: 'points', points: snapped }, points: snapped, ...noteText, ...evidence };
      break;
    }
    case 'levels': {
      const level = nearestBelowOnTie(method.levels, centre, (l) => l.points);
      proposed = { input: { kind: 'level', label: level.label }, points: level.points, ...noteText, ...evidence };
      break;
    }
    case 'computed': {
      const first = scores[0]!.input;
      const isSameValue = scores.every((s) => s.input.kind === 'computed' && first.kind === 'computed' && s.input.value === first.value);
      if (isSameValue) {
        proposed = { input: first, points: scores[0]!.points, ...noteText, ...evidence };
      } else {
        const allowed = [...method.thresholds.map((t) => ({ points: t.points })), { points: method.otherwise }];
        const snapped = nearestBelowOnTie(allowed, centre, (a) => a.points).points;
        proposed = {
          input: { kind: 'points', points: snapped },
          points: snapped,
          note: ['合议：各督学得分不一致，取建议分', ...notes].join('；'),
          ...evidence,
        };
      }
      break;
    }
  }
  const isFlagged = stats.spread > ratio * node.maxPoints + 1e-9;
  return { ...base(node, scores, invalid), ...stats, isFlagged, isTie: false, rule, proposed, final: proposed };
}

function base(node: RubricNode, scores: ConsolidatedPoint['scores'], invalid: ConsolidatedPoint['invalid']) {
  return { code: node.code, title: node.title, maxPoints: node.maxPoints, scores, invalid };
}

/** The option nearest to a value; on an exact tie the lower one. */
function nearestBelowOnTie<T>(options: readonly T[], value: number, pointsOf: (o: T) => number): T {
  let best = options[0] as T;
  for (const o of options) {
    const [d, bestD] = [Math.abs(pointsOf(o) - value), Math.abs(pointsOf(best) - value)];
    if (d < bestD - 1e-9 || (Math.abs(d - bestD) <= 1e-9 && pointsOf(o) < pointsOf(best))) best = o;
  }
  return best;
}

function summarise(template: RubricTemplate, points: ConsolidatedPoint[], notScored: string[]): Consolidation {
  return {
    family: template.family,
    version: template.version,
    points,
    notScored,
    flagged: points.filter((p) => p.isFlagged).map((p) => p.code),
    unresolved: points.filter((p) => p.isTie && !p.override).map((p) => p.code),
  };
}

/** Applies the lead inspector's override: a reason is mandatory and the new score must be valid; the replaced proposal is kept. */
export function overrideConsolidatedPoint(
  template: RubricTemplate,
  consolidation: Consolidation,
  request: LeadOverrideRequest,
): { ok: true; consolidation: Consolidation } | { ok: false; message: string } {
  if (!request.reason.trim()) return { ok: false, message: '组长调整合议分须填写理由' };
  const node = listCheckpoints(template).find((n) => n.code === request.code);
  if (!node) return { ok: false, message: `模板中没有评估要点 ${request.code}` };
  const score: CheckpointScore = { code: request.code, input: request.input, ...(request.note ? { note: request.note } : {}) };
  const problems = validateScore(node, score);
  if (problems.length > 0) return { ok: false, message: problems.join('；') };
  const settled: SettledScore = {
    input: request.input,
    points: pointsForScore(node, score)!,
    ...(request.note ? { note: request.note } : {}),
    ...(request.evidenceCount ? { evidenceCount: request.evidenceCount } : {}),
  };
  const existing = consolidation.points.find((p) => p.code === request.code);
  // A check point nobody scored can still be scored by the lead; it then has no inspector scores.
  const empty: SettledScore = { input: request.input, points: 0 };
  const current: ConsolidatedPoint = existing ?? {
    ...base(node, [], []),
    mean: 0,
    min: 0,
    max: 0,
    spread: 0,
    isFlagged: false,
    isTie: false,
    rule: 'mean',
    proposed: empty,
    final: empty,
  };
  const updated: ConsolidatedPoint = {
    ...current,
    override: { by: request.by, reason: request.reason.trim(), at: request.at, replaced: current.proposed },
    final: settled,
  };
  const order = listCheckpoints(template).map((n) => n.code);
  const points = [...consolidation.points.filter((p) => p.code !== request.code), updated].sort(
    (a, b) => order.indexOf(a.code) - order.indexOf(b.code),
  );
  return {
    ok: true,
    consolidation: summarise(
      template,
      points,
      consolidation.notScored.filter((c) => c !== request.code),
    ),
  };
}

/** The consolidated score sheet (final scores), ready for aggregateScores. */
export function consolidatedScores(consolidation: Consolidation): CheckpointScore[] {
  return consolidation.points.map((p) => ({
    code: p.code,
    input: p.final.input,
    ...(p.final.note ? { note: p.final.note } : {}),
    ...(p.final.evidenceCount ? { evidenceCount: p.final.evidenceCount } : {}),
  }));
}
