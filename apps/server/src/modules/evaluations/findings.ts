/**
 * Strengths and problems of one school's result, drawn from the consolidated check points and the
 * inspectors' notes: a "no" answer or a check point below 75 % of its maximum is a problem (vetoes
 * first, then the weakest); a check point at 90 % or more that an inspector wrote a note on is a
 * strength. Pure.
 */
import { areaCodeOf, type ConsolidatedPoint, type Consolidation, type RubricTemplate } from '@zhiping/domain';

/** One finding as stored with the result. */
export interface FindingData {
  code: string;
  title: string;
  areaTitle: string;
  points: number;
  maxPoints: number;
  note: string;
}

/** Below this share of the maximum a check point is a problem. */
export const PROBLEM_SHARE = 0.75;
/** From this share on, a check point with a note is a strength. */
export const STRENGTH_SHARE = 0.9;

type Answer = { kind: string; yes?: boolean };

/** Share of a check point's maximum a score reaches (a 0-point item: 1 unless answered "no"). */
function shareOf(points: number, maxPoints: number, input: Answer): number {
  return maxPoints > 0 ? points / maxPoints : input.kind === 'yes_no' && !input.yes ? 0 : 1;
}

/** The distinct non-empty notes of the inspectors whose own score is high (or not). */
function notesOf(point: ConsolidatedPoint, isHigh: boolean, extra?: string): string[] {
  const out = new Set<string>();
  if (extra?.trim()) out.add(extra);
  for (const s of point.scores) {
    if (!s.note?.trim()) continue;
    if (shareOf(s.points, point.maxPoints, s.input as Answer) >= STRENGTH_SHARE === isHigh) out.add(s.note);
  }
  return [...out];
}

/** The veto check point codes of a template. */
function vetoCodesOf(nodes: RubricTemplate['nodes'], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.isVeto) out.add(n.code);
    if (n.children) vetoCodesOf(n.children, out);
  }
  return out;
}

const strip = ({ code, title, areaTitle, points, maxPoints, note }: FindingData): FindingData => ({
  code,
  title,
  areaTitle,
  points,
  maxPoints,
  note,
});

/** The strengths and problems of a consolidation. Praise comes from inspectors who scored high; problem notes from the others (and the lead's decision). */
export function deriveFindings(template: RubricTemplate, c: Consolidation): { strengths: FindingData[]; problems: FindingData[] } {
  const areaTitles = new Map(template.nodes.map((a) => [a.code, a.title] as const));
  const vetoCodes = vetoCodesOf(template.nodes);
  const strengths: (FindingData & { share: number })[] = [];
  const problems: (FindingData & { share: number; isVeto: boolean })[] = [];
  for (const p of c.points) {
    const input = p.final.input;
    const isNo = input.kind === 'yes_no' && !input.yes;
    const share = shareOf(p.final.points, p.maxPoints, input);
    const base = {
      code: p.code,
      title: p.title,
      areaTitle: areaTitles.get(areaCodeOf(p.code)) ?? '',
      points: p.final.points,
      maxPoints: p.maxPoints,
    };
    if (isNo || share < PROBLEM_SHARE) {
      const note =
        notesOf(p, false, p.override ? p.final.note : undefined).join('；') || (isNo ? '未达到要求' : `得分率 ${Math.round(share * 100)}%`);
      problems.push({ ...base, note, share, isVeto: vetoCodes.has(p.code) && isNo });
    } else if (share >= STRENGTH_SHARE) {
      const notes = notesOf(p, true);
      if (notes.length > 0) strengths.push({ ...base, note: notes.join('；'), share });
    }
  }
  return {
    strengths: strengths.sort((a, b) => b.share - a.share).map(strip),
    problems: problems.sort((a, b) => Number(b.isVeto) - Number(a.isVeto) || a.share - b.share).map(strip),
  };
}
