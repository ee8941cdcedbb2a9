/**
 * Consolidation of reviewer scores in a selection round: the mean of the scores, dropping the highest and
 * the lowest once there are at least five reviewers (common practice of 评审: one outlier each way is
 * discarded). Pure; the result is rounded to two decimals like the stored score.
 */

/** The rule in force: from how many scores one highest and one lowest are dropped. */
export const TRIM_FROM_REVIEWERS = 5;

/** The consolidated score of one application. */
export interface ConsolidatedScore {
  /** Mean of the kept scores, two decimals; null without scores. */
  score: number | null;
  /** Scores given. */
  count: number;
  /** The dropped highest and lowest (empty under TRIM_FROM_REVIEWERS). */
  dropped: number[];
}

/** Consolidates the scores of one application. */
export function consolidateReviewScores(scores: readonly number[]): ConsolidatedScore {
  if (scores.length === 0) return { score: null, count: 0, dropped: [] };
  const sorted = [...scores].sort((a, b) => a - b);
  const kept = sorted.length >= TRIM_FROM_REVIEWERS ? sorted.slice(1, -1) : sorted;
  const dropped = sorted.length >= TRIM_FROM_REVIEWERS ? [sorted[0]!, sorted[sorted.length - 1]!] : [];
  const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
  return { score: Math.round(mean * 100) / 100, count: scores.length, dropped };
}
