/**
 * Turns a score sheet into an evaluation result: points per node, total, band (with per-area
 * minimums), veto items hit, verdict, and what is still missing before the sheet can be submitted.
 */
import { roundPoints } from './numbers.ts';
import { flattenRubric, type GradeBand, type RubricNodeKind, type RubricTemplate } from './rubric.ts';
import { isNoAnswer, pointsForScore, validateScore, type CheckpointScore } from './scoring.ts';

/** Points of one node of the tree. */
export interface NodeScore {
  code: string;
  kind: RubricNodeKind;
  title: string;
  /** Points earned by the scored check points below (or of this check point). */
  points: number;
  maxPoints: number;
  /** points ÷ maxPoints × 100, one decimal (null when the node is worth 0 points). */
  percent: number | null;
  scoredCheckpoints: number;
  totalCheckpoints: number;
}

/** Why a band was not given although the total reached it. */
export interface BandDemotion {
  band: string;
  areaCode: string;
  areaTitle: string;
  minimum: number;
  actual: number;
}

/** pass / fail, or incomplete while check points are missing or invalid (a veto hit fails at once). */
export type Verdict = 'pass' | 'fail' | 'incomplete';

/** The result of one evaluation of one school on one template version. */
export interface EvaluationResult {
  family: string;
  version: number;
  passRule: RubricTemplate['passRule'];
  total: number;
  scale: number;
  /** Every node in tree order. */
  nodes: NodeScore[];
  /** The areas (一级指标) only. */
  areas: NodeScore[];
  /** The band the total alone reaches (null for 'all_yes'). */
  bandByTotal: string | null;
  /** The band once area minimums and vetoes are applied (null for 'all_yes'). */
  band: string | null;
  /** Bands skipped because an area was below its minimum, highest first. */
  demotions: BandDemotion[];
  vetoesHit: { code: string; title: string }[];
  /** Check points answered "no" (the failed items of a checklist; veto items included). */
  noAnswers: { code: string; title: string; note?: string }[];
  verdict: Verdict;
  verdictLabel: string;
  /** Check points without a (valid) score. */
  missing: string[];
  invalid: { code: string; problems: string[] }[];
  /** Codes on the sheet that are not check points of the template. */
  unknownCodes: string[];
  /** Scored check points that require evidence but have none attached. */
  evidenceMissing: string[];
  /** Share of check points with a valid score, 0–100, one decimal. */
  completeness: number;
  /** Nothing missing, invalid, unknown or lacking evidence: the sheet may be submitted. */
  isComplete: boolean;
}

