/**
 * Random but reproducible reviewer drawing with workload balance. For a seed the result is always the
 * same: applications with the fewest eligible reviewers are staffed first (ties by id); each takes the
 * least-loaded eligible reviewers, ties broken by a seeded shuffle of the pool. Conflicted reviewers
 * are never drawn; an application short of eligible reviewers is reported, not half-staffed.
 */
import { checkAwardConflict, type ApplicationProfile, type AwardConflictRules, type ReviewerProfile } from './conflicts.ts';

/** Options of the draw. */
export interface DrawOptions extends AwardConflictRules {
  perApplication: number;
  seed: number;
  /** Reviewers already assigned per application (kept; only the shortfall is drawn). */
  existing?: ReadonlyMap<number, readonly number[]>;
}

/** The draw: reviewers per application, applications that could not be staffed, and loads. */
export interface DrawResult {
  assignments: { applicationId: number; reviewerIds: number[] }[];
  unstaffed: { applicationId: number; eligible: number; needed: number }[];
  loads: { reviewerId: number; count: number }[];
}

/** mulberry32: a small seeded generator. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws reviewers for applications (see the module comment). */
export function drawReviewers(
  apps: readonly ApplicationProfile[],
  reviewers: readonly ReviewerProfile[],
  options: DrawOptions,
): DrawResult {
  const rand = seeded(options.seed);
  const order = new Map<number, number>();
  const shuffled = [...reviewers].sort((a, b) => a.id - b.id);
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  shuffled.forEach((r, i) => order.set(r.id, i));
  const load = new Map<number, number>(reviewers.map((r) => [r.id, 0]));
  for (const ids of options.existing?.values() ?? []) for (const id of ids) load.set(id, (load.get(id) ?? 0) + 1);
  const eligibleOf = new Map(
    apps.map((a) => [a.id, reviewers.filter((r) => checkAwardConflict(r, a, options) === null).map((r) => r.id)] as const),
  );
  const queue = [...apps].sort((a, b) => eligibleOf.get(a.id)!.length - eligibleOf.get(b.id)!.length || a.id - b.id);
  const assignments: DrawResult['assignments'] = [];
  const unstaffed: DrawResult['unstaffed'] = [];
  for (const app of queue) {
    const have = [...(options.existing?.get(app.id) ?? [])];
    const need = options.perApplication - have.length;
    if (need <= 0) {
      assignments.push({ applicationId: app.id, reviewerIds: have });
      continue;
    }
    const candidates = eligibleOf
      .get(app.id)!
      .filter((id) => !have.includes(id))
      .sort((a, b) => load.get(a)! - load.get(b)! || order.get(a)! - order.get(b)!);
    if (candidates.length < need) {
      unstaffed.push({ applicationId: app.id, eligible: candidates.length + have.length, needed: options.perApplication });
      continue;
    }
    const picked = candidates.slice(0, need);
    for (const id of picked) load.set(id, load.get(id)! + 1);
    assignments.push({ applicationId: app.id, reviewerIds: [...have, ...picked] });
  }
  assignments.sort((a, b) => a.applicationId - b.applicationId);
  return {
    assignments,
    unstaffed,
    loads: [...load.entries()].map(([reviewerId, count]) => ({ reviewerId, count })).sort((a, b) => a.reviewerId - b.reviewerId),
  };
}
