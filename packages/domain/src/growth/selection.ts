/**
 * Top-N selection of a round: rank the scored, unblocked applications by consolidated score (ties share a
 * rank and are ordered by earlier submission), select the best N, then apply the manual adjustments
 * (include / exclude, each with a reason). Blocked applications (师德 restrictions) are never selected.
 */

/** One application as the selection sees it. */
export interface SelectionCandidate {
  id: number;
  score: number | null;
  /** Submission order (earlier first on equal scores). */
  order: number;
  /** Why the teacher may not be selected (an active ethics restriction); null when free. */
  blockedReason: string | null;
  adjustment: 'include' | 'exclude' | null;
}

/** The outcome for one application. */
export interface SelectionOutcome {
  id: number;
  /** Competition rank among the scored, unblocked (1 = best); null when unscored or blocked. */
  rank: number | null;
  isSelected: boolean;
}

/** Ranks and selects; `target` is the round's quota (e.g. 100). */
export function selectTopN(candidates: readonly SelectionCandidate[], target: number): SelectionOutcome[] {
  const ranked = candidates
    .filter((c) => c.score !== null && c.blockedReason === null)
    .sort((a, b) => b.score! - a.score! || a.order - b.order);
  const rank = new Map<number, number>();
  ranked.forEach((c, i) => {
    const prev = ranked[i - 1];
    rank.set(c.id, prev && prev.score === c.score ? rank.get(prev.id)! : i + 1);
  });
  const byScore = new Set(ranked.slice(0, Math.max(0, target)).map((c) => c.id));
  return candidates.map((c) => {
    const isFree = c.blockedReason === null;
    let isSelected = byScore.has(c.id);
    if (c.adjustment === 'include' && isFree) isSelected = true;
    if (c.adjustment === 'exclude') isSelected = false;
    return { id: c.id, rank: rank.get(c.id) ?? null, isSelected: isSelected && isFree };
  });
}
