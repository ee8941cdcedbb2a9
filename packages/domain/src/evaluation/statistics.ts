/** Campaign statistics: distribution by band, ranking with ties, area averages, weakest check points, and comparison with a previous campaign. */
import type { EvaluationResult } from './aggregation.ts';
import { meanOf, roundPoints } from './numbers.ts';
import { flattenRubric, type RubricTemplate } from './rubric.ts';
import { mapScores, type VersionMapping } from './versioning.ts';

/** One school's result in a campaign. */
export interface CampaignResult {
  schoolId: string;
  result: EvaluationResult;
}

/** How many schools fell in each band (or pass/fail for checklists). */
export interface BandDistribution {
  /** In band order; percent of the graded (complete) results, one decimal. */
  bands: { label: string; count: number; percent: number }[];
  /** Results failed by a veto (also counted in their band). */
  vetoed: number;
  /** Results still incomplete, left out of the bands. */
  incomplete: number;
  graded: number;
}

/** Counts the complete results by final band (by verdict for 'all_yes' templates). */
export function bandDistribution(template: RubricTemplate, results: readonly CampaignResult[]): BandDistribution {
  const labels =
    template.passRule === 'bands'
      ? template.bands.map((b) => b.label)
      : [template.verdictLabels?.pass ?? '合格', template.verdictLabels?.fail ?? '不合格'];
  const graded = results.filter((r) => r.result.verdict !== 'incomplete');
  const labelOf = (r: EvaluationResult) => (template.passRule === 'bands' ? r.band : r.verdictLabel);
  const bands = labels.map((label) => {
    const count = graded.filter((r) => labelOf(r.result) === label).length;
    return { label, count, percent: graded.length > 0 ? Math.round((count / graded.length) * 1000) / 10 : 0 };
  });
  return {
    bands,
    vetoed: results.filter((r) => r.result.vetoesHit.length > 0).length,
    incomplete: results.length - graded.length,
    graded: graded.length,
  };
}

/** A school to rank. */
export interface RankEntry {
  schoolId: string;
  total: number;
  /** Vetoed schools rank after every other school, whatever their total. */
  isVetoed?: boolean;
}

/** Standard competition ranking (1, 2, 2, 4) by total, highest first; equal totals share a rank and are listed by school id. */
export function rankSchools(entries: readonly RankEntry[]): (RankEntry & { rank: number })[] {
  const key = (e: RankEntry) => [e.isVetoed ? 1 : 0, -roundPoints(e.total)] as const;
  const sorted = [...entries].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || (a.schoolId < b.schoolId ? -1 : a.schoolId > b.schoolId ? 1 : 0);
  });
  let rank = 0;
  return sorted.map((e, i) => {
    const prev = sorted[i - 1];
    const isTie = prev !== undefined && key(prev)[0] === key(e)[0] && key(prev)[1] === key(e)[1];
    if (!isTie) rank = i + 1;
    return { ...e, rank };
  });
}

/** Ranks a campaign's results (vetoed results last). */
export function rankResults(results: readonly CampaignResult[]): (RankEntry & { rank: number })[] {
  return rankSchools(results.map((r) => ({ schoolId: r.schoolId, total: r.result.total, isVetoed: r.result.vetoesHit.length > 0 })));
}

/** Mean points and percent of each area across the schools of a campaign. */
export function areaAverages(
  template: RubricTemplate,
  results: readonly CampaignResult[],
): { code: string; title: string; maxPoints: number; meanPoints: number; meanPercent: number | null }[] {
  return template.nodes.map((area) => {
    const points = results.flatMap((r) => r.result.areas.filter((a) => a.code === area.code).map((a) => a.points));
    const meanPoints = roundPoints(meanOf(points));
    return {
      code: area.code,
      title: area.title,
      maxPoints: area.maxPoints,
      meanPoints,
      meanPercent: area.maxPoints > 0 && points.length > 0 ? Math.round((meanPoints / area.maxPoints) * 1000) / 10 : null,
    };
  });
}

/** A check point's performance across a campaign. */
export interface CheckpointPerformance {
  code: string;
  title: string;
  areaCode: string;
  maxPoints: number;
  /** Mean of (points ÷ max) over the schools that scored it, as a percent with one decimal. */
  meanPercent: number;
  schoolsScored: number;
}

/** The check points with the lowest mean share of their maximum, weakest first (ties in template order); 0-point gates are left out. */
export function weakestCheckpoints(template: RubricTemplate, results: readonly CampaignResult[], limit = 10): CheckpointPerformance[] {
  const rows = flattenRubric(template).flatMap(({ node, areaCode }, order) => {
    if (node.kind !== 'checkpoint' || node.maxPoints <= 0) return [];
    const shares = results.flatMap((r) =>
      r.result.nodes.filter((n) => n.code === node.code && n.scoredCheckpoints > 0).map((n) => n.points / node.maxPoints),
    );
    if (shares.length === 0) return [];
    return [
      {
        order,
        row: {
          code: node.code,
          title: node.title,
          areaCode,
          maxPoints: node.maxPoints,
          meanPercent: Math.round(meanOf(shares) * 1000) / 10,
          schoolsScored: shares.length,
        },
      },
    ];
  });
  return rows
    .sort((a, b) => a.row.meanPercent - b.row.meanPercent || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.row);
}

/** One school compared with its previous result. */
export interface SchoolTrend {
  schoolId: string;
  current: number;
  /** The previous total on the current scale (through the mapping), or null when the school was not evaluated then. */
  previous: number | null;
  change: number | null;
}

/** Inputs of compareWithPrevious. */
export interface CampaignComparisonInput {
  current: readonly CampaignResult[];
  previous: readonly CampaignResult[];
  /** Required when the previous campaign used another version of the family. */
  mapping?: VersionMapping;
}

/** Compares a campaign with the previous one on the same family, school by school, normalising old results through the mapping. */
export function compareWithPrevious(input: CampaignComparisonInput): {
  schools: SchoolTrend[];
  compared: number;
  meanCurrent: number | null;
  meanPrevious: number | null;
  meanChange: number | null;
  previousOnly: string[];
} {
  const previousBySchool = new Map(input.previous.map((p) => [p.schoolId, p.result] as const));
  const schools = input.current.map(({ schoolId, result }): SchoolTrend => {
    const old = previousBySchool.get(schoolId);
    if (!old) return { schoolId, current: result.total, previous: null, change: null };
    if (!input.mapping && (old.family !== result.family || old.version !== result.version)) {
      throw new Error(`comparing ${old.family} v${old.version} with ${result.family} v${result.version} needs a version mapping`);
    }
    const previous = input.mapping ? mapScores(old, input.mapping).normalizedTotal : old.total;
    return { schoolId, current: result.total, previous, change: previous === null ? null : roundPoints(result.total - previous) };
  });
  const compared = schools.filter((s): s is SchoolTrend & { previous: number; change: number } => s.previous !== null);
  const currentIds = new Set(input.current.map((c) => c.schoolId));
  const mean = (xs: number[]) => (xs.length > 0 ? roundPoints(meanOf(xs)) : null);
  return {
    schools,
    compared: compared.length,
    meanCurrent: mean(compared.map((s) => s.current)),
    meanPrevious: mean(compared.map((s) => s.previous)),
    meanChange: mean(compared.map((s) => s.change)),
    previousOnly: input.previous.map((p) => p.schoolId).filter((id) => !currentIds.has(id)),
  };
}