/** Aggregates a score sheet against its template. Missing check points earn 0 and make the verdict 'incomplete' unless a veto already failed it. */
export function aggregateScores(template: RubricTemplate, scores: readonly CheckpointScore[]): EvaluationResult {
  const flat = flattenRubric(template);
  const byCode = new Map<string, CheckpointScore[]>();
  for (const s of scores) byCode.set(s.code, [...(byCode.get(s.code) ?? []), s]);

  const checkpointCodes = new Set(flat.filter((f) => f.node.kind === 'checkpoint').map((f) => f.node.code));
  const unknownCodes = [...byCode.keys()].filter((c) => !checkpointCodes.has(c));
  const earned = new Map<string, number>();
  const missing: string[] = [];
  const invalid: EvaluationResult['invalid'] = [];
  const evidenceMissing: string[] = [];
  const vetoesHit: EvaluationResult['vetoesHit'] = [];
  const noAnswers: EvaluationResult['noAnswers'] = [];

  for (const { node } of flat) {
    if (node.kind !== 'checkpoint') continue;
    const entries = byCode.get(node.code) ?? [];
    if (entries.length === 0) {
      missing.push(node.code);
      continue;
    }
    if (entries.length > 1) {
      invalid.push({ code: node.code, problems: ['同一要点有多条评分'] });
      missing.push(node.code);
      continue;
    }
    const score = entries[0]!;
    const points = pointsForScore(node, score);
    if (points === null) {
      invalid.push({ code: node.code, problems: validateScore(node, score) });
      missing.push(node.code);
      continue;
    }
    earned.set(node.code, points);
    if (node.requiresEvidence && !(score.evidenceCount && score.evidenceCount > 0)) evidenceMissing.push(node.code);
    if (isNoAnswer(score)) {
      noAnswers.push({ code: node.code, title: node.title, ...(score.note ? { note: score.note } : {}) });
      if (node.isVeto) vetoesHit.push({ code: node.code, title: node.title });
    }
  }

  const nodes: NodeScore[] = flat.map(({ node }) => {
    const below = node.kind === 'checkpoint' ? [node.code] : [...checkpointCodes].filter((c) => c.startsWith(`${node.code}.`));
    const scored = below.filter((c) => earned.has(c));
    const points = roundPoints(scored.reduce((s, c) => s + earned.get(c)!, 0));
    const percent = node.maxPoints > 0 ? Math.round((points / node.maxPoints) * 1000) / 10 : null;
    return {
      code: node.code,
      kind: node.kind,
      title: node.title,
      points,
      maxPoints: node.maxPoints,
      percent,
      scoredCheckpoints: scored.length,
      totalCheckpoints: below.length,
    };
  });
  const areas = nodes.filter((n) => n.kind === 'area');
  const total = roundPoints(areas.reduce((s, a) => s + a.points, 0));
  const completeness = checkpointCodes.size === 0 ? 100 : Math.round((earned.size / checkpointCodes.size) * 1000) / 10;
  const isIncomplete = missing.length > 0;
  const base = {
    family: template.family,
    version: template.version,
    passRule: template.passRule,
    total,
    scale: template.scale,
    nodes,
    areas,
  };
  const lists = { vetoesHit, noAnswers, missing, invalid, unknownCodes, evidenceMissing, completeness };
  const isComplete = !isIncomplete && unknownCodes.length === 0 && evidenceMissing.length === 0;

  if (template.passRule === 'all_yes') {
    const labels = template.verdictLabels ?? { pass: '合格', fail: '不合格' };
    const verdict: Verdict = noAnswers.length > 0 ? 'fail' : isIncomplete ? 'incomplete' : 'pass';
    const verdictLabel = verdict === 'pass' ? labels.pass : verdict === 'fail' ? labels.fail : '未完成';
    return { ...base, bandByTotal: null, band: null, demotions: [], verdict, verdictLabel, ...lists, isComplete };
  }

  const { bandByTotal, band, demotions } = assignBand(template.bands, total, areas);
  // A veto fails the evaluation whatever the score: the final band is the lowest (failing) band.
  const finalBand = vetoesHit.length > 0 ? template.bands.at(-1)! : band;
  const verdict: Verdict = vetoesHit.length > 0 ? 'fail' : isIncomplete ? 'incomplete' : finalBand.isPassing ? 'pass' : 'fail';
  const verdictLabel = verdict === 'incomplete' ? '未完成' : vetoesHit.length > 0 ? `${finalBand.label}（一票否决）` : finalBand.label;
  return { ...base, bandByTotal: bandByTotal.label, band: finalBand.label, demotions, verdict, verdictLabel, ...lists, isComplete };
}

/** The highest band whose total and area minimums all hold, with the bands skipped on the way. Bands are validated to end at 0 points. */
export function assignBand(
  bands: readonly GradeBand[],
  total: number,
  areas: readonly NodeScore[],
): { bandByTotal: GradeBand; band: GradeBand; demotions: BandDemotion[] } {
  const reached = bands.filter((b) => total >= b.minTotal);
  const lowest = bands.at(-1)!;
  const bandByTotal = reached[0] ?? lowest;
  const demotions: BandDemotion[] = [];
  for (const b of reached) {
    const short = Object.entries(b.areaMinimums ?? {}).flatMap(([areaCode, minimum]) => {
      const area = areas.find((a) => a.code === areaCode);
      const actual = area?.points ?? 0;
      return actual >= minimum ? [] : [{ band: b.label, areaCode, areaTitle: area?.title ?? areaCode, minimum, actual }];
    });
    if (short.length === 0) return { bandByTotal, band: b, demotions };
    demotions.push(...short);
  }
  return { bandByTotal, band: lowest, demotions };
}
