/**
 * Ranking of consolidated applications and the award list. Order: (1) consolidated score, higher
 * first; (2) the untrimmed mean of all reviewers, higher first; (3) the criteria means in rubric order
 * (the first criterion, 创新性 by default, weighs most), higher first; (4) earlier submission first;
 * (5) lower application id. Every application gets a distinct rank; `isTie` marks those whose score
 * and untrimmed mean equal the one above (so the page can say a tie-break decided). Excluded
 * applications (upheld objection, ethics restriction) keep their place in the list but get no rank.
 */
import type { AwardGrade, AwardRules } from './award-rules.ts';

/** One consolidated application as the ranking needs it. */
export interface RankInput {
  id: number;
  score: number;
  rawMean: number;
  /** Mean points per criterion in rubric order. */
  criterionMeans: readonly number[];
  /** ISO timestamp of submission. */
  submittedAt: string;
  /** Set when the application may not be ranked or awarded, with the reason. */
  excludedReason?: string | null;
}

/** One ranked application. */
export interface Ranked {
  id: number;
  rank: number | null;
  isTie: boolean;
  grade: AwardGrade | null;
}

const EPS = 1e-9;

/** Compares two applications by the documented order (negative: a ranks before b). */
export function compareForRank(a: RankInput, b: RankInput): number {
  if (Math.abs(a.score - b.score) > EPS) return b.score - a.score;
  if (Math.abs(a.rawMean - b.rawMean) > EPS) return b.rawMean - a.rawMean;
  const n = Math.max(a.criterionMeans.length, b.criterionMeans.length);
  for (let i = 0; i < n; i += 1) {
    const d = (b.criterionMeans[i] ?? 0) - (a.criterionMeans[i] ?? 0);
    if (Math.abs(d) > EPS) return d;
  }
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id - b.id;
}

/** Ranks applications and assigns grades: the first `first` ranks 一等, then 二等, then 三等, above minAwardScore. */
export function rankApplications(items: readonly RankInput[], rules: Pick<AwardRules, 'gradeQuotas' | 'minAwardScore'>): Ranked[] {
  const eligible = items.filter((i) => !i.excludedReason).sort(compareForRank);
  const q = rules.gradeQuotas;
  const out: Ranked[] = eligible.map((item, index) => {
    const prev = eligible[index - 1];
    const isTie = !!prev && Math.abs(prev.score - item.score) <= EPS && Math.abs(prev.rawMean - item.rawMean) <= EPS;
    const rank = index + 1;
    let grade: AwardGrade | null = null;
    if (item.score + EPS >= rules.minAwardScore) {
      if (rank <= q.first) grade = 'first';
      else if (rank <= q.first + q.second) grade = 'second';
      else if (rank <= q.first + q.second + q.third) grade = 'third';
    }
    return { id: item.id, rank, isTie, grade };
  });
  for (const i of items.filter((x) => x.excludedReason)) out.push({ id: i.id, rank: null, isTie: false, grade: null });
  return out;
}
