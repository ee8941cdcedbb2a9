/**
 * Strengths and problems of one school's result, drawn from the consolidated check points and the
 * inspectors' notes: a "no" answer or a check point below 75 % of its maximum is a problem (vetoes
 * first, then the weakest); a check point at 90 % or more that an inspector wrote a note on is a
 * strength. Pure.
 */
import { areaCodeOf, type Consolidation, type RubricTemplate } from '@zhiping/domain';

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

/** The strengths and problems of a consolidation. */
export function deriveFindings(template: RubricTemplate, c: Consolidation): { strengths: FindingData[]; problems: FindingData[] } {
  const areaTitles = new Map(template.nodes.map((a) => [a.code, a.title] as const));
  const vetoCodes = new Set<string>();
  const walk = (nodes: RubricTemplate['nodes']) => {
    for (const n of nodes) {
      if (n.isVeto) vetoCodes.add(n.code);
      if (n.children) walk(n.children);
    }
  };
  walk(template.nodes);
  const strengths: (FindingData & { share: number })[] = [];
  const problems: (FindingData & { share: number; isVeto: boolean })[] = [];
  for (const p of c.points) {
    const input = p.final.input;
    const isNo = input.kind === 'yes_no' && !input.yes;
    const shareOf = (points: number, i: { kind: string; yes?: boolean }) =>
      p.maxPoints > 0 ? points / p.maxPoints : i.kind === 'yes_no' && !i.yes ? 0 : 1;
    const share = shareOf(p.final.points, input);
    // Praise comes from inspectors who scored high; problem notes from the others (and the lead's decision).
    const notesWhere = (isHigh: boolean) =>
      p.scores.filter((s) => shareOf(s.points, s.input as { kind: string; yes?: boolean }) >= STRENGTH_SHARE === isHigh).map((s) => s.note);
    const clean = (notes: (string | undefined)[]) => [...new Set(notes.filter((n): n is string => !!n && n.trim() !== ''))];
    const base = {
      code: p.code,
      title: p.title,
      areaTitle: areaTitles.get(areaCodeOf(p.code)) ?? '',
      points: p.final.points,
      maxPoints: p.maxPoints,
    };
    if (isNo || share < PROBLEM_SHARE) {
      const notes = clean([p.override?.reason ? p.final.note : undefined, ...notesWhere(false)]);
      const note = notes.join('；') || (isNo ? '未达到要求' : `得分率 ${Math.round(share * 100)}%`);
      problems.push({ ...base, note, share, isVeto: vetoCodes.has(p.code) && isNo });
    } else if (share >= STRENGTH_SHARE) {
      const notes = clean(notesWhere(true));
      if (notes.length > 0) strengths.push({ ...base, note: notes.join('；'), share });
    }
  }
  const strip = <T extends FindingData>({ code, title, areaTitle, points, maxPoints, note }: T): FindingData => ({
    code,
    title,
    areaTitle,
    points,
    maxPoints,
    note,
  });
  return {
    strengths: strengths.sort((a, b) => b.share - a.share).map(strip),
    problems: problems.sort((a, b) => Number(b.isVeto) - Number(a.isVeto) || a.share - b.share).map(strip),
  };
}
