/**
 * Score consolidation of one application: the mean of its reviewers' rubric totals; with at least
 * `trimFromReviewers` reviewers (5 under the 2021 rules) the one highest and the one lowest total are
 * dropped first, so a single outlier cannot move the result. When several reviewers share the highest
 * (or lowest) total only one of them is dropped: the one last in reviewer-id order (the value dropped
 * is the same, so the choice changes only which sheet is marked). Consolidation is refused while any
 * assigned reviewer has not submitted.
 */

/** One reviewer's submitted total. */
export interface ReviewerTotal {
  reviewerId: number;
  total: number;
}

/** The outcome of consolidating one application. */
export type ConsolidationOutcome =
  | {
      ok: true;
      /** Mean of the kept totals (unrounded; display rounds to 2 decimals). */
      score: number;
      /** Mean of every total, untrimmed (the first tie-break). */
      rawMean: number;
      keptReviewerIds: number[];
      droppedHighId: number | null;
      droppedLowId: number | null;
    }
  | { ok: false; missingReviewerIds: number[]; message: string };

/** Consolidates the totals of the assigned reviewers (see the module comment for the rule). */
export function consolidateApplication(
  assignedReviewerIds: readonly number[],
  totals: readonly ReviewerTotal[],
  trimFromReviewers: number,
): ConsolidationOutcome {
  const byId = new Map(totals.map((t) => [t.reviewerId, t.total]));
  const missing = assignedReviewerIds.filter((id) => !byId.has(id));
  if (assignedReviewerIds.length === 0) return { ok: false, missingReviewerIds: [], message: '尚未分配评审专家' };
  if (missing.length > 0)
    return { ok: false, missingReviewerIds: missing, message: `尚有 ${missing.length} 位评审专家未提交评分，不能汇总` };
  const sheets = [...assignedReviewerIds].sort((a, b) => a - b).map((id) => ({ id, total: byId.get(id)! }));
  const rawMean = sheets.reduce((s, x) => s + x.total, 0) / sheets.length;
  if (sheets.length < trimFromReviewers)
    return { ok: true, score: rawMean, rawMean, keptReviewerIds: sheets.map((s) => s.id), droppedHighId: null, droppedLowId: null };
  let high = sheets[0]!;
  let low = sheets[0]!;
  for (const s of sheets) {
    if (s.total >= high.total) high = s;
    if (s.total <= low.total) low = s;
  }
  // With all totals equal, high and low are the same last sheet: drop the last two instead.
  if (high.id === low.id) low = sheets[sheets.length - 2]!;
  const kept = sheets.filter((s) => s.id !== high.id && s.id !== low.id);
  return {
    ok: true,
    score: kept.reduce((s, x) => s + x.total, 0) / kept.length,
    rawMean,
    keptReviewerIds: kept.map((s) => s.id),
    droppedHighId: high.id,
    droppedLowId: low.id,
  };
}

/** A score rounded for display and storage (2 decimals, half away from zero on the decimal value). */
export function roundScore(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}
